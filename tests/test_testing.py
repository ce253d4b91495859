"""The strategies and the oracle plugin authors rely on must do what they promise."""

from __future__ import annotations

from hypothesis import given

from disclosure_core import Body, Report, builtin_layout
from disclosure_core.testing import strategies
from disclosure_core.testing.oracle import table_arithmetic_errors


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
