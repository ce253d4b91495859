"""The printed grid of a table block: every header, label and data cell placed with its spans and linked to its headers.

Renderers draw tables from this grid (HTML ``rowspan``/``colspan`` and ``id``/``headers``, DOCX ``gridSpan`` and
``vMerge``) and readers of rendered documents find each value through it, so the structure of a table is computed
once, from the layout data, for every format version.

>>> from disclosure_core.layouts import builtin_layout
>>> grid = block_grid(builtin_layout("gov-2021").table("requests").blocks[0], "requests")
>>> grid.width, grid.header_rows, len(grid.rows)
(10, 3, 28)
>>> cell = grid.data_cell("requests.new.total")
>>> [grid.cell(h).label.zh for h in cell.headers][-2:]
['总计', '一、本年新收政府信息公开申请数量']
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from disclosure_core.layouts.spec import Block, CellAddress, DataCell, Label, TableLayout

# Share of the table width (percent) the row labels take, by how many grid columns they span.
_LABEL_SHARES = {0: (), 1: (28.0,), 2: (10.0, 30.0), 3: (5.0, 9.0, 30.0)}


class GridRole(enum.StrEnum):
    """What a grid cell is: a header over the row labels, a column header, a row-group label, a row label, a value.

    >>> from disclosure_core.layouts import builtin_layout
    >>> grid = table_grids(builtin_layout("gov-2019").table("requests"))[0]
    >>> sorted({cell.role.value for cell in grid.cells()})
    ['column_header', 'corner', 'data', 'row_group', 'row_header']
    """

    CORNER = "corner"
    COLUMN_HEADER = "column_header"
    ROW_GROUP = "row_group"
    ROW_HEADER = "row_header"
    DATA = "data"


@attrs.frozen
class GridCell:
    """One printed cell: where it starts on the grid, its spans, and what it shows.

    ``headers`` (data cells only) lists the ids of every header cell that describes it: column headers from
    the top down, then row-group labels from the outside in, then the row's own label.

    >>> from disclosure_core.layouts import builtin_layout
    >>> grid = table_grids(builtin_layout("gov-2019").table("requests"))[0]
    >>> [grid.cell(header).label.zh for header in grid.data_cell("requests.new.total").headers]
    ['申请人情况', '总计', '一、本年新收政府信息公开申请数量']
    """

    id: str
    role: GridRole
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    label: Label | None = None
    address: CellAddress | None = None
    headers: tuple[str, ...] = ()

    @property
    def is_header(self) -> bool:
        """Whether the cell is a header (everything but a value)."""
        return self.role is not GridRole.DATA

    def covers(self, row: int, column: int) -> bool:
        """Whether the grid position (row, column) lies under this cell's spans."""
        return self.row <= row < self.row + self.rowspan and self.column <= column < self.column + self.colspan


@attrs.frozen
class BlockGrid:
    """A block laid out on its grid: ``rows`` holds, per printed row, the cells that start in it, left to right.

    >>> from disclosure_core.layouts import builtin_layout
    >>> grid = table_grids(builtin_layout("gov-2019").table("requests"))[0]
    >>> grid.width, grid.header_rows, grid.at(grid.header_rows, 0).role.value
    (10, 3, 'row_header')
    """

    block: Block
    width: int
    header_rows: int
    rows: tuple[tuple[GridCell, ...], ...]
    _by_id: dict[str, GridCell] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {cell.id: cell for cell in self.cells()})

    def cells(self) -> Iterator[GridCell]:
        """Every cell in reading order (row by row, left to right)."""
        for row in self.rows:
            yield from row

    def cell(self, cell_id: str) -> GridCell:
        """The cell with this id; KeyError when the grid has none."""
        return self._by_id[cell_id]

    def data_cell(self, address: str | CellAddress) -> GridCell:
        """The value cell of ``address``; KeyError when the block has no such cell."""
        return self._by_id[str(address)]

    def data_cells(self) -> Iterator[GridCell]:
        """The value cells in reading order."""
        return (cell for cell in self.cells() if cell.role is GridRole.DATA)

    def at(self, row: int, column: int) -> GridCell:
        """The cell covering grid position (row, column), whether it starts there or spans over it."""
        for start in range(row, -1, -1):
            for cell in self.rows[start]:
                if cell.covers(row, column):
                    return cell
        raise IndexError(f"no cell at row {row}, column {column}")

    def column_shares(self) -> tuple[float, ...]:
        """How wide each grid column is printed, in percent of the table width: row labels by their depth
        (Table 2's narrow vertical group column, then the sub-groups, then the row labels), values evenly.

        >>> from disclosure_core.layouts import builtin_layout
        >>> table_grids(builtin_layout("gov-2019").table("requests"))[0].column_shares()[:4]
        (5.0, 9.0, 30.0, 8.0)
        """
        labels = _LABEL_SHARES.get(self.block.label_width) or (30.0,) * self.block.label_width
        columns = self.width - len(labels)
        return (*labels, *(round((100.0 - sum(labels)) / columns, 2) for _ in range(columns)))

    def widened(self, width: int) -> BlockGrid:
        """The same grid stretched to ``width`` columns: cells at the right edge span the extra columns.

        Lets blocks with fewer data columns share one printed table (Table 1 of gov-2021 has blocks of 3 and 1).
        """
        extra = width - self.width
        if extra < 0:
            raise ValueError(f"cannot narrow a grid of {self.width} columns to {width}")
        if extra == 0:
            return self
        rows = tuple(
            tuple(
                attrs.evolve(cell, colspan=cell.colspan + extra) if cell.column + cell.colspan == self.width else cell
                for cell in row
            )
            for row in self.rows
        )
        return BlockGrid(self.block, width, self.header_rows, rows)


def block_grid(block: Block, prefix: str) -> BlockGrid:
    """Place a block's header and body cells on one grid; header cell ids start with ``prefix``.

    Data cells take their canonical address as id (``requests.new.total``), so ids are unique in a document
    as long as each block gets its own prefix.

    >>> from disclosure_core.layouts import builtin_layout
    >>> grid = block_grid(builtin_layout("gov-2021").table("appeals").blocks[0], "appeals")
    >>> grid.width, grid.rows[0][0].id
    (15, 'appeals-0-0')
    """
    width = block.label_width + block.data_width
    depth = len(block.header)
    rows: list[list[GridCell]] = []
    for r, header_row in enumerate(block.header):
        rows.append(
            [
                GridCell(
                    f"{prefix}-{r}-{h.first_column}",
                    GridRole.CORNER if h.is_label_area else GridRole.COLUMN_HEADER,
                    r,
                    h.first_column,
                    h.rowspan,
                    h.colspan,
                    h.label,
                )
                for h in header_row
            ]
        )
    column_headers = [cell for row in rows for cell in row if cell.role is GridRole.COLUMN_HEADER]
    taken: set[tuple[int, int]] = set()
    open_labels: list[GridCell] = []  # label cells whose rowspan is still running
    for i, printed in enumerate(block.body()):
        r = depth + i
        placed: list[GridCell] = []
        column = 0
        open_labels = [cell for cell in open_labels if cell.row + cell.rowspan > r]
        # Block.body() prints a row's group labels first and its own label last, then its values.
        labels = [cell for cell in printed if not isinstance(cell, DataCell)]
        for body_cell in printed:
            if isinstance(body_cell, DataCell):
                column = block.label_width + body_cell.grid_column
                over = [h.id for h in column_headers if h.covers(h.row, column)]
                beside = [cell.id for cell in open_labels if cell.covers(r, cell.column)]
                placed.append(
                    GridCell(
                        str(body_cell.address),
                        GridRole.DATA,
                        r,
                        column,
                        address=body_cell.address,
                        headers=(*over, *beside),
                    )
                )
                continue
            while (r, column) in taken:
                column += 1
            role = GridRole.ROW_HEADER if body_cell is labels[-1] else GridRole.ROW_GROUP
            label = GridCell(
                f"{prefix}-{r}-{column}", role, r, column, body_cell.rowspan, body_cell.colspan, body_cell.label
            )
            for dr in range(label.rowspan):
                for dc in range(label.colspan):
                    taken.add((r + dr, column + dc))
            placed.append(label)
            open_labels.append(label)
            column += label.colspan
        rows.append(placed)
    return BlockGrid(block, width, depth, tuple(tuple(row) for row in rows))


def table_grids(table: TableLayout) -> tuple[BlockGrid, ...]:
    """The grids of every block of a table, with ids unique across the table (``proactive-2-0-1`` …).

    >>> from disclosure_core.layouts import builtin_layout
    >>> [g.width for g in table_grids(builtin_layout("gov-2021").table("proactive"))]
    [4, 2, 2, 2]
    """
    if len(table.blocks) == 1:
        return (block_grid(table.blocks[0], table.id),)
    return tuple(block_grid(block, f"{table.id}-{i + 1}") for i, block in enumerate(table.blocks))
