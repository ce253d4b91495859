"""Hypothesis profiles for the whole suite (core, plugins, examples): `ci` is derandomized and used by
`make test` and CI; `dev` is the default at a desk; `long` (`make test-long`) searches much harder."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English (``DISCLOSURE_LANG=en``): for tests written against the English diagnostics.

    The default language is zh (issue 16); tests/test_cli_lang.py checks the Chinese words and the choice.
    """
    monkeypatch.setenv("DISCLOSURE_LANG", "en")
