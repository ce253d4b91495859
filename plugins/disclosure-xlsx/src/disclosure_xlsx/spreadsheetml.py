"""A small SpreadsheetML writer: one worksheet's cells, merges, sizes, validations and print settings as XML.

The renderer draws a sheet cell by cell in any order; :class:`SheetXml` keeps each cell's content (already
serialised) and style index, and writes the part in the order the schema requires (rows ascending, cells
ascending within a row, then protection, merges, validations, margins, page setup, header and footer).
Every text goes through :func:`xml_text`: XML-illegal characters become ``_xHHHH_`` (the OOXML escape, so a
control character in a body name is kept, not lost and not fatal), then ``&``, ``<`` and ``>`` (and ``"`` in
attributes) are escaped. Texts are written as inline strings: no shared-strings part to keep in step.

>>> sheet = SheetXml()
>>> sheet.text(1, 1, "A & B\\x01", 3)
>>> sheet.number(2, 2, 7, 0)
>>> sheet.merge(1, 1, 1, 2, frame_style=None)
>>> xml = sheet.xml().decode()
>>> xml[xml.index("<sheetData>") : xml.index("</sheetData>") + 12]
'<sheetData><row r="1"><c r="A1" s="3" t="inlineStr"><is><t>A &amp; B_x0001_</t></is></c></row><row r="2"><c r="B2" s="0" t="n"><v>7</v></c></row></sheetData>'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from disclosure_xlsx.ooxml_text import escape

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# A parser turns a carriage return into a line feed, and in an attribute every line end or tab into a space:
# written as character references they survive.
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)
_EPOCH = dt.date(1899, 12, 30)
_LETTERS = [""]


def xml_text(text: str) -> str:
    """``text`` as XML character data: XML-illegal characters OOXML-escaped, markup characters escaped.

    >>> xml_text("a<b & c\\x0b\\r"), xml_text("x_x0041_")
    ('a&lt;b &amp; c_x000B_&#13;', 'x_x005F_x0041_')
    """
    return escape(text).translate(_XML_TEXT)


def xml_attribute(text: str) -> str:
    """``text`` as the value of an XML attribute in double quotes (see :func:`xml_text`).

    >>> xml_attribute('say "OK" & go')
    'say &quot;OK&quot; &amp; go'
    """
    return escape(text).translate(_XML_ATTRIBUTE)


def column_letter(column: int) -> str:
    """The letters of a 1-based column number (1 → A, 27 → AA), as spreadsheets name columns.

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(16384)
    ('A', 'Z', 'AA', 'XFD')
    """
    while len(_LETTERS) <= column:  # the few columns a form uses, computed once each
        number, letters = len(_LETTERS), ""
        while number:
            number, remainder = divmod(number - 1, 26)
            letters = chr(65 + remainder) + letters
        _LETTERS.append(letters)
    return _LETTERS[column]


def coordinate(row: int, column: int) -> str:
    """A cell's A1 name.

    >>> coordinate(7, 4)
    'D7'
    """
    return f"{column_letter(column)}{row}"


def number_text(value: int | Decimal | float) -> str:
    """A number as ``<v>`` holds it: an integer exactly, else the shortest text of the double (exact: the
    caller writes a decimal as a number only when a double holds it exactly).

    >>> number_text(2020), number_text(Decimal("43101.00")), number_text(Decimal("0.30000000000000004"))
    ('2020', '43101', '0.30000000000000004')
    """
    if isinstance(value, int):
        return str(value)
    double = float(value)
    return str(int(double)) if double.is_integer() and abs(double) < 1e15 else repr(double)


def date_serial(day: dt.date) -> int:
    """A date as a spreadsheet's day number (1900 date system, with its phantom 29 February 1900).

    >>> date_serial(dt.date(2021, 2, 3)), date_serial(dt.date(1900, 1, 1))
    (44230, 1)
    """
    days = (day - _EPOCH).days
    return days - 1 if 0 < days <= 60 else days


@attrs.frozen
class Validation:
    """A data validation: what a range of cells accepts, and the warning shown otherwise."""

    kind: str
    """``whole``, ``custom`` or ``list``."""
    cells: tuple[str, ...]
    formula1: str
    formula2: str | None = None
    operator: str | None = None
    error: str | None = None
    error_title: str = "输入有误"

    def xml(self) -> str:
        """The ``<dataValidation>`` element (a warning, blanks allowed, the message shown)."""
        error = f' error="{xml_attribute(self.error)}"' if self.error is not None else ""
        operator = f' operator="{self.operator}"' if self.operator is not None else ""
        second = f"<formula2>{xml_text(self.formula2)}</formula2>" if self.formula2 is not None else ""
        return (
            f'<dataValidation sqref="{" ".join(self.cells)}" showDropDown="0" showInputMessage="0" '
            f'showErrorMessage="1" allowBlank="1" errorTitle="{xml_attribute(self.error_title)}"{error} '
            f'type="{self.kind}" errorStyle="warning"{operator}><formula1>{xml_text(self.formula1)}</formula1>'
            f"{second}</dataValidation>"
        )


@attrs.frozen
class PageSetup:
    """How a sheet prints: A4, one page wide, ``header`` centred above and page numbers below each page."""

    header: str
    landscape: bool
    size: int = 9
    """The point size of header and footer."""
    margin: float = 0.8
    """Top and bottom margins in inches: room for the header and the footer."""


_FOOTER = "第 &P 页 共 &N 页"
_PROTECTION = (
    '<sheetProtection selectLockedCells="0" selectUnlockedCells="0" sheet="1" objects="0" insertRows="0" '
    'insertHyperlinks="1" autoFilter="1" scenarios="0" formatColumns="0" deleteColumns="1" insertColumns="1" '
    'pivotTables="1" deleteRows="1" formatCells="1" formatRows="0" sort="1"/>'
)
"""Locked without a password; in OOXML a "1" forbids while protected: rows may be inserted, rows and columns
resized, nothing else."""


class SheetXml:
    """One worksheet being drawn (see the module docstring); :meth:`xml` gives the part's bytes."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], str] = {}
        self._merges: list[str] = []
        self._widths: dict[int, float] = {}
        self._heights: dict[int, float] = {}
        self._validations: list[Validation] = []
        self.page: PageSetup | None = None
        self.protected = False

    def _put(self, row: int, column: int, cell: str) -> None:
        self._cells[row, column] = cell

    def text(self, row: int, column: int, text: str, style: int) -> None:
        """A text cell (never a formula, whatever it starts with); spaces at its ends are kept."""
        if not text:  # as openpyxl writes an empty text: a cell that reads back blank
            self._put(row, column, f'<c r="{coordinate(row, column)}" s="{style}" t="inlineStr"></c>')
            return
        space = ' xml:space="preserve"' if text != text.strip() else ""
        content = f"<is><t{space}>{xml_text(text)}</t></is>"
        self._put(row, column, f'<c r="{coordinate(row, column)}" s="{style}" t="inlineStr">{content}</c>')

    def number(self, row: int, column: int, value: int | Decimal | float, style: int) -> None:
        """A number cell."""
        self._put(row, column, f'<c r="{coordinate(row, column)}" s="{style}" t="n"><v>{number_text(value)}</v></c>')

    def date(self, row: int, column: int, day: dt.date, style: int) -> None:
        """A date, stored as its day number (``style`` gives it a date format)."""
        self.number(row, column, date_serial(day), style)

    def formula(self, row: int, column: int, formula: str, style: int) -> None:
        """A formula (without its leading "="), with no saved result: the spreadsheet computes it on opening."""
        self._put(row, column, f'<c r="{coordinate(row, column)}" s="{style}"><f>{xml_text(formula)}</f><v></v></c>')

    def blank(self, row: int, column: int, style: int) -> None:
        """An empty cell that still shows its style (a border, a tint)."""
        self._put(row, column, f'<c r="{coordinate(row, column)}" s="{style}" t="n"></c>')

    def merge(
        self, first_row: int, first_column: int, last_row: int, last_column: int, frame_style: int | None
    ) -> None:
        """Merge a rectangle; with ``frame_style``, every cell it covers is a blank of that style (a spreadsheet
        draws a merged range's border from the cells under it), else the covered cells stay absent."""
        self._merges.append(f"{coordinate(first_row, first_column)}:{coordinate(last_row, last_column)}")
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                if (row, column) != (first_row, first_column):
                    if frame_style is None:
                        self._cells.pop((row, column), None)
                    else:
                        self.blank(row, column, frame_style)

    def width(self, column: int, width: float) -> None:
        """A column's width in characters of the default font."""
        self._widths[column] = width

    def height(self, row: int, points: float) -> None:
        """A row's height in points (no spreadsheet sizes the wrapped rows of a file it opens)."""
        self._heights[row] = points

    def validate(self, validation: Validation) -> None:
        """Add a data validation."""
        self._validations.append(validation)

    def xml(self) -> bytes:
        """The worksheet part."""
        page = self.page
        fit = '<pageSetUpPr fitToPage="1"/>' if page is not None else ""
        out = [f'<worksheet xmlns="{MAIN_NS}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>{fit}</sheetPr>']
        cells = self._cells
        if cells:
            last_row = max(row for row, _ in cells)
            last_column = max(column for _, column in cells)
            first_column = min(column for _, column in cells)
            first_row = min(row for row, _ in cells)
            out.append(f'<dimension ref="{coordinate(first_row, first_column)}:{coordinate(last_row, last_column)}"/>')
        else:
            out.append('<dimension ref="A1:A1"/>')
        out.append(
            '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>'
            '</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
        )
        if self._widths:
            out.append("<cols>")
            for column in sorted(self._widths):
                width = _number(self._widths[column])
                out.append(f'<col width="{width}" customWidth="1" min="{column}" max="{column}"/>')
            out.append("</cols>")
        out.append("<sheetData>")
        out.extend(_rows(cells, self._heights))
        out.append("</sheetData>")
        if self.protected:
            out.append(_PROTECTION)
        if self._merges:
            out.append(f'<mergeCells count="{len(self._merges)}">')
            out.extend(f'<mergeCell ref="{merged}"/>' for merged in self._merges)
            out.append("</mergeCells>")
        if self._validations:
            out.append(f'<dataValidations count="{len(self._validations)}">')
            out.extend(validation.xml() for validation in self._validations)
            out.append("</dataValidations>")
        if page is not None:
            out.append(_page_xml(page))
        out.append("</worksheet>")
        return "".join(out).encode("utf-8")


def _rows(cells: dict[tuple[int, int], str], heights: dict[int, float]) -> Iterable[str]:
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row, column), cell in cells.items():
        by_row.setdefault(row, []).append((column, cell))
    for row in heights:
        by_row.setdefault(row, [])
    for row in sorted(by_row):
        height = heights.get(row)
        size = f' ht="{_number(height)}" customHeight="1"' if height is not None else ""
        row_cells: Sequence[tuple[int, str]] = sorted(by_row[row])
        yield f'<row r="{row}"{size}>' + "".join(cell for _, cell in row_cells) + "</row>"


def _page_xml(page: PageSetup) -> str:
    # "&" starts a header code ("&P" the page number): a literal one is doubled.
    header = page.header.replace("&", "&&")
    margin = _number(page.margin)
    orientation = "landscape" if page.landscape else "portrait"
    return (
        f'<pageMargins left="0.75" right="0.75" top="{margin}" bottom="{margin}" header="0.5" footer="0.5"/>'
        f'<pageSetup orientation="{orientation}" paperSize="9" fitToHeight="0" fitToWidth="1"/>'
        f"<headerFooter><oddHeader>{xml_text(f'&C&{page.size} {header}')}</oddHeader>"
        f"<oddFooter>{xml_text(f'&C&{page.size} {_FOOTER}')}</oddFooter>"
        "<evenHeader></evenHeader><evenFooter></evenFooter><firstHeader></firstHeader><firstFooter></firstFooter>"
        "</headerFooter>"
    )


def _number(value: float) -> str:
    """A size as openpyxl wrote it: 22 for 22.0, 14.5 for 14.5."""
    return f"{value:.16g}"
