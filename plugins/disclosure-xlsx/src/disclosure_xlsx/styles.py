"""How the workbook looks and what it allows: fonts, borders, fills, locking and data validation.

Labels are locked and the sheets protected without a password, so a label cannot be overtyped by accident
while an office that must adapt the sheet can still unprotect it (the reader verifies labels anyway).
Value cells are unlocked, tinted, and validated by the kind of their column.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_core.layouts import CellKind

FONT = Font(name="宋体", size=11)
BOLD = Font(name="宋体", size=11, bold=True)
TITLE = Font(name="黑体", size=14, bold=True)
HINT = Font(name="宋体", size=10, color="595959")
CHECK = Font(name="宋体", size=10, italic=True, color="1F4E79")
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
CHECK_FILL = PatternFill("solid", fgColor="EDEDED")
CENTERED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
UNLOCKED = Protection(locked=False)

NUMBER_FORMATS = {CellKind.COUNT: "0", CellKind.SIGNED_COUNT: "0", CellKind.MONEY: "0.00"}


def style_input(cell: Cell | MergedCell, number_format: str | None = None) -> None:
    """A cell people fill in: tinted, bordered, unlocked."""
    cell.font = FONT
    cell.border = BORDER
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED
    cell.alignment = CENTERED
    if number_format:
        cell.number_format = number_format


def style_check(cell: Cell | MergedCell) -> None:
    """A formula or note that checks what was entered: grey, locked."""
    cell.font = CHECK
    cell.border = BORDER
    cell.fill = CHECK_FILL
    cell.alignment = CENTERED


def print_setup(sheet: Worksheet, heading: str, *, landscape: bool) -> None:
    """Print on A4, one page wide (as many pages down as needed), ``heading`` above and "第 n 页 共 m 页"
    below every page.

    >>> from openpyxl import Workbook
    >>> sheet = Workbook().active
    >>> print_setup(sheet, "代县 & 某镇", landscape=False)
    >>> sheet.oddHeader.center.text, sheet.oddFooter.center.text, sheet.page_setup.fitToWidth
    ('代县 && 某镇', '第 &P 页 共 &N 页', 1)
    """
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # no limit down the page
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None
    assert footer is not None
    header.center.text = heading.replace("&", "&&")  # "&" starts a header code
    header.center.size = 9
    footer.center.text = "第 &P 页 共 &N 页"
    footer.center.size = 9
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8  # inches: room for the header and the footer


def protect(sheet: Worksheet) -> None:
    """Lock the sheet (no password) while still allowing rows to be inserted and columns to be resized."""
    protection = sheet.protection
    protection.sheet = True
    # In OOXML a True flag here means "forbidden while protected"; these stay allowed.
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertRows = False


def count_validation(kind: CellKind) -> DataValidation:
    """Whole numbers ≥ 0, or any whole number for a signed column (本年增/减)."""
    if kind is CellKind.SIGNED_COUNT:
        validation = DataValidation(type="whole", operator="between", formula1="-1000000000", formula2="1000000000")
        validation.error = "请填写整数（减少用负数表示，如 -8）。"
    else:
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        validation.error = "请填写不小于 0 的整数；没有发生的填 0，不要留空。"
    return _finish(validation)


def money_validation(coordinate: str) -> DataValidation:
    """An amount ≥ 0 with at most two decimals, for the one cell at ``coordinate``."""
    formula = f"AND(ISNUMBER({coordinate}),{coordinate}>=0,ROUND({coordinate},2)={coordinate})"
    validation = DataValidation(type="custom", formula1=formula)
    validation.error = "请填写不小于 0 的金额，最多两位小数。"
    validation.add(coordinate)
    return _finish(validation)


def list_validation(choices: Iterable[str]) -> DataValidation:
    """One of a few fixed texts, offered as a drop-down list."""
    return _finish(DataValidation(type="list", formula1='"' + ",".join(choices) + '"'))


def _finish(validation: DataValidation) -> DataValidation:
    # "warning" rather than "stop": a preparer who must record a placeholder ("-") can still do so
    # after being told, and the reader reports it; a stop would push them to paste around the check.
    validation.errorStyle = "warning"
    validation.showErrorMessage = True
    validation.allow_blank = True
    validation.errorTitle = "输入有误"
    return validation


def text_width(text: str) -> float:
    """Display width of ``text`` in character units: CJK characters count double."""
    return sum(2.0 if ord(char) > 0x2E7F else 1.1 for char in text)


def lines_needed(text: str, width: float) -> int:
    """How many wrapped lines ``text`` takes in a column ``width`` characters wide."""
    return max(1, math.ceil(text_width(text) / max(width - 1.0, 1.0)))
