"""Fixtures for the HTML renderer's tests: the Dai County example, fully numbered reports, page parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import Report, load
from disclosure_core.testing import numbered_report

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


@pytest.fixture(scope="session")
def daixian() -> Report:
    """The Dai County 2020 report."""
    return load(EXAMPLE).report


@pytest.fixture(params=["gov-2019", "gov-2021"])
def full_report(request: pytest.FixtureRequest) -> Report:
    """A numbered report of each format version."""
    return numbered_report(request.param)
