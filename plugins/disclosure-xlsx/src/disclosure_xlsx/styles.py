"""How the workbook looks and what it allows: named cell styles, locking and data validation.

Labels are locked and the sheets protected without a password, so a label cannot be overtyped by accident
while an office that must adapt the sheet can still unprotect it (the reader verifies labels anyway).
Value cells are unlocked, tinted, and validated by the kind of their column.

Every cell takes one of the named styles of :data:`NAMED_STYLES` (they also show in the spreadsheet's
style list): openpyxl files a font, border or fill set on a cell by hashing it against every one already
used, which was half the time of a rendering; a named style is registered once per workbook and a cell
only copies its index.

>>> from openpyxl import Workbook
>>> workbook = Workbook()
>>> add_named_styles(workbook)
>>> cell = workbook.active["A1"]
>>> cell.style = INPUT_MONEY
>>> cell.font.name, cell.fill.fgColor.rgb, cell.protection.locked, cell.number_format
('宋体', '00FFF2CC', False, '0.00')
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_core.layouts import CellKind

FONT = Font(name="宋体", size=11)
BOLD = Font(name="宋体", size=11, bold=True)
TITLE_FONT = Font(name="黑体", size=14, bold=True)
HINT_FONT = Font(name="宋体", size=10, color="595959")
CHECK_FONT = Font(name="宋体", size=10, italic=True, color="1F4E79")
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
CHECK_FILL = PatternFill("solid", fgColor="EDEDED")
CENTERED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
UNLOCKED = Protection(locked=False)

# The named styles, by what a cell is for.
TITLE = "disclosure title"
HINT = "disclosure hint"
NOTE = "disclosure note"
"""A hint beside a field of the information sheet: small grey text, top-aligned."""
HEADING = "disclosure heading"
"""A table's heading or column header: bold, bordered, centred."""
LABEL = "disclosure label"
ROW_LABEL = "disclosure row label"
FIELD = "disclosure field"
"""The name of a field of the information sheet: bold, bordered, left-aligned."""
GROUP = "disclosure group"
"""The opening row of a group of fields on the information sheet: bold on grey."""
GROUP_FIELD = "disclosure group field"
"""A group's opening row that is also a field (whether the group is there): bold on grey, left-aligned."""
FIXED = "disclosure fixed value"
"""A value of the information sheet that is not to be changed (the format version): bordered, locked."""
FRAME = "disclosure frame"
"""A cell covered by a merged label: only its border shows."""
INPUT = "disclosure input"
INPUT_COUNT = "disclosure input count"
INPUT_MONEY = "disclosure input money"
INPUT_TEXT = "disclosure input text"
INPUT_DATE = "disclosure input date"
CHECK = "disclosure check"

NUMBER_FORMATS = {CellKind.COUNT: "0", CellKind.SIGNED_COUNT: "0", CellKind.MONEY: "0.00"}
INPUT_BY_KIND = {CellKind.COUNT: INPUT_COUNT, CellKind.SIGNED_COUNT: INPUT_COUNT, CellKind.MONEY: INPUT_MONEY}
"""The style of a value cell by the kind of its column (its number format)."""


def _input(name: str, alignment: Alignment = CENTERED, number_format: str | None = None) -> NamedStyle:
    """A cell people fill in: tinted, bordered, unlocked."""
    return NamedStyle(
        name,
        font=FONT,
        border=BORDER,
        fill=INPUT_FILL,
        protection=UNLOCKED,
        alignment=alignment,
        number_format=number_format,
    )


def _named_styles() -> list[NamedStyle]:
    # Made anew for each workbook: openpyxl binds a named style to the workbook it is added to.
    return [
        NamedStyle(TITLE, font=TITLE_FONT),
        NamedStyle(HINT, font=HINT_FONT),
        NamedStyle(NOTE, font=HINT_FONT, alignment=TOP_LEFT),
        NamedStyle(HEADING, font=BOLD, border=BORDER, alignment=CENTERED),
        NamedStyle(LABEL, font=FONT, border=BORDER, alignment=CENTERED),
        NamedStyle(ROW_LABEL, font=FONT, border=BORDER, alignment=LEFT),
        NamedStyle(FIELD, font=BOLD, border=BORDER, alignment=LEFT),
        NamedStyle(GROUP, font=BOLD, border=BORDER, fill=CHECK_FILL),
        NamedStyle(GROUP_FIELD, font=BOLD, border=BORDER, fill=CHECK_FILL, alignment=LEFT),
        NamedStyle(FIXED, font=FONT, border=BORDER),
        NamedStyle(FRAME, font=DEFAULT_FONT, border=BORDER),
        _input(INPUT),
        _input(INPUT_COUNT, number_format=NUMBER_FORMATS[CellKind.COUNT]),
        _input(INPUT_MONEY, number_format=NUMBER_FORMATS[CellKind.MONEY]),
        _input(INPUT_TEXT, alignment=TOP_LEFT),
        _input(INPUT_DATE, alignment=TOP_LEFT, number_format="yyyy-mm-dd"),
        NamedStyle(CHECK, font=CHECK_FONT, border=BORDER, fill=CHECK_FILL, alignment=CENTERED),
    ]


NAMED_STYLES = tuple(style.name for style in _named_styles())
"""The names of every style a rendered workbook uses."""


def add_named_styles(workbook: Workbook) -> None:
    """Register :data:`NAMED_STYLES` with ``workbook`` (once, before any cell takes one)."""
    for style in _named_styles():
        workbook.add_named_style(style)


def merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, last_column: int, frame: bool) -> None:
    """Merge a rectangle whose first cell is already written; with ``frame``, every cell it covers takes the
    :data:`FRAME` style (a spreadsheet draws the border of a merged range from the cells under it).

    ``Worksheet.merge_cells`` does the same, but copies the first cell's protection onto every covered cell
    through openpyxl's hashed style lists: a third of a rendering.

    >>> from openpyxl import Workbook
    >>> workbook = Workbook()
    >>> add_named_styles(workbook)
    >>> merge(workbook.active, 1, 1, 2, 3, frame=True)
    >>> [str(merged) for merged in workbook.active.merged_cells.ranges], workbook.active["C2"].border.left.style
    (['A1:C2'], 'thin')
    """
    sheet.cell(row=first_row, column=first_column)  # the first cell stays a real one
    sheet.merged_cells.add(
        MergedCellRange(sheet, f"{_coordinate(first_row, first_column)}:{_coordinate(last_row, last_column)}")
    )
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            if (row, column) != (first_row, first_column):
                covered = MergedCell(sheet, row=row, column=column)
                if frame:
                    covered.style = FRAME
                sheet._cells[row, column] = covered  # what merge_cells does: openpyxl has no public way


def _coordinate(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


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
