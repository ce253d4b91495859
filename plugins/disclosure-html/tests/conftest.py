"""Fixtures for the HTML renderer's tests: the Dai County example, fully numbered reports, page parsing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_core import Body, CellKind, Report, Section, Sections, builtin_layout, load
from disclosure_core.values import CellValue, Count, Money, placeholder

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


def numbered(layout_id: str) -> Report:
    """A report whose every cell holds a distinct value (one a placeholder), so each is findable in output."""
    layout = builtin_layout(layout_id)
    cells: dict[str, CellValue] = {}
    for index, address in enumerate(layout.addresses(), start=1):
        column = layout.column_of(address)
        if column.kind is CellKind.MONEY:
            cells[str(address)] = Money(Decimal(f"{index}.25"), column.unit)
        else:
            cells[str(address)] = Count(1000 + index)
    cells["requests.carried_over.research"] = placeholder("——")
    year = 2020 if layout_id == "gov-2019" else 2023
    return Report(
        layout_id,
        year,
        Body("某县人民政府", "county"),
        sections=Sections(overview=Section("一、总体情况", ("总体情况正文。",)), other=Section(None, ("无。",))),
    ).with_cells(cells)


@pytest.fixture(scope="session")
def daixian() -> Report:
    """The Dai County 2020 report."""
    return load(EXAMPLE).report


@pytest.fixture(params=["gov-2019", "gov-2021"])
def full_report(request: pytest.FixtureRequest) -> Report:
    """A numbered report of each format version."""
    return numbered(request.param)


@pytest.fixture(scope="session")
def numbered_report() -> Callable[[str], Report]:
    """Build a numbered report of a given format version."""
    return numbered
