"""The shared outline: titles, headings (own or official), table placement and printed cell texts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from disclosure_core import Body, RenderError, Report, Section, Sections, builtin_layout, parse_layout
from disclosure_core._document import cell_text, format_date, is_subheading, outline, report_title, title_lines
from disclosure_core.layouts import CellKind, ColumnSpec, Label
from disclosure_core.values import NOT_APPLICABLE, Absent, Count, Money, placeholder

AMOUNT_WAN = ColumnSpec("amount", Label("本年收费金额（单位：万元）", "Fees"), CellKind.MONEY, "万元")
AMOUNT = ColumnSpec("amount", Label("采购总金额", "Amount"), CellKind.MONEY)
COUNT = ColumnSpec("total", Label("总计", "Total"))


def test_the_dai_county_outline_keeps_its_own_headings_and_places_the_tables(daixian: Report) -> None:
    parts = outline(daixian, builtin_layout("gov-2019"))
    assert [(p.heading, p.official) for p in parts] == [
        ("政府信息公开工作总体情况", False),
        ("主动公开政府信息情况", False),
        ("收到和处理政府信息公开申请情况", False),
        ("四、政府信息公开行政复议与行政诉讼情况", False),
        ("五、存在的主要问题和改进措施", False),
        ("六、其他需要报告的事项", False),
    ]
    assert [[t.id for t in p.tables] for p in parts] == [[], ["proactive"], ["requests"], ["appeals"], [], []]
    assert parts[2].paragraphs == ("2020年，全县收到政府信息公开申请7件，依法办结依申请公开7件。",)


def test_missing_headings_and_sections_fall_back_to_the_official_ones() -> None:
    report = Report(
        "gov-2021",
        2025,
        Body("某县人民政府", "county"),
        sections=Sections(overview=Section(None, ["概述。"]), other=Section("六、其他事项", ["无。"])),
    )
    parts = outline(report, builtin_layout("gov-2021"))
    assert [(p.heading, p.official, p.section is None) for p in parts] == [
        ("一、总体情况", True, False),
        ("二、主动公开政府信息情况", True, True),
        ("三、收到和处理政府信息公开申请情况", True, True),
        ("四、政府信息公开行政复议、行政诉讼情况", True, True),
        ("五、存在的主要问题及改进情况", True, True),
        ("六、其他事项", False, False),
    ]
    assert parts[0].paragraphs == ("概述。",)
    assert parts[1].paragraphs == ()


def test_a_layout_without_section_headings_cannot_be_laid_out() -> None:
    bare = parse_layout(
        'id = "bare"\ntitle_zh = "x"\ntitle_en = "x"\nbasis = "b"\nfirst_year = 2021\ntables = []', origin="bare.toml"
    )
    assert builtin_layout("gov-2021").sections
    assert not bare.sections
    with pytest.raises(RenderError, match=r"^layout 'bare' lists no section headings"):
        outline(Report("bare", 2025, Body("某县", "county")), bare)


def test_titles() -> None:
    report = Report("gov-2019", 2020, Body("代县人民政府", "county"))
    assert report_title(report) == "代县人民政府2020年政府信息公开工作年度报告"
    assert (
        report_title(report.evolve(title="代县2020年政府信息公开工作年度报告")) == "代县2020年政府信息公开工作年度报告"
    )
    assert title_lines("代县人民政府2020年政府信息公开工作年度报告") == (
        "代县人民政府2020年",
        "政府信息公开工作年度报告",
    )
    assert title_lines("政府信息公开工作年度报告") == ("政府信息公开工作年度报告",)
    assert title_lines("某县政府信息公开工作年度报告（修订）") == ("某县政府信息公开工作年度报告（修订）",)


@pytest.mark.parametrize(
    ("value", "column", "text"),
    [
        (Count(0), COUNT, "0"),
        (Count(-8), COUNT, "-8"),
        (Money(Decimal("12.50"), "万元"), AMOUNT_WAN, "12.50"),
        (Money(Decimal("251000"), "元"), AMOUNT_WAN, "251000元"),
        (Money(Decimal("43101"), "万元"), AMOUNT, "43101万元"),
        (Money(Decimal("1E+3"), None), AMOUNT, "1000"),
        (Absent(), COUNT, ""),
        (placeholder("——"), COUNT, "——"),
        (NOT_APPLICABLE, COUNT, ""),
    ],
)
def test_cell_texts_never_invent_a_zero(value: Count | Money | Absent, column: ColumnSpec, text: str) -> None:
    assert cell_text(value, column) == text


def test_subheadings_and_dates() -> None:
    assert is_subheading("（一）强化组织领导")
    assert not is_subheading("（一）强化组织领导。")
    assert not is_subheading("一是进一步健全和完善政府信息公开制度")
    assert format_date(dt.date(2021, 12, 31)) == "2021年12月31日"


def test_outline_refuses_a_layout_of_another_format_and_unprintable_text(daixian: Report) -> None:
    with pytest.raises(RenderError, match=r"^report is in format 'gov-2019' but the layout given is 'gov-2021'$"):
        outline(daixian, builtin_layout("gov-2021"))
    broken = daixian.evolve(sections=Sections(problems=Section("五、问题", ("一\ufdd0二",))))
    with pytest.raises(
        RenderError, match=r"^\$\.sections\.problems\.paragraphs\[0\]: U\+FDD0 is not a printable character"
    ):
        outline(broken, builtin_layout("gov-2019"))
