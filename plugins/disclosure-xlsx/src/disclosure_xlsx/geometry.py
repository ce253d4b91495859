"""Where every label and value of a table sits on its sheet, computed from the layout alone.

The writer draws these positions and the reader looks for them, so the two can never disagree. A table is
drawn like the official one: per block an optional full-width heading row, the header rows with their
spans, then the body rows with merged group labels. Blocks narrower than the table (Table 1) stretch their
last label and last value column to the table's width, as the printed format does.

>>> from disclosure_core.layouts import builtin_layout
>>> sheet = table_sheet(builtin_layout("gov-2021").table("requests"))
>>> sheet.name, sheet.width, sheet.value_place("requests.new.natural_person").at.coordinate
('表2', 10, 'D7')
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from disclosure_core.layouts import Block, CellAddress, ColumnSpec, DataCell, LabelCell, TableLayout
from disclosure_xlsx.spreadsheetml import column_letter as get_column_letter

TITLE_ROW = 1
HINT_ROW = 2
FIRST_TABLE_ROW = 4


def sheet_name(table: TableLayout) -> str:
    """The sheet a table is drawn on: 表1, 表2, 表3 (as the format numbers them).

    >>> from disclosure_core.layouts import builtin_layout
    >>> sheet_name(builtin_layout("gov-2019").table("appeals"))
    '表3'
    """
    return f"表{table.number}"


@attrs.frozen
class Placed:
    """A rectangle of sheet cells (1-based row and column, with spans)."""

    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1

    @property
    def coordinate(self) -> str:
        """The top-left cell in A1 notation."""
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def last_row(self) -> int:
        """The bottom row it covers."""
        return self.row + self.rowspan - 1

    @property
    def last_column(self) -> int:
        """The rightmost column it covers."""
        return self.column + self.colspan - 1

    @property
    def merged(self) -> bool:
        """Whether it covers more than one cell."""
        return self.rowspan > 1 or self.colspan > 1

    @property
    def range(self) -> str:
        """The covered range in A1 notation ("A4:C6")."""
        end = f"{get_column_letter(self.last_column)}{self.last_row}"
        return f"{self.coordinate}:{end}"


class LabelKind(enum.StrEnum):
    """What a label cell is: a block heading, a header cell, a group label or a row's own label."""

    HEADING = "heading"
    HEADER = "header"
    GROUP = "group"
    ROW = "row"


@attrs.frozen
class LabelPlace:
    """A verbatim label drawn at ``at``."""

    text: str
    kind: LabelKind
    at: Placed


@attrs.frozen
class ValuePlace:
    """A value cell: its canonical address, column spec and place."""

    address: CellAddress
    column: ColumnSpec
    at: Placed


@attrs.frozen
class BodyRow:
    """One printed body row: its own label (None in a flattened block) and its value cells."""

    row: int
    label: LabelPlace | None
    values: tuple[ValuePlace, ...]


@attrs.frozen
class TableSheet:
    """The drawn shape of one table: labels, body rows and the grid size."""

    name: str
    table: TableLayout
    label_width: int
    data_width: int
    labels: tuple[LabelPlace, ...]
    rows: tuple[BodyRow, ...]
    last_row: int

    @property
    def width(self) -> int:
        """Grid columns taken by the table (labels and values)."""
        return self.label_width + self.data_width

    @property
    def check_column(self) -> int:
        """The first column of the area right of the table (units, formula checks), after a gap column."""
        return self.width + 2

    def values(self) -> Iterator[ValuePlace]:
        """Every value cell in reading order."""
        for body_row in self.rows:
            yield from body_row.values

    def value_place(self, address: str | CellAddress) -> ValuePlace:
        """The place of one cell; KeyError when the table has no such cell."""
        wanted = CellAddress.parse(address) if isinstance(address, str) else address
        for place in self.values():
            if place.address == wanted:
                return place
        raise KeyError(str(wanted))


_SHAPES: dict[int, tuple[TableLayout, TableSheet]] = {}


def table_sheet(table: TableLayout) -> TableSheet:
    """The drawn shape of ``table`` (see the module docstring), computed once per table.

    Looked up by identity (a layout is immutable; hashing one costs more than computing its shape).
    """
    cached = _SHAPES.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    shape = _table_sheet(table)
    if len(_SHAPES) >= 64:  # tables of layouts made on the fly (tests, plugins) must not pile up
        _SHAPES.clear()
    _SHAPES[id(table)] = (table, shape)
    return shape


def _table_sheet(table: TableLayout) -> TableSheet:
    label_width = max(block.label_width for block in table.blocks)
    data_width = max(block.data_width for block in table.blocks)
    labels: list[LabelPlace] = []
    rows: list[BodyRow] = []
    top = FIRST_TABLE_ROW
    for block in table.blocks:
        grid = _BlockGrid(block, label_width, data_width)
        if block.heading is not None:
            labels.append(LabelPlace(block.heading.zh, LabelKind.HEADING, Placed(top, 1, 1, label_width + data_width)))
            top += 1
        for depth, header_row in enumerate(block.header):
            for header in header_row:
                at = grid.place(top + depth, header.first_column, header.colspan, header.rowspan)
                labels.append(LabelPlace(header.label.zh, LabelKind.HEADER, at))
        top += len(block.header)
        for index, printed in enumerate(block.body()):
            row_spec = None if block.flatten else block.rows[index]
            own_label: LabelPlace | None = None
            values: list[ValuePlace] = []
            for cell in printed:
                if isinstance(cell, LabelCell):
                    assert row_spec is not None  # only unflattened blocks print labels
                    is_own = cell.key == row_spec.id
                    x = len(row_spec.groups) if is_own else row_spec.groups.index(cell.key)
                    place = LabelPlace(
                        cell.label.zh,
                        LabelKind.ROW if is_own else LabelKind.GROUP,
                        grid.place(top, x, cell.colspan, cell.rowspan),
                    )
                    labels.append(place)
                    if is_own:
                        own_label = place
                elif isinstance(cell, DataCell):
                    at = grid.place(top, block.label_width + cell.grid_column, 1, 1)
                    values.append(ValuePlace(cell.address, _column(block, cell.address), at))
            rows.append(BodyRow(top, own_label, tuple(values)))
            top += 1
    return TableSheet(sheet_name(table), table, label_width, data_width, tuple(labels), tuple(rows), top - 1)


def _column(block: Block, address: CellAddress) -> ColumnSpec:
    return next(column for column in block.columns if column.id == address.column)


@attrs.frozen
class _BlockGrid:
    """Maps a block's own grid columns onto the table's, stretching the block's last label and value column."""

    block: Block
    label_width: int
    data_width: int

    def start(self, x: int) -> int:
        extra = self.label_width - self.block.label_width
        return 1 + x + (extra if x >= self.block.label_width else 0)

    def end(self, x: int) -> int:
        column = self.start(x)
        if x == self.block.label_width - 1:
            column += self.label_width - self.block.label_width
        if x == self.block.label_width + self.block.data_width - 1:
            column += self.data_width - self.block.data_width
        return column

    def place(self, row: int, x: int, colspan: int, rowspan: int) -> Placed:
        first = self.start(x)
        return Placed(row, first, rowspan, self.end(x + colspan - 1) - first + 1)
