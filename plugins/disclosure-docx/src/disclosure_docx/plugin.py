"""Entry point of the disclosure-docx plugin (group ``disclosure_core``)."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_docx.pdf import PdfRenderer
from disclosure_docx.renderer import DocxRenderer
from disclosure_docx.source import DocxSource


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The DOCX and PDF renderers (LibreOffice is needed only when a PDF is made), each also with the official
    heading numbering (``docx-numbered``, ``pdf-numbered``)."""
    numbered = DocxRenderer(numbering="official")
    return [DocxRenderer(), PdfRenderer(), numbered, PdfRenderer(numbered)]


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The DOCX source (reads documents written by the renderer)."""
    return [DocxSource()]
