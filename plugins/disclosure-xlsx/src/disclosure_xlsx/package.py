"""The workbook package around the sheets: workbook, relationships, content types, properties, styles, theme.

Everything here is the same for every report but the sheet names, the title and the sheets' parts, so the same
report always gives the same bytes: the document properties carry a fixed date, and the archive is written by
the ZIP writer every package renderer shares (:func:`disclosure_core.rendering.zip_package`: fixed member times,
order and compression). The theme is the default Office theme, as spreadsheet programs and openpyxl write it.

>>> import io, zipfile
>>> from disclosure_xlsx.spreadsheetml import SheetXml
>>> data = workbook_bytes([("报告信息", SheetXml())], title="某县 & 某镇", print_titles={0: "1:1"})
>>> zipfile.ZipFile(io.BytesIO(data)).namelist()[:3]
['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from disclosure_core.rendering import zip_package
from disclosure_xlsx.spreadsheetml import MAIN_NS, SheetXml, xml_attribute, xml_text
from disclosure_xlsx.styles import STYLESHEET

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Created and modified date of every rendered workbook: a rendering has no date of its own."""
AUTHOR = "disclosure-core"

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SPREADSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_ROOT_RELATIONSHIPS = (
    f'<Relationships xmlns="{_RELATIONSHIPS}">'
    f'<Relationship Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml" Id="rId1"/>'
    f'<Relationship Type="{_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/>'
    f'<Relationship Type="{_OFFICE}/extended-properties" Target="docProps/app.xml" Id="rId3"/>'
    "</Relationships>"
).encode()
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>Microsoft Excel Compatible / {AUTHOR}</Application></Properties>"
).encode()
"""The application the workbook says wrote it. LibreOffice lays out (row heights, page breaks) a file from
"Microsoft Excel…" as Excel would and another file its own way: the sheets are drawn for Excel's layout."""
_W3CDTF = 'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF"'


@functools.cache
def theme() -> bytes:
    """The ``xl/theme/theme1.xml`` part (read once)."""
    return (Path(__file__).parent / "theme1.xml").read_bytes()


def workbook_bytes(sheets: Sequence[tuple[str, SheetXml]], *, title: str, print_titles: Mapping[int, str]) -> bytes:
    """The XLSX bytes of ``sheets`` (name and drawn sheet, in order); ``print_titles`` gives, by sheet index,
    the rows printed on every page ("1:1")."""
    parts: dict[str, bytes] = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": _ROOT_RELATIONSHIPS,
        "docProps/app.xml": _APP,
        "docProps/core.xml": _core(title),
        "xl/workbook.xml": _workbook([name for name, _ in sheets], print_titles),
        "xl/_rels/workbook.xml.rels": _workbook_relationships(len(sheets)),
        "xl/styles.xml": STYLESHEET,
        "xl/theme/theme1.xml": theme(),
    }
    for number, (_, sheet) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = sheet.xml()
    return zip_package(parts)


def _content_types(sheets: int) -> bytes:
    overrides = [
        ("/xl/styles.xml", f"{_SPREADSHEET_TYPE}.styles+xml"),
        ("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        *((f"/xl/worksheets/sheet{n}.xml", f"{_SPREADSHEET_TYPE}.worksheet+xml") for n in range(1, sheets + 1)),
        ("/xl/workbook.xml", f"{_SPREADSHEET_TYPE}.sheet.main+xml"),
    ]
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides)
        + "</Types>"
    ).encode()


def _core(title: str) -> bytes:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">'
        f'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{AUTHOR}</dc:creator>'
        f'<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">{xml_text(title)}</dc:title>'
        f"<dcterms:created {_W3CDTF}>{stamp}</dcterms:created>"
        f"<dcterms:modified {_W3CDTF}>{stamp}</dcterms:modified>"
        f"<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy></cp:coreProperties>"
    ).encode()


def _workbook(names: Sequence[str], print_titles: Mapping[int, str]) -> bytes:
    sheets = "".join(
        f'<sheet xmlns:r="{_OFFICE}" name="{xml_attribute(name)}" sheetId="{number}" state="visible" r:id="rId{number}"/>'
        for number, name in enumerate(names, start=1)
    )
    defined = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
        f"{xml_text(_quoted(names[index]))}!{_absolute_rows(rows)}</definedName>"
        for index, rows in sorted(print_titles.items())
    )
    return (
        f'<workbook xmlns="{MAIN_NS}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" '
        'minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" '
        f'activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>{sheets}</sheets>'
        + (f"<definedNames>{defined}</definedNames>" if defined else "")
        + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    ).encode()


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _absolute_rows(rows: str) -> str:
    first, last = rows.split(":")
    return f"${first}:${last}"


def _workbook_relationships(sheets: int) -> bytes:
    links = [(f"{_OFFICE}/worksheet", f"/xl/worksheets/sheet{n}.xml") for n in range(1, sheets + 1)]
    links += [(f"{_OFFICE}/styles", "styles.xml"), (f"{_OFFICE}/theme", "theme/theme1.xml")]
    return (
        f'<Relationships xmlns="{_RELATIONSHIPS}">'
        + "".join(
            f'<Relationship Type="{kind}" Target="{target}" Id="rId{n}"/>' for n, (kind, target) in enumerate(links, 1)
        )
        + "</Relationships>"
    ).encode()
