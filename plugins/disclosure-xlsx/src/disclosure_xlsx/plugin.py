"""The plugin: registers the ``xlsx`` renderer and source with disclosure-core."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_xlsx.renderer import XlsxRenderer
from disclosure_xlsx.source import XlsxSource


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The fill-in workbook renderer."""
    return [XlsxRenderer()]


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The fill-in workbook source."""
    return [XlsxSource()]
