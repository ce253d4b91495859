"""What changed between two years of the same body, cell by cell.

Only cells both formats have are compared: across the 2019 → 2021 format change that is Tables 2 and 3.

>>> from disclosure_core.model import Body, Report
>>> old = Report("gov-2019", 2020, Body("代县人民政府", "county")).with_cells({"appeals.review.total": 1})
>>> new = Report("gov-2021", 2021, Body("代县人民政府", "county")).with_cells({"appeals.review.total": 3})
>>> [(str(c.address), c.delta) for c in cell_changes(old, new)]
[('appeals.review.total', 2)]
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_core.layouts import CellAddress, Layout, find_layout, official_layouts
from disclosure_core.model import Report
from disclosure_core.values import CellValue, Money, Number


@attrs.frozen
class CellChange:
    """One cell whose value differs between the two years; ``delta`` when both hold comparable numbers."""

    address: CellAddress
    old: CellValue
    new: CellValue
    delta: Number | None


# Table 1 was redesigned in 2021 (items → documents and decisions); Tables 2 and 3 carry over unchanged.
_CARRIED_ACROSS_FORMATS = ("requests", "appeals")


def _family(layout: Layout) -> str:
    return layout.extends or layout.id


def comparable_addresses(old: Layout, new: Layout) -> list[CellAddress]:
    """The cells of ``new`` that ``old`` has too, in ``new``'s printed order; across a format change
    only the tables that carried over (2 and 3).
    """
    same_family = _family(old) == _family(new)
    return [
        address
        for address in new.addresses()
        if old.has_cell(address) and (same_family or address.table in _CARRIED_ACROSS_FORMATS)
    ]


def cell_changes(old: Report, new: Report, *, layouts: Mapping[str, Layout] | None = None) -> list[CellChange]:
    """Every comparable cell whose value changed (a blank becoming 0 is a change: blank is not zero)."""
    changes = []
    layouts = official_layouts() if layouts is None else layouts
    for address in comparable_addresses(find_layout(layouts, old.format), find_layout(layouts, new.format)):
        before, after = old.cell(address), new.cell(address)
        if before != after:
            changes.append(CellChange(address, before, after, _delta(before, after)))
    return changes


def _delta(before: CellValue, after: CellValue) -> Number | None:
    if before.number is None or after.number is None:
        return None
    if isinstance(before, Money) and isinstance(after, Money) and before.unit != after.unit:
        return None  # 元 against 万元: the difference of the printed numbers would mislead
    return after.number - before.number
