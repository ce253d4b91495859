"""The example plugin, tested the way a plugin author would: with disclosure_core.testing's fixtures and
strategies, through a private registry, and once through the installed entry point."""

from __future__ import annotations

import disclosure_example_hubei
import pytest
from hypothesis import given

from disclosure_core import Body, Outcome, Registry, Report, check, new_report
from disclosure_core.testing import InMemorySource, strategies

pytest_plugins = ["disclosure_core.testing.fixtures"]

# Hypothesis tests cannot take function-scoped fixtures; this registry holds only the built-ins and the plugin.
PLUGIN = Registry(entry_points=False, plugins=[disclosure_example_hubei])


@pytest.fixture
def registry(isolated_registry: Registry) -> Registry:
    """The built-ins, the fixtures' memory source and this plugin: nothing else that is installed."""
    isolated_registry.register(disclosure_example_hubei)
    return isolated_registry


def test_the_entry_point_registers_all_three_hooks() -> None:
    registry = Registry()
    info = {p.name: p for p in registry.plugins()}["example-hubei"]
    assert info.hooks == ("disclosure_layouts", "disclosure_renderers", "disclosure_rule_sets")
    assert info.version == "0.1.0"
    assert "markdown" in registry.renderers()
    assert "gov-2019-hubei" in registry.layouts()


def test_the_variant_adds_its_row_to_table_1(registry: Registry) -> None:
    block = registry.layout("gov-2019-hubei").table("proactive").blocks[0]
    assert [row.label.zh for row in block.rows] == ["规章", "规范性文件", "其他主动公开文件"]


def test_the_provincial_rule_fails_and_passes_on_the_variant_only(registry: Registry, daixian_report: Report) -> None:
    wuhan = Body("武汉市生态环境局", "city_department")
    cells = {"proactive.other_documents.published": 186, "proactive.other_documents.total_published": 86}
    failing = new_report("gov-2019-hubei", 2020, wuhan, cells=cells, registry=registry)
    outcomes = {f.rule: f for f in check(failing, registry=registry).all if f.rule.startswith("hubei.")}
    assert outcomes["hubei.other_documents_within_total"].outcome is Outcome.FAIL
    assert outcomes["hubei.other_documents_within_total"].difference == 100
    passing = failing.with_cells({"proactive.other_documents.total_published": 255})
    assert {f.outcome for f in check(passing, registry=registry).all if f.rule.startswith("hubei.")} == {Outcome.PASS}
    official = check(daixian_report, registry=registry).all
    assert not [f for f in official if f.rule.startswith("hubei.")]


def test_a_report_in_the_variant_loads_through_a_source_and_renders(
    registry: Registry, memory_source: InMemorySource
) -> None:
    wuhan = Body("武汉市生态环境局", "city_department")
    memory_source.reports["wuhan-2020.memory"] = new_report(
        "gov-2019-hubei", 2020, wuhan, cells={"proactive.other_documents.made": 12}, registry=registry
    )
    report = registry.load_bytes(b"", origin="wuhan-2020.memory").report
    assert "| 其他主动公开文件 | 12 |  |  |" in registry.render(report, "markdown").decode()


def test_the_dai_county_report_renders_with_full_label_paths(registry: Registry, daixian_report: Report) -> None:
    text = registry.render(daixian_report, "markdown").decode()
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


@given(strategies.defective_reports(["gov-2019"], kinds=["off_by", "transposition"]))
def test_the_plugin_keeps_the_official_rules_working(defect: strategies.Defect) -> None:
    # Adding a provincial rule set must not switch off or break the shipped arithmetic rules.
    failing = [f for f in check(defect.report, registry=PLUGIN) if f.outcome is Outcome.FAIL]
    assert any(defect.cell in {use.cell for use in f.cells} for f in failing)
    assert not [f for f in check(defect.report, registry=PLUGIN).all if f.outcome is Outcome.RULE_ERROR]


def test_report_text_never_becomes_markup() -> None:
    attack = "<script>alert(1)</script>"
    report = Report("gov-2021", 2025, Body(attack, "county"))
    text = PLUGIN.render(report, "markdown").decode()
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
