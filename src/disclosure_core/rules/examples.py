"""Every rule proves itself: a report that passes it and one that fails it, built from the rule alone.

Starting from a small report whose tables add up (:func:`consistent_report`), a rule's first instance is
made to hold (solving its linear relation for one cell, stating a figure the tables agree with, …) and
then to break. ``disclosure rules explain ID`` prints both; the tests run both for every shipped rule.

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

from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import CellAddress, CellKind, Layout, official_layouts
from disclosure_core.model import AssessmentWeight, Body, Facts, Report, Section, Sections
from disclosure_core.rules.arithmetic import PatternCheck, RelationCheck, ThresholdCheck, UnitCheck
from disclosure_core.rules.compile import Key, Number
from disclosure_core.rules.context import Context
from disclosure_core.rules.documents import (
    NUMERALS,
    SECTION_NAMES,
    DeadlineCheck,
    FormatCheck,
    NarrativeCheck,
    RequiredCheck,
)
from disclosure_core.rules.instances import Instance, compile_rule
from disclosure_core.rules.narrative import SAMPLES
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
    text = "、".join(f"{NUMERALS[s]}、{SECTION_NAMES[s][0]}" for s in NUMERALS)
    sections = {
        s: Section(f"{NUMERALS[s]}、{SECTION_NAMES[s][0]}", (text,) if s == "overview" else ()) for s in NUMERALS
    }
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
    """A passing and a failing example of ``rule``'s first instance (empty dict when none can be built)."""
    layouts = official_layouts() if layouts is None else layouts
    format_id = rule.applies.formats[0] if rule.applies.formats else "gov-2021"
    layout = layouts[format_id]
    year = max(rule.applies.from_year or layout.first_year, layout.first_year + 1)
    level = rule.applies.levels[0] if rule.applies.levels else "county"
    base = consistent_report(layout, year, level)
    previous = consistent_report(layouts[format_id], year - 1, level) if rule.kind == "year_over_year" else None
    instance = compile_rule(rule, layout)[0]
    built = _build(instance, base, previous, layout)
    found = {}
    for label, (report, before) in built.items():
        finding = _evaluate(instance, report, before, layouts)
        found[label] = Example(instance.id, report, before, finding)
    return found


def _evaluate(instance: Instance, report: Report, previous: Report | None, layouts: Mapping[str, Layout]) -> Finding:
    from disclosure_core.rules.engine import check

    findings = check(report, rules=RuleSet((instance.rule,)), layouts=layouts, previous=previous)
    return next(f for f in findings.all if f.rule == instance.id)


Pair = tuple[Report, Report | None]


def _build(instance: Instance, base: Report, previous: Report | None, layout: Layout) -> dict[str, Pair]:
    check = instance.check
    if isinstance(check, RelationCheck | ThresholdCheck):
        return _linear_examples(instance, base, previous, layout)
    if isinstance(check, RequiredCheck):
        return {"pass": (base, None), "fail": (_break_required(check, base), None)}
    if isinstance(check, NarrativeCheck):
        return _narrative_examples(check, base, layout)
    if isinstance(check, DeadlineCheck):
        level = base.body.level.value
        month, day = (int(p) for p in check.by_level[level].split("-"))
        deadline = dt.date(base.year + 1, month, day)
        return {
            "pass": (base.evolve(published=deadline), None),
            "fail": (base.evolve(published=deadline + dt.timedelta(days=1)), None),
        }
    if isinstance(check, FormatCheck):
        wrong = (layout.last_year or base.year) + 1 if layout.last_year else layout.first_year - 1
        return {"pass": (base, None), "fail": (base.evolve(year=wrong, published=None), None)}
    if isinstance(check, PatternCheck):
        return _pattern_examples(check, base)
    assert isinstance(check, UnitCheck)
    cell = check.cells[0]
    return {"pass": (base, None), "fail": (base.with_cells({cell: Money(Decimal(15000), "元")}), None)}


def _linear_examples(instance: Instance, base: Report, previous: Report | None, layout: Layout) -> dict[str, Pair]:
    check = instance.check
    assert isinstance(check, RelationCheck | ThresholdCheck)
    keys = check.keys
    if all(isinstance(name, str) for _, name in keys):  # a fact: the assessment weight
        low = base.evolve(facts=Facts(AssessmentWeight("所占分值权重为3%", Decimal(3))))
        return {"pass": (base, previous), "fail": (low, previous)}
    passing = _solve(instance, base, previous, layout)
    cells = [name for prev, name in keys if not prev and isinstance(name, CellAddress)]
    # A failing example with counts that could be printed is clearer: negative ones only when nothing else fails.
    for allow_negative in (False, True):
        for cell in cells:
            for delta in (1, -1, 10, -10, 1000, -1000):
                number = (passing[0].number(cell) or 0) + delta
                if number < 0 and not allow_negative:
                    continue
                candidate = passing[0].with_cells({cell: _like(passing[0].cell(cell), number)})
                if _outcome(instance, candidate, passing[1], layout) is Outcome.FAIL:
                    return {"pass": passing, "fail": (candidate, passing[1])}
    return {"pass": passing, "fail": passing}


def _like(value: CellValue, number: int | Decimal) -> CellValue:
    if isinstance(value, Money):
        return Money(Decimal(number), value.unit)
    return Count(int(number))


def _outcome(instance: Instance, report: Report, previous: Report | None, layout: Layout) -> Outcome:
    ctx = Context(report, layout, report.tables.cells, {layout.id: layout}, previous, layout if previous else None)
    result = instance.check.evaluate(ctx)
    return Outcome.PASS if result is None else result.outcome


def _solve(instance: Instance, report: Report, previous: Report | None, layout: Layout) -> Pair:
    """Make the instance hold by changing one current cell of its linear relation (base if it already holds)."""
    if _outcome(instance, report, previous, layout) is Outcome.PASS:
        return report, previous
    check = instance.check
    assert isinstance(check, RelationCheck)
    ctx = Context(report, layout, report.tables.cells, {layout.id: layout}, previous, layout if previous else None)
    result = check.evaluate(ctx)
    assert result is not None
    assert result.linear is not None
    residual = result.linear.value(result.values)
    for (prev, name), weight in result.linear.terms:
        if prev or not isinstance(name, CellAddress):
            continue
        needed = Decimal(result.values[(prev, name)]) - Decimal(residual) / Decimal(weight)
        if needed >= 0 and needed == int(needed):
            candidate = report.with_cells({name: _like(report.cell(name), int(needed))})
            if _outcome(instance, candidate, previous, layout) is Outcome.PASS:
                return candidate, previous
    return report, previous


def _break_required(check: RequiredCheck, report: Report) -> Report:
    if check.any_of:
        return report.with_cells(dict.fromkeys(check.any_of))
    if check.cells:
        return report.with_cells({check.cells[0]: None})
    section = check.sections[0]
    if check.numbered:
        current = getattr(report.sections, section)
        return report.evolve(
            sections=attrs.evolve(report.sections, **{section: Section(SECTION_NAMES[section][0], current.paragraphs)})
        )
    return report.evolve(sections=attrs.evolve(report.sections, **{section: None}))


def _narrative_examples(check: NarrativeCheck, base: Report, layout: Layout) -> dict[str, Pair]:
    ctx = Context(base, layout, base.tables.cells, {layout.id: layout})
    values: dict[Key, Number] = {}
    for key in check.table.keys:
        value = ctx.value(key)
        values[key] = value.number if value is not None and value.number is not None else 0
    total = check.table.function(values)
    assert isinstance(total, int)
    table_value = total
    sample = SAMPLES[check.figure]
    if check.figure == "appeals_not_upheld":
        upheld = base.with_cells({name: 0 for _, name in check.table.keys if isinstance(name, CellAddress)})
        return {"pass": (_say(upheld, sample), None), "fail": (_say(base, sample), None)}
    if check.measure == "percent":
        n = 1
        share = (Decimal(n) * 100 / Decimal(table_value)).quantize(Decimal("0.1"))
        return {
            "pass": (_say(base, sample.format(n=n) + f"，占{share}%"), None),
            "fail": (_say(base, sample.format(n=n) + f"，占{share + 5}%"), None),
        }
    return {
        "pass": (_say(base, sample.format(n=table_value)), None),
        "fail": (_say(base, sample.format(n=table_value + 1)), None),
    }


def _say(report: Report, sentence: str) -> Report:
    overview = report.sections.overview or Section("一、总体情况")
    stated = Section(overview.heading, (*overview.paragraphs, sentence + "。"))
    return report.evolve(sections=attrs.evolve(report.sections, overview=stated))


def _pattern_examples(check: PatternCheck, base: Report) -> dict[str, Pair]:
    cells: dict[str, int] = {}
    for row, _ in check.rows:
        cells[f"proactive.{row}.decisions"] = _n(dict(base.tables.cells), "proactive", row, "previous_items") + _n(
            dict(base.tables.cells), "proactive", row, "change"
        )
    following = base.with_cells(cells)
    first = check.rows[0][0]
    broken = following.with_cells({f"proactive.{first}.decisions": cells[f"proactive.{first}.decisions"] + 9})
    return {"pass": (following, None), "fail": (broken, None)}
