"""DOCX as offices publish it: Word tables with merged cells, vertical labels, blanks, units, text boxes and nested
tables read back to the same tables; the exact disclosure-docx reader keeps our own files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from disclosure_published import DocxSource, Hints, parse_docx
from disclosure_published.testing import table_differences, word_document
from disclosure_published.word import word_tokens
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings

from disclosure_core import Absent, BodyLevel, LoadError, Registry, Report
from disclosure_core.cli import main
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import daixian_report, numbered_report
from disclosure_core.testing import strategies as dc

DAIXIAN = daixian_report()


EXTRA_NAMESPACES = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_daixian_as_a_word_document_reads_back_with_metadata_and_places() -> None:
    loaded = parse_docx(word_document(DAIXIAN, builtin_layout("gov-2019")), origin="daixian.docx")
    report = loaded.report
    assert table_differences(DAIXIAN, report) == []
    assert (report.format, report.body.name, report.body.level, report.year) == (
        "gov-2019",
        "代县人民政府",
        BodyLevel.COUNTY,
        2020,
    )
    assert (str(report.published), report.publisher) == ("2021-02-03", "代县人民政府办公室")
    assert report.sections.overview is not None
    assert report.sections.overview.paragraphs == DAIXIAN.sections.overview.paragraphs  # type: ignore[union-attr]
    # Table 2's label area is three grid columns wide: the first value sits in grid column 4 of row 25.
    assert str(report.cell("requests.total.natural_person").provenance) == "daixian.docx, cell T2R25C4"
    notes = [str(d) for d in loaded.diagnostics]
    assert "daixian.docx, line 4: info: heading '总体情况' printed without its number 一、" in notes
    assert (
        "daixian.docx, cell T1R18C3: warning: proactive.procurement.amount: unit typed into the cell: 43101万元"
        in notes
    )


def test_a_2021_report_in_word_reads_back_every_cell() -> None:
    report = numbered_report("gov-2021")
    loaded = parse_docx(
        word_document(report, builtin_layout("gov-2021"), numbered_from=1),
        origin="n.docx",
        hints=Hints(name="某县人民政府", level=BodyLevel.COUNTY),
    )
    assert loaded.report.format == "gov-2021"
    assert loaded.report.year == report.year
    assert table_differences(report, loaded.report) == []
    assert not [d for d in loaded.diagnostics if d.code == "heading"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dc.reports())
def test_generated_reports_read_back_from_word_documents(report: Report) -> None:
    data = word_document(report, builtin_layout(report.format), title=("某县政府信息公开工作年度报告",))
    loaded = parse_docx(data, origin="g.docx", hints=Hints(name="某县人民政府", year=report.year))
    assert loaded.report.format == report.format
    assert table_differences(report, loaded.report) == []


def test_each_docx_goes_to_one_source_by_content(tmp_path: Path) -> None:
    registry = Registry()
    ours = registry.render(DAIXIAN, "docx")
    theirs = word_document(DAIXIAN, builtin_layout("gov-2019"))
    for name in ("report.docx", "report.bin"):
        assert registry.source_for(name, ours[:4096]).name == "docx"
        assert registry.source_for(name, theirs[:4096]).name == "published-docx"
    assert not DocxSource().sniff(b"PK\x03\x04", "book.xlsx")
    # Forced, our own file is read from its page like any other.
    forced = registry.load_bytes(ours, origin="ours.docx", source="published-docx")
    assert table_differences(DAIXIAN, forced.report) == []


def test_convert_reads_a_published_docx(tmp_path: Path) -> None:
    path = tmp_path / "daixian.docx"
    path.write_bytes(word_document(DAIXIAN, builtin_layout("gov-2019")))
    output = tmp_path / "daixian.json"
    assert main(["convert", str(path), "-o", str(output)]) == 0
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["body"]["name"] == "代县人民政府"
    assert written["provenance"]["appeals.review.total"] == {
        "source": str(path),
        "page": None,
        "line": None,
        "cell": "T3R4C5",
    }


def test_text_boxes_nested_tables_content_controls_and_tracked_changes() -> None:
    document = docx.Document()
    document.add_paragraph("某县2022年政府信息公开工作年度报告")
    w = nsdecls("w", "wp", "a") + "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in EXTRA_NAMESPACES.items())
    box = "<w:txbxContent><w:p><w:r><w:t>四、政府信息公开行政复议、行政诉讼情况</w:t></w:r></w:p></w:txbxContent>"
    anchor = parse_xml(
        f"<w:p {w}>"
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        f"<a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    document.element.body.insert(1, anchor)
    layout_table = document.add_table(rows=1, cols=1)
    inner = layout_table.cell(0, 0).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "行政复议", "结果维持"
    inner.cell(1, 0).text = "x"
    control = parse_xml(
        f"<w:sdt {w}><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>2023年1月</w:t></w:r>"
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>20日</w:t></w:r></w:ins></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, control)
    tokens = [(t.text, t.cell, t.where.cell) for t in word_tokens(saved(document), origin="x.docx") if not t.is_break]
    assert tokens == [
        ("某县2022年政府信息公开工作年度报告", False, None),
        ("四、政府信息公开行政复议、行政诉讼情况", False, None),  # once: the VML fallback copy is not read
        ("行政复议", True, "T1R1C1"),  # the one-cell table around it is layout
        ("结果维持", True, "T1R1C2"),
        ("x", True, "T1R2C1"),
        ("", True, "T1R2C2"),
        ("2023年1月20日", False, None),
    ]


def test_grid_before_spans_and_merges_place_cells_on_the_grid() -> None:
    table = parse_xml(
        f"<w:tbl {nsdecls('w')}>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:hMerge w:val="continue"/></w:tcPr><w:p/></w:tc></w:tr>'
        "</w:tbl>"
    )
    document = docx.Document()
    document.element.body.insert(0, table)
    tokens = [(t.text, t.where.cell) for t in word_tokens(saved(document), origin="x.docx") if t.cell]
    assert tokens == [("a", "T1R1C1"), ("b", "T1R1C3"), ("c", "T1R2C3"), ("d", "T1R3C2")]


def test_wrong_format_version_blank_tables_and_truncation_are_diagnosed() -> None:
    # A 2022 report in the 2019 tables, cut off after Table 1: excerpt-10's defects in a DOCX.
    report = DAIXIAN.evolve(year=2022)
    data = word_document(report, builtin_layout("gov-2019"), title=("某镇2022年政府信息公开工作年度报告",))
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    tables = body.findall(f"{{{body.nsmap['w']}}}tbl")
    for element in list(body)[list(body).index(tables[1]) : -1]:
        body.remove(element)
    loaded = parse_docx(saved(document), origin="cut.docx")
    codes = {d.code for d in loaded.diagnostics}
    assert {"format-version", "missing-table"} <= codes
    assert loaded.report.number("proactive.licensing.decisions") == 10125
    assert loaded.report.cell("requests.new.natural_person") == Absent()


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (zipped({"word/document.xml": b"<w:document/>" + b" " * 50_000_000}), r"word/document\.xml: expands \d+ times"),
        (
            zipped({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'}),
            r"word/document\.xml: XML with a DTD",
        ),
        (b"PK\x03\x04 not a zip", r"not a ZIP container"),
        (zipped({"word/document.xml": b"<x/>"}), r"not a readable DOCX document \(KeyError"),
    ],
)
def test_hostile_or_broken_packages_are_refused_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=f"^bad.docx: {message}"):
        parse_docx(data, origin="bad.docx")
