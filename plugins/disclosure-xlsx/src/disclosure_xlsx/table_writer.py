"""Drawing one official table on its sheet: labels, value cells, validation, unit cells and checks."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_core import Money, Report
from disclosure_core.errors import RenderError
from disclosure_core.layouts import CellKind
from disclosure_core.rendering import report_title
from disclosure_xlsx import styles
from disclosure_xlsx.cells import MONEY_UNITS, cell_content
from disclosure_xlsx.checks import check_cells
from disclosure_xlsx.geometry import HINT_ROW, TITLE_ROW, LabelKind, Placed, TableSheet
from disclosure_xlsx.ooxml_text import MAX_CELL_TEXT, escape

TABLE_HINT = "黄色单元格填写数字：没有发生的填 0，不要留空；灰色单元格是公式核对，不是数据。"
UNIT_NOTE = "← 金额单位（万元或元）"
_LABEL_STYLES = {LabelKind.HEADING: styles.HEADING, LabelKind.HEADER: styles.HEADING, LabelKind.ROW: styles.ROW_LABEL}


def write_text(sheet: Worksheet, row: int, column: int, text: str, where: str) -> None:
    """Put ``text`` into a cell as text (never as a formula), escaped the OOXML way."""
    if len(text) > MAX_CELL_TEXT:
        raise RenderError(f"{where}: {len(text)} characters do not fit in one cell ({MAX_CELL_TEXT} at most)")
    cell = sheet.cell(row=row, column=column)
    cell.value = escape(text)
    cell.data_type = "s"  # a text that starts with "=" is still a text


def draw(sheet: Worksheet, at: Placed, style: str) -> None:
    """Give the rectangle's first cell ``style``; merge the rectangle when it spans, bordering every cell."""
    sheet.cell(row=at.row, column=at.column).style = style
    if at.merged:
        styles.merge(sheet, at.row, at.column, at.last_row, at.last_column, frame=True)


def write_table(sheet: Worksheet, shape: TableSheet, report: Report) -> None:
    """Draw ``shape`` on ``sheet``, filled with the report's values (blank where the report has none)."""
    width = shape.width
    sheet.cell(row=TITLE_ROW, column=1, value=f"{shape.name}  {shape.table.label.zh}").style = styles.TITLE
    styles.merge(sheet, TITLE_ROW, 1, TITLE_ROW, width, frame=False)
    sheet.cell(row=HINT_ROW, column=1, value=TABLE_HINT).style = styles.HINT
    styles.merge(sheet, HINT_ROW, 1, HINT_ROW, width, frame=False)
    for label in shape.labels:
        write_text(sheet, label.at.row, label.at.column, label.text, f"{shape.name}!{label.at.coordinate}")
        draw(sheet, label.at, _LABEL_STYLES.get(label.kind, styles.LABEL))
    _write_values(sheet, shape, report)
    for check in check_cells(shape):
        if check.is_formula:
            sheet.cell(row=check.at.row, column=check.at.column, value=check.content)
        else:
            write_text(sheet, check.at.row, check.at.column, check.content, shape.name)
        draw(sheet, check.at, styles.CHECK)
    _size(sheet, shape)
    styles.protect(sheet)
    styles.print_setup(sheet, f"{report_title(report)}  {shape.name}", landscape=True)


def _write_values(sheet: Worksheet, shape: TableSheet, report: Report) -> None:
    by_kind: dict[CellKind, list[str]] = {}
    for place in shape.values():
        value = report.cell(place.address)
        content = cell_content(value)
        where = f"{shape.name}!{place.at.coordinate} ({place.address})"
        if isinstance(content, str):
            write_text(sheet, place.at.row, place.at.column, content, where)
        else:
            sheet.cell(row=place.at.row, column=place.at.column, value=content)
        kind = place.column.kind
        draw(sheet, place.at, styles.INPUT_BY_KIND[kind])
        if kind is CellKind.MONEY:
            sheet.add_data_validation(styles.money_validation(place.at.coordinate))
            # A cell without an amount offers the unit the format fixes (万元 for gov-2021 fees).
            unit = value.unit if isinstance(value, Money) else place.column.unit
            _write_unit(sheet, shape, place.at.row, unit)
        else:
            by_kind.setdefault(kind, []).append(place.at.range)
    for kind, ranges in by_kind.items():
        # One range list for all of a kind's cells: adding them one by one is quadratic in openpyxl.
        validation = styles.count_validation(kind)
        validation.sqref = MultiCellRange(" ".join(ranges))
        sheet.add_data_validation(validation)


def _write_unit(sheet: Worksheet, shape: TableSheet, row: int, unit: str | None) -> None:
    column = shape.check_column
    cell = sheet.cell(row=row, column=column)
    if unit is not None:
        write_text(sheet, row, column, unit, f"{shape.name}!{cell.coordinate}")
    cell.style = styles.INPUT
    units = styles.list_validation(MONEY_UNITS)
    units.add(cell.coordinate)
    sheet.add_data_validation(units)
    sheet.cell(row=row, column=column + 1, value=UNIT_NOTE).style = styles.HINT


def _size(sheet: Worksheet, shape: TableSheet) -> None:
    """Column widths from the labels they carry, and row heights for labels that wrap."""
    widths: dict[int, float] = {}
    for label in shape.labels:
        if label.at.colspan != 1:
            continue
        column = label.at.column
        if column <= shape.label_width:
            if label.kind is LabelKind.GROUP:
                need = styles.text_width(label.text) / max(label.at.rowspan, 1) + 4
            else:
                need = min(styles.text_width(label.text) + 2, 36)
            widths[column] = max(widths.get(column, 6.0), min(need, 36))
        else:
            widths[column] = max(widths.get(column, 9.0), min(styles.text_width(label.text) / 2 + 3, 16))
    for column in range(1, shape.width + 1):
        widths.setdefault(column, 6.0 if column <= shape.label_width else 10.0)
    widths[shape.check_column] = 14.0
    widths[shape.check_column + 1] = 14.0
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = round(width, 1)
    heights: dict[int, int] = {}
    for label in shape.labels:
        if label.at.rowspan == 1:
            room = sum(widths[c] for c in range(label.at.column, label.at.last_column + 1))
            lines = styles.lines_needed(label.text, room)
            heights[label.at.row] = max(heights.get(label.at.row, 1), lines)
    for row, lines in heights.items():
        if lines > 1:
            sheet.row_dimensions[row].height = 15 * lines
    sheet.row_dimensions[TITLE_ROW].height = 24
