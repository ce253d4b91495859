"""The SpreadsheetML writer: well-formed parts, cells as openpyxl reads them, styles, escaping, determinism."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from disclosure_xlsx import XlsxRenderer, XlsxSource, styles
from disclosure_xlsx.ooxml_text import unescape
from disclosure_xlsx.package import workbook_bytes
from disclosure_xlsx.spreadsheetml import (
    SheetXml,
    column_letter,
    coordinate,
    date_serial,
    number_text,
    xml_attribute,
    xml_text,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_core import Body, RenderOptions, Report, builtin_layout, official_layouts

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _one_sheet(sheet: SheetXml) -> Worksheet:
    data = workbook_bytes([("S", sheet)], title="t", print_titles={})
    return openpyxl.load_workbook(io.BytesIO(data))["S"]


def _render(report: Report) -> bytes:
    return XlsxRenderer().render(report, RenderOptions(builtin_layout(report.format)))


def test_column_letters_and_dates_agree_with_openpyxl() -> None:
    assert [column_letter(n) for n in range(1, 16_385)] == [get_column_letter(n) for n in range(1, 16_385)]
    day = dt.date(1899, 12, 31)
    while day < dt.date(2100, 1, 1):
        assert date_serial(day) == to_excel(day), day  # type: ignore[no-untyped-call]
        day += dt.timedelta(days=97)
    assert date_serial(dt.date(1900, 3, 1)) == 61  # past Excel's phantom 29 February 1900


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**18), 10**18))
def test_a_number_is_written_exactly(value: float) -> None:
    text = number_text(value)
    assert float(text) == float(value)
    if isinstance(value, int):
        assert int(text) == value
    assert float(number_text(Decimal(repr(float(value))))) == float(value)


def test_text_is_escaped_for_xml_and_for_ooxml() -> None:
    assert (
        xml_text('a<b>&"c"\x00\x1f\ufffe\ud800_x0041_') == 'a&lt;b&gt;&amp;"c"_x0000__x001F__xFFFE__xD800__x005F_x0041_'
    )
    assert xml_attribute('"&') == "&quot;&amp;"


_STYLE_LOOKS = {
    # name: (font, size, bold, italic, fill colour, thin border, horizontal, vertical, wrap, locked, number format)
    "disclosure title": ("黑体", 14, True, False, None, False, None, None, None, True, "General"),
    "disclosure hint": ("宋体", 10, False, False, None, False, None, None, None, True, "General"),
    "disclosure note": ("宋体", 10, False, False, None, False, "left", "top", True, True, "General"),
    "disclosure heading": ("宋体", 11, True, False, None, True, "center", "center", True, True, "General"),
    "disclosure label": ("宋体", 11, False, False, None, True, "center", "center", True, True, "General"),
    "disclosure row label": ("宋体", 11, False, False, None, True, "left", "center", True, True, "General"),
    "disclosure field": ("宋体", 11, True, False, None, True, "left", "center", True, True, "General"),
    "disclosure group": ("宋体", 11, True, False, "00EDEDED", True, None, None, None, True, "General"),
    "disclosure group field": ("宋体", 11, True, False, "00EDEDED", True, "left", "center", True, True, "General"),
    "disclosure fixed value": ("宋体", 11, False, False, None, True, None, None, None, True, "General"),
    "disclosure frame": ("Calibri", 11, False, False, None, True, None, None, None, True, "General"),
    "disclosure input": ("宋体", 11, False, False, "00FFF2CC", True, "center", "center", True, False, "General"),
    "disclosure input count": ("宋体", 11, False, False, "00FFF2CC", True, "center", "center", True, False, "0"),
    "disclosure input money": ("宋体", 11, False, False, "00FFF2CC", True, "center", "center", True, False, "0.00"),
    "disclosure input text": ("宋体", 11, False, False, "00FFF2CC", True, "left", "top", True, False, "General"),
    "disclosure input date": ("宋体", 11, False, False, "00FFF2CC", True, "left", "top", True, False, "yyyy-mm-dd"),
    "disclosure check": ("宋体", 10, False, True, "00EDEDED", True, "center", "center", True, True, "General"),
}


def test_each_style_number_gives_its_named_style_as_openpyxl_reads_it() -> None:
    sheet = SheetXml()
    for number in range(1, len(styles.NAMED_STYLES)):
        sheet.text(number, 1, "x", number)
    read = _one_sheet(sheet)
    assert read.parent is not None
    assert set(read.parent.named_styles) == set(styles.NAMED_STYLES)
    seen = {}
    for number, name in enumerate(styles.NAMED_STYLES[1:], start=1):
        cell = read.cell(number, 1)
        font, fill, alignment, border = cell.font, cell.fill, cell.alignment, cell.border
        seen[cell.style] = (
            font.name,
            font.size,
            bool(font.bold),
            bool(font.italic),
            fill.fgColor.rgb if fill.fill_type == "solid" else None,
            {getattr(side, "style", None) for side in (border.left, border.right, border.top, border.bottom)}
            == {"thin"},
            alignment.horizontal,
            alignment.vertical,
            alignment.wrap_text,
            cell.protection.locked,
            cell.number_format,
        )
        assert cell.style == name
    assert seen == _STYLE_LOOKS


_CELL = st.tuples(st.integers(1, 40), st.integers(1, 30))
_VALUE = (
    st.text(st.characters(exclude_categories=()), max_size=20)
    | st.integers(-(10**14), 10**14)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1))
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_CELL, _VALUE, max_size=40), st.lists(_CELL, max_size=10))
def test_cells_written_in_any_order_read_back_in_place(
    cells: dict[tuple[int, int], object], blanks: list[tuple[int, int]]
) -> None:
    sheet = SheetXml()
    for (row, column), value in cells.items():
        if isinstance(value, str):
            sheet.text(row, column, value, styles.INPUT_TEXT)
        elif isinstance(value, dt.date):
            sheet.date(row, column, value, styles.INPUT_DATE)
        else:
            assert isinstance(value, int | float)
            sheet.number(row, column, value, styles.INPUT)
    for row, column in blanks:
        if (row, column) not in cells:
            sheet.blank(row, column, styles.FRAME)
    root = ElementTree.fromstring(sheet.xml())  # well-formed XML 1.0
    rows = [int(row.get("r", "0")) for row in root.iter(f"{_NS}row")]
    assert rows == sorted(set(rows))
    for element in root.iter(f"{_NS}row"):
        columns = [openpyxl.utils.cell.coordinate_from_string(c.get("r", ""))[0] for c in element]
        numbers = [openpyxl.utils.cell.column_index_from_string(letters) for letters in columns]
        assert numbers == sorted(set(numbers))
    read = _one_sheet(sheet)
    for (row, column), value in cells.items():
        got = read.cell(row, column).value
        if isinstance(value, str):
            assert (unescape(got) if isinstance(got, str) else got) == (value or None)
        elif isinstance(value, dt.date):
            assert got == dt.datetime.combine(value, dt.time())
        else:
            assert got == value
    for row, column in blanks:
        if (row, column) not in cells:
            assert read.cell(row, column).value is None
            assert read.cell(row, column).style == "disclosure frame"


def test_a_merge_keeps_its_first_cell_and_frames_or_drops_the_others() -> None:
    sheet = SheetXml()
    sheet.text(3, 2, "总计", styles.HEADING)
    sheet.merge(3, 2, 4, 3, frame_style=styles.FRAME)
    sheet.text(1, 1, "标题", styles.TITLE)
    sheet.text(1, 2, "covered", styles.TITLE)
    sheet.merge(1, 1, 1, 3, frame_style=None)
    read = _one_sheet(sheet)
    assert (read["B3"].value, read["B3"].style) == ("总计", "disclosure heading")
    assert sorted(str(merged) for merged in read.merged_cells.ranges) == ["A1:C1", "B3:C4"]
    assert read["C4"].border.bottom.style == "thin"
    assert read["B1"].value is None


_HOSTILE_NAMES = [
    "某县\x01人民\x0b政府\x00",
    "&lt;b&gt; & <b> \"quoted\" 'single' ]]>",
    "  某县人民政府  ",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "@SUM(A1)",
    "_x0041_ and _x005F_",
    "\ufffe\uffff\ud800 surrogate",
    "&P &N &&",
]


@pytest.mark.parametrize("name", _HOSTILE_NAMES)
def test_an_untrusted_body_name_is_kept_as_text(name: str) -> None:
    report = Report("gov-2021", 2025, Body(name, "county"), title=name)
    data = _render(report)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.namelist():
            ElementTree.fromstring(archive.read(member))  # every part is well-formed XML 1.0
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    cell = workbook["报告信息"]["B6"]
    assert cell.data_type == "s"  # a name that looks like a formula stays text
    back = XlsxSource().load(data, origin="hostile.xlsx", layouts=official_layouts()).report
    assert back.body.name == name
    assert back.title == name
    header = workbook["表2"].oddHeader
    assert header is not None
    assert str(header.center.text).endswith("  表2")


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=30))
def test_any_body_name_survives_render_and_read(name: str) -> None:
    report = Report("gov-2021", 2025, Body(name, "county", region=name))
    data = _render(report)
    back = XlsxSource().load(data, origin="any.xlsx", layouts=official_layouts()).report
    assert (back.body.name, back.body.region) == (name, name)


def test_the_bytes_do_not_depend_on_the_process() -> None:
    """Byte-identical in two processes with different hash seeds (no set or dict order leaks into a part)."""
    program = (
        "import hashlib, sys\n"
        "from disclosure_core import Registry, testing\n"
        "sys.stdout.write(hashlib.sha256(Registry().render(testing.daixian_report(), 'xlsx')).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    from disclosure_core import testing

    assert digests == {hashlib.sha256(_render(testing.daixian_report())).hexdigest()}


def test_the_package_has_the_parts_a_spreadsheet_program_expects() -> None:
    data = _render(Report("gov-2019", 2020, Body("代县人民政府", "county")))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/theme/theme1.xml",
            "xl/workbook.xml",
            *(f"xl/worksheets/sheet{n}.xml" for n in range(1, 5)),
        ]
        assert {member.compress_type for member in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    info = workbook["报告信息"]
    assert info.print_title_rows == "$1:$1"
    assert (info.page_setup.orientation, info.page_setup.paperSize, info.page_setup.fitToWidth) == ("portrait", 9, 1)
    assert info.page_setup.fitToHeight == 0
    fit = info.sheet_properties.pageSetUpPr
    assert fit is not None
    assert fit.fitToPage is True
    assert (info.page_margins.top, info.page_margins.bottom) == (0.8, 0.8)
    footer, header = info.oddFooter, info.oddHeader
    assert footer is not None
    assert header is not None
    assert footer.center.text == "第 &P 页 共 &N 页"
    assert header.center.size == 9
    assert {column: info.column_dimensions[column].width for column in "ABC"} == {"A": 22, "B": 62, "C": 24}
    table = workbook["表2"]
    assert table.page_setup.orientation == "landscape"
    assert table.row_dimensions[1].height == 24
    assert table.dimensions == "A1:M" + str(table.max_row)
    assert coordinate(table.max_row, table.max_column) == f"M{table.max_row}"
    assert workbook.calculation.fullCalcOnLoad is True
