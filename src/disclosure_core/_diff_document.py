"""The ``disclosure-core/diff/1`` document and its text: what changed between two years, with the
year-over-year findings — beside the findings documents, so the CLI only prints it.

>>> from disclosure_core import load
>>> from disclosure_core.registry import Registry
>>> old = load("examples/daixian-2020.json").report
>>> new = old.evolve(year=2021).with_cells({"appeals.review.total": 2})
>>> comparison = year_over_year(old, new, registry=Registry(entry_points=False))
>>> [str(c.address) for c in comparison.changes], diff_json(comparison)["schema"]
(['appeals.review.total'], 'disclosure-core/diff/1')
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from disclosure_core.diff import CellChange, cell_changes, comparable_addresses
from disclosure_core.errors import UsageError
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.values import Absent, CellValue, Number

if TYPE_CHECKING:
    from disclosure_core.registry import Registry

DIFF_SCHEMA_ID = "disclosure-core/diff/1"


@attrs.frozen
class Comparison:
    """Two years of one body: the cells that changed, how many could be compared, the year-over-year findings."""

    old: Report
    new: Report
    layout: Layout
    changes: tuple[CellChange, ...]
    compared: int
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        """Whether a year-over-year rule fails (on exactly read cells or not: see ``Finding.reading``)."""
        return any(f.outcome is Outcome.FAIL for f in self.findings)


def year_over_year(old: Report, new: Report, *, registry: Registry) -> Comparison:
    """Compare ``old`` with the later ``new``; :class:`UsageError` when ``old`` is not the earlier year."""
    if old.year >= new.year:
        raise UsageError(
            f"the first report is for {old.year} and the second for {new.year}: give the earlier year first"
        )
    findings = registry.check(new, previous=old)
    yearly = tuple(f for f in findings if any(use.report == "previous" for use in f.cells) or f.rule.endswith("_yoy"))
    layout = registry.layout(new.format)
    changes = tuple(cell_changes(old, new, layouts=registry.layouts()))
    compared = len(comparable_addresses(registry.layout(old.format), layout))
    return Comparison(old, new, layout, changes, compared, yearly)


def diff_json(comparison: Comparison) -> dict[str, Any]:
    """The ``disclosure-core/diff/1`` document."""
    from disclosure_core.rules.output import finding_json

    old, new = comparison.old, comparison.new
    return {
        "schema": DIFF_SCHEMA_ID,
        "old": {"body": old.body.name, "year": old.year, "format": old.format},
        "new": {"body": new.body.name, "year": new.year, "format": new.format},
        "changes": [
            {
                "cell": str(c.address),
                "old": _json_value(c.old),
                "new": _json_value(c.new),
                "delta": _json_number(c.delta),
            }
            for c in comparison.changes
        ],
        "findings": [finding_json(f, comparison.layout) for f in comparison.findings],
    }


def diff_text(comparison: Comparison, lang: str = "zh") -> str:
    """The comparison for people: the changed cells by table, then the year-over-year findings."""
    from disclosure_core.rules.confidence import explained
    from disclosure_core.rules.messages import cell_label

    old, new, layout = comparison.old, comparison.new, comparison.layout
    changes, compared = comparison.changes, comparison.compared
    lines = [f"{new.body.name}: {old.year} ({old.format}) → {new.year} ({new.format})", ""]
    lines.append(
        f"{len(changes)} of {compared} comparable cells changed"
        if lang == "en"
        else f"可比单元格 {compared} 个，其中 {len(changes)} 个有变化"
    )
    table = None
    for change in changes:
        if change.address.table != table:
            table = change.address.table
            lines += ["", layout.table(table).label.text(lang)]
        delta = "" if change.delta is None else f"  ({change.delta:+})"
        label = cell_label(layout, change.address, lang)
        lines.append(f"  {label}: {_shown(change.old, lang)} → {_shown(change.new, lang)}{delta}")
    lines += ["", "Year-over-year findings:" if lang == "en" else "跨年度核对："]
    lines += [f"  {f.severity.value} {f.rule}: {explained(layout, f).text(lang)}" for f in comparison.findings] or [
        "  —"
    ]
    return "\n".join(lines) + "\n"


def _shown(value: CellValue, lang: str) -> str:
    if value.number is not None:
        return f"{value.number}{getattr(value, 'unit', None) or ''}"
    if value.text.strip():
        return repr(value.text)
    return "(blank)" if lang == "en" else "（空白）"


def _json_value(value: CellValue) -> object:
    return {"absent": value.kind.value, "text": value.text} if isinstance(value, Absent) else _json_number(value.number)


def _json_number(number: Number | None) -> object:
    return str(number) if isinstance(number, Decimal) else number


__all__ = ["DIFF_SCHEMA_ID", "Comparison", "diff_json", "diff_text", "year_over_year"]
