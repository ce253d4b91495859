"""Entry point of the disclosure-docx plugin (group ``disclosure_core``).

The renderer and the source are imported when first used (python-docx is heavy): a run that never touches
a DOCX file does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Renderer, Source
from disclosure_core.hookspecs import hookimpl
from disclosure_core.lazy import LazyRenderer, LazySource

RENDERER = LazyRenderer(
    "docx",
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "official DOCX document, GB/T 9704 style (disclosure-docx)",
    "disclosure_docx.renderer:DocxRenderer",
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
    """The DOCX renderer."""
    return [RENDERER]


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The DOCX source (reads documents written by the renderer)."""
    return [SOURCE]
