"""The example plugin, tested the way a plugin author would: through the registry and the entry point."""

from __future__ import annotations

from pathlib import Path

import disclosure_example_hubei
from hypothesis import given

from disclosure_core import Body, Registry, Report, check, load, new_report
from disclosure_core.findings import Outcome
from disclosure_core.testing import strategies

EXAMPLE = Path(__file__).resolve().parents[2] / "daixian-2020.json"
PLUGIN = Registry(entry_points=False, plugins=[disclosure_example_hubei])


def test_the_entry_point_registers_all_three_hooks() -> None:
    registry = Registry()
    info = {p.name: p for p in registry.plugins()}["example-hubei"]
    assert info.hooks == ("disclosure_layouts", "disclosure_renderers", "disclosure_rule_sets")
    assert info.version == "0.1.0"
    assert "markdown" in registry.renderers()
    assert "gov-2019-hubei" in registry.layouts()


def test_the_variant_adds_its_row_to_table_1() -> None:
    block = PLUGIN.layout("gov-2019-hubei").table("proactive").blocks[0]
    assert [row.label.zh for row in block.rows] == ["规章", "规范性文件", "其他主动公开文件"]


def test_the_provincial_rule_fails_and_passes_on_the_variant_only() -> None:
    wuhan = Body("武汉市生态环境局", "city_department")
    cells = {"proactive.other_documents.published": 186, "proactive.other_documents.total_published": 86}
    failing = new_report("gov-2019-hubei", 2020, wuhan, cells=cells, registry=PLUGIN)
    outcomes = {f.rule: f for f in check(failing, registry=PLUGIN).all if f.rule.startswith("hubei.")}
    assert outcomes["hubei.other_documents_within_total"].outcome is Outcome.FAIL
    assert outcomes["hubei.other_documents_within_total"].difference == 100
    passing = failing.with_cells({"proactive.other_documents.total_published": 255})
    assert {f.outcome for f in check(passing, registry=PLUGIN).all if f.rule.startswith("hubei.")} == {Outcome.PASS}
    official = check(load(EXAMPLE).report, registry=PLUGIN).all
    assert not [f for f in official if f.rule.startswith("hubei.")]


def test_the_dai_county_report_renders_with_full_label_paths() -> None:
    text = PLUGIN.render(load(EXAMPLE).report, "markdown").decode()
    assert "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 |  |  |  |  |  |  |  |" in text
    assert "| 三、本年度办理结果 / （七）总计 | 7 |  |  |  |  |  |  |" in text
    assert "| 行政许可 | 2149 | 8066 | 10125 |" in text
    assert "| 政府集中采购 | 189 | 43101万元 |" in text
    assert "行政诉讼 / 未经复议直接起诉 / 结果维持" in text
    assert "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 1 |" in text


@given(strategies.reports())
def test_every_report_renders_and_shows_every_number(report: Report) -> None:
    text = PLUGIN.render(report, "markdown").decode()
    assert text == PLUGIN.render(report, "markdown").decode()
    for _, value in report.tables:
        if value.number is not None:
            assert str(value.number) in text
