"""Fixtures for the DOCX plugin's tests: the Dai County example and fully numbered reports of both versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import Report, load

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


@pytest.fixture(scope="session")
def daixian() -> Report:
    """The Dai County 2020 report."""
    return load(EXAMPLE).report
