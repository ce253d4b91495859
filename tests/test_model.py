"""The report model: exact values, explicit absence, easy building and copying."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_core import (
    BLANK,
    AbsenceKind,
    Absent,
    Body,
    BodyLevel,
    Count,
    Money,
    Provenance,
    Report,
    UsageError,
    new_report,
    placeholder,
)


def test_unspecified_cells_are_blank_not_zero() -> None:
    report = Report("gov-2019", 2020, Body("代县人民政府", BodyLevel.COUNTY))
    assert report.cell("requests.new.total") == BLANK
    assert report.number("requests.new.total") is None
    assert report.with_cells({"requests.new.total": 0}).number("requests.new.total") == 0


def test_blank_placeholder_and_not_applicable_stay_distinct_from_each_other_and_from_zero() -> None:
    values = [BLANK, placeholder("-"), Absent(AbsenceKind.NOT_APPLICABLE), Count(0)]
    assert len(set(values)) == 4
    assert placeholder("/").text == "/"


def test_money_is_exact_and_keeps_its_unit() -> None:
    amount = Money(Decimal("43101"), "万元")
    assert amount.number == Decimal("43101")
    assert amount != Money(Decimal("43101"), "元")
    assert Money(Decimal("251000"), "元").in_wan_yuan() == Decimal("25.1")
    assert Money(Decimal("7"), None).in_wan_yuan() is None


def test_counts_refuse_floats() -> None:
    with pytest.raises(TypeError):
        Count(1.5)  # type: ignore[arg-type]


def test_provenance_travels_with_a_value_but_not_into_equality() -> None:
    here = Provenance("daixian-2020.txt", line=168, cell="R1C1")
    report = Report("gov-2019", 2020, Body("代县", "county")).with_cells(
        {"requests.new.natural_person": Count(7, provenance=here)}
    )
    assert report.cell("requests.new.natural_person").provenance == here
    assert report == Report("gov-2019", 2020, Body("代县", "county")).with_cells({"requests.new.natural_person": 7})
    assert str(here) == "daixian-2020.txt, line 168, cell R1C1"


def test_changing_a_copy_leaves_the_original_alone() -> None:
    original = new_report("gov-2021", 2025, Body("某县", "county"), cells={"appeals.review.total": 1})
    changed = original.with_cells({"appeals.review.total": 2}).evolve(year=2026)
    assert (original.number("appeals.review.total"), original.year) == (1, 2025)
    assert (changed.number("appeals.review.total"), changed.year) == (2, 2026)
    assert changed.with_cells({"appeals.review.total": None}).cell("appeals.review.total") == BLANK


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ({"requests.new.bogus": 1}, "requests.new.bogus: no such cell in gov-2021"),
        ({"requests.new.total": -1}, "expected a non-negative integer, got -1"),
        ({"proactive.fees.amount": 3}, "expected an amount of money"),
        ({"appeals.review.total": Money(Decimal(1))}, "expected an integer"),
    ],
)
def test_building_from_python_checks_cells_against_the_layout(cells: dict[str, object], problem: str) -> None:
    with pytest.raises(UsageError, match=problem):
        new_report("gov-2021", 2025, Body("某县", "county"), cells=cells)  # type: ignore[arg-type]


def test_signed_counts_may_be_negative_where_the_layout_allows() -> None:
    report = new_report("gov-2019", 2020, Body("某县", "county"), cells={"proactive.licensing.change": -8})
    assert report.number("proactive.licensing.change") == -8


def test_body_levels_know_governments_from_departments() -> None:
    assert BodyLevel.TOWNSHIP.is_government
    assert not BodyLevel.STATE_COUNCIL_DEPARTMENT.is_government
