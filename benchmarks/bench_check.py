"""Timing the rule engine: one full check, 10 000 reports, and the engine beside hand-written Python.

The hand-written function implements the same Table 2 and Table 3 rules directly (balance, row totals,
results totals, group totals, non-negativity, with blank cells ending not verifiable); the engine runs
the same rules from the shipped rule files. Run with ``make bench``; results go in docs/performance.md.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from disclosure_core import Report, check, load
from disclosure_core.layouts import CellAddress, builtin_layout
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.examples import consistent_report
from disclosure_core.rules.spec import RuleSet
from disclosure_core.values import BLANK, Count

ROOT = Path(__file__).resolve().parents[1]
TABLE_RULES = {
    "requests.balance",
    "requests.row_total",
    "requests.results_total",
    "requests.non_negative",
    "appeals.group_total",
    "appeals.non_negative",
}


def generated(count: int, seed: int = 2020) -> list[Report]:
    """Reports that add up, with one cell in three reports changed and one in ten blanked."""
    rnd = random.Random(seed)
    bases = [consistent_report(builtin_layout(f)) for f in ("gov-2019", "gov-2021")]
    reports = []
    for i in range(count):
        report = bases[i % 2]
        cells = [a for a in report.tables.cells if a.table in {"requests", "appeals"}]
        if i % 3 == 0:
            cell = rnd.choice(cells)
            report = report.with_cells({cell: Count((report.number(cell) or 0) + rnd.randint(1, 9))})
        if i % 10 == 0:
            report = report.with_cells({rnd.choice(cells): None})
        reports.append(report)
    return reports


def hand_written(report: Report) -> list[tuple[str, str]]:
    """The Table 2 and Table 3 rules written directly: (instance id, outcome) for every instance."""
    layout = builtin_layout(report.format)
    cells = report.tables.cells
    out: list[tuple[str, str]] = []

    def number(table: str, row: str, column: str) -> int | None:
        value = cells.get(CellAddress(table, row, column), BLANK).number
        return value if isinstance(value, int) else None

    def relation(rule: str, left: list[int | None], right: list[int | None]) -> None:
        if None in left or None in right:
            out.append((rule, "not_verifiable"))
        else:
            out.append((rule, "pass" if sum(left) == sum(right) else "fail"))  # type: ignore[arg-type]

    requests = layout.table("requests")
    columns = [c.id for c in requests.columns]
    parts = columns[:-1]
    results = [r.id for r in requests.rows if "results" in r.groups and r.id != "total"]
    for column in columns:
        relation(
            f"requests.balance.{column}",
            [number("requests", "new", column), number("requests", "carried_over", column)],
            [number("requests", "total", column), number("requests", "carried_forward", column)],
        )
    for row in requests.rows:
        relation(
            f"requests.row_total.{row.id}",
            [number("requests", row.id, "total")],
            [number("requests", row.id, c) for c in parts],
        )
    for column in columns:
        relation(
            f"requests.results_total.{column}",
            [number("requests", "total", column)],
            [number("requests", r, column) for r in results],
        )
    negative = any((v.number or 0) < 0 for a, v in cells.items() if a.table == "requests")
    out.append(("requests.non_negative", "fail" if negative else "pass"))
    for row in ("review", "litigation_direct", "litigation_after_review"):
        relation(
            f"appeals.group_total.{row}",
            [number("appeals", row, "total")],
            [number("appeals", row, c) for c in ("upheld", "corrected", "other", "pending")],
        )
    negative = any((v.number or 0) < 0 for a, v in cells.items() if a.table == "appeals")
    out.append(("appeals.non_negative", "fail" if negative else "pass"))
    return out


def timed(function: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timings, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    dai = load(ROOT / "examples" / "daixian-2020.json").report
    check(dai)  # compile once
    one = timed(lambda: check(dai), 200)
    print(f"full check, Dai County 2020 (all {len(check(dai).all)} rule instances): {one * 1e3:.3f} ms")

    reports = generated(10_000)
    table_rules = RuleSet(tuple(r for r in builtin_rule_set().rules if r.id in TABLE_RULES))
    for report in reports[:2]:
        check(report, rules=table_rules)
        engine = {(f.rule, f.outcome.value) for f in check(report, rules=table_rules).all if f.outcome.value != "empty"}
        manual = {(rule, outcome) for rule, outcome in hand_written(report)}
        assert engine <= manual, engine - manual
    full = timed(lambda: [check(r) for r in reports], 1)
    engine_t = timed(lambda: [check(r, rules=table_rules) for r in reports], 3)
    manual_t = timed(lambda: [hand_written(r) for r in reports], 3)
    print(f"full check, 10 000 generated reports: {full:.2f} s ({full / len(reports) * 1e3:.3f} ms per report)")
    print(
        f"Table 2 + 3 rules, 10 000 reports: engine {engine_t:.2f} s, hand-written {manual_t:.2f} s, ratio {engine_t / manual_t:.2f}"
    )


if __name__ == "__main__":
    main()
