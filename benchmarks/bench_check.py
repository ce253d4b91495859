"""Timing the rule engine against a true straight-line reference, interleaved, with medians and ranges.

Three measurements, each engine-vs-reference pair run in alternating order so that whatever else the
machine does affects both alike:

* the Table 2 and Table 3 rules (balance, row totals, results totals, group totals, non-negativity) on
  passing reports of both formats — the engine runs them from the shipped rule files;
* a full check of a complete passing report (every table cell, last year's report, figures in the text);
* a full check of the Dai County example (half-blank, three failures);
* for information, the first check of a fresh copy of either report (what is kept per report object — the
  figures stated in its text, its facts — is then worked out in the check).

**Why the reference is the limit.** :func:`reference_source` writes, for one layout, the function a person
would type for these rules in CPython: every cell read once into a local (one dict lookup by a prebuilt
address and ``.number``, no object made per lookup), then one ``if`` per equation over those locals, the
function chosen once per format (no layout lookup per report). Nothing that produces the same outcomes
does less work in pure Python: each cell must be looked up once, each equation tested once. It only says
``pass`` / ``fail`` / ``not_verifiable`` / ``empty``; the engine also returns a finding for every instance.

Run with ``make bench`` (``--quick`` for fewer repetitions); results go in docs/performance.md.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from disclosure_core import Report, load
from disclosure_core.findings import Outcome
from disclosure_core.layouts import CellAddress, Layout, builtin_layout, official_layouts
from disclosure_core.model import Section
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.engine import check, compiled_for
from disclosure_core.rules.examples import consistent_report
from disclosure_core.rules.kinds.narrative import NarrativeCheck
from disclosure_core.rules.narrative import SAMPLES
from disclosure_core.rules.spec import RuleSet
from disclosure_core.values import BLANK, Count, Money

ROOT = Path(__file__).resolve().parents[1]
TABLE_RULES = {
    "requests.balance",
    "requests.row_total",
    "requests.results_total",
    "requests.non_negative",
    "appeals.group_total",
    "appeals.non_negative",
}
LAYOUTS = official_layouts()


def reference_source(layout: Layout) -> tuple[str, dict[str, CellAddress]]:
    """The straight-line reference for the Table 2 and 3 rules of ``layout``: its source and its addresses."""
    addresses: dict[CellAddress, str] = {}

    def n(table: str, row: str, column: str) -> str:
        address = CellAddress(table, row, column)
        return addresses.setdefault(address, f"a{len(addresses)}")

    requests, appeals = layout.table("requests"), layout.table("appeals")
    columns = [c.id for c in requests.columns]
    parts = columns[:-1]
    results = [r.id for r in requests.rows if "results" in r.groups and r.id != "total"]
    equations: list[tuple[list[str], list[str]]] = []
    for column in columns:
        equations.append(
            (
                [n("requests", "new", column), n("requests", "carried_over", column)],
                [n("requests", "total", column), n("requests", "carried_forward", column)],
            )
        )
    for row in requests.rows:
        equations.append(([n("requests", row.id, "total")], [n("requests", row.id, c) for c in parts]))
    for column in columns:
        equations.append(([n("requests", "total", column)], [n("requests", r, column) for r in results]))
    appeal_equations = [
        ([n("appeals", row.id, "total")], [n("appeals", row.id, c.id) for c in appeals.columns if c.id != "total"])
        for row in appeals.rows
    ]
    request_cells = [n("requests", r.id, c) for r in requests.rows for c in columns]
    appeal_cells = [n("appeals", r.id, c.id) for r in appeals.rows for c in appeals.columns]
    lines = ["def reference(cells):", "    get = cells.get"]
    lines += [f"    {local} = get(K_{local}, BLANK).number" for local in addresses.values()]
    lines.append("    out = []")
    for left, right in equations:
        lines += _equation(left, right)
    lines += _non_negative(request_cells)
    for left, right in appeal_equations:
        lines += _equation(left, right)
    lines += _non_negative(appeal_cells)
    lines.append("    return out")
    return "\n".join(lines) + "\n", {f"K_{local}": address for address, local in addresses.items()}


def _equation(left: list[str], right: list[str]) -> list[str]:
    every = left + right
    return [
        f"    if {' and '.join(f'{v} is not None' for v in every)}:",
        f"        out.append('pass' if {' + '.join(left)} == {' + '.join(right)} else 'fail')",
        f"    elif {' or '.join(every)}:",
        "        out.append('not_verifiable')",
        "    else:",
        "        out.append('empty')",
    ]


def _non_negative(cells: list[str]) -> list[str]:
    return [
        f"    if {' and '.join(f'{v} is None' for v in cells)}:",
        "        out.append('empty')",
        f"    elif {' or '.join(f'({v} is not None and {v} < 0)' for v in cells)}:",
        "        out.append('fail')",
        "    else:",
        "        out.append('pass')",
    ]


def references() -> dict[str, Callable[[dict[CellAddress, object]], list[str]]]:
    """The reference function of each official format, compiled once."""
    found = {}
    for layout in LAYOUTS.values():
        source, keys = reference_source(layout)
        namespace = {"BLANK": BLANK, **keys}
        exec(compile(source, f"<reference {layout.id}>", "exec"), namespace)
        found[layout.id] = namespace["reference"]
    return found


def passing_reports(count: int, seed: int = 2020) -> list[Report]:
    """Reports whose tables add up: each table of a consistent report scaled by its own random factor."""
    rnd = random.Random(seed)
    bases = [consistent_report(builtin_layout(f)) for f in ("gov-2019", "gov-2021")]
    reports = []
    for i in range(count):
        base = bases[i % 2]
        factor = {table: rnd.randint(1, 60) for table in ("proactive", "requests", "appeals")}
        cells = {
            address: Count(value.value * factor[address.table])
            if isinstance(value, Count)
            else Money(value.amount * factor[address.table], value.unit)
            if isinstance(value, Money)
            else value
            for address, value in base.tables.cells.items()
        }
        reports.append(base.with_cells(cells))
    return reports


def complete_report() -> tuple[Report, Report]:
    """A gov-2021 report that passes every rule: every cell, last year's report, and figures in the text."""
    layout = builtin_layout("gov-2021")
    report, previous = consistent_report(layout, 2022), consistent_report(layout, 2021)
    sentences = []
    values = {key: report.number(str(key[1])) or 0 for key in _narrative_keys(layout)}
    handled = report.number("requests.total.total") or 1
    for instance in compiled_for(builtin_rule_set(), layout).instances:
        check_ = instance.check
        if not isinstance(check_, NarrativeCheck) or check_.measure != "count":
            continue
        total = check_.table.function({k: values[k] for k in check_.table.keys})
        assert isinstance(total, int)
        sentence = SAMPLES[check_.figure]
        if "{n}" not in sentence:
            if total == 0:
                sentences.append(sentence)
            continue
        share = (Decimal(total) * 100 / Decimal(handled)).quantize(Decimal("0.1"))
        sentences.append(sentence.format(n=total) + f"，占{share}%")
    overview = report.sections.overview or Section("一、总体情况")
    text = Section(overview.heading, (*overview.paragraphs, "；".join(sentences) + "。"))
    return report.evolve(sections=attrs.evolve(report.sections, overview=text)), previous


def _narrative_keys(layout: Layout) -> set[tuple[bool, CellAddress | str]]:
    return {
        key
        for instance in compiled_for(builtin_rule_set(), layout).instances
        if isinstance(instance.check, NarrativeCheck)
        for key in instance.check.table.keys
    }


def _copy(report: Report) -> Report:
    """The same report as new objects (its cells shared): nothing kept per report object applies to it."""
    return attrs.evolve(report, sections=attrs.evolve(report.sections))


def interleaved(pairs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Each function timed ``repeat`` times (CPU time of this process), the order rotated every round."""
    runs: dict[str, list[float]] = {name: [] for name in pairs}
    names = list(pairs)
    for round_ in range(repeat):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            start = time.process_time()  # CPU time: what other processes do on the machine counts less
            pairs[name]()
            runs[name].append(time.process_time() - start)
    return runs


def shown(runs: Sequence[float], per: int) -> str:
    """Median and range per item, in µs."""
    scaled = [r / per * 1e6 for r in runs]
    return f"{statistics.median(scaled):.1f} µs (range {min(scaled):.1f}–{max(scaled):.1f})"


def ratio(a: Sequence[float], b: Sequence[float]) -> str:
    """Median of the per-round ratios, and their range."""
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    return f"{statistics.median(ratios):.2f}× (range {min(ratios):.2f}–{max(ratios):.2f})"


def main(argv: list[str]) -> None:
    repeat = 5 if "--quick" in argv else 15
    rules = builtin_rule_set()
    table_rules = RuleSet(tuple(r for r in rules.rules if r.id in TABLE_RULES))
    refs = references()
    reports = passing_reports(2000)

    def engine_tables() -> None:
        for report in reports:
            check(report, rules=table_rules, layouts=LAYOUTS)

    def reference_tables() -> None:
        for report in reports:
            refs[report.format](report.tables.cells)  # type: ignore[arg-type]

    # The reference and the engine agree on every instance of these reports (and on a failing one).
    failing = reports[0].with_cells({"requests.granted.commercial": 99, "appeals.review.total": None})
    for report in [*reports[:50], failing]:
        engine = [f.outcome.value for f in check(report, rules=table_rules, layouts=LAYOUTS).all]
        assert engine == refs[report.format](report.tables.cells), report.format  # type: ignore[arg-type]
    assert set(engine) == {"pass", "fail", "not_verifiable"}

    complete, previous = complete_report()
    outcomes = check(complete, rules=rules, layouts=LAYOUTS, previous=previous).by_outcome()
    assert set(outcomes) <= {Outcome.PASS, Outcome.EMPTY}, outcomes  # empty: 均获维持 is not claimed
    dai = load(ROOT / "examples" / "daixian-2020.json").report
    complete_cells: dict[CellAddress, object] = complete.tables.cells  # type: ignore[assignment]
    dai_cells: dict[CellAddress, object] = dai.tables.cells  # type: ignore[assignment]
    many = 200
    # Fresh copies (new report and sections objects): what is worked out once per report — the figures in the
    # text, the facts — is worked out again in each of their checks, as in a batch that checks each report once.
    fresh = {
        name: [_copy(report) for _ in range(many * repeat)] for name, report in (("complete", complete), ("dai", dai))
    }
    first: dict[str, list[float]] = {"complete": [], "dai": []}

    def first_checks(name: str, previous_report: Report | None) -> None:
        copies = fresh[name][len(first[name]) * many :][:many]
        start = time.process_time()
        for copy in copies:
            check(copy, rules=rules, layouts=LAYOUTS, previous=previous_report)
        first[name].append(time.process_time() - start)

    runs = interleaved(
        {
            "engine, Tables 2+3": engine_tables,
            "reference, Tables 2+3": reference_tables,
            "full check, complete": lambda: [
                check(complete, rules=rules, layouts=LAYOUTS, previous=previous) for _ in range(many)
            ],
            "reference, complete": lambda: [refs["gov-2021"](complete_cells) for _ in range(many)],
            "full check, Dai County": lambda: [check(dai, rules=rules, layouts=LAYOUTS) for _ in range(many)],
            "reference, Dai County": lambda: [refs["gov-2019"](dai_cells) for _ in range(many)],
            "first check, complete": lambda: first_checks("complete", previous),
            "first check, Dai County": lambda: first_checks("dai", None),
        },
        repeat,
    )
    print(f"{repeat} interleaved rounds; per report, median and range")
    print(f"Tables 2+3, {len(reports)} passing reports: engine {shown(runs['engine, Tables 2+3'], len(reports))}")
    print(f"    reference {shown(runs['reference, Tables 2+3'], len(reports))}")
    print(f"    ratio {ratio(runs['engine, Tables 2+3'], runs['reference, Tables 2+3'])}")
    print(f"full check, complete passing report ({dict(sorted((o.value, n) for o, n in outcomes.items()))}):")
    print(f"    {shown(runs['full check, complete'], many)}, reference {shown(runs['reference, complete'], many)}")
    print(f"    ratio {ratio(runs['full check, complete'], runs['reference, complete'])}")
    dai_findings = check(dai, rules=rules, layouts=LAYOUTS).by_outcome()
    print(f"full check, Dai County 2020 ({dict(sorted((o.value, n) for o, n in dai_findings.items()))}):")
    print(f"    {shown(runs['full check, Dai County'], many)}, reference {shown(runs['reference, Dai County'], many)}")
    print(f"    ratio {ratio(runs['full check, Dai County'], runs['reference, Dai County'])}")
    print("first check of a report (a fresh copy: its text's figures and facts worked out in the check):")
    print(f"    complete {shown(first['complete'], many)}, Dai County {shown(first['dai'], many)}")


if __name__ == "__main__":
    main(sys.argv[1:])
