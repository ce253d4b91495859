"""HTML pages: generic layout-derived tables and Word-exported site pages read back to the same tables."""

from __future__ import annotations

from pathlib import Path

from disclosure_published import Hints, parse_html
from disclosure_published.testing import layout_page, table_differences, word_page
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_core import AbsenceKind, Absent, BodyLevel, Count, Report, load
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import strategies as dc

ROOT = Path(__file__).resolve().parents[3]


def hints(report: Report) -> Hints:
    return Hints(name="某县人民政府", level=BodyLevel.COUNTY, year=report.year)


@settings(max_examples=25)
@given(dc.reports(), st.booleans())
def test_generated_reports_read_back_from_layout_and_word_pages(report: Report, word: bool) -> None:
    page = (word_page if word else layout_page)(
        report, builtin_layout(report.format), title="某县政府信息公开工作年度报告"
    )
    loaded = parse_html(page, origin="page.html", hints=hints(report))
    assert loaded.report.format == report.format
    assert table_differences(report, loaded.report) == []


def test_daixian_word_page_reads_back_with_metadata_and_cell_places() -> None:
    report = load(ROOT / "examples" / "daixian-2020.json").report
    loaded = parse_html(word_page(report, builtin_layout("gov-2019")), origin="daixian.html")
    assert table_differences(report, loaded.report) == []
    assert (loaded.report.body.name, loaded.report.year) == ("代县人民政府", 2020)
    where = loaded.report.cell("requests.total.natural_person").provenance
    assert where is not None
    assert where.cell == "T2R25C4"  # the 3-column label area (group, group, row) then the first data column


def test_real_site_shapes_are_read() -> None:
    page = """<html><head><meta charset="gbk"><title>年报</title></head><body>
<div class="crumb">首页 &gt; 信息公开 &gt; 年度报告</div>
<table><tr><td>
<h1>某镇2022年政府信息公开工作年度报告</h1>
<p>发布日期：2023-01-20</p>
<p>一、总体情况</p><p>2022年，我镇……</p>
<p>二、主动公开政府信息情况</p>
<table class="MsoNormalTable">
<tr><td colspan="4"><p><span>第二十条第（一）项</span></p></td></tr>
<tr><td><p>信息内容</p></td><td><p>本年<br/>制发件数</p></td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>行政规范性文件</td><td>3件</td><td>&nbsp;</td><td>——</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">１２.５</td></tr>
</table>
</td></tr></table></body></html>""".encode("gb18030")
    loaded = parse_html(page, origin="site.html")
    report = loaded.report
    assert (report.format, report.year, report.body.name, report.body.level) == (
        "gov-2021",
        2022,
        "某镇人民政府",
        BodyLevel.TOWNSHIP,
    )
    assert str(report.published) == "2023-01-20"
    assert report.cell("proactive.normative_documents.issued") == Count(3)
    assert report.cell("proactive.normative_documents.repealed") == Absent()
    assert report.cell("proactive.normative_documents.in_force") == Absent(AbsenceKind.PLACEHOLDER, "——")
    assert report.number("proactive.fees.amount") == 12.5
    assert any("3件" in d.message for d in loaded.diagnostics)
