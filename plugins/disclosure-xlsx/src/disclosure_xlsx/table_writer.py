"""Drawing one official table on its sheet: labels, value cells, validation, unit cells and checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from disclosure_core import Money, Report
from disclosure_core.errors import RenderError
from disclosure_core.layouts import CellKind
from disclosure_core.rendering import report_title
from disclosure_xlsx import styles
from disclosure_xlsx.cells import MONEY_UNITS, cell_content
from disclosure_xlsx.checks import check_cells
from disclosure_xlsx.geometry import HINT_ROW, TITLE_ROW, LabelKind, Placed, TableSheet
from disclosure_xlsx.ooxml_text import MAX_CELL_TEXT
from disclosure_xlsx.spreadsheetml import PageSetup, SheetXml, coordinate

TABLE_HINT = "黄色单元格填写数字：没有发生的填 0，不要留空；灰色单元格是公式核对，不是数据。"
UNIT_NOTE = "← 金额单位（万元或元）"
_LABEL_STYLES = {LabelKind.HEADING: styles.HEADING, LabelKind.HEADER: styles.HEADING, LabelKind.ROW: styles.ROW_LABEL}


def write_text(sheet: SheetXml, row: int, column: int, text: str, style: int, where: str) -> None:
    """Put ``text`` into a cell as text (never as a formula); :class:`RenderError` when it cannot fit in one.

    >>> write_text(SheetXml(), 1, 1, "x" * 40_000, styles.LABEL, "表2!A1")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RenderError: 表2!A1: 40000 characters do not fit in one cell (32767 at most)
    """
    if len(text) > MAX_CELL_TEXT:
        raise RenderError.keyed("renderer.cell_too_long", where=where, count=len(text), limit=MAX_CELL_TEXT)
    sheet.text(row, column, text, style)


def write_value(
    sheet: SheetXml, row: int, column: int, value: str | int | Decimal | dt.date, style: int, where: str
) -> None:
    """Put a text, number or date into a cell."""
    if isinstance(value, str):
        write_text(sheet, row, column, value, style, where)
    elif isinstance(value, dt.date):
        sheet.date(row, column, value, style)
    else:
        sheet.number(row, column, value, style)


def frame(sheet: SheetXml, at: Placed) -> None:
    """Merge the rectangle when it spans, bordering every cell it covers."""
    if at.merged:
        sheet.merge(at.row, at.column, at.last_row, at.last_column, frame_style=styles.FRAME)


def write_table(sheet: SheetXml, shape: TableSheet, report: Report) -> None:
    """Draw ``shape`` on ``sheet``, filled with the report's values (blank where the report has none)."""
    width = shape.width
    sheet.text(TITLE_ROW, 1, f"{shape.name}  {shape.table.label.zh}", styles.TITLE)
    sheet.merge(TITLE_ROW, 1, TITLE_ROW, width, frame_style=None)
    sheet.text(HINT_ROW, 1, TABLE_HINT, styles.HINT)
    sheet.merge(HINT_ROW, 1, HINT_ROW, width, frame_style=None)
    for label in shape.labels:
        at = label.at
        style = _LABEL_STYLES.get(label.kind, styles.LABEL)
        write_text(sheet, at.row, at.column, label.text, style, f"{shape.name}!{at.coordinate}")
        frame(sheet, at)
    _write_values(sheet, shape, report)
    for check in check_cells(shape):
        at = check.at
        if check.is_formula:
            sheet.formula(at.row, at.column, check.content[1:], styles.CHECK)
        else:
            write_text(sheet, at.row, at.column, check.content, styles.CHECK, shape.name)
        frame(sheet, at)
    _size(sheet, shape)
    sheet.protected = True
    sheet.page = PageSetup(f"{report_title(report)}  {shape.name}", landscape=True)


def _write_values(sheet: SheetXml, shape: TableSheet, report: Report) -> None:
    by_kind: dict[CellKind, list[str]] = {}
    for place in shape.values():
        at = place.at
        value = report.cell(place.address)
        content = cell_content(value)
        kind = place.column.kind
        style = styles.INPUT_BY_KIND[kind]
        if content is None:
            sheet.blank(at.row, at.column, style)
        else:
            write_value(sheet, at.row, at.column, content, style, f"{shape.name}!{at.coordinate} ({place.address})")
        frame(sheet, at)
        if kind is CellKind.MONEY:
            sheet.validate(styles.money_validation(at.coordinate))
            # A cell without an amount offers the unit the format fixes (万元 for gov-2021 fees).
            unit = value.unit if isinstance(value, Money) else place.column.unit
            _write_unit(sheet, shape, at.row, unit)
        else:
            by_kind.setdefault(kind, []).append(at.range if at.merged else at.coordinate)
    for kind, cells in by_kind.items():  # one validation for all of a kind's cells
        sheet.validate(styles.count_validation(kind, cells))


def _write_unit(sheet: SheetXml, shape: TableSheet, row: int, unit: str | None) -> None:
    column = shape.check_column
    where = coordinate(row, column)
    if unit is None:
        sheet.blank(row, column, styles.INPUT)
    else:
        write_text(sheet, row, column, unit, styles.INPUT, f"{shape.name}!{where}")
    sheet.validate(styles.list_validation(MONEY_UNITS, where))
    sheet.text(row, column + 1, UNIT_NOTE, styles.HINT)


def _size(sheet: SheetXml, shape: TableSheet) -> None:
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
        sheet.width(column, round(width, 1))
    heights: dict[int, int] = {}
    for label in shape.labels:
        if label.at.rowspan == 1:
            room = sum(widths[c] for c in range(label.at.column, label.at.last_column + 1))
            lines = styles.lines_needed(label.text, room)
            heights[label.at.row] = max(heights.get(label.at.row, 1), lines)
    for row, lines in heights.items():
        if lines > 1:
            sheet.height(row, 15 * lines)
    sheet.height(TITLE_ROW, 24)
