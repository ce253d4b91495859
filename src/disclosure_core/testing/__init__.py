"""Helpers for testing code that uses disclosure-core, and plugins for it.

* :mod:`disclosure_core.testing.strategies` — hypothesis strategies: valid reports of each format version,
  consistent ones, and consistent ones with one injected defect (:func:`~.strategies.defective_reports`);
* :mod:`disclosure_core.testing.fixtures` — pytest fixtures (``pytest_plugins = ["disclosure_core.testing.fixtures"]``):
  ``daixian_report``, ``isolated_registry``, ``memory_source``;
* :class:`InMemorySource`, :func:`daixian_report`, :func:`numbered_report` — below.

>>> from disclosure_core.testing import InMemorySource
>>> InMemorySource({}).name
'memory'
"""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_core._formats import Loaded
from disclosure_core._hints import ReportHints
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.testing.samples import daixian_report, numbered_report


class InMemorySource:
    """A source that serves prepared reports by name: register it to test code that loads files.

    ``data`` given to :meth:`load` is ignored; the ``origin`` picks the report.

    >>> from disclosure_core import Registry, hookimpl
    >>> source = InMemorySource({"dai.memory": daixian_report()})
    >>> class Plugin:
    ...     @hookimpl
    ...     def disclosure_sources(self):
    ...         return [source]
    >>> Registry(entry_points=False, plugins=[Plugin()]).load_bytes(b"", origin="dai.memory").report.year
    2020
    """

    name = "memory"
    suffixes: tuple[str, ...] = (".memory",)
    description = "prepared reports held in memory (for tests)"

    def __init__(self, reports: Mapping[str, Report]) -> None:
        self.reports = dict(reports)

    def sniff(self, head: bytes, filename: str) -> bool:
        """Claims exactly the names it holds."""
        return filename in self.reports

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """The report held under ``origin``."""
        try:
            return Loaded(self.reports[origin])
        except KeyError:
            raise LoadError(f"{origin}: no such report in memory") from None


__all__ = ["InMemorySource", "daixian_report", "numbered_report"]
