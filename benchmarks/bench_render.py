"""Time per report of the HTML and DOCX renderers (and of reading a DOCX back): prints one line per measurement.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_render.py``); results are recorded in
docs/performance.md. Aims (issue 4): HTML under 5 ms, DOCX under 50 ms per report.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from disclosure_core import Registry, Report, builtin_layout, load, official_layouts
from disclosure_core._formats import RenderOptions
from disclosure_core.testing import numbered_report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
ROUNDS = 7


def per_call_ms(action: Callable[[], object], calls: int) -> float:
    """The median over ROUNDS rounds of the mean time of one call, in milliseconds."""
    action()  # warm caches (templates, layout grids) as a long-running service would have them
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(calls):
            action()
        samples.append((time.perf_counter() - start) / calls * 1000)
    return statistics.median(samples)


def main() -> None:
    registry = Registry()
    reports: dict[str, Report] = {
        "daixian-2020 (gov-2019)": load(EXAMPLE).report,
        "numbered gov-2019": numbered_report("gov-2019"),
        "numbered gov-2021": numbered_report("gov-2021"),
    }
    html, docx = registry.renderer("html"), registry.renderer("docx")
    source = registry.source("docx")
    for name, report in reports.items():
        options = RenderOptions(builtin_layout(report.format))
        document = docx.render(report, options)
        timings = {
            "html": per_call_ms(lambda r=report, o=options: html.render(r, o), 100),
            "docx": per_call_ms(lambda r=report, o=options: docx.render(r, o), 20),
            "docx read": per_call_ms(
                lambda d=document: source.load(d, origin="bench.docx", layouts=official_layouts()), 20
            ),
        }
        print(f"{name:26} " + "  ".join(f"{k} {v:6.2f} ms" for k, v in timings.items()))


if __name__ == "__main__":
    main()
