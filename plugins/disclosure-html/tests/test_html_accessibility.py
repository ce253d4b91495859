"""Accessible table markup, checked mechanically: every value cell is reachable from all of its headers."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import html5lib
import pytest
from disclosure_html import HtmlRenderer

from disclosure_core import RenderOptions, Report, builtin_layout
from disclosure_core.layouts import CellAddress
from disclosure_core.testing import numbered_report

NS = "{http://www.w3.org/1999/xhtml}"


def page_of(report: Report) -> Element:
    page = HtmlRenderer().render(report, RenderOptions(builtin_layout(report.format)))
    root: Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    return root


def text(element: Element) -> str:
    return "".join(element.itertext())


@pytest.fixture(params=["gov-2019", "gov-2021"])
def full_report(request: pytest.FixtureRequest) -> Report:
    """A numbered report of each format version."""
    return numbered_report(request.param)


def test_every_table_has_caption_head_and_body_and_every_th_a_scope(full_report: Report) -> None:
    root = page_of(full_report)
    tables = list(root.iter(NS + "table"))
    blocks = sum(len(t.blocks) for t in builtin_layout(full_report.format).tables)
    assert len(tables) == blocks
    for table in tables:
        children = [child.tag.removeprefix(NS) for child in table]
        assert children == ["caption", "colgroup", "thead", "tbody"]
        assert text(table[0]).strip()
        for th in table.iter(NS + "th"):
            assert th.get("scope") in {"col", "colgroup", "row", "rowgroup"}
        assert not list(table[2].iter(NS + "td"))  # the head holds headers only


def test_every_value_cell_reaches_its_row_and_column_headers(full_report: Report) -> None:
    """Walk each td's ``headers`` ids: they must all be th cells of the same table, and together name the
    cell's column and row (and every row group it sits in) exactly as the layout labels them."""
    layout = builtin_layout(full_report.format)
    root = page_of(full_report)
    checked = 0
    for table in root.iter(NS + "table"):
        headers = {th.get("id"): th for th in table.iter(NS + "th")}
        for td in table.iter(NS + "td"):
            address = CellAddress.parse(td.get("id") or "")
            ids = (td.get("headers") or "").split()
            assert ids, address
            assert all(i in headers for i in ids), address
            names = [text(headers[i]) for i in ids]
            spec = layout.table(address.table)
            row = spec.row(address.row)
            expected = {spec.column(address.column).label.zh, row.label.zh}
            expected |= {g.label.zh for g in spec.groups if g.id in row.groups}
            assert expected <= set(names), (address, names)
            checked += 1
    assert checked == len(layout.addresses())


def test_ids_are_unique_on_the_page(full_report: Report) -> None:
    ids = [e.get("id") for e in page_of(full_report).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("layout_id", "span"), [("gov-2019", "20"), ("gov-2021", "22")])
def test_table_2_has_the_official_merged_cells(layout_id: str, span: str) -> None:
    root = page_of(numbered_report(layout_id))
    table = next(t for t in root.iter(NS + "table") if t.get("id") == "table-requests")
    head = [[(text(c), c.get("rowspan"), c.get("colspan")) for c in row] for row in table[2]]
    assert head[0] == [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "3", "3"),
        ("申请人情况", None, "7"),
    ]
    assert head[1] == [("自然人", "2", None), ("法人或其他组织", None, "5"), ("总计", "2", None)]
    assert [name for name, _, _ in head[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    results = next(th for th in table.iter(NS + "th") if text(th) == "三、本年度办理结果")
    assert (results.get("rowspan"), results.get("scope"), results.get("class")) == (span, "rowgroup", "group vertical")
    groups = {text(th): th.get("rowspan") for th in table.iter(NS + "th") if th.get("scope") == "rowgroup"}
    assert groups["（三）不予公开"] == "8"
    assert groups["（四）无法提供"] == "3"
    assert groups["（五）不予处理"] == "5"
    assert groups.get("（六）其他处理") == (None if layout_id == "gov-2019" else "3")
