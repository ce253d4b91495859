"""Drawing one official table on its sheet: labels, value cells, validation, unit cells and checks."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
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


def write_text(sheet: Worksheet, row: int, column: int, text: str, where: str) -> None:
    """Put ``text`` into a cell as text (never as a formula), escaped the OOXML way."""
    if len(text) > MAX_CELL_TEXT:
        raise RenderError(f"{where}: {len(text)} characters do not fit in one cell ({MAX_CELL_TEXT} at most)")
    cell = sheet.cell(row=row, column=column)
    cell.value = escape(text)
    cell.data_type = "s"  # a text that starts with "=" is still a text


def draw(sheet: Worksheet, at: Placed) -> None:
    """Merge the rectangle (when it spans) and border every cell it covers."""
    if at.merged:
        sheet.merge_cells(at.range)
    for row in range(at.row, at.last_row + 1):
        for column in range(at.column, at.last_column + 1):
            sheet.cell(row=row, column=column).border = styles.BORDER


def write_table(sheet: Worksheet, shape: TableSheet, report: Report) -> None:
    """Draw ``shape`` on ``sheet``, filled with the report's values (blank where the report has none)."""
    width = shape.width
    title = sheet.cell(row=TITLE_ROW, column=1, value=f"{shape.name}  {shape.table.label.zh}")
    title.font = styles.TITLE
    sheet.merge_cells(Placed(TITLE_ROW, 1, 1, width).range)
    hint = sheet.cell(row=HINT_ROW, column=1, value=TABLE_HINT)
    hint.font = styles.HINT
    sheet.merge_cells(Placed(HINT_ROW, 1, 1, width).range)
    for label in shape.labels:
        write_text(sheet, label.at.row, label.at.column, label.text, f"{shape.name}!{label.at.coordinate}")
        draw(sheet, label.at)
        cell = sheet.cell(row=label.at.row, column=label.at.column)
        cell.font = styles.BOLD if label.kind in {LabelKind.HEADING, LabelKind.HEADER} else styles.FONT
        cell.alignment = styles.LEFT if label.kind is LabelKind.ROW else styles.CENTERED
    _write_values(sheet, shape, report)
    for check in check_cells(shape):
        if check.is_formula:
            sheet.cell(row=check.at.row, column=check.at.column, value=check.content)
        else:
            write_text(sheet, check.at.row, check.at.column, check.content, shape.name)
        draw(sheet, check.at)
        styles.style_check(sheet.cell(row=check.at.row, column=check.at.column))
    _size(sheet, shape)
    styles.protect(sheet)
    styles.print_setup(sheet, f"{report_title(report)}  {shape.name}", landscape=True)


def _write_values(sheet: Worksheet, shape: TableSheet, report: Report) -> None:
    by_kind: dict[CellKind, DataValidation] = {}
    for place in shape.values():
        value = report.cell(place.address)
        content = cell_content(value)
        where = f"{shape.name}!{place.at.coordinate} ({place.address})"
        if isinstance(content, str):
            write_text(sheet, place.at.row, place.at.column, content, where)
        else:
            sheet.cell(row=place.at.row, column=place.at.column, value=content)
        draw(sheet, place.at)
        kind = place.column.kind
        styles.style_input(sheet.cell(row=place.at.row, column=place.at.column), styles.NUMBER_FORMATS[kind])
        if kind is CellKind.MONEY:
            sheet.add_data_validation(styles.money_validation(place.at.coordinate))
            # A cell without an amount offers the unit the format fixes (万元 for gov-2021 fees).
            unit = value.unit if isinstance(value, Money) else place.column.unit
            _write_unit(sheet, shape, place.at.row, unit)
        else:
            if kind not in by_kind:
                by_kind[kind] = styles.count_validation(kind)
            by_kind[kind].add(place.at.range)
    for validation in by_kind.values():
        sheet.add_data_validation(validation)


def _write_unit(sheet: Worksheet, shape: TableSheet, row: int, unit: str | None) -> None:
    column = shape.check_column
    cell = sheet.cell(row=row, column=column)
    if unit is not None:
        write_text(sheet, row, column, unit, f"{shape.name}!{cell.coordinate}")
    styles.style_input(cell)
    units = styles.list_validation(MONEY_UNITS)
    units.add(cell.coordinate)
    sheet.add_data_validation(units)
    note = sheet.cell(row=row, column=column + 1, value=UNIT_NOTE)
    note.font = styles.HINT


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
