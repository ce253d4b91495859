"""The example plugin, tested the way a plugin author would: through the registry and entry point."""

from __future__ import annotations

from pathlib import Path

import disclosure_markdown
from hypothesis import given

from disclosure_core import Registry, Report, load
from disclosure_core.testing import strategies

EXAMPLE = Path(__file__).resolve().parents[2] / "daixian-2020.json"


def test_the_entry_point_registers_the_renderer() -> None:
    assert "markdown" in Registry().renderers()


def test_the_dai_county_report_renders_with_full_label_paths() -> None:
    registry = Registry(entry_points=False, plugins=[disclosure_markdown])
    text = registry.render(load(EXAMPLE).report, "markdown").decode()
    assert "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 |  |  |  |  |  |  |  |" in text
    assert "| 三、本年度办理结果 / （七）总计 | 7 |  |  |  |  |  |  |" in text
    assert "| 行政许可 | 2149 | 8066 | 10125 |" in text
    assert "| 政府集中采购 | 189 | 43101万元 |" in text
    assert "行政诉讼 / 未经复议直接起诉 / 结果维持" in text
    assert "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 1 |" in text


@given(strategies.reports())
def test_every_report_renders_and_shows_every_number(report: Report) -> None:
    registry = Registry(entry_points=False, plugins=[disclosure_markdown])
    text = registry.render(report, "markdown").decode()
    assert text == registry.render(report, "markdown").decode()
    for _, value in report.tables:
        if value.number is not None:
            assert str(value.number) in text
