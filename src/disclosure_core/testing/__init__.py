"""Helpers for testing code that uses disclosure-core: hypothesis strategies and an in-memory source.

>>> from disclosure_core.testing import InMemorySource
>>> InMemorySource({}).name
'memory'
"""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_core.errors import LoadError
from disclosure_core.formats import Loaded
from disclosure_core.model import Report
from disclosure_core.serialize import LayoutLookup
from disclosure_core.testing.samples import numbered_report


class InMemorySource:
    """A source that serves prepared reports by name: register it to test code that loads files.

    ``data`` given to :meth:`load` is ignored; the ``origin`` picks the report.
    """

    name = "memory"
    suffixes: tuple[str, ...] = (".memory",)
    description = "prepared reports held in memory (for tests)"

    def __init__(self, reports: Mapping[str, Report]) -> None:
        self.reports = dict(reports)

    def sniff(self, head: bytes, filename: str) -> bool:
        """Claims exactly the names it holds."""
        return filename in self.reports

    def load(self, data: bytes, *, origin: str, layouts: LayoutLookup) -> Loaded:
        """The report held under ``origin``."""
        try:
            return Loaded(self.reports[origin])
        except KeyError:
            raise LoadError(f"{origin}: no such report in memory") from None


__all__ = ["InMemorySource", "numbered_report"]
