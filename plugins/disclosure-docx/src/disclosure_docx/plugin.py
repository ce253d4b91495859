"""Entry point of the disclosure-docx plugin (group ``disclosure_core``).

The renderer and the source are imported when first used (python-docx is heavy): a run that never touches
a DOCX file does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_core.renderers import LazyRenderer
from disclosure_core.sources import LazySource

DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RENDERERS = (
    LazyRenderer(
        "docx",
        ".docx",
        DOCX_MEDIA,
        "official DOCX document, GB/T 9704 style (disclosure-docx)",
        "disclosure_docx.renderer:DocxRenderer",
    ),
    LazyRenderer(
        "pdf",
        ".pdf",
        "application/pdf",
        "official PDF/A-2b: the docx document converted by LibreOffice (disclosure-docx)",
        "disclosure_docx.pdf:PdfRenderer",
    ),
    LazyRenderer(
        "docx-numbered",
        ".docx",
        DOCX_MEDIA,
        "official DOCX document, GB/T 9704 style, headings numbered 一、…六、 and （一）… (disclosure-docx)",
        "disclosure_docx.renderer:numbered_docx",
    ),
    LazyRenderer(
        "pdf-numbered",
        ".pdf",
        "application/pdf",
        "official PDF/A-2b: the docx-numbered document converted by LibreOffice (disclosure-docx)",
        "disclosure_docx.pdf:numbered_pdf",
    ),
)
SOURCE = LazySource(
    "docx",
    (".docx",),
    "DOCX documents written by disclosure-docx",
    "disclosure_docx.source:DocxSource",
    magic=b"PK\x03\x04",
)


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The DOCX and PDF renderers (LibreOffice is needed only when a PDF is made), each also with the official
    heading numbering (``docx-numbered``, ``pdf-numbered``)."""
    return list(RENDERERS)


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The DOCX source (reads documents written by the renderer)."""
    return [SOURCE]
