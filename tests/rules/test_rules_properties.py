"""Properties over generated reports: consistent reports pass, one changed cell is found and located."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import assume, given
from hypothesis import strategies as st

from disclosure_core import SECTION_IDS, Report, Section, Sections, check
from disclosure_core.findings import Outcome, Severity
from disclosure_core.layouts import CellAddress, CellKind, builtin_layout
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.engine import compiled_for
from disclosure_core.rules.kinds.relation import RelationCheck
from disclosure_core.rules.spec import RuleSet
from disclosure_core.rules.suggest import transpositions
from disclosure_core.testing import strategies as st_dc
from disclosure_core.values import Count


def equality_cells(format_id: str) -> list[CellAddress]:
    """Cells that an error-severity equality rule constrains exactly (any change must break one)."""
    compiled = compiled_for(builtin_rule_set(), builtin_layout(format_id))
    cells = {
        cell
        for instance in compiled.instances
        if instance.rule.severity is Severity.ERROR
        and isinstance(instance.check, RelationCheck)
        and instance.check.op == "=="
        and instance.rule.kind != "year_over_year"
        for cell in instance.cells
    }
    return sorted(cells)


def complete(report: Report) -> Report:
    """The generated report with what the tables cannot give: all six sections, published in January."""
    sections = Sections(**{s: getattr(report.sections, s) or Section(s) for s in SECTION_IDS})
    return report.evolve(sections=sections, published=dt.date(report.year + 1, 1, 20))


@given(st_dc.reports(consistent=True))
def test_a_consistent_report_passes_every_error_rule(report: Report) -> None:
    findings = check(complete(report))
    failing = [f.rule for f in findings.all if f.severity is Severity.ERROR and f.outcome is Outcome.FAIL]
    assert failing == []


@given(st_dc.reports(consistent=True), st.data())
def test_changing_one_covered_cell_fails_an_error_rule_that_names_and_locates_it(
    report: Report, data: st.DataObject
) -> None:
    cell = data.draw(st.sampled_from(equality_cells(report.format)))
    value = report.number(cell)
    assert isinstance(value, int)
    delta = data.draw(st.integers(min_value=-value, max_value=1000).filter(lambda d: d != 0))
    changed = report.with_cells({cell: Count(value + delta)})
    failing = [f for f in check(changed) if f.severity is Severity.ERROR and f.outcome is Outcome.FAIL]
    naming = [f for f in failing if cell in f.addresses]
    assert naming, f"no failing error finding names {cell}"
    assert any(cell in f.culprits for f in naming)


@given(st_dc.reports(consistent=True, max_count=400), st.data())
def test_an_adjacent_transposition_is_suggested_back(report: Report, data: st.DataObject) -> None:
    candidates = [c for c in equality_cells(report.format) if transpositions(int(report.number(c) or 0))]
    assume(candidates)
    cell = data.draw(st.sampled_from(candidates))
    original = int(report.number(cell) or 0)
    swapped = data.draw(st.sampled_from(transpositions(original)))
    findings = check(report.with_cells({cell: Count(swapped)}))
    suggested = {(s.cell, s.value, s.kind) for f in findings for s in f.suggestions}
    assert (cell, original, "transposition") in suggested


def _shuffled(seed: int) -> RuleSet:
    rules = list(builtin_rule_set().rules)
    random.Random(seed).shuffle(rules)
    return RuleSet(tuple(rules))


# Compiled once each (compiling is per rule set): the property draws among them.
ORDERS = [_shuffled(seed) for seed in range(3)]


@given(st_dc.reports(), st.sampled_from(ORDERS))
def test_outcomes_do_not_depend_on_rule_order_and_fingerprints_are_stable(report: Report, order: RuleSet) -> None:
    first = {f.rule: (f.outcome, f.fingerprint) for f in check(report).all}
    shuffled = {f.rule: (f.outcome, f.fingerprint) for f in check(report, rules=order).all}
    assert first == shuffled
    assert all(fp for outcome, fp in first.values() if outcome.listed)


def test_count_columns_only_are_perturbed() -> None:
    for format_id in ("gov-2019", "gov-2021"):
        layout = builtin_layout(format_id)
        assert all(layout.column_of(c).kind is CellKind.COUNT for c in equality_cells(format_id))
