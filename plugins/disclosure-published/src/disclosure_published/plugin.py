"""The plugin: published-report sources registered with disclosure-core."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Source
from disclosure_core.hookspecs import hookimpl
from disclosure_published.sources import DocxSource, HtmlSource, PdfSource, TextSource


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """HTML first: an HTML page is text too, and the text source must not claim it."""
    return [HtmlSource(), PdfSource(), DocxSource(), TextSource()]
