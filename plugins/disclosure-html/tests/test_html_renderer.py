"""The HTML renderer: content, escaping, absent values, the findings overlay, determinism."""

from __future__ import annotations

import re
from decimal import Decimal
from xml.etree.ElementTree import Element

import html5lib
import pytest
from disclosure_html import HtmlRenderer
from hypothesis import HealthCheck, given, settings

from disclosure_core import (
    NOT_APPLICABLE,
    Absent,
    Body,
    CellAddress,
    CellUse,
    CellValue,
    Count,
    Finding,
    Findings,
    Message,
    Money,
    Outcome,
    Registry,
    RenderError,
    RenderOptions,
    Report,
    Section,
    Sections,
    Severity,
    Suggestion,
    builtin_layout,
    placeholder,
)
from disclosure_core.rendering import cell_text, printed_texts
from disclosure_core.testing import daixian_report, strategies


@pytest.fixture(scope="module")
def daixian() -> Report:
    """The Dai County 2020 report (fixtures live in each module: plugin test directories share no conftest)."""
    return daixian_report()


NS = "{http://www.w3.org/1999/xhtml}"


def render(report: Report, findings: object = None, lang: str = "zh") -> bytes:
    return HtmlRenderer().render(report, RenderOptions(builtin_layout(report.format), findings, lang))  # type: ignore[arg-type]


def parse(page: bytes) -> Element:
    document: Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    return document


def by_id(root: Element, element_id: str) -> Element:
    found = [e for e in root.iter() if e.get("id") == element_id]
    assert len(found) == 1, element_id
    return found[0]


def text(element: Element) -> str:
    return "".join(element.itertext())


def test_the_renderer_is_registered_through_its_entry_point() -> None:
    renderer = Registry().renderer("html")
    # The entry point gives a lazy proxy (jinja2 is imported on the first render) that says what the class says.
    assert isinstance(renderer.implementation(), HtmlRenderer)  # type: ignore[attr-defined]
    real = HtmlRenderer()
    assert (renderer.name, renderer.description) == (real.name, real.description)
    assert (renderer.suffix, renderer.media_type) == (".html", "text/html; charset=utf-8")


def test_the_page_is_self_contained_and_in_chinese(daixian: Report) -> None:
    page = render(daixian)
    root = parse(page)
    assert root.get("lang") == "zh-CN"
    assert not re.search(rb"""(src|href)=["']?(https?:|//)""", page)
    for external in (b"<link", b"<script", b"@import", b"url("):
        assert external not in page
    assert text(next(root.iter(NS + "title"))) == "代县2020年政府信息公开工作年度报告"
    assert text(next(root.iter(NS + "h1"))) == "代县2020年政府信息公开工作年度报告"


def test_dai_county_values_blanks_and_units(daixian: Report) -> None:
    root = parse(render(daixian))
    assert text(by_id(root, "requests.new.natural_person")) == "7"
    assert text(by_id(root, "requests.new.total")) == ""  # blank stays blank: never a fabricated 0
    assert text(by_id(root, "requests.carried_over.natural_person")) == "0"
    assert text(by_id(root, "proactive.procurement.amount")) == "43101万元"
    assert text(by_id(root, "appeals.litigation_after_review.total")) == "1"
    headings = [text(h) for h in root.iter(NS + "h2")]
    assert headings == [
        "政府信息公开工作总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议与行政诉讼情况",
        "五、存在的主要问题和改进措施",
        "六、其他需要报告的事项",
    ]
    assert [text(h) for h in root.iter(NS + "h3")][:2] == ["（一）强化组织领导", "（二）完善平台建设"]
    assert [text(p) for p in by_id(root, "section-other").iter(NS + "p")] == ["无。"]
    signature = [text(p) for p in next(root.iter(NS + "footer")).iter(NS + "p")]
    assert signature == ["代县人民政府办公室", "2021年2月3日"]


def test_official_headings_stand_in_for_missing_ones() -> None:
    report = Report(
        "gov-2021", 2025, Body("某县人民政府", "county"), sections=Sections(problems=Section(None, ["问题。"]))
    )
    root = parse(render(report))
    assert [text(h) for h in root.iter(NS + "h2")] == [s.heading.zh for s in builtin_layout("gov-2021").sections]
    assert text(next(root.iter(NS + "h1"))) == "某县人民政府2025年政府信息公开工作年度报告"


def test_placeholders_and_not_applicable_cells_print_what_was_found() -> None:
    cells: dict[str, CellValue] = {
        "requests.new.total": placeholder("/"),
        "requests.new.commercial": NOT_APPLICABLE,
        "proactive.fees.amount": Money(Decimal("251000"), "元"),
        "proactive.licensing.decisions": Count(12),
    }
    report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells(cells)
    root = parse(render(report))
    assert text(by_id(root, "requests.new.total")) == "/"
    assert text(by_id(root, "requests.new.commercial")) == ""
    assert text(by_id(root, "proactive.fees.amount")) == "251000元"
    assert "absent" in (by_id(root, "requests.new.total").get("class") or "")


def test_report_text_is_escaped_everywhere() -> None:
    attack = '<script>alert("x")</script>'
    report = Report(
        "gov-2021",
        2025,
        Body(f"某县{attack}人民政府", "county"),
        publisher=attack,
        lead=(attack,),
        sections=Sections(overview=Section(attack, [attack, "a & b < c"])),
    ).with_cells({"requests.new.total": placeholder(attack)})
    page = render(report)
    assert b"<script" not in page
    assert page.count(b"&lt;script&gt;") == 7  # title, h1, lead, heading, paragraph, cell, signature
    root = parse(page)
    assert text(by_id(root, "requests.new.total")) == attack
    assert "a & b < c" in text(by_id(root, "section-overview"))


def test_the_layout_must_match_the_report(daixian: Report) -> None:
    with pytest.raises(RenderError, match="report is in format 'gov-2019' but the layout given is 'gov-2021'"):
        HtmlRenderer().render(daixian, RenderOptions(builtin_layout("gov-2021")))


def test_rendering_is_deterministic(daixian: Report) -> None:
    assert render(daixian) == render(daixian)


def finding(rule: str, severity: Severity, outcome: Outcome, cells: dict[str, object], **extra: object) -> Finding:
    uses = tuple(CellUse(CellAddress.parse(cell), value) for cell, value in cells.items())  # type: ignore[arg-type]
    message = Message(f"{rule} 不符", f"{rule} fails")
    return Finding(rule, severity, outcome, message, uses, table="requests", **extra)  # type: ignore[arg-type]


def test_findings_mark_their_cells_and_are_listed_with_their_arithmetic(daixian: Report) -> None:
    findings = Findings(
        (
            finding(
                "requests.row_total.new",
                Severity.ERROR,
                Outcome.NOT_VERIFIABLE,
                {"requests.new.total": Absent(), "requests.new.natural_person": Count(7)},
            ),
            finding(
                "proactive.published_le_total",
                Severity.WARNING,
                Outcome.FAIL,
                {
                    "proactive.normative_documents.published": Count(18),
                    "proactive.normative_documents.total_published": Count(12),
                },
                lhs=18,
                rhs=12,
                difference=6,
            ),
            finding(
                "proactive.pattern",
                Severity.INFO,
                Outcome.FAIL,
                {"proactive.licensing.decisions": Count(10125)},
                suggestions=(
                    Suggestion(CellAddress.parse("proactive.licensing.decisions"), 10215, "transposition", 0.9),
                ),
            ),
            finding("appeals.review.total", Severity.ERROR, Outcome.PASS, {"appeals.review.total": Count(1)}),
        )
    )
    root = parse(render(daixian, findings))
    total = by_id(root, "requests.new.total")
    assert "flagged-error" in (total.get("class") or "")
    # Real failures are listed first (issue 16): the not-verifiable total is the third, and its mark never
    # calls it an error — it names the level of its rule.
    assert text(total) == "⚠3见核查结果第3项（错误级规则）"  # a symbol and words, not colour alone
    assert "flagged-warning" in (by_id(root, "proactive.normative_documents.published").get("class") or "")
    assert "flagged" not in (by_id(root, "appeals.review.total").get("class") or "")  # passes are not shown
    listed = [e for e in root.iter(NS + "li") if (e.get("id") or "").startswith("finding-")]
    assert [e.get("id") for e in listed] == ["finding-1", "finding-2", "finding-3"]
    second = text(listed[0])
    assert "左边 = 18；右边 = 12；差额 = 6" in second
    assert "表1 规范性文件 · 本年新公开数量：18" in second
    assert "建议将 表1 行政许可 · 处理决定数量 改为 10215（数字顺序颠倒，置信度 0.90）" in text(listed[1])
    assert "表2 一、本年新收政府信息公开申请数量 · 总计：（空白）" in text(listed[2])
    assert "错误级规则" in text(listed[2])
    summary = text(next(e for e in root.iter(NS + "p") if e.get("class") == "findings-summary"))
    # Counted by outcome and by severity apart: no error fails, so none is counted (it said 错误 1 项 before).
    assert summary == (
        "共列出 3 项：不符 2 项，规则出错 0 项，无法核验 1 项。"
        "不符或规则出错的按严重程度：错误 0 项，警告 1 项，提示 1 项。"
        "无法核验的 1 项缺少数字，不是错误，列在最后。"
    )


def test_overlay_material_is_marked_as_not_part_of_the_report(daixian: Report) -> None:
    findings = [finding("r", Severity.ERROR, Outcome.FAIL, {"requests.new.total": Absent()})]
    root = parse(render(daixian, findings))
    [mark] = [e for e in by_id(root, "requests.new.total") if e.tag == NS + "a"]
    assert (mark.get("role"), mark.get("data-overlay"), mark.get("href")) == ("doc-noteref", "mark", "#finding-1")
    [aside] = list(root.iter(NS + "aside"))
    assert aside.get("data-overlay") == "findings"
    assert by_id(root, "finding-1") in list(aside.iter())


def test_findings_speak_english_when_asked(daixian: Report) -> None:
    findings = [finding("r", Severity.WARNING, Outcome.FAIL, {"requests.new.total": Absent()}, lhs=Decimal("1.5"))]
    root = parse(render(daixian, findings, lang="en"))
    assert text(by_id(root, "findings-heading")) == "Check findings"
    assert "left side = 1.5" in text(by_id(root, "finding-1"))
    assert "r fails" in text(by_id(root, "finding-1"))
    # Cells are named in English too.
    assert "Table 2 1. New requests this year · Total: (blank)" in text(by_id(root, "finding-1"))


def test_no_findings_says_so_and_no_overlay_without_findings(daixian: Report) -> None:
    assert "未发现问题。" in text(parse(render(daixian, Findings(()))))
    assert b"findings-heading" not in render(daixian)


def test_checks_waiting_for_last_years_report_flag_no_cell_and_are_folded_into_one_line(daixian: Report) -> None:
    from disclosure_core import check

    page = render(daixian, check(daixian))
    root = parse(page)
    deferred = [e for e in root.iter() if e.get("class") == "findings-deferred"]
    assert len(deferred) == 1
    assert text(deferred[0]).startswith("未提供上年报告，14 项跨年度核对未进行： proactive.items_yoy、")
    # 规章·对外公开总数量 is only read by a year-over-year rule: with no previous report it is not flagged.
    assert "⚠" not in text(by_id(root, "proactive.regulations.total_published"))
    assert "⚠" in text(by_id(root, "proactive.normative_documents.published"))


def test_reading_concerns_are_listed_apart_without_corrections_under_a_warning(daixian: Report) -> None:
    from disclosure_core import Provenance, Reading, check
    from disclosure_core.sources import located

    doubt = Provenance("daixian.pdf", page=2, reading=Reading.UNCERTAIN, alternatives=("10125", "10215"))
    misread = daixian.with_cells(
        {
            "proactive.licensing.decisions": located(Count(10125), doubt),
            "proactive.normative_documents.published": located(Count(18), doubt),
            "requests.new.natural_person": located(Count(7), doubt),
            "appeals.review.total": located(Count(1), doubt),
        }
    )
    for lang, heading, warning in (
        ("zh", "可能是读取问题", "表格未能可靠读取：4 个单元格读取不确定"),
        ("en", "Possible reading problems", "The tables could not be read with confidence: 4 cells"),
    ):
        root = parse(render(misread, check(misread), lang))
        banner = [e for e in root.iter(NS + "p") if e.get("class") == "findings-reading"]
        assert len(banner) == 1
        assert text(banner[0]).startswith(warning)
        assert text(by_id(root, "findings-reading-heading")) == heading
        lists = [e for e in root.iter(NS + "ol") if "finding-list" in (e.get("class") or "")]
        assert len(lists) == 2
        real, doubtful = ([str(e.get("id")) for e in ol.iter(NS + "li") if e.get("id")] for ol in lists)
        assert doubtful
        assert real
        assert max(int(i.split("-")[1]) for i in real) < min(int(i.split("-")[1]) for i in doubtful)
        pattern = next(by_id(root, i) for i in doubtful if "proactive.pattern.items" in text(by_id(root, i)))
        assert "finding-reading" in (pattern.get("class") or "")
        assert not [e for e in pattern.iter(NS + "p") if e.get("class") == "suggestion"]
        caveat = next(e for e in pattern.iter(NS + "p") if e.get("class") == "reading")
        lead = "这可能是读取问题而非报告错误：表1 行政许可·处理决定数量读取不确定"
        assert text(caveat).startswith(lead if lang == "zh" else "this may be a reading problem, not an error")
        # the cell's mark leads to the concern, listed apart
        mark = next(e for e in by_id(root, "proactive.licensing.decisions").iter(NS + "a"))
        assert mark.get("href") in {f"#{i}" for i in doubtful}


def test_findings_must_be_findings(daixian: Report) -> None:
    with pytest.raises(RenderError, match="expected Finding objects, got a str"):
        render(daixian, ["oops"])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports())
def test_any_report_renders_to_a_well_formed_page_showing_every_value(report: Report) -> None:
    texts = "".join(text for _, text in printed_texts(report))
    if any(0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE for ch in texts):
        # The strategies' text includes Unicode noncharacters: refused, naming the place.
        with pytest.raises(RenderError, match=r"^\$\.\S+: U\+[0-9A-F]+ is not a printable character$"):
            render(report)
        return
    root = parse(render(report))
    layout = builtin_layout(report.format)
    for address in layout.addresses():
        assert text(by_id(root, str(address))) == cell_text(report.cell(address), layout.column_of(address))
