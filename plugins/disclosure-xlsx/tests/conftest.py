"""Fixtures for the xlsx plugin tests: a registry, the Dai County example, render and read helpers."""

from __future__ import annotations

import pytest

from disclosure_core import Loaded, Registry, Report, testing


@pytest.fixture(scope="session")
def xlsx_registry() -> Registry:
    """A registry with the installed plugins (disclosure-xlsx among them)."""
    return Registry()


@pytest.fixture(scope="session")
def daixian_report() -> Report:
    """The Dai County 2020 report."""
    return testing.daixian_report()


def read_back(registry: Registry, data: bytes, origin: str = "filled.xlsx") -> Loaded:
    """Read workbook bytes with the xlsx source."""
    return registry.load_bytes(data, origin=origin, source="xlsx")
