"""Every rule proves itself: a report that passes it and one that fails it, built from the rule alone.

Starting from a small report whose tables add up (:func:`consistent_report`), a rule's first instance is
made to hold and then to break by the rule's kind (solving a linear relation for one cell, stating a
figure the tables agree with, …). ``disclosure rules explain ID`` prints both; the tests run both for every shipped rule.

>>> from disclosure_core.rules import builtin_rule_set
>>> examples = rule_examples(builtin_rule_set().rule("requests.balance"))
>>> sorted(examples), examples["fail"].finding.outcome.value
(['fail', 'pass'], 'fail')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from disclosure_core.findings import Finding
from disclosure_core.layouts import CellAddress, CellKind, Layout, official_layouts
from disclosure_core.model import AssessmentWeight, Body, Facts, Report, Section, Sections
from disclosure_core.rules.instances import Instance, compile_rule
from disclosure_core.rules.kinds import Sample, kind_of
from disclosure_core.rules.spec import Rule, RuleSet
from disclosure_core.values import CellValue, Count, Money


@attrs.frozen
class Example:
    """A report (and previous report) on which a rule instance ends as ``finding`` says."""

    instance: str
    report: Report
    previous: Report | None
    finding: Finding

    def describe(self) -> list[str]:
        """A few lines for people: the instance, the outcome and its message."""
        outcome = self.finding.outcome.value
        lines = [f"{self.instance}: {outcome}"]
        if outcome != "pass":
            lines.append(self.finding.message.zh)
            lines.append(self.finding.message.en)
        return lines


def consistent_report(layout: Layout, year: int | None = None, level: str = "county") -> Report:
    """A small report of ``layout`` whose tables satisfy every arithmetic relation of FORMAT.md."""
    cells: dict[CellAddress, CellValue] = {}
    requests = layout.table("requests")
    parts = [c.id for c in requests.columns if c.id != "total"]
    results = [r.id for r in requests.rows if "results" in r.groups and r.id != "total"]
    for i, result in enumerate(results):
        for j, column in enumerate(parts):
            cells[CellAddress("requests", result, column)] = Count((i + j) % 3)
    for column in parts:
        handled = sum(_n(cells, "requests", r, column) for r in results)
        for row_id, value in (("total", handled), ("carried_over", 1), ("carried_forward", 1), ("new", handled)):
            cells[CellAddress("requests", row_id, column)] = Count(value)
    for row in requests.rows:
        cells[CellAddress("requests", row.id, "total")] = Count(sum(_n(cells, "requests", row.id, c) for c in parts))
    for appeal in layout.table("appeals").rows:
        for column, value in (("upheld", 1), ("corrected", 0), ("other", 1), ("pending", 1), ("total", 3)):
            cells[CellAddress("appeals", appeal.id, column)] = Count(value)
    for address in layout.table("proactive").addresses():
        kind = layout.column_of(address).kind
        cells[address] = Money(Decimal("1.5"), "万元") if kind is CellKind.MONEY else Count(_proactive(address))
    text = "、".join(s.heading.zh for s in layout.sections)
    sections = {s.id: Section(s.heading.zh, (text,) if s.id == "overview" else ()) for s in layout.sections}
    report_year = year or layout.first_year
    return Report(
        layout.id,
        report_year,
        Body("某县人民政府", level),
        published=dt.date(report_year + 1, 1, 15),
        sections=Sections(**sections),
        facts=Facts(AssessmentWeight("所占分值权重不低于5%", Decimal(5), True)),
    ).with_cells(cells)


def _n(cells: dict[CellAddress, CellValue], table: str, row: str, column: str) -> int:
    value = cells[CellAddress(table, row, column)]
    return int(value.number or 0)


def _proactive(address: CellAddress) -> int:
    if address.row == "regulations":
        return 0
    return {"total_published": 10, "in_force": 10, "previous_items": 10, "change": 2, "decisions": 7}.get(
        address.column, 3
    )


def rule_examples(rule: Rule, layouts: Mapping[str, Layout] | None = None) -> dict[str, Example]:
    """A passing and a failing example of ``rule``'s first instance (empty dict when none can be built).

    >>> from disclosure_core.rules import builtin_rule_set
    >>> built = rule_examples(builtin_rule_set().rule("requests.balance"))
    >>> built["pass"].finding.outcome.value, built["fail"].finding.outcome.value
    ('pass', 'fail')
    """
    layouts = official_layouts() if layouts is None else layouts
    format_id = rule.applies.formats[0] if rule.applies.formats else "gov-2021"
    layout = layouts[format_id]
    year = max(rule.applies.from_year or layout.first_year, layout.first_year + 1)
    level = rule.applies.levels[0] if rule.applies.levels else "county"
    instance = compile_rule(rule, layout)[0]
    sample = Sample(
        instance.check, consistent_report(layout, year, level), consistent_report(layout, year - 1, level), layout
    )
    built = kind_of(rule.kind).examples(instance.check, sample)
    found = {}
    for label, (report, before) in built.items():
        finding = _evaluate(instance, report, before, layouts)
        found[label] = Example(instance.id, report, before, finding)
    return found


def _evaluate(instance: Instance, report: Report, previous: Report | None, layouts: Mapping[str, Layout]) -> Finding:
    from disclosure_core.rules.engine import check

    findings = check(report, rules=RuleSet((instance.rule,)), layouts=layouts, previous=previous)
    return next(f for f in findings.all if f.rule == instance.id)
