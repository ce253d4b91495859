"""The HTML view of a table: rows of ``th``/``td`` with spans, scopes and ``headers``, computed from the layout grid.

Nothing here knows a particular table: every span, scope and header link comes from
:func:`disclosure_core.layouts.table_grids`, so both format versions (and registered variants) get the same
treatment. A table with several blocks (Table 1: one per 第二十条 item) becomes one HTML table per block, each
captioned with its block heading, so that every HTML table has exactly one header.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import attrs

from disclosure_core import Absent, Report
from disclosure_core.layouts import BlockGrid, CellAddress, GridCell, GridRole, Layout, TableLayout, table_grids
from disclosure_core.rendering import cell_text


@attrs.frozen
class Mark:
    """A finding attached to a cell: its number in the findings list and its severity."""

    number: int
    severity: str


@attrs.frozen
class HtmlCell:
    """One ``th`` or ``td`` ready for the template."""

    tag: str
    id: str
    text: str
    rowspan: int = 1
    colspan: int = 1
    scope: str | None = None
    headers: str | None = None
    classes: str = ""
    marks: tuple[Mark, ...] = ()


@attrs.frozen
class HtmlTable:
    """One HTML table: caption, column widths (percent), header rows and body rows."""

    id: str
    caption: str
    caption_visible: bool
    min_width: float
    widths: tuple[float, ...]
    head: tuple[tuple[HtmlCell, ...], ...]
    body: tuple[tuple[HtmlCell, ...], ...]
    keeps: tuple[bool, ...] = ()
    """For each body row, whether print keeps it on the page of the next one (same row group)."""


@attrs.frozen
class HtmlTableGroup:
    """All HTML tables of one official table (several for Table 1), with its number and label."""

    id: str
    number: int
    label: str
    tables: tuple[HtmlTable, ...]


MarksOf = Callable[[CellAddress], tuple[Mark, ...]]


def table_group(report: Report, layout: Layout, table: TableLayout, marks_of: MarksOf) -> HtmlTableGroup:
    """The HTML tables of one official table, filled with the report's values and marked with findings."""
    grids = _grids(layout, table.id)
    tables = []
    for index, grid in enumerate(grids):
        heading = grid.block.heading
        caption = heading.zh if heading else table.label.zh
        head = tuple(tuple(_header(cell, grid.header_rows) for cell in row) for row in grid.rows[: grid.header_rows])
        body = tuple(
            tuple(_body_cell(cell, report, layout, marks_of) for cell in row) for row in grid.rows[grid.header_rows :]
        )
        tables.append(
            HtmlTable(
                f"table-{table.id}" + (f"-{index + 1}" if len(grids) > 1 else ""),
                caption,
                heading is not None,
                _min_width(grid),
                grid.column_shares(),
                head,
                body,
                _keeps(grid),
            )
        )
    return HtmlTableGroup(f"tables-{table.id}", table.number, table.label.zh, tuple(tables))


@functools.lru_cache(maxsize=32)
def _grids(layout: Layout, table_id: str) -> tuple[BlockGrid, ...]:
    # Layouts are frozen: the grids of a table never change, so compute them once per layout. Blocks are
    # stretched to the widest one so that Table 1's blocks line up as one table, as on the official form.
    grids = table_grids(layout.table(table_id))
    width = max(grid.width for grid in grids)
    return tuple(grid.widened(width) for grid in grids)


def _keeps(grid: BlockGrid) -> tuple[bool, ...]:
    """For each body row: whether it lies in the same inner row group as the next (（三）不予公开 and its eight
    reasons), so that a printed table breaks only between row groups. The outermost group of a tall block
    (三、本年度办理结果, column 0) does not count: it spans most of Table 2."""
    inner: dict[int, str] = {}
    for cell in grid.cells():
        if cell.role is GridRole.ROW_GROUP and cell.column > 0:
            for row in range(cell.row, cell.row + cell.rowspan):
                inner[row] = cell.id
    rows = range(grid.header_rows, len(grid.rows))
    return tuple(row in inner and inner.get(row + 1) == inner[row] for row in rows)


def _min_width(grid: BlockGrid) -> float:
    """The narrowest a table may get (rem) before its region scrolls sideways: a few columns fit any phone."""
    return 0.0 if grid.width <= 4 else max(36.0, 2.6 * grid.width)


def _header(cell: GridCell, depth: int) -> HtmlCell:
    # A header reaching the last header row heads one column (even when stretched); one above heads a group.
    scope = "col" if cell.row + cell.rowspan == depth else "colgroup"
    classes = "corner" if cell.role is GridRole.CORNER else ""
    return HtmlCell("th", cell.id, _label(cell), cell.rowspan, cell.colspan, scope=scope, classes=classes)


def _body_cell(cell: GridCell, report: Report, layout: Layout, marks_of: MarksOf) -> HtmlCell:
    if cell.address is None:
        scope = "row" if cell.role is GridRole.ROW_HEADER else "rowgroup"
        # The outermost group of a tall block (三、本年度办理结果) is printed vertically, as on the official form.
        vertical = cell.role is GridRole.ROW_GROUP and cell.column == 0 and cell.rowspan > 1
        kind = "group vertical" if vertical else ("group" if scope == "rowgroup" else "")
        return HtmlCell("th", cell.id, _label(cell), cell.rowspan, cell.colspan, scope=scope, classes=kind)
    value = report.cell(cell.address)
    marks = marks_of(cell.address)
    classes = ["value", "absent" if isinstance(value, Absent) else "number"]
    if marks:
        classes.append(f"flagged flagged-{marks[0].severity}")
    return HtmlCell(
        "td",
        cell.id,
        cell_text(value, layout.column_of(cell.address)),
        cell.rowspan,
        cell.colspan,
        headers=" ".join(cell.headers),
        classes=" ".join(classes),
        marks=marks,
    )


def _label(cell: GridCell) -> str:
    return cell.label.zh if cell.label else ""
