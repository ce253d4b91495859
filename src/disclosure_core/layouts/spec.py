"""The layout vocabulary: tables, rows, columns, header cells and blocks of an official format.

A :class:`Layout` is pure data (loaded from TOML by :mod:`disclosure_core.layouts.loader`); everything
that needs the shape of a table — validation, JSON Schema, renderers, parsers, rules — asks it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from disclosure_core.text import Text


class CellKind(enum.StrEnum):
    """What a table cell holds: a non-negative count, a signed count, or money with a unit.

    >>> from disclosure_core import CellAddress, builtin_layout
    >>> layout = builtin_layout("gov-2019")
    >>> [layout.column_of(CellAddress.parse(a)).kind for a in ("proactive.licensing.change", "proactive.procurement.amount")]
    [<CellKind.SIGNED_COUNT: 'signed_count'>, <CellKind.MONEY: 'money'>]
    """

    COUNT = "count"
    SIGNED_COUNT = "signed_count"
    MONEY = "money"


Label = Text
"""A label in Chinese (verbatim from the format) and English (:class:`~disclosure_core.text.Text`)."""


MAX_INTERNED = 200_000
"""At most this many distinct cell addresses are interned (the official layouts have a few hundred)."""
_INTERNED: dict[tuple[str, str, str], CellAddress] = {}


@attrs.frozen(order=True, cache_hash=True)
class CellAddress:
    """The canonical address of one table cell, written ``table.row.column``.

    >>> CellAddress.parse("requests.new.total")
    CellAddress(table='requests', row='new', column='total')
    """

    table: str
    row: str
    column: str

    def __new__(cls, table: str | None = None, row: str | None = None, column: str | None = None) -> CellAddress:
        # Interned: equal addresses are one object, so a dict lookup by address (the hot path of checking)
        # ends at the identity test instead of calling __eq__. Bounded, so odd input cannot grow it forever.
        if table is None or type(table) is not str or type(row) is not str or type(column) is not str:
            return object.__new__(cls)
        key = (table, row, column)
        found = _INTERNED.get(key)
        if found is None:
            found = object.__new__(cls)
            if len(_INTERNED) < MAX_INTERNED:
                _INTERNED[key] = found
        return found

    def __reduce__(self) -> tuple[type[CellAddress], tuple[str, str, str]]:
        # Unpickled addresses (reports sent to worker processes) are interned too.
        return (CellAddress, (self.table, self.row, self.column))

    @classmethod
    def parse(cls, text: str) -> CellAddress:
        """Parse ``table.row.column``; raise ValueError for anything else."""
        parts = text.split(".")
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"not a cell address (table.row.column): {text!r}")
        return cls(*parts)

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


@attrs.frozen
class ColumnSpec:
    """A data column: canonical id, label, the kind of its cells and, for money, the unit the format fixes."""

    id: str
    label: Label
    kind: CellKind = CellKind.COUNT
    unit: str | None = None


@attrs.frozen
class RowSpec:
    """A data row: canonical id, label, and the ids of the merged group labels above it (outermost first)."""

    id: str
    label: Label
    groups: tuple[str, ...] = ()


@attrs.frozen
class GroupSpec:
    """A merged label spanning several rows (e.g. 三、本年度办理结果, （三）不予公开)."""

    id: str
    label: Label


@attrs.frozen
class HeaderCell:
    """One cell of a table header, with its spans.

    ``columns`` names the data grid columns it stands over (by index into the block's data grid), so that
    renderers can link every data cell to all of its headers.
    """

    label: Label
    colspan: int = 1
    rowspan: int = 1
    first_column: int = 0
    is_label_area: bool = False


@attrs.frozen
class LabelCell:
    """A row-label cell in the body of a table (a group label or a row's own label)."""

    key: str
    label: Label
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class DataCell:
    """A value cell in the body of a table."""

    address: CellAddress
    grid_column: int


BodyCell = LabelCell | DataCell


@attrs.frozen
class Block:
    """A run of a table under one header: Table 1 has five (one per 第二十条 item), Tables 2 and 3 one each.

    ``flatten`` lays all of the block's rows side by side in a single printed row (Table 3).
    """

    table: str
    heading: Label | None
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]
    groups: tuple[GroupSpec, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    flatten: bool = False

    @property
    def label_width(self) -> int:
        """How many grid columns the row labels take (0 for a flattened block)."""
        if self.flatten:
            return 0
        return max(len(row.groups) + 1 for row in self.rows)

    @property
    def data_width(self) -> int:
        """How many grid columns hold values."""
        return len(self.columns) * (len(self.rows) if self.flatten else 1)

    def addresses(self) -> Iterator[CellAddress]:
        """Every cell of the block, in reading order."""
        for row in self.rows:
            for column in self.columns:
                yield CellAddress(self.table, row.id, column.id)

    def body(self) -> tuple[tuple[BodyCell, ...], ...]:
        """The printed body rows: merged label cells (with spans) followed by data cells.

        >>> from disclosure_core.layouts import builtin_layout
        >>> first = builtin_layout("gov-2019").table("requests").blocks[0].body()[2]
        >>> [c.label.zh for c in first if isinstance(c, LabelCell)]
        ['三、本年度办理结果', '（一）予以公开']
        """
        if self.flatten:
            return (tuple(DataCell(a, i) for i, a in enumerate(self.addresses())),)
        groups = {group.id: group for group in self.groups}
        printed: list[tuple[BodyCell, ...]] = []
        for index, row in enumerate(self.rows):
            cells: list[BodyCell] = []
            for depth, group_id in enumerate(row.groups):
                above = self.rows[index - 1].groups[: depth + 1] if index else ()
                if above == row.groups[: depth + 1]:
                    continue  # covered by the rowspan of the cell printed above
                span = 1
                for later in self.rows[index + 1 :]:
                    if later.groups[: depth + 1] != row.groups[: depth + 1]:
                        break
                    span += 1
                cells.append(LabelCell(group_id, groups[group_id].label, rowspan=span))
            cells.append(LabelCell(row.id, row.label, colspan=self.label_width - len(row.groups)))
            cells.extend(
                DataCell(CellAddress(self.table, row.id, column.id), i) for i, column in enumerate(self.columns)
            )
            printed.append(tuple(cells))
        return tuple(printed)


@attrs.frozen
class SectionSpec:
    """One of the report's six sections: canonical id (``overview`` … ``other``) and its official heading.

    The heading is the numeral and the name: ``一、总体情况`` is numeral ``一`` and name ``总体情况``
    (``1. Overview``: ``1`` and ``Overview``).

    >>> spec = SectionSpec("overview", Label("一、总体情况", "1. Overview"))
    >>> spec.numeral, spec.name
    ('一', Text(zh='总体情况', en='Overview'))
    """

    id: str
    heading: Label

    @property
    def numeral(self) -> str:
        """The official numeral the heading begins with (一 … 六)."""
        return self.heading.zh.split("、", 1)[0]

    @property
    def name(self) -> Label:
        """The heading without its numeral, in both languages."""
        zh = self.heading.zh.split("、", 1)[-1]
        en = self.heading.en.split(". ", 1)[-1]
        return Label(zh, en)


@attrs.frozen
class TableLayout:
    """One official table: its rows, columns, groups and printed blocks."""

    id: str
    number: int
    section: str
    label: Label
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]
    groups: tuple[GroupSpec, ...]
    blocks: tuple[Block, ...]

    def row(self, row_id: str) -> RowSpec:
        """The row with this id; KeyError if the table has none."""
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(f"{self.id}.{row_id}")

    def column(self, column_id: str) -> ColumnSpec:
        """The column with this id; KeyError if the table has none."""
        for column in self.columns:
            if column.id == column_id:
                return column
        raise KeyError(f"{self.id}.*.{column_id}")

    def addresses(self) -> tuple[CellAddress, ...]:
        """Every cell of the table in printed order (blocks, then rows, then columns)."""
        return tuple(address for block in self.blocks for address in block.addresses())

    def columns_of(self, row_id: str) -> tuple[ColumnSpec, ...]:
        """The columns that row ``row_id`` has cells in (Table 1 rows differ by block)."""
        for block in self.blocks:
            if any(row.id == row_id for row in block.rows):
                return block.columns
        raise KeyError(f"{self.id}.{row_id}")


@attrs.frozen
class Layout:
    """One format version (``gov-2019``, ``gov-2021`` or a registered variant) as data.

    >>> from disclosure_core.layouts import builtin_layout
    >>> layout = builtin_layout("gov-2021")
    >>> len(layout.addresses()), layout.applies_to(2025)
    (200, True)
    """

    id: str
    title: Label
    basis: str
    first_year: int
    last_year: int | None
    tables: tuple[TableLayout, ...]
    extends: str | None = None
    sections: tuple[SectionSpec, ...] = ()
    _cells: dict[CellAddress, ColumnSpec] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # A frozen class: the lookup index is built once, here, because every cell access goes through it.
        index = {
            CellAddress(table.id, row.id, column.id): column
            for table in self.tables
            for block in table.blocks
            for row in block.rows
            for column in block.columns
        }
        object.__setattr__(self, "_cells", index)

    def table(self, table_id: str) -> TableLayout:
        """The table with this id; KeyError if the format has none."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def section(self, section_id: str) -> SectionSpec:
        """The section with this id (its official heading); KeyError if the layout lists none such.

        >>> from disclosure_core.layouts import builtin_layout
        >>> builtin_layout("gov-2021").section("appeals").heading.zh
        '四、政府信息公开行政复议、行政诉讼情况'
        """
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def addresses(self) -> tuple[CellAddress, ...]:
        """Every cell of every table, in printed order."""
        return tuple(address for table in self.tables for address in table.addresses())

    def has_cell(self, address: CellAddress) -> bool:
        """Whether the format has this cell."""
        return address in self._cells

    def column_of(self, address: CellAddress) -> ColumnSpec:
        """The column spec (kind, unit) of a cell; KeyError if the format has no such cell."""
        try:
            return self._cells[address]
        except KeyError:
            raise KeyError(str(address)) from None

    def applies_to(self, year: int) -> bool:
        """Whether the format is the one prescribed for reports of ``year``."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)
