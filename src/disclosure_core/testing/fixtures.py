"""pytest fixtures for plugin authors: the Dai County report, a private registry, an in-memory source.

Enable them in a ``conftest.py`` (or a test module)::

    pytest_plugins = ["disclosure_core.testing.fixtures"]

    def test_my_renderer(isolated_registry, daixian_report):
        isolated_registry.register(my_plugin)
        assert isolated_registry.render(daixian_report, "mine").startswith(b"...")

Each test gets its own registry and source; nothing is shared between tests.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from disclosure_core.hookspecs import hookimpl
from disclosure_core.model import Report
from disclosure_core.registry import Registry
from disclosure_core.testing import InMemorySource
from disclosure_core.testing.samples import daixian_report as _daixian_report


@pytest.fixture(scope="session")
def daixian_report() -> Report:
    """The Dai County 2020 report, defects included (reports are frozen, so one copy serves every test)."""
    return _daixian_report()


@pytest.fixture
def memory_source() -> InMemorySource:
    """An empty :class:`InMemorySource`: put reports in ``memory_source.reports["name.memory"]``."""
    return InMemorySource({})


class _MemorySourcePlugin:
    def __init__(self, source: InMemorySource) -> None:
        self.source = source

    @hookimpl
    def disclosure_sources(self) -> Iterable[InMemorySource]:
        return [self.source]


@pytest.fixture
def isolated_registry(memory_source: InMemorySource) -> Registry:
    """A registry of the built-ins and ``memory_source`` only: installed plugins are not loaded, so a test
    sees exactly the plugins it registers (``isolated_registry.register(plugin)``)."""
    return Registry(entry_points=False, plugins=[_MemorySourcePlugin(memory_source)])
