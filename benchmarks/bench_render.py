"""Time per report of the HTML, DOCX and XLSX renderers (and of reading a DOCX back): one line per report.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_render.py``); results are recorded in
docs/performance.md. Aims: HTML under 5 ms, DOCX under 50 ms (issue 4), XLSX under 20 ms (issue 13) per report.
Times are CPU time of this process (``time.process_time``): on a shared machine wall time mostly measures
the other jobs. Rounds are interleaved (each round times every report with every renderer once, so a busy
spell on the machine falls on all of them alike); each figure is the median of the rounds, with their range.

    bench_render.py [--rounds N] [--only xlsx,docx] [--tsv]

``--tsv`` prints one line per round and timing (report, what, ms): for comparing two checkouts run in turn
(``for i in 1..7: old/bench --rounds 1 --tsv; new/bench --rounds 1 --tsv``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from disclosure_core import Registry, Renderer, Report, builtin_layout, load, official_layouts
from disclosure_core._formats import RenderOptions
from disclosure_core.testing import numbered_report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
ROUNDS = 7
CALLS = {"html": 100, "docx": 20, "xlsx": 20, "docx read": 20}
"""Calls per timing: the mean of many calls, so that a timing is well above the clock's resolution."""


def per_call_ms(action: Callable[[], object], calls: int) -> float:
    """The mean CPU time of one call over ``calls`` calls, in milliseconds."""
    start = time.process_time()
    for _ in range(calls):
        action()
    return (time.process_time() - start) / calls * 1000


def actions(registry: Registry, report: Report, only: set[str]) -> dict[str, Callable[[], object]]:
    """What is timed for one report, by name."""
    options = RenderOptions(builtin_layout(report.format))
    found: dict[str, Callable[[], object]] = {}

    def rendering(renderer: Renderer) -> Callable[[], object]:
        return lambda: renderer.render(report, options)

    for name in ("html", "docx", "xlsx"):
        if name in only:
            found[name] = rendering(registry.renderer(name))
    if "docx read" in only:
        document = registry.renderer("docx").render(report, options)
        source = registry.source("docx")
        found["docx read"] = lambda: source.load(document, origin="bench.docx", layouts=official_layouts())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--only", default=",".join(CALLS), help="comma-separated: html, docx, xlsx, docx read")
    parser.add_argument("--tsv", action="store_true", help="one line per round and timing")
    arguments = parser.parse_args()
    only = {name.strip() for name in arguments.only.split(",")}
    registry = Registry()
    reports: dict[str, Report] = {
        "daixian-2020 (gov-2019)": load(EXAMPLE).report,
        "numbered gov-2019": numbered_report("gov-2019"),
        "numbered gov-2021": numbered_report("gov-2021"),
    }
    timed = {name: actions(registry, report, only) for name, report in reports.items()}
    for report_actions in timed.values():
        for action in report_actions.values():
            action()  # warm caches (templates, layout grids) as a long-running service would have them
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(arguments.rounds):
        for name, report_actions in timed.items():
            for what, action in report_actions.items():
                ms = per_call_ms(action, CALLS[what])
                samples.setdefault((name, what), []).append(ms)
                if arguments.tsv:
                    print(f"{name}\t{what}\t{ms:.3f}", flush=True)
    if arguments.tsv:
        return
    for name, report_actions in timed.items():
        figures = []
        for what in report_actions:
            values = samples[name, what]
            figures.append(f"{what} {statistics.median(values):6.2f} ms ({min(values):.2f}–{max(values):.2f})")
        print(f"{name:26} " + "  ".join(figures))


if __name__ == "__main__":
    main()
