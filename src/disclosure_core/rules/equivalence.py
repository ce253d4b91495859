"""Generated code against the interpreter: varied reports, and whether both give the same findings.

:func:`varied_case` makes a report (and maybe last year's) of any layout from a seeded random source:
tables that add up, then some cells changed, blanked, set to placeholders or not-applicable, amounts in
the wrong unit, stated figures in the text. :func:`differences` checks it both ways — with the generated
code (:func:`~disclosure_core.rules.engine.check`) and with the interpreter alone
(:func:`~disclosure_core.rules.engine.evaluate_interpreted`) — and lists the findings that differ.

The property test runs a few hundred cases; ``tools/codegen_equivalence.py 100000`` (run by
``make test-long``) runs many more and prints the count, the time and the differences.

>>> import random
>>> from disclosure_core import Registry
>>> registry = Registry(entry_points=False)
>>> case = varied_case(random.Random(1), registry.layouts())
>>> differences(case, registry.rule_set(), registry.layouts())
[]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

import attrs

from disclosure_core.findings import Finding
from disclosure_core.layouts import CellAddress, CellKind, Layout
from disclosure_core.model import SECTION_IDS, AssessmentWeight, BodyLevel, Report, Section
from disclosure_core.rules.engine import check, evaluate_interpreted
from disclosure_core.rules.examples import consistent_report
from disclosure_core.rules.narrative import SAMPLES
from disclosure_core.rules.spec import RuleSet
from disclosure_core.values import BLANK, NOT_APPLICABLE, CellValue, Count, Money, placeholder


@attrs.frozen
class Case:
    """One report to check both ways: the report, last year's (or None) and the blank-as-zero option."""

    report: Report
    previous: Report | None
    blank_as_zero: bool


def varied_case(rnd: random.Random, layouts: Mapping[str, Layout]) -> Case:
    """A report of a layout drawn from ``layouts``, maybe with last year's report by the same body."""
    layout = rnd.choice(sorted(layouts.values(), key=lambda la: la.id))
    last = layout.last_year or layout.first_year + 4
    year = (
        rnd.randint(layout.first_year, last) if rnd.random() < 0.95 else rnd.choice((layout.first_year - 1, last + 1))
    )
    level = rnd.choice(list(BodyLevel)).value
    report = varied_report(rnd, layout, year, level)
    previous = None
    if rnd.random() < 0.4:
        before = [la for la in layouts.values() if la.applies_to(year - 1) and la.extends is None] or [layout]
        previous = varied_report(rnd, rnd.choice(before), year - 1, level)
    return Case(report, previous, rnd.random() < 0.2)


def varied_report(rnd: random.Random, layout: Layout, year: int, level: str) -> Report:
    """A report whose tables add up, then varied: a few cells, many, or nearly all of them."""
    report = consistent_report(layout, year, level)
    addresses = layout.addresses()
    cells: dict[CellAddress, CellValue | None] = {}
    if rnd.random() < 0.15:
        cells = dict.fromkeys(addresses)  # nearly empty: what half-filled reports look like
        keep = rnd.sample(addresses, rnd.randint(0, 12))
        cells.update({a: report.cell(a) for a in keep})
    count = rnd.choice((0, 0, 1, 1, 2, 3, 8, 40))
    for address in rnd.sample(addresses, min(count, len(addresses))):
        printed = report.cell(address)
        cells[address] = _varied(rnd, printed, layout.column_of(address).kind)
    if rnd.random() < 0.3:
        report = _stated(rnd, report)
    if rnd.random() < 0.1:
        report = report.evolve(published=None)
    elif rnd.random() < 0.2:  # on, before or after the deadlines (31 January, 31 March)
        month, day = rnd.choice(((1, 15), (1, 31), (2, 1), (3, 15), (3, 31), (4, 1)))
        report = report.evolve(published=dt.date(year + 1, month, day))
    if rnd.random() < 0.2:
        report = _headings(rnd, report)
    if rnd.random() < 0.25:
        report = _weights(rnd, report)
    return report.with_cells(cells) if cells else report


def _headings(rnd: random.Random, report: Report) -> Report:
    """A section left out, or a heading without its numeral or with another's."""
    section_id = rnd.choice(SECTION_IDS)
    section = getattr(report.sections, section_id)
    if section is None or rnd.random() < 0.4:
        changed = None
    else:
        name = (section.heading or "")[2:]
        changed = Section(rnd.choice((name, f"七、{name}", f"一、{name}", f" 二．{name}")), section.paragraphs)
    return report.evolve(sections=attrs.evolve(report.sections, **{section_id: changed}))


def _weights(rnd: random.Random, report: Report) -> Report:
    """The assessment weight filled in or not (3%, 4%, 5%, points only), and said in the text or not."""
    filled = rnd.choice((None, Decimal(3), Decimal(4), Decimal("4.5"), Decimal(5)))
    weight = rnd.choice((None, AssessmentWeight("", filled), AssessmentWeight("", None, points=Decimal(3))))
    report = report.evolve(facts=attrs.evolve(report.facts, assessment_weight=weight))
    if rnd.random() < 0.5:
        said = rnd.choice(("3", "4", "5", "4.5"))
        overview = report.sections.overview or Section("一、总体情况")
        text = f"政府信息公开工作列入绩效考核范围，所占分值权重为{said}%。"
        report = report.evolve(
            sections=attrs.evolve(report.sections, overview=Section(overview.heading, (*overview.paragraphs, text)))
        )
    return report


def _varied(rnd: random.Random, printed: CellValue, kind: CellKind) -> CellValue:
    choice = rnd.random()
    if choice < 0.15:
        return BLANK
    if choice < 0.25:
        return placeholder(rnd.choice(("-", "/", "无", "——")))
    if choice < 0.3:
        return NOT_APPLICABLE
    number = printed.number or 0
    if kind is CellKind.MONEY:
        unit = rnd.choice(("万元", "万元", "元", None))
        return Money(Decimal(number) + Decimal(rnd.randint(-300, 300)) / 100, unit)
    if choice < 0.4:
        return Count(0)
    if choice < 0.45:
        return Count(-rnd.randint(1, 5))
    if choice < 0.55 and number >= 10:
        digits = str(int(number))
        return Count(int(digits[1] + digits[0] + digits[2:]))
    return Count(max(0, int(number) + rnd.choice((-2, -1, 1, 1, 2, 10))))


def _stated(rnd: random.Random, report: Report) -> Report:
    """Figures stated in the overview: the tables' values, or a little off, sometimes with a share."""
    sentences = []
    for figure, sentence in rnd.sample(sorted(SAMPLES.items()), rnd.randint(1, 6)):
        n = rnd.choice((0, 1, 3, 7, 12))
        text = sentence.format(n=n) if "{n}" in sentence else sentence
        if rnd.random() < 0.3 and figure not in {"appeals_not_upheld"}:
            text += f"，占{rnd.randint(1, 99)}.{rnd.randint(0, 9)}%"
        sentences.append(text)
    overview = report.sections.overview or Section("一、总体情况")
    stated = Section(overview.heading, (*overview.paragraphs, "，".join(sentences) + "。"))
    return report.evolve(sections=attrs.evolve(report.sections, overview=stated))


def differences(case: Case, rules: RuleSet, layouts: Mapping[str, Layout]) -> list[tuple[Finding, Finding]]:
    """The findings that differ between the generated code and the interpreter (the empty list: none)."""
    generated, interpreted = both_ways(case, rules, layouts)
    return [(a, b) for a, b in zip(generated, interpreted, strict=True) if a != b]


def both_ways(
    case: Case, rules: RuleSet, layouts: Mapping[str, Layout]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Every finding with the generated code, and with the interpreter alone."""
    generated = check(
        case.report, rules=rules, layouts=layouts, previous=case.previous, blank_as_zero=case.blank_as_zero
    ).all
    interpreted = evaluate_interpreted(
        case.report, rules=rules, layouts=layouts, previous=case.previous, blank_as_zero=case.blank_as_zero
    ).all
    if len(generated) != len(interpreted):
        raise AssertionError(f"{len(generated)} findings generated, {len(interpreted)} interpreted")
    return generated, interpreted


def run(count: int, seed: int, rules: RuleSet, layouts: Mapping[str, Layout]) -> int:
    """Check ``count`` cases from ``seed`` both ways, print the count, the time and the outcomes; the number
    of cases with differences (each printed to stderr)."""
    rnd = random.Random(seed)
    start = time.perf_counter()
    found = 0
    outcomes: Counter[str] = Counter()
    for i in range(count):
        case = varied_case(rnd, layouts)
        generated, interpreted = both_ways(case, rules, layouts)
        outcomes.update(f.outcome.value for f in generated)
        differing = [(a, b) for a, b in zip(generated, interpreted, strict=True) if a != b]
        if differing:
            found += 1
            print(f"case {i}: {differing[0][0]!r} != {differing[0][1]!r}", file=sys.stderr)
        if (i + 1) % 10_000 == 0:
            print(f"... {i + 1} reports, {found} with differences, {time.perf_counter() - start:.0f} s", flush=True)
    elapsed = time.perf_counter() - start
    shown = ", ".join(f"{outcome} {n}" for outcome, n in sorted(outcomes.items()))
    print(f"{count} reports (seed {seed}; layouts {', '.join(layouts)}): {found} with differences, {elapsed:.0f} s")
    print(f"findings compared: {sum(outcomes.values())} ({shown})")
    return found
