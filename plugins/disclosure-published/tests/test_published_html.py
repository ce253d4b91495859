"""HTML pages: generic layout-derived tables and Word-exported site pages read back to the same tables."""

from __future__ import annotations

from disclosure_published import Hints, parse_html
from disclosure_published.testing import layout_page, table_differences, word_page
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_core import AbsenceKind, Absent, BodyLevel, Count, Report
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import daixian_report
from disclosure_core.testing import strategies as dc


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
    report = daixian_report()
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


def test_hidden_and_complementary_material_is_not_read_as_the_report() -> None:
    """Sites hide anti-copy text in spans (``display:none``), number footnotes in cells with ``<sup>``, print
    screen-reader-only text and put related links beside the article: none of it is a value, a row or a table."""
    page = """<html><head><meta charset="utf-8"></head><body>
<a class="sr-only" href="#main">跳到主要内容</a>
<main id="main">
<h1>某镇2022年政府信息公开工作年度报告</h1>
<p>二、主动公开政府信息情况</p>
<table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3<sup>注1</sup></td><td>1<span style="display: none">8</span></td>
<td>12<a role="doc-noteref" href="#n1">[1]</a></td></tr>
<tr hidden><td>行政规范性文件</td><td>9</td><td>9</td><td>9</td></tr>
</table>
<p role="doc-footnote" id="n1">注1：含转发件。</p>
<p>某镇人民政府</p>
<p>2023年1月20日</p>
</main>
<aside><h2>相关信息</h2>
<table><tr><td>行政规范性文件</td><td>99</td><td>99</td><td>99</td></tr></table>
<p>某县2021年政府信息公开工作年度报告</p></aside>
<div role="complementary"><p>二、主动公开政府信息情况</p></div>
<span aria-hidden="true">★</span>
</body></html>""".encode()
    loaded = parse_html(page, origin="site.html")
    report = loaded.report
    assert (report.year, report.body.name, str(report.published)) == (2022, "某镇人民政府", "2023-01-20")
    cells = ("issued", "repealed", "in_force")
    assert [report.cell(f"proactive.normative_documents.{c}") for c in cells] == [Count(3), Count(1), Count(12)]
    assert [report.cell(f"proactive.regulations.{c}") for c in cells] == [Count(0)] * 3
    messages = " ".join(d.message for d in loaded.diagnostics)
    assert "printed a second time" not in messages
    assert "99" not in messages
    assert "注1" not in messages
