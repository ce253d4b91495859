"""Row labels as people print them: typos, the other version's wording, traditional characters, numbering.

Each fuzzy match is an info diagnostic naming what was printed and what it was taken for, and the row's cells
are read as ``Reading.FUZZY_LABEL``; an exact report never produces one, and no fuzzy match takes a row the
document prints with its own exact label.
"""

from __future__ import annotations

from disclosure_published import Hints, parse_html, parse_text
from disclosure_published.fuzzy import FuzzyRows, distance
from disclosure_published.testing import layout_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_core import DiagnosticLevel, Loaded, Reading, Report
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import strategies as dc

HINTS = Hints(name="某县人民政府", year=2022)
TABLE_1 = "二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
TABLE_2 = "三、收到和处理政府信息公开申请情况\n"


def read(text: str) -> Loaded:
    return parse_text(text.encode(), origin="a.txt", hints=HINTS)


def row(label: str, *values: int) -> str:
    return " | ".join([label, *map(str, values)]) + "\n"


def fuzzy_notes(loaded: Loaded) -> list[str]:
    return [d.message for d in loaded.diagnostics if d.code == "fuzzy-label"]


def test_a_label_missing_a_character_is_read_with_a_fuzzy_reading() -> None:
    loaded = read(TABLE_2 + row("（三）不予公开 | 4.保护第三方合权益", 1, 0, 0, 0, 0, 0, 1))
    cell = loaded.report.cell("requests.withheld_third_party.total")
    assert loaded.report.number("requests.withheld_third_party.total") == 1
    assert cell.provenance is not None
    assert cell.provenance.reading is Reading.FUZZY_LABEL
    assert "保护第三方合权益" in (cell.provenance.reason or "")
    assert fuzzy_notes(loaded) == ["row label printed '4.保护第三方合权益' (a typo), taken for '4.保护第三方合法权益'"]
    assert all(d.level is DiagnosticLevel.INFO for d in loaded.diagnostics if d.code == "fuzzy-label")


def test_extra_and_swapped_characters_are_tolerated() -> None:
    loaded = read(
        TABLE_2
        + row("（三）不予公开 | 1.属于于国家秘密", 2, 0, 0, 0, 0, 0, 2)
        + row("2.其他法律行政法规止禁公开", 3, 0, 0, 0, 0, 0, 3)
    )
    assert loaded.report.number("requests.withheld_state_secret.total") == 2
    assert loaded.report.number("requests.withheld_prohibited_by_law.total") == 3
    assert len(fuzzy_notes(loaded)) == 2


def test_the_other_versions_wording_is_read_as_this_versions_row() -> None:
    loaded = read(TABLE_1 + row("规章", 0, 0, 0) + row("规范性文件", 7, 25, 181))
    assert [loaded.report.number(f"proactive.normative_documents.{c}") for c in ("issued", "repealed", "in_force")] == [
        7,
        25,
        181,
    ]
    assert fuzzy_notes(loaded) == [
        "row label printed '规范性文件' (the wording of gov-2019), taken for '行政规范性文件'"
    ]
    assert loaded.report.cell("proactive.regulations.issued").provenance.reading is Reading.EXACT  # type: ignore[union-attr]


def test_traditional_characters_and_other_numbering_are_exact_not_fuzzy() -> None:
    loaded = read(
        TABLE_2
        + row("4、保護第三方合法權益", 5, 0, 0, 0, 0, 0, 5)
        + row("（5）属于三类内部事务信息", 6, 0, 0, 0, 0, 0, 6)
        + row("⑥属于四类过程性信息", 7, 0, 0, 0, 0, 0, 7)
    )
    assert loaded.report.number("requests.withheld_third_party.total") == 5
    assert loaded.report.number("requests.withheld_internal_affairs.total") == 6
    assert loaded.report.number("requests.withheld_process_info.total") == 7
    assert fuzzy_notes(loaded) == []


def test_a_fuzzy_match_never_takes_a_row_printed_with_its_own_label() -> None:
    text = TABLE_2 + row("4.保护第三方合权益", 9, 0, 0, 0, 0, 0, 9) + row("4.保护第三方合法权益", 1, 0, 0, 0, 0, 0, 1)
    loaded = read(text)
    cell = loaded.report.cell("requests.withheld_third_party.total")
    assert loaded.report.number("requests.withheld_third_party.total") == 1
    assert cell.provenance is not None
    assert cell.provenance.reading is Reading.EXACT
    assert fuzzy_notes(loaded) == []
    assert any("合权益" in d.message and d.code == "unknown-row" for d in loaded.diagnostics)


def test_where_two_rows_are_equally_close_the_printed_ordinal_decides() -> None:
    rows = FuzzyRows(builtin_layout("gov-2021"))
    # 某年新转… is two edits from both 本年新收… and 上年结转…
    assert distance("某年新转政府信息公开申请数量", "本年新收政府信息公开申请数量", 3) == 2
    assert distance("某年新转政府信息公开申请数量", "上年结转政府信息公开申请数量", 3) == 2
    assert rows.match("某年新转政府信息公开申请数量", table="requests") is None
    found = rows.match("二、某年新转政府信息公开申请数量", table="requests")
    assert found is not None
    assert found.entry.id == "carried_over"
    found = rows.match("某年新转政府信息公开申请数量", table="requests", after="new")
    assert found is not None
    assert found.entry.id == "carried_over"


def test_short_and_distant_labels_are_never_guessed() -> None:
    rows = FuzzyRows(builtin_layout("gov-2021"))
    assert rows.match("行政收费", table="proactive") is None  # two edits from 行政许可, 行政处罚 and 行政强制
    assert rows.match("其它", table="requests") is None
    assert rows.match("结果维持", table="requests") is None


@st.composite
def _label_with_one_edit(draw: st.DrawFn) -> tuple[str, str]:
    layout = builtin_layout("gov-2021")
    spec = draw(st.sampled_from([r for r in layout.table("requests").rows if len(r.label.zh) >= 10]))
    label = spec.label.zh
    at = draw(st.integers(min_value=3, max_value=len(label) - 2))
    edit = draw(st.sampled_from(["drop", "double", "swap"]))
    if edit == "drop":
        printed = label[:at] + label[at + 1 :]
    elif edit == "double":
        printed = label[: at + 1] + label[at:]
    else:
        printed = label[:at] + label[at + 1] + label[at] + label[at + 2 :]
    return spec.id, printed


@settings(max_examples=40, deadline=None)
@given(_label_with_one_edit())
def test_a_long_label_with_one_edit_is_still_its_row(case: tuple[str, str]) -> None:
    row_id, printed = case
    found = FuzzyRows(builtin_layout("gov-2021")).match(printed, table="requests")
    if printed == builtin_layout("gov-2021").table("requests").row(row_id).label.zh:
        return  # swapping two equal characters prints the label exactly
    assert found is not None
    assert found.entry.id == row_id


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dc.reports())
def test_an_exact_report_never_produces_a_fuzzy_match(report: Report) -> None:
    page = layout_page(report, builtin_layout(report.format))
    loaded = parse_html(page, origin="r.html", hints=Hints(name=report.body.name, year=report.year))
    assert fuzzy_notes(loaded) == []
    readings = {
        str(a): loaded.report.cell(a).provenance.reading  # type: ignore[union-attr]
        for a in builtin_layout(report.format).addresses()
        if loaded.report.cell(a).provenance is not None
    }
    assert {a: r for a, r in readings.items() if r is not Reading.EXACT} == {}


def test_an_html_table_row_printed_with_a_typo_is_read_with_a_fuzzy_reading() -> None:
    page = (
        "<h1>某县2022年政府信息公开工作年度报告</h1><h2>三、收到和处理政府信息公开申请情况</h2><table>"
        "<tr><td>（三）不予公开</td><td>4.保护第三方合权益</td>" + "<td>2</td>" + "<td>0</td>" * 5 + "<td>2</td></tr>"
        "</table>"
    )
    loaded = parse_html(page.encode(), origin="p.html")
    cell = loaded.report.cell("requests.withheld_third_party.natural_person")
    assert loaded.report.number("requests.withheld_third_party.natural_person") == 2
    assert cell.provenance is not None
    assert cell.provenance.reading is Reading.FUZZY_LABEL
    assert fuzzy_notes(loaded) == ["row label printed '4.保护第三方合权益' (a typo), taken for '4.保护第三方合法权益'"]
