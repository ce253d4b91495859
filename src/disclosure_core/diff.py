"""What changed between two reports of the same body, cell by cell: two years, or two revisions of one year.

Only cells both formats have are compared: across the 2019 → 2021 format change that is Tables 2 and 3.
Each change has a kind (:class:`ChangeKind`): a number changed, a blank (or placeholder) filled with a
number, a number emptied — and a blank that became 0, which is a change (blank is not zero) but says
little, so readers fold those.

>>> from disclosure_core.model import Body, Report
>>> old = Report("gov-2019", 2020, Body("代县人民政府", "county")).with_cells({"appeals.review.total": 1})
>>> new = Report("gov-2021", 2021, Body("代县人民政府", "county")).with_cells({"appeals.review.total": 3})
>>> [(str(c.address), c.delta) for c in cell_changes(old, new)]
[('appeals.review.total', 2)]
>>> [c.kind.value for c in cell_changes(old, new.with_cells({"appeals.review.upheld": 0}))]
['blank_to_zero', 'changed']
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from disclosure_core.layouts import CellAddress, Layout, find_layout, official_layouts
from disclosure_core.model import Report
from disclosure_core.rules.yearly import carries_over
from disclosure_core.values import CellValue, Money, Number


class ChangeKind(enum.Enum):
    """What kind of change a cell went through."""

    CHANGED = "changed"
    """A number became another number (or one kind of absence another)."""
    FILLED = "filled"
    """A blank, placeholder or not-applicable cell now holds a number other than 0."""
    EMPTIED = "emptied"
    """A number is gone: the cell is now blank, a placeholder or not applicable."""
    BLANK_TO_ZERO = "blank_to_zero"
    """A blank, placeholder or not-applicable cell now reads 0."""


@attrs.frozen
class CellChange:
    """One cell whose value differs between the two reports; ``delta`` when both hold comparable numbers."""

    address: CellAddress
    old: CellValue
    new: CellValue
    delta: Number | None

    @property
    def kind(self) -> ChangeKind:
        """The kind of change (see :class:`ChangeKind`)."""
        before, after = self.old.number, self.new.number
        if before is None and after is not None:
            return ChangeKind.BLANK_TO_ZERO if after == 0 else ChangeKind.FILLED
        if before is not None and after is None:
            return ChangeKind.EMPTIED
        return ChangeKind.CHANGED


def comparable_addresses(old: Layout, new: Layout) -> list[CellAddress]:
    """The cells of ``new`` that ``old`` has too, in ``new``'s printed order; across a format change
    only the tables that carried over (2 and 3: :func:`disclosure_core.rules.yearly.carries_over`).
    """
    return [address for address in new.addresses() if carries_over(old, new, address)]


def cell_changes(old: Report, new: Report, *, layouts: Mapping[str, Layout] | None = None) -> list[CellChange]:
    """Every comparable cell whose value changed, in ``new``'s printed order (a blank becoming 0 is a change:
    blank is not zero)."""
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
