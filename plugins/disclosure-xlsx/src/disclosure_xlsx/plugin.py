"""The plugin: registers the ``xlsx`` renderer and source with disclosure-core.

Both are imported when first used (openpyxl is heavy): a run that never touches a workbook does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_core.renderers import LazyRenderer
from disclosure_core.sources import LazySource

RENDERER = LazyRenderer(
    "xlsx",
    ".xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "fill-in workbook (XLSX): one sheet per table, locked labels, validation and checks",
    "disclosure_xlsx.renderer:XlsxRenderer",
)
SOURCE = LazySource(
    "xlsx",
    (".xlsx", ".xlsm"),
    "fill-in workbook (XLSX) as drawn by the xlsx renderer",
    "disclosure_xlsx.source:XlsxSource",
    magic=b"PK\x03\x04",
)


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The fill-in workbook renderer."""
    return [RENDERER]


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The fill-in workbook source."""
    return [SOURCE]
