"""The DOCX renderer: page, fonts, the official table structure, repeated headers, page numbers, determinism."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
import pytest
from disclosure_docx import DocxRenderer
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from disclosure_core import (
    Body,
    Money,
    Registry,
    RenderError,
    RenderOptions,
    Report,
    Section,
    Sections,
    builtin_layout,
    placeholder,
)
from disclosure_core.testing import daixian_report, numbered_report


@pytest.fixture(scope="module")
def daixian() -> Report:
    """The Dai County 2020 report (fixtures live in each module: plugin test directories share no conftest)."""
    return daixian_report()


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(report: Report) -> bytes:
    return DocxRenderer().render(report, RenderOptions(builtin_layout(report.format)))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def tables(data: bytes) -> list[etree._Element]:
    return part(data, "word/document.xml").findall(f"{W}body/{W}tbl")


def attr(element: etree._Element, path: str, name: str) -> str | None:
    """An attribute of the element at ``path`` under ``element`` (which must exist)."""
    found = element.find(path)
    assert found is not None, path
    return found.get(name)


def style_of(paragraph: Paragraph) -> str:
    assert paragraph.style is not None
    return paragraph.style.style_id


def cell_texts(row: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in row.findall(f"{W}tc")]


def test_the_renderer_is_registered_through_its_entry_point() -> None:
    renderer = Registry().renderer("docx")
    # The entry point gives a lazy proxy (python-docx is imported on the first render) that says what the class says.
    assert isinstance(renderer.implementation(), DocxRenderer)  # type: ignore[attr-defined]
    real = DocxRenderer()
    assert (renderer.name, renderer.suffix, renderer.media_type, renderer.description) == (
        real.name,
        real.suffix,
        real.media_type,
        real.description,
    )


def test_same_report_same_bytes(daixian: Report) -> None:
    first, second = render(daixian), render(daixian)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert [info.filename for info in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]
    core = part(first, "docProps/core.xml")
    stamps = [e.text for e in core if e.tag.endswith(("}created", "}modified"))]
    assert stamps == ["2021-02-03T00:00:00Z", "2021-02-03T00:00:00Z"]


def test_a4_page_with_gbt_9704_margins_and_page_numbers(daixian: Report) -> None:
    data = render(daixian)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in (*sizes, *margins)] == [210, 297, 37, 35, 28, 26]  # type: ignore[union-attr]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, edge in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]._p
        assert [i.text for i in paragraph.iter(qn("w:instrText"))] == [" PAGE "]
        assert [f.get(qn("w:fldCharType")) for f in paragraph.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
        assert paragraph.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == edge
        assert footer.paragraphs[0].text == "— 1 —"


def test_fonts_are_set_for_east_asian_text_with_fallbacks(daixian: Report) -> None:
    data = render(daixian)
    styles = part(data, "word/styles.xml")
    fonts = {
        s.get(f"{W}styleId"): attr(s, f"{W}rPr/{W}rFonts", f"{W}eastAsia")
        for s in styles.iter(f"{W}style")
        if s.find(f"{W}rPr/{W}rFonts") is not None
    }
    assert fonts["Title"] == "方正小标宋简体"
    assert fonts["Normal"] == "仿宋_GB2312"
    assert fonts["Heading1"] == "黑体"
    assert fonts["Heading2"] == "楷体_GB2312"
    assert attr(styles, f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang", f"{W}eastAsia") == "zh-CN"
    fonts_with_fallbacks = [f for f in part(data, "word/fontTable.xml") if f.find(f"{W}altName") is not None]
    fallbacks = {f.get(f"{W}name"): attr(f, f"{W}altName", f"{W}val") for f in fonts_with_fallbacks}
    assert fallbacks["方正小标宋简体"] == "宋体"
    assert fallbacks["仿宋_GB2312"] == "仿宋"
    assert fallbacks["宋体"] == "SimSun"
    document = docx.Document(io.BytesIO(data))
    kinds = [(style_of(p), p.text) for p in document.paragraphs][:4]
    assert kinds[0] == ("Title", "代县2020年\n政府信息公开工作年度报告")
    assert [style_of(p) for p in document.paragraphs if p.text == "（一）强化组织领导"] == ["Heading2"]


@pytest.mark.parametrize(("layout_id", "results"), [("gov-2019", 20), ("gov-2021", 22)])
def test_table_2_has_the_official_merged_header_and_groups(layout_id: str, results: int) -> None:
    requests = tables(render(numbered_report(layout_id)))[1]
    rows = requests.findall(f"{W}tr")
    assert len(rows) == 3 + len(builtin_layout(layout_id).table("requests").rows)
    header = [[(text, tc) for text, tc in zip(cell_texts(r), r.findall(f"{W}tc"), strict=True)] for r in rows[:3]]
    corner = header[0][0][1]
    assert attr(corner, f"{W}tcPr/{W}gridSpan", f"{W}val") == "3"
    assert attr(corner, f"{W}tcPr/{W}vMerge", f"{W}val") == "restart"
    assert [t for t, _ in header[0]][1] == "申请人情况"
    assert [t for t, _ in header[1]] == ["", "自然人", "法人或其他组织", "总计"]
    assert [t for t, _ in header[2]] == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
    for row in rows[:3]:
        assert row.find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[3].find(f"{W}trPr/{W}tblHeader") is None
    first_result = rows[5].findall(f"{W}tc")[0]
    assert cell_texts(rows[5])[0] == "三、本年度办理结果"
    assert first_result.find(f"{W}tcPr/{W}textDirection") is not None
    continued = [r.findall(f"{W}tc")[0].find(f"{W}tcPr/{W}vMerge") for r in rows[6 : 5 + results]]
    assert all(m is not None and m.get(f"{W}val") is None for m in continued)
    assert cell_texts(rows[5 + results])[0] == "四、结转下年度继续办理"


def test_table_1_prints_its_blocks_as_one_table_and_table_3_in_one_row() -> None:
    proactive, _, appeals = tables(render(numbered_report("gov-2021")))
    texts = [cell_texts(r) for r in proactive.findall(f"{W}tr")]
    assert texts[0] == ["第二十条第（一）项"]
    assert texts[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert texts[2] == ["规章", "1001", "1002", "1003"]
    assert texts[5] == ["信息内容", "本年处理决定数量"]  # one column stretched over three
    assert texts[-1] == ["行政事业性收费", "10.25"]
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in proactive.findall(f"{W}tr"))
    rows = appeals.findall(f"{W}tr")
    assert cell_texts(rows[0]) == ["行政复议", "行政诉讼"]
    assert cell_texts(rows[3]) == [str(1000 + n) for n in range(186, 201)]


def test_blank_cells_stay_blank_and_units_are_shown_where_they_differ(daixian: Report) -> None:
    report = daixian.with_cells({"requests.new.commercial": placeholder("/")})
    proactive, requests, _ = tables(render(report))
    new = cell_texts(requests.findall(f"{W}tr")[3])
    assert new == ["一、本年新收政府信息公开申请数量", "7", "/", "", "", "", "", ""]
    assert cell_texts(proactive.findall(f"{W}tr")[-1]) == ["政府集中采购", "189", "43101万元"]
    fees = numbered_report("gov-2021").with_cells({"proactive.fees.amount": Money(Decimal("251000"), "元")})
    assert cell_texts(tables(render(fees))[0].findall(f"{W}tr")[-1]) == ["行政事业性收费", "251000元"]


def test_report_text_is_escaped_and_official_headings_stand_in() -> None:
    attack = '<w:p>&amp; <script>"x"</script>'
    report = Report(
        "gov-2021", 2025, Body(attack, "county"), sections=Sections(problems=Section(None, (attack,)))
    ).with_cells({"requests.new.total": placeholder(attack)})
    document = docx.Document(io.BytesIO(render(report)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"{attack}2025年\n政府信息公开工作年度报告"
    assert attack in texts
    assert [p.text for p in document.paragraphs if style_of(p) == "Heading1"] == [
        s.heading.zh for s in builtin_layout("gov-2021").sections
    ]


def test_unprintable_text_and_a_wrong_layout_are_refused(daixian: Report) -> None:
    with pytest.raises(RenderError, match=r"^\$\.lead\[0\]: U\+FFFF is not a printable character$"):
        render(daixian.evolve(lead=("a\uffff",)))
    with pytest.raises(RenderError, match=r"^\$\.body\.name: U\+0007 is not a printable character$"):
        render(daixian.evolve(body=daixian.body.__class__("代县\u0007", "county")))
    with pytest.raises(RenderError, match=r"U\+0000 is not a printable character$"):
        render(daixian.evolve(lead=("a\u0000",)))
    with pytest.raises(RenderError, match="but the layout given is 'gov-2021'"):
        DocxRenderer().render(daixian, RenderOptions(builtin_layout("gov-2021")))
