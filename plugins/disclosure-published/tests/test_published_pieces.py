"""The pieces of the parser one by one: label keys, cell values, headings, bodies, facts, tokenising."""

from __future__ import annotations

from decimal import Decimal

import pytest
from disclosure_published.bodies import full_name, infer_level, level_from_text, name_from_text, name_from_title
from disclosure_published.cells import NEGATIVE, CellNote, looks_like_value, read_cell
from disclosure_published.headings import match_heading
from disclosure_published.metadata import contact, parse_date
from disclosure_published.normalize import label_key, loose_key
from disclosure_published.stream import Token, row_break, table_end
from disclosure_published.text import decode, text_tokens
from disclosure_published.vocabulary import Role, vocabulary_of
from disclosure_published.walker import walk

from disclosure_core import AbsenceKind, Absent, BodyLevel, CellValue, Count, Money, Provenance
from disclosure_core.layouts import CellAddress, ColumnSpec, builtin_layout
from disclosure_core.sources import assessment_weight, fees_charged

GOV_2019 = builtin_layout("gov-2019")
GOV_2021 = builtin_layout("gov-2021")


def english(read: tuple[CellValue, list[CellNote]]) -> tuple[CellValue, list[str]]:
    """A cell as read, its notes in English (they carry both languages)."""
    return read[0], [note.en for note in read[1]]


def column(layout_cell: str, layout: str = "gov-2019") -> ColumnSpec:
    return builtin_layout(layout).column_of(CellAddress.parse(layout_cell))


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("（三） 不予\n公开", "不予公开"),
        ("本年新 製作數量", "本年新制作数量"),
        ("規範性檔案", "规范性文件"),
        ("1．属于国家秘密", "属于国家秘密"),
    ],
)
def test_label_keys_fold_width_space_traditional_and_enumerators(printed: str, key: str) -> None:
    assert loose_key(printed) == key


def test_exact_key_keeps_the_enumerator() -> None:
    assert label_key("（七）总计") == "(七)总计"


@pytest.mark.parametrize(
    ("printed", "meaning"),
    [
        ("上一年項目數量(指2019年事項數)", ("proactive", Role.COLUMN, "previous_items")),
        ("本年增/減(指2020年增加或減少的事項數,減用負值表示,如-8)", ("proactive", Role.COLUMN, "change")),
        ("第二十條第(九)項", ("proactive", Role.BLOCK, "4")),
        ("(四)无法提供", ("requests", Role.GROUP, "unavailable")),
        ("复议后起诉", ("appeals", Role.HEADER, "litigation_after_review")),
    ],
)
def test_vocabulary_reads_annotated_and_traditional_labels(printed: str, meaning: tuple[str, Role, str]) -> None:
    entry = vocabulary_of(GOV_2019).lookup(printed)[0]
    assert (entry.table, entry.role, entry.id) == meaning


def test_an_enumerated_label_means_only_its_row_while_a_bare_one_stays_ambiguous() -> None:
    # Under a header repeated on a new page, "（七）总计" must open the row, not name the column 总计.
    vocabulary = vocabulary_of(GOV_2021)
    assert [(e.table, e.role, e.id) for e in vocabulary.lookup("（七）总计")] == [("requests", Role.ROW, "total")]
    assert {(e.table, e.role) for e in vocabulary.lookup("总计")} >= {("requests", Role.COLUMN), ("requests", Role.ROW)}


def test_a_label_of_the_other_version_is_not_in_the_vocabulary() -> None:
    assert vocabulary_of(GOV_2019).lookup("本年制发件数") == []
    assert vocabulary_of(GOV_2021).lookup("本年制发件数")[0].id == "issued"


def test_a_cell_note_says_which_note_it_is_by_its_key_not_its_words() -> None:
    # The reader's diagnostic level follows the key (a negative count is an error), never the English text.
    count = column("requests.new.total")
    keys = {text: [note.key for note in read_cell(text, count)[1]] for text in ("−8", "-1件", "7件", "——", "1,024")}
    assert keys == {
        "−8": [NEGATIVE],
        "-1件": ["published.cell.unit", NEGATIVE],
        "7件": ["published.cell.unit"],
        "——": ["published.cell.placeholder"],
        "1,024": ["published.cell.thousands"],
    }
    assert NEGATIVE == "published.cell.negative"


def test_cells_keep_units_placeholders_and_blanks_apart_from_zero() -> None:
    amount = column("proactive.procurement.amount")
    count = column("requests.new.total")
    fees = column("proactive.fees.amount", "gov-2021")
    change = column("proactive.licensing.change")
    assert read_cell("43101万元", amount)[0] == Money(Decimal(43101), "万元")
    assert read_cell("0.5", fees)[0] == Money(Decimal("0.5"), "万元")
    assert english(read_cell("3000元", fees)) == (
        Money(Decimal(3000), "元"),
        ["unit 元 typed into a cell the format gives in 万元: 3000元 kept in 元"],
    )
    assert english(read_cell("７件", count)) == (Count(7), ["unit typed into the cell: 7件"])
    assert read_cell("1,024", count)[0] == Count(1024)
    assert english(read_cell("-8", change)) == (Count(-8), [])
    assert english(read_cell("−8", count)) == (
        Absent(AbsenceKind.PLACEHOLDER, "-8"),
        [
            "negative number '-8' in a column that counts (only 本年增/减 may be negative): kept as text, read as no number"
        ],
    )
    assert english(read_cell(" ", count)) == (Absent(), [])
    assert read_cell("无", count)[0] == Absent(AbsenceKind.PLACEHOLDER, "无")
    assert read_cell("不涉及", count)[0] == Absent(AbsenceKind.NOT_APPLICABLE, "不涉及")
    assert read_cell("2.5", count)[0] == Absent(AbsenceKind.PLACEHOLDER, "2.5")
    assert read_cell("9" * 40, count)[0] == Absent(AbsenceKind.PLACEHOLDER, "9" * 40)


def test_what_looks_like_a_value() -> None:
    assert [looks_like_value(t) for t in ("12", " ", "-", "2020年", "规章", "12.5万元")] == [
        True,
        True,
        True,
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("line", "section", "number"),
    [
        ("一、总体情况", "overview", "一"),
        ("五、存在的主要问题和改进措施", "problems", "五"),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "appeals", "四"),
        ("其他需要报告的事项", "other", None),
        ("三、收到和处理政府信息公开申请情况", "requests", "三"),
    ],
)
def test_headings_in_their_wordings(line: str, section: str, number: str | None) -> None:
    found = match_heading(line)
    assert found is not None
    assert (found.section, found.number) == (section, number)


@pytest.mark.parametrize(
    "line",
    [
        "（一）主动公开方面",
        "四、结转下年度继续办理",
        "本报告由总体情况等六部分组成，现报告如下。" * 2,
        "情况、收到和处理政府信息公开申请情况、政府信息公开行政",  # a wrapped line of a lead listing the sections
        "收到和处理政府信息公开申请情况、存在的主要问题和改进措施",
    ],
)
def test_sub_headings_rows_sentences_and_lists_of_sections_are_no_section_headings(line: str) -> None:
    assert match_heading(line) is None


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("北京市人民政府", BodyLevel.PROVINCE),
        ("广东省教育厅", BodyLevel.PROVINCE_DEPARTMENT),
        ("忻州市人民政府", BodyLevel.CITY),
        ("杭州市西湖区人民政府办公室", BodyLevel.COUNTY_DEPARTMENT),
        ("山西省忻州市原平市人民政府", BodyLevel.COUNTY),
        ("代县住房和城乡建设局", BodyLevel.COUNTY_DEPARTMENT),
        ("广州市海珠区官洲街道办事处", BodyLevel.TOWNSHIP),
        ("国家税务总局", BodyLevel.STATE_COUNCIL_DEPARTMENT),
    ],
)
def test_levels_from_names(name: str, level: BodyLevel) -> None:
    assert infer_level(name) is level


def test_names_from_titles_and_text() -> None:
    assert name_from_title("2019年上海市人民政府办公厅政府信息公开工作年度报告") == "上海市人民政府办公厅"
    assert full_name("西湖区") == "西湖区人民政府"
    assert infer_level("某单位") is None
    # a name quoted in 《》 is another document's, not the body's
    assert name_from_text(["根据《湖北省人民政府办公厅关于做好年报工作的通知》，我局编制本报告。"]) is None
    assert level_from_text(["2019年，我乡明确专人负责。"]) is BodyLevel.TOWNSHIP


def test_assessment_weights_in_their_wordings() -> None:
    weight = assessment_weight(["政务公开工作纳入年度目标责任考核，总分占6分，权重均已达4%。"])
    assert weight is not None
    assert (weight.percent, weight.at_least, weight.points) == (Decimal(4), False, Decimal(6))
    points_only = assessment_weight(["政务公开纳入绩效考核，分值为3分。"])
    assert points_only is not None
    assert (points_only.percent, points_only.points, points_only.base) == (None, Decimal(3), None)
    assert assessment_weight(["我县高度重视考核工作。"]) is None


def test_fees_charged() -> None:
    none = fees_charged(["本机关未收取信息处理费。"])
    assert none is not None
    assert (none.count, none.amount) == (0, None)
    assert fees_charged(["无。"]) is None


def test_dates_and_contacts() -> None:
    assert str(parse_date("发布时间：2023-01-31 13:24")) == "2023-01-31"
    assert contact(["如有疑问，请与县政务公开办联系（电话：0350-1234567）。"]) == "县政务公开办（电话：0350-1234567）"


def test_tokens_of_the_three_text_shapes() -> None:
    tabbed = text_tokens("规章\n\t0\n\t \n\n规范性文件", origin="a.txt")
    assert [(t.text, t.cell, t.is_break) for t in tabbed] == [
        ("规章", False, False),
        ("0", True, False),
        ("", True, False),
        ("", False, True),
        ("规范性文件", False, False),
    ]
    spaced = text_tokens("规章\n\n0\n\n", origin="a.txt")
    assert [t.text for t in spaced] == ["规章", "0"]
    piped = text_tokens("a | b |\nsource: x | y.", origin="a.txt")
    assert [t.text for t in piped] == ["a", "b", "", "source: x | y."]


def test_gb18030_text_is_decoded() -> None:
    assert decode("政府信息公开".encode("gb18030"), origin="a.txt") == "政府信息公开"


def printed_table(*rows: tuple[str, ...]) -> list[Token]:
    """A table as a reader that sees its grid emits it: cells, row breaks, the end of the grid."""
    at = Provenance("t.pdf", page=1)
    tokens = [token for row in rows for token in [*(Token(text, at, cell=True) for text in row), row_break(at)]]
    return [*tokens, table_end(at)]


def test_text_after_a_grid_is_running_text_and_page_numbers_are_dropped() -> None:
    at = Provenance("t.pdf", page=1)
    tokens = [
        Token("二、主动公开政府信息情况", at),
        *printed_table(("第二十条第（五）项",), ("信息内容", "本年处理决定数量"), ("行政许可", "3")),
        Token("— 1 —", at),
        Token("（一）说明", at),
        Token("12", at),
        Token("第 2 页", at),
    ]
    walked = walk(tokens, builtin_layout("gov-2021"), origin="t.pdf")
    assert [p.text for p in walked.paragraphs] == ["（一）说明", "12"]
    assert walked.mapper.cells[CellAddress.parse("proactive.licensing.decisions")] == Count(3)
    assert [d.message for d in walked.diagnostics] == ["page number '— 1 —' dropped", "page number '第 2 页' dropped"]
    assert not [d for d in walked.mapper.diagnostics if "no label" in d.message or "outside" in d.message]


def test_a_table_continued_after_a_page_number_continues() -> None:
    at = Provenance("t.pdf", page=1)
    tokens = [
        *printed_table(("第二十条第（六）项",), ("信息内容", "本年处理决定数量"), ("行政处罚", "5")),
        Token("- 1 -", at),
        *printed_table(("行政强制", "7")),
    ]
    walked = walk(tokens, builtin_layout("gov-2021"), origin="t.pdf")
    cells = walked.mapper.cells
    assert (
        cells[CellAddress.parse("proactive.penalties.decisions")],
        cells[CellAddress.parse("proactive.coercion.decisions")],
    ) == (Count(5), Count(7))
    assert not [d for d in walked.mapper.diagnostics if "second time" in d.message]
