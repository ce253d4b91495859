"""The strategies and the oracle plugin authors rely on must do what they promise."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given

from disclosure_core import Body, Outcome, Registry, Report, builtin_layout, check
from disclosure_core.testing import InMemorySource, daixian_report, strategies
from disclosure_core.testing.oracle import table_arithmetic_errors

pytest_plugins = ["disclosure_core.testing.fixtures"]


@given(strategies.reports(consistent=True))
def test_consistent_reports_satisfy_the_table_2_and_3_arithmetic(report: Report) -> None:
    assert table_arithmetic_errors(report) == []
    layout = builtin_layout(report.format)
    assert layout.applies_to(report.year)
    for address in layout.table("requests").addresses():
        value = report.number(address)
        assert isinstance(value, int)
        assert value >= 0


def test_the_oracle_sees_each_kind_of_break() -> None:
    base = Report("gov-2021", 2025, Body("x", "county"))
    assert table_arithmetic_errors(base) == []
    assert table_arithmetic_errors(base.with_cells({"requests.new.commercial": 1})) == [
        "requests.*.commercial: balance 1 != 0",
        "requests.new.total: 0 != 1",
    ]
    assert table_arithmetic_errors(base.with_cells({"requests.granted.total": 2})) == [
        "requests.total.total: 0 != 2",
        "requests.granted.total: 2 != 0",
    ]


def test_the_packaged_dai_county_report_is_the_example_byte_for_byte() -> None:
    packaged = resources.files("disclosure_core.testing").joinpath("daixian-2020.json").read_bytes()
    assert packaged == (Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json").read_bytes()
    assert daixian_report().number("proactive.licensing.decisions") == 10125


@given(strategies.defective_reports())
def test_an_injected_defect_changes_one_cell_and_the_engine_flags_it(defect: strategies.Defect) -> None:
    before = _before(defect)
    addresses = builtin_layout(defect.report.format).addresses()
    changed = [a for a in addresses if defect.report.cell(a) != before.cell(a)]
    assert changed == [defect.cell]
    assert defect.report.cell(defect.cell) == defect.after != defect.before
    assert table_arithmetic_errors(before) == []
    flagged = {f.outcome for f in check(defect.report).all if any(use.cell == defect.cell for use in f.cells)}
    if defect.kind == "blank":
        assert Outcome.NOT_VERIFIABLE in flagged
    else:
        assert table_arithmetic_errors(defect.report) != []
        assert Outcome.FAIL in flagged


@given(strategies.defective_reports(["gov-2021"], kinds=["transposition"], tables=["appeals"]))
def test_a_transposition_swaps_two_neighbouring_digits(defect: strategies.Defect) -> None:
    before, after = str(defect.before.number), str(defect.after.number)
    assert defect.cell.table == "appeals"
    assert sorted(before) == sorted(after)
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 2


def test_an_unknown_defect_kind_is_refused() -> None:
    @given(strategies.defective_reports(kinds=["sign"]))
    def draw(defect: strategies.Defect) -> None:
        raise AssertionError("never drawn")

    with pytest.raises(ValueError, match="unknown defect kind 'sign'"):
        draw()


def _before(defect: strategies.Defect) -> Report:
    return defect.report.with_cells({defect.cell: defect.before})


def test_the_fixtures_give_each_test_a_private_registry_with_the_memory_source(
    isolated_registry: Registry, memory_source: InMemorySource, daixian_report: Report
) -> None:
    memory_source.reports["dai.memory"] = daixian_report
    assert isolated_registry.load_bytes(b"", origin="dai.memory").report is daixian_report
    assert sorted(isolated_registry.renderers()) == ["json"]  # installed plugins are not loaded
    assert len([p for p in isolated_registry.plugins() if not p.builtin]) == 1  # the memory source's
