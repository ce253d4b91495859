"""Pages shaped like published ones, made from a report: for round-trip tests of this plugin and others.

:func:`layout_page` prints the tables as generic layout-derived HTML (``th``/``td``, rowspan and colspan
from the layout's header and body, blank cells empty). :func:`word_page` prints them the way pages
exported from Word do: a layout table around the article, ``MsoNormalTable`` with ``<p><span>`` in
every cell, ``&nbsp;`` for blank cells, group labels broken over lines and the first block heading left
out, in GB2312. :func:`word_document` makes a DOCX as offices do in Word. None is a renderer: they exist to test that sources read what sites publish.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core import Body, Report
>>> page = layout_page(Report("gov-2021", 2022, Body("某县人民政府", "county")), builtin_layout("gov-2021"))
>>> page.count(b"<table"), b'rowspan="22"' in page
(3, True)
"""

from __future__ import annotations

import io
import zipfile
from html import escape

import docx
import docx.document

from disclosure_core import SECTION_IDS, AbsenceKind, Absent, CellValue, Count, Money, Report
from disclosure_core.layouts import (
    Block,
    DataCell,
    GridRole,
    LabelCell,
    Layout,
    TableLayout,
    builtin_layout,
    table_grids,
)
from disclosure_published.headings import expected_number

OFFICIAL_HEADINGS = {section.id: section.name.zh for section in builtin_layout("gov-2021").sections}
"""The six section headings in their official wording, without numbers (the pages here number them), read
from the layout data (both formats print the same six)."""


def printed(value: CellValue, unit: str | None) -> str:
    """How a value is printed in a cell: the number, a unit where it differs from the column's, the placeholder.

    >>> from decimal import Decimal
    >>> from disclosure_core import Absent
    >>> printed(Money(Decimal("251000"), "元"), None), printed(Absent(AbsenceKind.NOT_APPLICABLE), None)
    ('251000元', '不适用')
    """
    if isinstance(value, Count):
        return str(value.value)
    if isinstance(value, Money):
        return f"{value.amount}{value.unit or ''}" if value.unit != unit else str(value.amount)
    if value.kind is AbsenceKind.NOT_APPLICABLE:
        return value.text or "不适用"
    return value.text


def table_differences(written: Report, read: Report) -> list[str]:
    """The cells where a report read back from its printed page differs from the one printed.

    Not-applicable cells only need to come back not applicable: the page shows whatever text they carried.

    >>> from disclosure_core.testing import daixian_report
    >>> daixian = daixian_report()
    >>> table_differences(daixian, daixian.with_cells({"appeals.review.total": 2}))
    ['appeals.review.total: Count(value=1) != Count(value=2)']
    """
    layout = builtin_layout(written.format)
    return [
        f"{a}: {written.cell(a)} != {read.cell(a)}"
        for a in layout.addresses()
        if not _same_as_printed(read.cell(a), written.cell(a))
    ]


def _same_as_printed(read: CellValue, written: CellValue) -> bool:
    if isinstance(written, Absent) and written.kind is AbsenceKind.NOT_APPLICABLE:
        return isinstance(read, Absent) and read.kind is AbsenceKind.NOT_APPLICABLE
    return read == written


def layout_page(report: Report, layout: Layout, *, title: str | None = None) -> bytes:
    """A UTF-8 page: title, six numbered sections, the three tables as generic spanned HTML tables."""
    parts = [
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title or _title(report))}</title></head><body>'
    ]
    parts.append(f"<h1>{escape(title or _title(report))}</h1>")
    for section_id in SECTION_IDS:
        parts.append(f"<h2>{expected_number(section_id)}、{OFFICIAL_HEADINGS[section_id]}</h2>")
        for table in layout.tables:
            if table.section == section_id:
                parts.append(_table(report, layout, table, word=False))
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def word_page(report: Report, layout: Layout, *, title: str | None = None) -> bytes:
    """A GB2312 page in the shape of a Word export inside a site's layout table."""
    parts = [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
        '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>',
        '<table width="100%"><tr><td class="content">',
        f'<p align="center"><b><span style="font-size:18pt">{escape(title or _title(report))}</span></b></p>',
    ]
    for section_id in SECTION_IDS:
        parts.append(f'<p class="MsoNormal"><b>{expected_number(section_id)}、{OFFICIAL_HEADINGS[section_id]}</b></p>')
        for table in layout.tables:
            if table.section == section_id:
                parts.append(_table(report, layout, table, word=True))
    parts.append("</td></tr></table><div class='footer'>主办单位</div></body></html>")
    return "\n".join(parts).encode("gb18030")


def _title(report: Report) -> str:
    return f"{report.body.name}{report.year}年政府信息公开工作年度报告"


def _table(report: Report, layout: Layout, table: TableLayout, *, word: bool) -> str:
    rows: list[str] = []
    width = max(block.label_width + block.data_width for block in table.blocks)
    for index, block in enumerate(table.blocks):
        if block.heading is not None and not (word and index == 0):
            rows.append(f'<tr><th colspan="{width}">{_cell_html(block.heading.zh, word)}</th></tr>')
        for header_row in block.header:
            cells = "".join(
                f"<th{_spans(cell.rowspan, cell.colspan)}>{_cell_html(cell.label.zh, word)}</th>" for cell in header_row
            )
            rows.append(f"<tr>{cells}</tr>")
        rows.extend(_body_rows(report, layout, block, word))
    attributes = ' class="MsoNormalTable" border="1" cellspacing="0"' if word else ' border="1"'
    return f"<table{attributes}>\n" + "\n".join(rows) + "\n</table>"


def _body_rows(report: Report, layout: Layout, block: Block, word: bool) -> list[str]:
    rows = []
    for body_row in block.body():
        cells = []
        for cell in body_row:
            if isinstance(cell, LabelCell):
                label = cell.label.zh
                if word and cell.rowspan > 1:
                    label = "<br/>".join(label)  # a merged group label printed vertically
                cells.append(f"<td{_spans(cell.rowspan, cell.colspan)}>{_cell_html(label, word, raw=word)}</td>")
            elif isinstance(cell, DataCell):
                text = printed(report.cell(cell.address), layout.column_of(cell.address).unit)
                cells.append(f"<td>{_cell_html(text, word)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def _spans(rowspan: int, colspan: int) -> str:
    return (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")


def _cell_html(text: str, word: bool, *, raw: bool = False) -> str:
    content = text if raw else escape(text)
    if not word:
        return content
    return f'<p class="MsoNormal" align="center"><span style="font-size:10.5pt">{content or "&nbsp;"}</span></p>'


def word_document(
    report: Report, layout: Layout, *, title: tuple[str, ...] | None = None, numbered_from: int = 4
) -> bytes:
    """A DOCX made the way offices make theirs in Word (python-docx's own table API, not our renderer).

    Title over two paragraphs, headings numbered only from section ``numbered_from`` on (Dai County's
    defect), each table as one Word table merged with ``cell.merge`` (``gridSpan``/``vMerge``), Table 1's
    block headings as full-width rows, the outermost row group printed one character per line (vertical),
    blank cells empty, and WPS's custom property ``KSOProductBuildVer`` in ``docProps/custom.xml``.
    """
    document = docx.Document()
    for line in title or (f"{report.body.name}{report.year}年", "政府信息公开工作年度报告"):
        document.add_paragraph(line)
    document.add_paragraph("本报告根据《中华人民共和国政府信息公开条例》编制。")
    for number, section_id in enumerate(SECTION_IDS, start=1):
        prefix = f"{expected_number(section_id)}、" if number >= numbered_from else ""
        document.add_paragraph(prefix + OFFICIAL_HEADINGS[section_id])
        section = getattr(report.sections, section_id)
        for paragraph in section.paragraphs if section else ():
            document.add_paragraph(paragraph)
        for table in layout.tables:
            if table.section == section_id:
                _word_table(document, report, layout, table)
    if report.publisher:
        document.add_paragraph(report.publisher)
    if report.published:
        document.add_paragraph(f"{report.published.year}年{report.published.month}月{report.published.day}日")
    document.core_properties.author = "WPS"
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_wps_property(buffer.getvalue())


def _word_table(document: docx.document.Document, report: Report, layout: Layout, table: TableLayout) -> None:
    grids = table_grids(table)
    width = max(grid.width for grid in grids)
    height = sum(len(grid.rows) + (grid.block.heading is not None) for grid in grids)
    word = document.add_table(rows=height, cols=width)
    word.style = "Table Grid"
    # Cells looked up once: table.cell() recomputes the whole grid per call. Merges never overlap, so a cell
    # taken before the merges still starts its rectangle after them.
    cells = [row.cells for row in word.rows]
    top = 0
    for grid in (g.widened(width) for g in grids):
        if grid.block.heading is not None:
            cells[top][0].merge(cells[top][width - 1]).text = grid.block.heading.zh
            top += 1
        for cell in grid.cells():
            target = cells[top + cell.row][cell.column]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(cells[top + cell.row + cell.rowspan - 1][cell.column + cell.colspan - 1])
            if cell.address is not None:
                target.text = printed(report.cell(cell.address), layout.column_of(cell.address).unit)
            elif cell.label is not None and cell.role is GridRole.ROW_GROUP and cell.column == 0 and cell.rowspan > 1:
                target.text = "\n".join(cell.label.zh)  # 三、本年度办理结果 down a narrow merged cell
            elif cell.label is not None:
                target.text = cell.label.zh
        top += len(grid.rows)


def _with_wps_property(data: bytes) -> bytes:
    """The package with the custom property WPS Office writes into every document it saves."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
        "<vt:lpwstr>2052-11.1.0.14036</vt:lpwstr></property></Properties>"
    )
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("docProps/custom.xml", custom)
        for info in source.infolist():
            target.writestr(info, source.read(info))
    return out.getvalue()


def one_page_pdf(stream: bytes, dictionary: bytes = b"/Filter /FlateDecode") -> bytes:
    """A one-page PDF whose page's contents are ``stream`` (as given: compress it yourself) under the stream
    dictionary entries ``dictionary``; for tests of the PDF reader's bounds.

    >>> one_page_pdf(b"0 0 m 1 1 l S", b"").startswith(b"%PDF-1.7")
    True
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< %s /Length %d >>\nstream\n" % (dictionary, len(stream)) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
