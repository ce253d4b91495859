"""The strategies plugin authors rely on must produce what they promise."""

from __future__ import annotations

from hypothesis import given

from disclosure_core import Report, builtin_layout
from disclosure_core.testing import strategies


@given(strategies.reports(consistent=True))
def test_consistent_reports_satisfy_the_table_2_and_3_arithmetic(report: Report) -> None:
    layout = builtin_layout(report.format)
    requests = layout.table("requests")
    columns = [c.id for c in requests.columns]
    results = [r.id for r in requests.rows][2:-2]

    def n(address: str) -> int:
        value = report.number(address)
        assert isinstance(value, int)
        assert value >= 0
        return value

    for c in columns:
        assert n(f"requests.new.{c}") + n(f"requests.carried_over.{c}") == n(f"requests.total.{c}") + n(
            f"requests.carried_forward.{c}"
        )
        assert n(f"requests.total.{c}") == sum(n(f"requests.{r}.{c}") for r in results)
    for row in requests.rows:
        assert n(f"requests.{row.id}.total") == sum(n(f"requests.{row.id}.{c}") for c in columns[:-1])
    for appeal in ("review", "litigation_direct", "litigation_after_review"):
        parts = ("upheld", "corrected", "other", "pending")
        assert n(f"appeals.{appeal}.total") == sum(n(f"appeals.{appeal}.{p}") for p in parts)
    assert layout.applies_to(report.year)
