"""Shared fixtures and the hypothesis profiles: `ci` (derandomized, used by `make test`) and `long`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from disclosure_core import Registry, Report, load

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

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
