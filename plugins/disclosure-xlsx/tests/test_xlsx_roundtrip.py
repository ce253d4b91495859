"""Render then read back gives the same report: property over generated reports, and the Dai County example."""

from __future__ import annotations

from disclosure_xlsx import XlsxRenderer, XlsxSource
from hypothesis import given, settings

from disclosure_core import Registry, RenderOptions, Report, builtin_layout, official_layouts
from disclosure_core.testing import strategies

_RENDERER, _SOURCE = XlsxRenderer(), XlsxSource()


def _round_trip(report: Report) -> tuple[Report, bytes]:
    data = _RENDERER.render(report, RenderOptions(builtin_layout(report.format)))
    return _SOURCE.load(data, origin="generated.xlsx", layouts=official_layouts()).report, data


@settings(max_examples=40, deadline=None)
@given(strategies.reports())
def test_any_report_survives_render_and_read(report: Report) -> None:
    back, _ = _round_trip(report)
    assert back == report


@settings(max_examples=15, deadline=None)
@given(strategies.reports(consistent=True))
def test_every_value_read_back_names_its_sheet_and_cell(report: Report) -> None:
    back, _ = _round_trip(report)
    for address, value in back.tables:
        assert value.provenance is not None
        assert value.provenance.source == "generated.xlsx"
        sheet = {"proactive": "表1", "requests": "表2", "appeals": "表3"}[address.table]
        assert value.provenance.cell is not None
        assert value.provenance.cell.startswith(f"{sheet}!")


def test_the_dai_county_report_survives_without_diagnostics(xlsx_registry: Registry, daixian_report: Report) -> None:
    data = xlsx_registry.render(daixian_report, "xlsx")
    loaded = xlsx_registry.load_bytes(data, origin="daixian.xlsx")
    assert loaded.report == daixian_report
    assert loaded.diagnostics == ()
    natural = loaded.report.cell("requests.new.natural_person")
    assert natural.number == 7
    assert natural.provenance is not None
    assert natural.provenance.cell == "表2!D7"


def test_the_same_report_gives_the_same_bytes(daixian_report: Report) -> None:
    first = _RENDERER.render(daixian_report, RenderOptions(builtin_layout("gov-2019")))
    second = _RENDERER.render(daixian_report, RenderOptions(builtin_layout("gov-2019")))
    assert first == second
    assert first != _RENDERER.render(
        daixian_report.with_cells({"appeals.review.total": 2}), RenderOptions(builtin_layout("gov-2019"))
    )
