"""The official tables as WordprocessingML: merged cells (``gridSpan``, ``vMerge``) computed from the layout grid.

A table is written as one XML string and parsed once — python-docx's cell API looks every cell up through the
whole grid, which is quadratic in the size of a table. Both the renderer and the reader (:mod:`.source`) walk the
same :func:`table_plan`, so what is written at a grid position is what is read back from it.

Table 1 has one block per 第二十条 item; its blocks are printed as one table, each block opened by a full-width
row holding its heading, as on the official form. Tables 2 and 3 repeat their header rows on every page.

Pagination (:func:`row_keeps`): a table may break across pages, but only where a reader expects it — between
Table 1's blocks, between Table 2's row groups (（三）不予公开 with its eight reasons stays whole), never inside the
header or between the header and the first row. Rows never split. So a table begins on the page where its caption
falls whenever its header and first rows fit there, instead of leaving the rest of the page empty.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

import attrs
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from disclosure_core import Report
from disclosure_core.layouts import BlockGrid, GridCell, GridRole, Label, Layout, TableLayout, table_grids
from disclosure_core.rendering import cell_text
from disclosure_docx.template import TABLE_NOTE, TABLE_TEXT, TABLE_TEXT_SMALL

TEXT_WIDTH = 8844
"""The width of the type area in twips: 210 mm − 28 mm − 26 mm = 156 mm."""
NARROW = 640
"""Value columns narrower than this (twips, about 11 mm) get 小五 instead of 五号, so 4-digit numbers fit."""


@attrs.frozen
class PlannedRow:
    """One printed row of a table: a block's heading (``heading`` set), or grid row ``row`` of a block, with
    ``slots`` giving, for each grid column, the cell that covers it (started in this row or spanning from above).
    """

    row: int = -1
    slots: tuple[GridCell, ...] = ()
    heading: Label | None = None
    repeat: bool = False


@attrs.frozen
class TablePlan:
    """How one official table is printed: its grid width, column widths (twips) and rows in order."""

    table: TableLayout
    width: int
    widths: tuple[int, ...]
    rows: tuple[PlannedRow, ...]
    style: str = TABLE_TEXT

    @property
    def repeats(self) -> bool:
        """Whether the table's header rows repeat on every page (one-block tables: 2 and 3)."""
        return any(row.repeat for row in self.rows)


@functools.lru_cache(maxsize=32)
def table_plan(layout: Layout, table_id: str) -> TablePlan:
    """The printed rows of a table, with every block stretched to the widest one.

    >>> from disclosure_core.layouts import builtin_layout
    >>> plan = table_plan(builtin_layout("gov-2021"), "requests")
    >>> plan.width, len(plan.rows), [row.repeat for row in plan.rows[:4]]
    (10, 28, [True, True, True, False])
    """
    table = layout.table(table_id)
    grids = table_grids(table)
    width = max(grid.width for grid in grids)
    widened = [grid.widened(width) for grid in grids]
    # Header rows can only repeat when they head the whole table: true of one-block tables only.
    repeat = len(widened) == 1
    rows: list[PlannedRow] = []
    for grid in widened:
        if grid.block.heading is not None:
            rows.append(PlannedRow(heading=grid.block.heading))
        covered = _positions(grid)
        rows.extend(
            PlannedRow(r, tuple(covered[r, c] for c in range(width)), repeat=repeat and r < grid.header_rows)
            for r in range(len(grid.rows))
        )
    shares = widened[0].column_shares()
    widths = [round(TEXT_WIDTH * share / 100) for share in shares]
    widths[-1] += TEXT_WIDTH - sum(widths)  # rounding must not change the total
    narrow = min(widths[widened[0].block.label_width :]) < NARROW
    return TablePlan(table, width, tuple(widths), tuple(rows), TABLE_TEXT_SMALL if narrow else TABLE_TEXT)


def row_keeps(plan: TablePlan) -> tuple[bool, ...]:
    """For each printed row, whether it stays on the page of the row after it (``w:keepNext``).

    A block heading and header rows keep with what follows; a body row keeps with the next when both lie in the
    same row group (a group label spanning both, Table 2's （三）…（六）) or the same small block (Table 1's
    items); （一） and （二） keep with （三）, so 三、本年度办理结果 has room for its vertical label before any
    break; the last row is free.

    >>> from disclosure_core.layouts import builtin_layout
    >>> keeps = row_keeps(table_plan(builtin_layout("gov-2021"), "requests"))
    >>> keeps[:7], keeps[7:15], keeps[-1]
    ((True, True, True, False, False, True, True), (True, True, True, True, True, True, True, False), False)
    """
    keeps = []
    opened: set[GridCell] = set()  # tall blocks whose first inner group has been reached
    for index, planned in enumerate(plan.rows):
        following = plan.rows[index + 1] if index + 1 < len(plan.rows) else None
        if following is None:
            keeps.append(False)
        elif planned.heading is not None or planned.repeat:
            keeps.append(True)
        elif following.heading is not None:
            keeps.append(False)  # the end of a block: Table 1 may break before the next item
        elif not plan.repeats:
            keeps.append(True)  # Table 1's blocks are two to four rows: each stays whole
        else:
            (block, group), (next_block, next_group) = _groups_of(planned), _groups_of(following)
            if block is not None and group is not None:
                opened.add(block)
            # Rows of a tall block above its first inner group (（一）（二）) stay with that group: the block's
            # vertical label is printed in its first part and needs the height.
            opening = block is not None and block == next_block and block not in opened
            keeps.append((group is not None and group == next_group) or opening)
    return tuple(keeps)


def _groups_of(planned: PlannedRow) -> tuple[GridCell | None, GridCell | None]:
    """The outermost group of a tall block (三、本年度办理结果, in column 0) and the innermost row group
    (（三）不予公开 …) that a body row lies in."""
    groups = [cell for cell in planned.slots if cell.role is GridRole.ROW_GROUP]
    outer = next((cell for cell in groups if cell.column == 0), None)
    inner = [cell for cell in groups if cell.column > 0]
    return outer, inner[-1] if inner else None


def _positions(grid: BlockGrid) -> dict[tuple[int, int], GridCell]:
    covered: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells():
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                covered[cell.row + dr, cell.column + dc] = cell
    return covered


def table_xml(report: Report, layout: Layout, table_id: str) -> BaseOxmlElement:
    """The ``w:tbl`` element of one table, filled with the report's values."""
    plan = table_plan(layout, table_id)
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in plan.widths)
    caption = escape(f"表{plan.table.number} {plan.table.label.zh}", {'"': "&quot;"})
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>",
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>',
        '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblCellMar><w:left w:w="28" w:type="dxa"/><w:right w:w="28" w:type="dxa"/></w:tblCellMar>',
        f'<w:tblLook w:val="0000"/><w:tblCaption w:val="{caption}"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>',
    ]
    for planned, keep in zip(plan.rows, row_keeps(plan), strict=True):
        parts.append(_row_xml(planned, plan, report, layout, keep=keep))
    parts.append("</w:tbl>")
    element: BaseOxmlElement = parse_xml("".join(parts))
    return element


def _row_xml(planned: PlannedRow, plan: TablePlan, report: Report, layout: Layout, *, keep: bool) -> str:
    header = "<w:tblHeader/>" if planned.repeat else ""
    out = [f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>"]
    keep_next = "<w:keepNext/>" if keep else ""
    if planned.heading is not None:
        out.append(_cell_xml(planned.heading.zh, sum(plan.widths), plan.width, "", "left", plan.style, keep_next))
        out.append("</w:tr>")
        return "".join(out)
    column = 0
    while column < plan.width:
        cell = planned.slots[column]
        width = sum(plan.widths[column : column + cell.colspan])
        if cell.row != planned.row:  # under the rowspan of a cell that started above
            out.append(_cell_xml("", width, cell.colspan, "<w:vMerge/>", "center", plan.style, keep_next))
        else:
            merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
            out.append(_cell_for(cell, width, merge, report, layout, keep_next, plan.style))
        column += cell.colspan
    out.append("</w:tr>")
    return "".join(out)


def _cell_for(cell: GridCell, width: int, merge: str, report: Report, layout: Layout, keep: str, style: str) -> str:
    if cell.address is not None:
        text = cell_text(report.cell(cell.address), layout.column_of(cell.address))
        return _cell_xml(text, width, cell.colspan, merge, "center", style, keep)
    label = cell.label.zh if cell.label else ""
    if cell.role is GridRole.CORNER and cell.rowspan > 1:  # Table 2's long note on the arithmetic
        return _cell_xml(label, width, cell.colspan, merge, "left", TABLE_NOTE, keep)
    if cell.role is GridRole.ROW_GROUP and cell.column == 0 and cell.rowspan > 1:
        # The outermost group of a tall block (三、本年度办理结果) runs vertically, as on the official form.
        # Aligned to the top: when the table breaks inside the block, the label is printed whole in its first part.
        vertical = merge + '<w:textDirection w:val="tbRlV"/>'
        return _cell_xml(label, width, cell.colspan, vertical, "center", style, keep, valign="top")
    align = "left" if cell.role in {GridRole.ROW_HEADER, GridRole.ROW_GROUP} else "center"
    return _cell_xml(label, width, cell.colspan, merge, align, style, keep)


def _cell_xml(
    text: str, width: int, colspan: int, extra: str, align: str, style: str, keep: str, valign: str = "center"
) -> str:
    span = f'<w:gridSpan w:val="{colspan}"/>' if colspan > 1 else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{extra}<w:vAlign w:val="{valign}"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}<w:jc w:val="{align}"/></w:pPr>{run}</w:p></w:tc>'
    )
