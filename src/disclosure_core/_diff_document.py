"""The ``disclosure-core/diff/1`` document and its text: what changed between two reports of one body — two
years, or two revisions of one year — with the year-over-year findings when the years follow each other;
beside the findings documents, so the CLI only prints it.

The text leads with the numbers that changed and folds the blanks that became 0 into one line (a report
revised to write 0 where it left cells blank can have a hundred of them); the JSON keeps every change, each
marked with its kind.

>>> from disclosure_core import load
>>> from disclosure_core.registry import Registry
>>> old = load("examples/daixian-2020.json").report
>>> new = old.evolve(year=2021).with_cells({"appeals.review.total": 2})
>>> comparison = compare(old, new, registry=Registry(entry_points=False))
>>> [str(c.address) for c in comparison.changes], diff_json(comparison)["schema"]
(['appeals.review.total'], 'disclosure-core/diff/1')
>>> compare(old, old.with_cells({"appeals.review.total": 2}), registry=Registry(entry_points=False)).relation.value
'revision'
"""

from __future__ import annotations

import enum
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from disclosure_core.diff import CellChange, ChangeKind, cell_changes, comparable_addresses
from disclosure_core.errors import UsageError
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.values import Absent, CellValue, Number

if TYPE_CHECKING:
    from disclosure_core.registry import Registry

DIFF_SCHEMA_ID = "disclosure-core/diff/1"


class Relation(enum.Enum):
    """How the two reports compared stand to each other."""

    REVISION = "revision"
    """Two versions of one year's report (a correction, a re-publication, another source)."""
    NEXT_YEAR = "next_year"
    """Consecutive years: the year-over-year rules apply."""
    YEARS_APART = "years_apart"
    """Years further apart: cells are compared, no year-over-year rule applies."""


@attrs.frozen
class Comparison:
    """Two reports of one body: the cells that changed, how many could be compared, how the reports stand
    to each other and (for consecutive years) the year-over-year findings."""

    old: Report
    new: Report
    layout: Layout
    changes: tuple[CellChange, ...]
    compared: int
    findings: tuple[Finding, ...]
    relation: Relation = Relation.NEXT_YEAR

    @property
    def failed(self) -> bool:
        """Whether a year-over-year rule fails (on exactly read cells or not: see ``Finding.reading``)."""
        return any(f.outcome is Outcome.FAIL for f in self.findings)

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, every kind listed."""
        found = Counter(c.kind for c in self.changes)
        return {kind: found[kind] for kind in ChangeKind}


def compare(old: Report, new: Report, *, registry: Registry) -> Comparison:
    """Compare ``old`` with ``new`` (the same year or a later one); :class:`UsageError` when they are by
    different bodies or ``old`` is the later year."""
    if old.body.name != new.body.name:
        raise UsageError.keyed("diff.bodies", old=old.body.name, new=new.body.name)
    if old.year > new.year:
        raise UsageError.keyed("diff.years", old=old.year, new=new.year)
    relation = (
        Relation.REVISION
        if old.year == new.year
        else Relation.NEXT_YEAR
        if new.year == old.year + 1
        else Relation.YEARS_APART
    )
    yearly: tuple[Finding, ...] = ()
    if relation is Relation.NEXT_YEAR:
        findings = registry.check(new, previous=old)
        # Year-over-year by the rule's kind, not by a naming habit of its id.
        across = {rule.id for rule in registry.rule_set().rules if rule.kind == "year_over_year"}
        yearly = tuple(f for f in findings if f.base_rule in across or any(use.report == "previous" for use in f.cells))
    layout = registry.layout(new.format)
    changes = tuple(cell_changes(old, new, layouts=registry.layouts()))
    compared = len(comparable_addresses(registry.layout(old.format), layout))
    return Comparison(old, new, layout, changes, compared, yearly, relation)


def year_over_year(old: Report, new: Report, *, registry: Registry) -> Comparison:
    """:func:`compare` under its former name (``old`` of an earlier year or the same)."""
    return compare(old, new, registry=registry)


def diff_json(comparison: Comparison) -> dict[str, Any]:
    """The ``disclosure-core/diff/1`` document: every change with its kind, counts by kind, the findings."""
    from disclosure_core.rules.output import finding_json

    old, new = comparison.old, comparison.new
    return {
        "schema": DIFF_SCHEMA_ID,
        "old": {"body": old.body.name, "year": old.year, "format": old.format},
        "new": {"body": new.body.name, "year": new.year, "format": new.format},
        "relation": comparison.relation.value,
        "compared": comparison.compared,
        "counts": {kind.value: n for kind, n in comparison.counts().items()},
        "changes": [
            {
                "cell": str(c.address),
                "old": _json_value(c.old),
                "new": _json_value(c.new),
                "delta": _json_number(c.delta),
                "kind": c.kind.value,
            }
            for c in comparison.changes
        ],
        "findings": [finding_json(f, comparison.layout) for f in comparison.findings],
    }


WORDS = {
    "zh": {
        "summary": "可比单元格 {compared} 个，其中 {changed} 个有变化",
        "none": "没有变化",
        ChangeKind.CHANGED.value: "数字改变 {n} 个",
        ChangeKind.FILLED.value: "新填 {n} 个",
        ChangeKind.EMPTIED.value: "清空 {n} 个",
        ChangeKind.BLANK_TO_ZERO.value: "空白改为 0 {n} 个",
        "folded": "空白改为 0：{n} 个单元格（{where}）",
        "table_count": "表{number} {n} 个",
        "list": "，",
        "revision": "同一年度的两个版本：不做跨年度核对",
        "years_apart": "相隔 {years} 年：跨年度核对只用于相邻年度",
        "yearly": "跨年度核对：",
        "blank": "（空白）",
    },
    "en": {
        "summary": "{changed} of {compared} comparable cells changed",
        "none": "nothing changed",
        ChangeKind.CHANGED.value: "{n} numbers changed",
        ChangeKind.FILLED.value: "{n} filled",
        ChangeKind.EMPTIED.value: "{n} emptied",
        ChangeKind.BLANK_TO_ZERO.value: "{n} blank → 0",
        "folded": "blank → 0: {n} cells ({where})",
        "table_count": "Table {number}: {n}",
        "list": ", ",
        "revision": "two versions of one year's report: no year-over-year checks",
        "years_apart": "{years} years apart: year-over-year checks are for consecutive years",
        "yearly": "Year-over-year findings:",
        "blank": "(blank)",
    },
}
"""Every word of the diff text in the two languages (for the message catalogue to take over)."""

_LISTED = (ChangeKind.CHANGED, ChangeKind.FILLED, ChangeKind.EMPTIED)
"""The kinds listed cell by cell, in this order; blanks that became 0 are folded into one line."""


def diff_text(comparison: Comparison, lang: str = "zh") -> str:
    """The comparison for people: the counts, the changed numbers by table, then the filled and emptied
    cells, one line for the blanks that became 0, then the year-over-year findings."""
    from disclosure_core.rules.confidence import explained

    words = WORDS["en" if lang == "en" else "zh"]
    old, new, layout = comparison.old, comparison.new, comparison.layout
    changes, counts = comparison.changes, comparison.counts()
    lines = [f"{new.body.name}: {old.year} ({old.format}) → {new.year} ({new.format})", ""]
    colon = ": " if lang == "en" else "："
    summary = words["summary"].format(compared=comparison.compared, changed=len(changes))
    kinds = [words[kind.value].format(n=counts[kind]) for kind in ChangeKind if counts[kind]]
    lines.append(summary + colon + (words["list"].join(kinds) if kinds else words["none"]))
    for kind in _LISTED:
        listed = [c for c in changes if c.kind is kind]
        if listed:
            lines += ["", words[kind.value].format(n=len(listed)) + colon.strip()]
            lines += _by_table(layout, listed, lang)
    folded = [c for c in changes if c.kind is ChangeKind.BLANK_TO_ZERO]
    if folded:
        tables = Counter(c.address.table for c in folded)
        where = words["list"].join(
            words["table_count"].format(number=layout.table(t).number, n=n) for t, n in tables.items()
        )
        lines += ["", words["folded"].format(n=len(folded), where=where)]
    if comparison.relation is Relation.NEXT_YEAR:
        lines += ["", words["yearly"]]
        lines += [f"  {f.severity.value} {f.rule}: {explained(layout, f).text(lang)}" for f in comparison.findings] or [
            "  —"
        ]
    elif comparison.relation is Relation.REVISION:
        lines += ["", words["revision"]]
    else:
        lines += ["", words["years_apart"].format(years=new.year - old.year)]
    return "\n".join(lines) + "\n"


def _by_table(layout: Layout, changes: list[CellChange], lang: str) -> list[str]:
    from disclosure_core.rules.messages import cell_label

    lines: list[str] = []
    table = None
    for change in changes:
        if change.address.table != table:
            table = change.address.table
            spec = layout.table(table)
            lines.append(f"{'Table ' if lang == 'en' else '表'}{spec.number} {spec.label.text(lang)}")
        delta = "" if change.delta is None else f"  ({change.delta:+})"
        label = cell_label(layout, change.address, lang)
        lines.append(f"  {label}: {_shown(change.old, lang)} → {_shown(change.new, lang)}{delta}")
    return lines


def _shown(value: CellValue, lang: str) -> str:
    if value.number is not None:
        return f"{value.number}{getattr(value, 'unit', None) or ''}"
    if value.text.strip():
        return repr(value.text)
    return WORDS["en" if lang == "en" else "zh"]["blank"]


def _json_value(value: CellValue) -> object:
    return {"absent": value.kind.value, "text": value.text} if isinstance(value, Absent) else _json_number(value.number)


def _json_number(number: Number | None) -> object:
    return str(number) if isinstance(number, Decimal) else number


__all__ = ["DIFF_SCHEMA_ID", "Comparison", "Relation", "compare", "diff_json", "diff_text", "year_over_year"]
