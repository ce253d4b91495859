"""The plugin: published-report sources registered with disclosure-core.

Each is imported when first used (the DOCX and PDF readers pull in python-docx and pdfplumber): a run that
reads canonical JSON does not pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core import Source
from disclosure_core.hookspecs import hookimpl
from disclosure_core.sources import LazySource

_SOURCES = "disclosure_published.sources"
SOURCES = (
    LazySource(
        "published-html",
        (".html", ".htm", ".shtml", ".xhtml"),
        "a published report as an HTML page",
        f"{_SOURCES}:HtmlSource",
    ),
    LazySource("published-pdf", (".pdf",), "a published report as PDF (text layer)", f"{_SOURCES}:PdfSource"),
    LazySource(
        "published-docx",
        (".docx",),
        "a published report as a DOCX file (any Word document, read from its text and tables)",
        f"{_SOURCES}:DocxSource",
        magic=b"PK\x03\x04",
    ),
    LazySource(
        "published-text",
        (".txt", ".text"),
        "a published report as plain text (copied off a web page, or | transcribed)",
        f"{_SOURCES}:TextSource",
    ),
)


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """HTML first: an HTML page is text too, and the text source must not claim it."""
    return list(SOURCES)
