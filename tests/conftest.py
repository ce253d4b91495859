"""Shared fixtures of the core tests (the hypothesis profiles live in the root conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import Registry, Report, load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REPORTS = ROOT.parent / "shared" / "reports"


@pytest.fixture
def registry() -> Registry:
    """A registry with the built-ins and installed plugins, private to the test."""
    return Registry()


@pytest.fixture(scope="session")
def daixian() -> Report:
    """The Dai County 2020 report, as bundled in examples/."""
    return load(EXAMPLES / "daixian-2020.json").report
