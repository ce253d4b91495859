"""Region-wide aggregation: exact sums, honest absences, manifests, and order independence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import AbsenceKind, Absent, Body, Money, Report, UsageError, placeholder
from disclosure_core.aggregate import aggregate
from disclosure_core.testing import strategies
from disclosure_core.testing.oracle import table_arithmetic_errors

COUNTY = Body("某县人民政府", "county")


def unit(name: str, cells: dict[str, object], year: int = 2025, format: str = "gov-2021") -> Report:
    return Report(format, year, Body(name, "township")).with_cells(cells)  # type: ignore[arg-type]


def test_counts_add_up_cell_by_cell() -> None:
    result = aggregate(
        [unit("甲镇", {"requests.new.natural_person": 3}), unit("乙镇", {"requests.new.natural_person": 4})],
        body=COUNTY,
    )
    assert result.report.number("requests.new.natural_person") == 7
    assert result.report.body == COUNTY
    assert result.units == tuple(sorted(["甲镇", "乙镇"]))


def test_a_blank_in_any_unit_makes_the_sum_absent_and_says_where() -> None:
    result = aggregate(
        [unit("甲镇", {"requests.new.natural_person": 3}), unit("乙镇", {})],
        body=COUNTY,
    )
    assert result.report.number("requests.new.natural_person") is None
    assert result.absent["requests.new.natural_person"] == ("乙镇",)


def test_blank_as_zero_sums_what_is_there_and_still_names_the_blank_units() -> None:
    result = aggregate(
        [
            unit("甲镇", {"requests.new.natural_person": 3}),
            unit("乙镇", {"requests.new.natural_person": placeholder("-")}),
        ],
        body=COUNTY,
        blank_as_zero=True,
    )
    assert result.report.number("requests.new.natural_person") == 3
    assert result.absent["requests.new.natural_person"] == ("乙镇",)
    assert result.blank_as_zero


def test_agreeing_placeholders_survive_and_disagreeing_ones_become_blank() -> None:
    same = aggregate(
        [
            unit("甲", {"appeals.review.total": placeholder("-")}),
            unit("乙", {"appeals.review.total": placeholder("-")}),
        ],
        body=COUNTY,
    )
    assert same.report.cell("appeals.review.total") == placeholder("-")
    mixed = aggregate(
        [
            unit("甲", {"appeals.review.total": placeholder("-")}),
            unit("乙", {"appeals.review.total": placeholder("/")}),
        ],
        body=COUNTY,
    )
    assert mixed.report.cell("appeals.review.total") == Absent(AbsenceKind.BLANK)


def test_money_sums_exactly_across_yuan_and_wan_yuan() -> None:
    result = aggregate(
        [
            unit("甲", {"proactive.procurement.amount": Money(Decimal("251000"), "元")}, 2020, "gov-2019"),
            unit("乙", {"proactive.procurement.amount": Money(Decimal("1.5"), "万元")}, 2020, "gov-2019"),
        ],
        body=COUNTY,
    )
    assert result.report.cell("proactive.procurement.amount") == Money(Decimal("26.6"), "万元")


def test_money_without_a_unit_beside_money_with_one_is_not_guessed() -> None:
    result = aggregate(
        [
            unit("甲", {"proactive.procurement.amount": Money(Decimal("10"), None)}, 2020, "gov-2019"),
            unit("乙", {"proactive.procurement.amount": Money(Decimal("10"), "元")}, 2020, "gov-2019"),
        ],
        body=COUNTY,
    )
    assert result.report.number("proactive.procurement.amount") is None
    assert result.unit_mismatches == ("proactive.procurement.amount",)


def test_mixed_versions_or_years_are_refused_naming_the_inputs() -> None:
    with pytest.raises(UsageError, match=r"different formats \(gov-2019: 乙镇; gov-2021: 甲镇\)"):
        aggregate([unit("甲镇", {}), unit("乙镇", {}, 2025, "gov-2019")], body=COUNTY)
    with pytest.raises(UsageError, match=r"different years \(2024: 乙镇; 2025: 甲镇\)"):
        aggregate([unit("甲镇", {}), unit("乙镇", {}, 2024)], body=COUNTY)
    with pytest.raises(UsageError, match="more than once: 甲镇"):
        aggregate([unit("甲镇", {}), unit("甲镇", {})], body=COUNTY)
    with pytest.raises(UsageError, match="no reports"):
        aggregate([], body=COUNTY)


def test_the_manifest_reports_missing_and_unexpected_units() -> None:
    result = aggregate([unit("甲镇", {}), unit("丙镇", {})], body=COUNTY, manifest=["甲镇", "乙镇"])
    assert result.missing == ("乙镇",)
    assert result.unexpected == ("丙镇",)


@given(st.lists(strategies.reports(["gov-2021"], consistent=True), min_size=1, max_size=4))
def test_aggregating_consistent_reports_yields_a_consistent_report(units: list[Report]) -> None:
    units = [u.evolve(year=2025, body=Body(f"单位{i}", "township")) for i, u in enumerate(units)]
    assert table_arithmetic_errors(aggregate(units, body=COUNTY).report) == []


@given(st.lists(strategies.reports(["gov-2019"]), min_size=3, max_size=5), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_order_or_grouping(units: list[Report], rng: object) -> None:
    units = [u.evolve(year=2020, body=Body(f"单位{i}", "township")) for i, u in enumerate(units)]
    whole = aggregate(units, body=COUNTY).report
    shuffled = list(units)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert aggregate(shuffled, body=COUNTY).report == whole
    left = aggregate(units[:2], body=Body("片区", "township")).report
    assert aggregate([left, *units[2:]], body=COUNTY).report.tables == whole.tables


@given(strategies.reports())
def test_aggregating_one_report_yields_its_tables_unchanged(report: Report) -> None:
    assert aggregate([report], body=COUNTY).report.tables == report.tables
