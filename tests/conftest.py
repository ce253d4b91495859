"""Shared fixtures of the core tests (the hypothesis profiles live in the root conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from disclosure_core import Body, Registry, Report, dumps, load
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules.examples import consistent_report
from disclosure_core.values import Count

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


WriteReports = Callable[..., list[Path]]


@pytest.fixture
def write_reports() -> WriteReports:
    """Writes many canonical JSON reports into a folder (for the batch tests)."""
    return _write_reports


def _write_reports(folder: Path, count: int, *, body: str = "某县第{i}局") -> list[Path]:
    """``count`` reports in ``folder`` (both formats; every third with a cell that breaks a total)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [consistent_report(builtin_layout(f)) for f in ("gov-2019", "gov-2021")]
    paths = []
    for i in range(count):
        report = attrs.evolve(bases[i % 2], body=Body(body.format(i=i), "county"))
        if i % 3 == 0:
            report = report.with_cells({"requests.new.natural_person": Count(1000 + i)})
        path = folder / f"report-{i:05d}.json"
        path.write_text(dumps(report), encoding="utf-8")
        paths.append(path)
    return paths
