"""Documents shaped the way offices print their reports, and the real programs that print them to PDF.

The PDF reader is tested on PDFs made here the way real ones are made, never on edited real reports:
:func:`office_page` writes the HTML of explicitly paginated A4 pages as WPS and Word print them — a page
frame (a border around the text block, split by the rule under the running header, so that the frame
is a grid of its own), a running header, page numbers in a chosen style, Table 2 broken over two pages,
continued with its header repeated or without it and with its columns at other x-positions, its row
group printed vertically, long labels wrapped and enumerators in cells of their own.
:func:`office_document` makes a DOCX with a page border, header, a footer with a PAGE field, and Table 2
left to the word processor to break over pages (header rows repeated or not). :func:`chromium_pdf` and
:func:`libreoffice_pdf` print them.

>>> from disclosure_core.testing import numbered_report
>>> page = office_page(numbered_report("gov-2021"), continuation="shifted", numbering="第{n}页 共{m}页")
>>> page.count(b'class="page"'), b"\\xe7\\xac\\xac3\\xe9\\xa1\\xb5" in page  # three pages, 第3页 printed
(3, True)
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import tempfile
from collections.abc import Callable
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Literal

import docx
import docx.document
import docx.oxml
import docx.shared
from docx.oxml.ns import qn

from disclosure_core import Body, BodyLevel, CellValue, Count, Money, Report, Section, Sections
from disclosure_core.layouts import CellAddress, CellKind, Layout, TableLayout, builtin_layout, table_grids
from disclosure_core.testing.chromium import chromium_pdf
from disclosure_published.headings import expected_number
from disclosure_published.testing import OFFICIAL_HEADINGS, printed, word_document

Continuation = Literal["repeated", "shifted", "narrowed"]
"""How Table 2 goes on on the next page: under its header repeated; without it and with its columns at
other x-positions; or so and with one column (法律服务机构) left out, as a preparer deletes one on a copy."""
_LEFT_OUT = "legal_service"
_STYLE = """
@page { size: A4; margin: 0 }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt }
.page { width: 210mm; height: 296mm; box-sizing: border-box; padding: 14mm 16mm 8mm; page-break-after: always }
.frame { height: 262mm; box-sizing: border-box; overflow: hidden }
.framed { border: 1pt solid black }
.band { border-bottom: 1pt solid black; padding: 2mm 5mm; font-size: 9pt; text-align: right }
.text { padding: 3mm 6mm }
.folio { text-align: center; font-size: 10pt; margin-top: 3mm }
h1 { font-size: 15pt; text-align: center; font-weight: normal } h2 { font-size: 12pt; font-weight: normal; margin: 3mm 0 }
p { margin: 1.5mm 0; text-indent: 2em }
table { border-collapse: collapse; font-size: 8pt; margin: 2mm 0 } td { border: 0.75pt solid black; padding: 1pt 2pt; text-align: center }
td.v { writing-mode: vertical-rl; text-orientation: upright }
"""
_CUT = "withheld_inquiry"  # Table 2 breaks to the next page after this row


def consistent_report(seed: int, format_id: str = "gov-2021") -> Report:
    """A report whose Tables 2 and 3 keep every identity of the format, with mostly small numbers and
    zeros as real ones have (a shifted column breaks the arithmetic at once), all six sections given.

    >>> report = consistent_report(3)
    >>> n = report.number
    >>> n("requests.new.total") + n("requests.carried_over.total") == n("requests.total.total") + n("requests.carried_forward.total")
    True
    """
    rng = random.Random(seed)
    layout = builtin_layout(format_id)
    requests = layout.table("requests")
    results = [r.id for r in requests.rows if "results" in r.groups and r.id != "total"]
    parts = [c.id for c in requests.columns if c.id != "total"]
    cells: dict[str, int] = {}

    def small() -> int:
        return rng.choice((0, 0, 0, 1, 2, 3, 5, 8, 13, 21, 34))

    for column in parts:
        handled = 0
        for row in results:
            cells[f"requests.{row}.{column}"] = value = small()
            handled += value
        carried_over, forward = small(), small()
        cells[f"requests.total.{column}"] = handled
        cells[f"requests.carried_over.{column}"] = min(carried_over, handled + forward)
        cells[f"requests.carried_forward.{column}"] = forward
        cells[f"requests.new.{column}"] = handled + forward - cells[f"requests.carried_over.{column}"]
    for spec_row in requests.rows:
        cells[f"requests.{spec_row.id}.total"] = sum(cells[f"requests.{spec_row.id}.{c}"] for c in parts)
    for appeal in layout.table("appeals").rows:
        results_of = [small() for _ in range(4)]
        for column, value in zip(("upheld", "corrected", "other", "pending"), results_of, strict=True):
            cells[f"appeals.{appeal.id}.{column}"] = value
        cells[f"appeals.{appeal.id}.total"] = sum(results_of)
    values: dict[str, CellValue] = {k: Count(v) for k, v in cells.items()}
    for address in layout.table("proactive").addresses():
        spec = layout.column_of(address)
        values[str(address)] = (
            Money(Decimal(rng.randint(0, 999)) / 100, spec.unit) if spec.kind is CellKind.MONEY else Count(small())
        )
    sections = Sections(
        overview=Section(None, ("本年度，我县认真贯彻落实政府信息公开条例，扎实推进政务公开工作。",)),
        proactive=Section(None, ()),
        requests=Section(None, ()),
        appeals=Section(None, ()),
        problems=Section(None, ("公开内容还不够全面，下一步将加强培训。",)),
        other=Section(None, ("无。",)),
    )
    year = layout.first_year + 1
    return Report(
        format_id, year, Body("某县人民政府", BodyLevel.COUNTY), publisher="某县人民政府办公室", sections=sections
    ).with_cells(values)


def office_page(
    report: Report,
    *,
    continuation: Continuation,
    numbering: str = "— {n} —",
    framed: bool = True,
    running: str = "某县人民政府办公室",
) -> bytes:
    """The HTML of a report on three printed A4 pages, Table 2 continued from page 2 onto page 3.

    ``numbering`` is the page number's style (``{n}`` the page, ``{m}`` the page count).
    """
    layout = builtin_layout(report.format)
    title = f"{report.body.name}{report.year}年政府信息公开工作年度报告"
    overview = report.sections.overview.paragraphs if report.sections.overview else ("本年度，我县扎实推进政务公开。",)
    pages = [
        [
            f"<h1>{escape(title)}</h1>",
            *_paragraphs(report.lead),
            _heading("overview"),
            *_paragraphs(overview),
            _heading("proactive"),
            _grid_table(report, layout, layout.table("proactive")),
        ],
        [_heading("requests"), _requests(report, layout, first=True, continuation=continuation)],
        [
            _requests(report, layout, first=False, continuation=continuation),
            _heading("appeals"),
            _grid_table(report, layout, layout.table("appeals")),
            _heading("problems"),
            *_paragraphs(_text(report, "problems", "公开内容还不够全面。")),
            _heading("other"),
            *_paragraphs(_text(report, "other", "无。")),
            f'<p style="text-align:right">{escape(report.publisher or "")}</p>',
        ],
    ]
    html = [f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body>']
    for n, content in enumerate(pages, start=1):
        frame = "frame framed" if framed else "frame"
        band = f'<div class="band">{escape(running)}</div>' if running else ""
        html.append(f'<div class="page"><div class="{frame}">{band}<div class="text">{"".join(content)}</div></div>')
        html.append(f'<div class="folio">{escape(numbering.format(n=n, m=len(pages)))}</div></div>')
    html.append("</body></html>")
    return "\n".join(html).encode("utf-8")


def _heading(section_id: str) -> str:
    return f"<h2>{expected_number(section_id)}、{OFFICIAL_HEADINGS[section_id]}</h2>"


def _paragraphs(texts: tuple[str, ...]) -> list[str]:
    return [f"<p>{escape(text)}</p>" for text in texts]


def _text(report: Report, section_id: str, default: str) -> tuple[str, ...]:
    section = getattr(report.sections, section_id)
    return section.paragraphs if section is not None and section.paragraphs else (default,)


def _grid_table(report: Report, layout: Layout, table: TableLayout) -> str:
    """A table straight from the layout's grids, one HTML table for all blocks."""
    grids = table_grids(table)
    width = max(grid.width for grid in grids)
    rows: list[str] = []
    for grid in (g.widened(width) for g in grids):
        if grid.block.heading is not None:
            rows.append(f'<tr><td colspan="{width}">{escape(grid.block.heading.zh)}</td></tr>')
        for row in grid.rows:
            cells = []
            for cell in row:
                text = _cell_text(report, layout, cell.address, cell.label.zh if cell.label else "")
                cells.append(f"<td{_spans(cell.rowspan, cell.colspan)}>{escape(text)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table style="width:100%">' + "".join(rows) + "</table>"


def _cell_text(report: Report, layout: Layout, address: CellAddress | None, label: str) -> str:
    if isinstance(address, CellAddress):
        return printed(report.cell(address), layout.column_of(address).unit)
    return label


def _spans(rowspan: int, colspan: int) -> str:
    return (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")


def _requests(report: Report, layout: Layout, *, first: bool, continuation: Continuation) -> str:
    """One part of Table 2: the first with its header, or the continuation on the next page."""
    table = layout.table("requests")
    ids = [row.id for row in table.rows]
    cut = ids.index(_CUT) + 1
    rows = table.rows[:cut] if first else table.rows[cut:]
    shifted = continuation in ("shifted", "narrowed") and not first
    columns = [c for c in table.columns if first or continuation != "narrowed" or c.id != _LEFT_OUT]
    label_widths = ["4%", "9%", "27%"] if not shifted else ["12%", "4%", "16%"]
    data_widths = ["8%"] * 7 if not shifted else ["7%", "9%", "9%", "10%", "10%", "8%", "15%"][: len(columns)]
    html = ['<table style="width:100%">']
    html.append("<colgroup>" + "".join(f'<col style="width:{w}">' for w in label_widths + data_widths) + "</colgroup>")
    if first or continuation == "repeated":
        header = table.blocks[0].header
        html.append(
            f'<tr><td colspan="3" rowspan="3">{escape(header[0][0].label.zh)}</td>'
            f'<td colspan="7">{escape(header[0][1].label.zh)}</td></tr>'
        )
        html.append(
            f'<tr><td rowspan="2">自然人</td><td colspan="5">{escape(header[1][1].label.zh)}</td>'
            '<td rowspan="2">总计</td></tr>'
        )
        html.append("<tr>" + "".join(f"<td>{c.label.zh}</td>" for c in header[2]) + "</tr>")
    results = [r for r in rows if "results" in r.groups]
    opened: set[str] = set()
    for row in rows:
        cells = []
        inner = [g for g in row.groups if g != "results"]
        vertical = not shifted and "results" in row.groups
        if vertical and row is results[0]:  # 三、本年度办理结果 down the first column, blank where continued
            label = table.groups[0].label.zh if first else ""
            cells.append(f'<td class="v" rowspan="{len(results)}">{escape(label)}</td>')
        if inner:
            if inner[0] not in opened:
                opened.add(inner[0])
                group = next(g for g in table.groups if g.id == inner[0])
                span = sum(1 for r in rows if inner[0] in r.groups)
                cells.append(f'<td rowspan="{span}">{escape(group.label.zh)}</td>')
            enumerator, _, text = row.label.zh.partition(".")
            if shifted:  # the enumerator in a cell of its own: a label split over two cells
                cells.append(f'<td>{escape(enumerator)}.</td><td style="text-align:left">{escape(text)}</td>')
            else:
                cells.append(f'<td style="text-align:left">{escape(row.label.zh)}</td>')
        else:
            span = 2 if vertical else 3
            cells.append(f'<td colspan="{span}" style="text-align:left">{escape(row.label.zh)}</td>')
        for column in columns:
            value = printed(report.cell(f"requests.{row.id}.{column.id}"), None)
            cells.append(f"<td>{escape(value)}</td>")
        html.append("<tr>" + "".join(cells) + "</tr>")
    html.append("</table>")
    return "".join(html)


def office_document(report: Report, *, repeat_header: bool, numbering: str = "- {n} -") -> bytes:
    """A DOCX as offices write one in Word: page border, running header, a footer with a PAGE field.

    The document is :func:`~disclosure_published.testing.word_document`'s (one Word table per table,
    merged cells, the row group printed vertically), in a larger type so that the word processor breaks
    Table 2 over pages; with ``repeat_header`` its three header rows are marked to repeat
    (``w:tblHeader``), as Word's "repeat as header row" does.
    """
    layout = builtin_layout(report.format)
    document = docx.Document(io.BytesIO(word_document(report, layout, numbered_from=1)))
    section = document.sections[0]
    section.top_margin = section.bottom_margin = docx.shared.Mm(25)
    _page_border(section._sectPr)
    section.header.paragraphs[0].text = "某县人民政府办公室"
    _footer_number(section.footer.paragraphs[0], numbering)
    requests = document.tables[[t.id for t in layout.tables].index("requests")]
    if repeat_header:
        for row in requests.rows[: len(layout.table("requests").blocks[0].header)]:
            row._tr.get_or_add_trPr().append(docx.oxml.OxmlElement("w:tblHeader"))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = docx.shared.Pt(12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_border(sectPr: object) -> None:
    borders = docx.oxml.parse_xml(
        '<w:pgBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:offsetFrom="text">'
        + "".join(
            f'<w:{side} w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right")
        )
        + "</w:pgBorders>"
    )
    sectPr.append(borders)  # type: ignore[attr-defined]


def _footer_number(paragraph: object, numbering: str) -> None:
    """The page number as a PAGE field (and NUMPAGES for ``{m}``) inside the style's fixed text."""
    for piece in re.split(r"(\{[nm]\})", numbering):
        run = paragraph.add_run()  # type: ignore[attr-defined]
        if piece in ("{n}", "{m}"):
            field = "PAGE" if piece == "{n}" else "NUMPAGES"
            for kind in ("begin", None, "end"):
                if kind is None:
                    instr = docx.oxml.OxmlElement("w:instrText")
                    instr.text = field
                    run._r.append(instr)
                else:
                    char = docx.oxml.OxmlElement("w:fldChar")
                    char.set(qn("w:fldCharType"), kind)
                    run._r.append(char)
        else:
            run.text = piece


def libreoffice_pdf(document: bytes, *, suffix: str = ".docx") -> bytes:
    """``document`` (DOCX, ODT or HTML by ``suffix``) exported to PDF by LibreOffice, in a profile of its own."""
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / f"report{suffix}"
        source.write_bytes(document)
        profile = f"-env:UserInstallation={(Path(directory) / 'profile').as_uri()}"
        command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", directory, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=240)
        return (Path(directory) / "report.pdf").read_bytes()


FIXTURE_SEED = 3
"""The seed of :func:`consistent_report` every committed PDF fixture prints."""


def fixture_pdfs() -> dict[str, Callable[[], bytes]]:
    """The committed PDF fixtures by file name, each with the run of the real program that makes it.

    ``tests/pdfs/make_fixtures.py`` writes them; tests read the committed files (independent of this
    machine's fonts) and, where the programs are installed, make them afresh.

    >>> sorted(fixture_pdfs())[:2]
    ['chromium-narrowed.pdf', 'chromium-repeated.pdf']
    """
    report = consistent_report(FIXTURE_SEED)
    return {
        "chromium-shifted.pdf": lambda: chromium_pdf(
            office_page(report, continuation="shifted", numbering="第{n}页 共{m}页")
        ),
        "chromium-repeated.pdf": lambda: chromium_pdf(office_page(report, continuation="repeated")),
        "chromium-narrowed.pdf": lambda: chromium_pdf(office_page(report, continuation="narrowed", numbering="-{n}-")),
        "word-repeated-header.pdf": lambda: libreoffice_pdf(office_document(report, repeat_header=True)),
        "word-no-header.pdf": lambda: libreoffice_pdf(
            office_document(report, repeat_header=False, numbering="第 {n} 页 共 {m} 页")
        ),
    }
