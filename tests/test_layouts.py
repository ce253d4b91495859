"""The official layouts as data: counts, verbatim labels, header grids, spans, validation, variants."""

from __future__ import annotations

import pytest

from disclosure_core import SECTION_IDS, DataFile, Layout, LayoutError, Registry, builtin_layout, hookimpl, parse_layout
from disclosure_core.layouts import CellAddress, CellKind, DataCell, LabelCell

GOV_2019 = builtin_layout("gov-2019")
GOV_2021 = builtin_layout("gov-2021")


@pytest.mark.parametrize(
    ("layout_id", "proactive", "requests", "appeals"), [("gov-2019", 22, 161, 15), ("gov-2021", 10, 175, 15)]
)
def test_cell_counts_match_the_official_tables(layout_id: str, proactive: int, requests: int, appeals: int) -> None:
    layout = builtin_layout(layout_id)
    counts = [len(layout.table(t).addresses()) for t in ("proactive", "requests", "appeals")]
    assert counts == [proactive, requests, appeals]


def test_table_1_blocks_carry_their_article_20_headings() -> None:
    assert [b.heading.zh for b in GOV_2019.table("proactive").blocks if b.heading] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "第二十条第（九）项",
    ]
    assert [b.heading.zh for b in GOV_2021.table("proactive").blocks if b.heading] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]


def test_table_1_blocks_open_with_the_content_column() -> None:
    for block in GOV_2021.table("proactive").blocks:
        assert block.header[0][0].label.zh == "信息内容"
        assert [c.label.zh for c in block.header[0][1:]] == [c.label.zh for c in block.columns]


def test_versions_are_told_apart_by_their_labels() -> None:
    assert [c.label.zh for c in GOV_2021.table("proactive").columns][:3] == [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert GOV_2021.table("proactive").column("amount").label.zh == "本年收费金额（单位：万元）"
    assert GOV_2021.table("proactive").column("amount").unit == "万元"
    assert GOV_2019.table("proactive").row("procurement").label.zh == "政府集中采购"
    assert GOV_2019.table("proactive").column("change").kind is CellKind.SIGNED_COUNT
    assert GOV_2019.table("proactive").column("amount").unit is None


def test_requests_header_spans_match_the_national_template() -> None:
    header = GOV_2021.table("requests").blocks[0].header
    corner, applicants = header[0]
    assert corner.label.zh == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert (corner.colspan, corner.rowspan) == (3, 3)
    assert (applicants.label.zh, applicants.colspan) == ("申请人情况", 7)
    assert [(c.label.zh, c.colspan, c.rowspan) for c in header[1]] == [
        ("自然人", 1, 2),
        ("法人或其他组织", 5, 1),
        ("总计", 1, 2),
    ]
    assert [c.label.zh for c in header[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


@pytest.mark.parametrize(("layout_id", "result_rows"), [("gov-2019", 20), ("gov-2021", 22)])
def test_results_group_spans_every_result_row(layout_id: str, result_rows: int) -> None:
    body = builtin_layout(layout_id).table("requests").blocks[0].body()
    group = body[2][0]
    assert isinstance(group, LabelCell)
    assert (group.label.zh, group.rowspan) == ("三、本年度办理结果", result_rows)


def test_subgroups_span_their_rows_and_row_labels_fill_the_label_area() -> None:
    body = GOV_2021.table("requests").blocks[0].body()
    spans = {c.label.zh: (c.rowspan, c.colspan) for row in body for c in row if isinstance(c, LabelCell)}
    assert spans["（三）不予公开"] == (8, 1)
    assert spans["（四）无法提供"] == (3, 1)
    assert spans["（五）不予处理"] == (5, 1)
    assert spans["（六）其他处理"] == (3, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3)
    assert spans["（七）总计"] == (1, 2)
    assert spans["1.属于国家秘密"] == (1, 1)
    assert all(sum(isinstance(c, DataCell) for c in row) == 7 for row in body)


def test_appeals_print_fifteen_cells_in_one_row_under_a_two_level_header() -> None:
    block = GOV_2019.table("appeals").blocks[0]
    assert block.label_width == 0
    (row,) = block.body()
    assert [str(c.address) for c in row if isinstance(c, DataCell)][:6] == [
        "appeals.review.upheld",
        "appeals.review.corrected",
        "appeals.review.other",
        "appeals.review.pending",
        "appeals.review.total",
        "appeals.litigation_direct.upheld",
    ]
    assert [(c.label.zh, c.colspan) for c in block.header[0]] == [("行政复议", 5), ("行政诉讼", 10)]
    assert [c.label.zh for c in block.header[1]][5:] == ["未经复议直接起诉", "复议后起诉"]


def test_canonical_ids_follow_format_md() -> None:
    rows = [r.id for r in GOV_2021.table("requests").rows]
    assert rows[:3] == ["new", "carried_over", "granted"]
    assert rows[-5:] == ["other_overdue_correction", "other_unpaid_fee", "other_misc", "total", "carried_forward"]
    assert "other" in [r.id for r in GOV_2019.table("requests").rows]
    assert GOV_2019.has_cell(CellAddress.parse("proactive.procurement.amount"))
    assert not GOV_2021.has_cell(CellAddress.parse("proactive.procurement.amount"))


def test_years_select_the_format() -> None:
    registry = Registry(entry_points=False)
    assert [registry.layout_for_year(y).id for y in (2019, 2020, 2021, 2025)] == [
        "gov-2019",
        "gov-2019",
        "gov-2021",
        "gov-2021",
    ]


MINIMAL = """
id = "t"
title_zh = "测"
title_en = "t"
basis = "b"
first_year = 2020
[[tables]]
id = "x"
number = 1
section = "s"
zh = "表"
en = "table"
columns = [{ id = "a", zh = "甲", en = "A", kind = "count" }, { id = "b", zh = "乙", en = "B", kind = "count" }]
rows = [{ id = "r", zh = "行", en = "row" }]
[[tables.blocks]]
"""


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('header = [[{ zh = "角", en = "c" }, { column = "a", colspan = 2 }]]', "span one column"),
        ('header = [[{ zh = "角", en = "c" }, { column = "b" }, { column = "a" }]]', "do not match the data columns"),
        ('header = [[{ zh = "角", en = "c" }, { column = "a" }]]', "do not fill"),
        ('header = [[{ zh = "角", en = "c", colspan = 4 }]]', "spans past the table"),
        ('header = [[{ zh = "角", en = "c" }, { column = "zz" }, { column = "b" }]]', "unknown id(s): zz"),
        ('columns = ["a", "q"]', "unknown id(s): q"),
        ('colour = "red"', "unknown key"),
    ],
)
def test_inconsistent_layouts_are_refused_with_the_place(extra: str, problem: str) -> None:
    with pytest.raises(LayoutError, match=r"^t\.toml: \$\.tables\[0\]\.blocks\[0\]") as error:
        parse_layout(MINIMAL + extra, origin="t.toml")
    assert problem in str(error.value)


def test_duplicate_row_ids_are_refused() -> None:
    text = MINIMAL.replace(
        'rows = [{ id = "r", zh = "行", en = "row" }]',
        'rows = [{ id = "r", zh = "行", en = "row" }, { id = "r", zh = "行", en = "row" }]',
    )
    with pytest.raises(LayoutError, match=r"duplicate id 'r'"):
        parse_layout(text, origin="t.toml")


HUBEI = """
id = "gov-2019-hubei"
extends = "gov-2019"
title_zh = "湖北省政府信息公开工作年度报告格式"
[[add_rows]]
table = "proactive"
after = "normative_documents"
id = "other_documents"
zh = "其他主动公开文件"
en = "Other proactively published documents"
"""


class HubeiPlugin:
    @hookimpl
    def disclosure_layouts(self) -> list[DataFile]:
        return [DataFile("hubei.toml", HUBEI)]


def test_disclosure_layouts_registers_a_provincial_variant_as_data() -> None:
    registry = Registry(entry_points=False, plugins=[HubeiPlugin()])
    hubei = registry.layout("gov-2019-hubei")
    block = hubei.table("proactive").blocks[0]
    assert [r.label.zh for r in block.rows] == ["规章", "规范性文件", "其他主动公开文件"]
    assert hubei.has_cell(CellAddress.parse("proactive.other_documents.total_published"))
    assert hubei.extends == "gov-2019"
    assert len(hubei.addresses()) == len(GOV_2019.addresses()) + 3
    assert "gov-2019" in registry.layouts()


def test_a_variant_of_an_unknown_layout_is_a_plugin_problem_not_a_crash() -> None:
    class Broken:
        @hookimpl
        def disclosure_layouts(self) -> list[DataFile]:
            return [DataFile("x.toml", HUBEI.replace('"gov-2019"', '"gov-1999"'))]

    with pytest.warns(UserWarning, match="unknown layout 'gov-1999'"):
        registry = Registry(entry_points=False, plugins=[Broken()])
        assert sorted(registry.layouts()) == ["gov-2019", "gov-2021"]


@pytest.mark.parametrize("layout", [GOV_2019, GOV_2021], ids=lambda layout: layout.id)
def test_official_section_headings_are_layout_data(layout: Layout) -> None:
    assert [s.id for s in layout.sections] == list(SECTION_IDS)
    assert [s.heading.zh for s in layout.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert {t.section for t in layout.tables} <= {s.id for s in layout.sections}


def test_a_table_in_an_unlisted_section_is_refused() -> None:
    text = MINIMAL.replace('basis = "b"', 'basis = "b"\nsections = [{ id = "t", zh = "一、总", en = "1" }]')
    with pytest.raises(LayoutError, match=r"^t\.toml: \$\.tables\[0\]\.section: unknown section 's'$"):
        parse_layout(text, origin="t.toml")


def test_a_variant_keeps_the_section_headings_of_its_base() -> None:
    hubei = Registry(entry_points=False, plugins=[HubeiPlugin()]).layout("gov-2019-hubei")
    assert hubei.section("problems") == GOV_2019.section("problems")
