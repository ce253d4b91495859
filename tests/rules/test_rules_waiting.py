"""Findings waiting for last year's report, made from what the engine kept of their instance (rules/waiting.py):
field for field what the interpreter makes, report after report, and written as the whole finding encoded."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Count, Provenance, Reading
from disclosure_core.findings import Outcome
from disclosure_core.layouts import CellAddress, builtin_layout, official_layouts
from disclosure_core.model import Report
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.engine import check, evaluate_interpreted
from disclosure_core.rules.examples import consistent_report
from disclosure_core.rules.output import EncodedFinding, finding_json, findings_parts
from disclosure_core.values import CellValue, placeholder

RULES, LAYOUTS = builtin_rule_set(), official_layouts()
# A cell changed to a count, blanked (-1), a placeholder (-2); or read not exactly.
_CHANGES = st.lists(st.tuples(st.integers(0, 199), st.integers(-2, 9)), max_size=6)
_READINGS = st.lists(st.tuples(st.integers(0, 199), st.sampled_from(["chosen", "uncertain", "exact"])), max_size=4)


def _report(layout_id: str, changes: list[tuple[int, int]], readings: list[tuple[int, str]]) -> Report:
    report = consistent_report(builtin_layout(layout_id))
    cells = sorted(report.tables.cells)
    updates: dict[CellAddress, CellValue | None] = {}
    for i, change in changes:
        updates[cells[i % len(cells)]] = None if change == -1 else placeholder("-") if change == -2 else Count(change)
    for i, reading in readings:
        number = report.number(cells[i % len(cells)])
        if isinstance(number, int):
            where = Provenance("某.pdf", page=2, reading=Reading(reading))
            updates[cells[i % len(cells)]] = Count(number, provenance=where)
    return report.with_cells(updates)


@given(st.sampled_from(["gov-2019", "gov-2021"]), st.lists(st.tuples(_CHANGES, _READINGS), min_size=2, max_size=4))
def test_waiting_findings_are_the_interpreters_report_after_report(
    layout_id: str, variants: list[tuple[list[tuple[int, int]], list[tuple[int, str]]]]
) -> None:
    # The first report's findings teach the engine what recurs; the next ones are made from it.
    for changes, readings in variants:
        report = _report(layout_id, changes, readings)
        made = check(report, rules=RULES, layouts=LAYOUTS).all
        interpreted = evaluate_interpreted(report, rules=RULES, layouts=LAYOUTS).all
        assert [f for f in made if f.outcome.listed] == [f for f in interpreted if f.outcome.listed]
        waiting = [f for f in made if f.awaits_previous_report]
        assert waiting, "every consistent report has year-over-year checks that wait"
        assert all(f.outcome is Outcome.NOT_VERIFIABLE for f in made if f._shape is not None)
        document, _ = findings_parts(report, check(report, rules=RULES, layouts=LAYOUTS))
        encoded = [f for f in document["findings"] if isinstance(f, EncodedFinding)]
        assert encoded  # at least the second time an instance waits
        by_rule = {f.rule: f for f in made}
        for shown in encoded:
            assert dict(shown) == finding_json(by_rule[shown["rule"]], builtin_layout(layout_id))
            assert shown.encoded == json.dumps(shown, ensure_ascii=False, separators=(",", ":"))


def test_nothing_is_kept_when_last_years_report_is_given() -> None:
    report = consistent_report(builtin_layout("gov-2021"))
    previous = consistent_report(builtin_layout("gov-2021"), report.year - 1)
    findings = check(report, rules=RULES, layouts=LAYOUTS, previous=previous).all
    assert all(f._shape is None for f in findings if f.outcome.listed)
    check(report, rules=RULES, layouts=LAYOUTS)  # without it, what recurs is kept ...
    alone = check(report, rules=RULES, layouts=LAYOUTS).all
    waiting = [f for f in alone if f.awaits_previous_report]
    assert waiting
    assert all(f._shape is not None for f in waiting)  # ... and used the next time
    assert all(f._shape is None for f in alone if f.outcome.listed and not f.awaits_previous_report)
