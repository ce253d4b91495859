"""Entry point of the disclosure-docx plugin (group ``disclosure_core``)."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_docx.renderer import DocxRenderer
from disclosure_docx.source import DocxSource


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The DOCX renderer."""
    return [DocxRenderer()]


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The DOCX source (reads documents written by the renderer)."""
    return [DocxSource()]
