"""The four sources: published text (plain or ``|``-transcribed), HTML pages, DOCX and PDF files.

Each turns its container into tokens and hands them to :func:`~disclosure_published.parse.parse_tokens`.
Any failure inside a container library becomes a :class:`~disclosure_core.errors.LoadError` naming the
file: a source raises nothing else.

>>> TextSource().sniff("代县2020年政府信息公开工作年度报告".encode(), "daixian.txt")
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from disclosure_core import Loaded
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout
from disclosure_core.sources import written_by_disclosure_docx
from disclosure_published import html, markdown, pdf, runon, word
from disclosure_published.bodies import Hints
from disclosure_published.parse import parse_tokens
from disclosure_published.stream import Token
from disclosure_published.text import decode, text_tokens

_REPORT_WORDS = (
    "政府信息公开".encode(),
    "政府信息公开".encode("gb18030"),
    "政府資訊公開".encode(),
    "政府信息公開".encode(),
)


class _PublishedSource:
    """What the sources share: hints, and turning unexpected failures into a LoadError."""

    name = ""
    suffixes: tuple[str, ...] = ()
    description = ""

    def __init__(self, hints: Hints | None = None) -> None:
        self.hints = hints or Hints()

    def tokens(self, data: bytes, origin: str) -> list[Token]:
        raise NotImplementedError

    def load(self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None) -> Loaded:
        """Read a published report; diagnostics say what needed interpreting and where."""
        return _guarded(
            origin,
            lambda: parse_tokens(self.tokens(data, origin), origin=origin, layouts=layouts, hints=hints or self.hints),
        )


def _guarded(origin: str, read: Callable[[], Loaded]) -> Loaded:
    try:
        return read()
    except LoadError:
        raise
    except RecursionError:
        raise LoadError.keyed("published.nested", where=origin) from None
    except MemoryError:
        raise LoadError.keyed("published.too_large", where=origin) from None


class TextSource(_PublishedSource):
    """Plain text copied off a web page, or a transcription with ``|``-separated table rows.

    >>> from disclosure_core import builtin_layout, official_layouts
    >>> source = TextSource(Hints(name="某县人民政府", year=2022))
    >>> text = "二、主动公开政府信息情况\\n行政许可 | 12\\n".encode()
    >>> source.load(text, origin="a.txt", layouts=official_layouts()).report.number("proactive.licensing.decisions")
    12
    """

    name = "published-text"
    suffixes: tuple[str, ...] = (".txt", ".text")
    description = "a published report as plain text (copied off a web page, or | transcribed)"

    def sniff(self, head: bytes, filename: str) -> bool:
        """Text files by name; otherwise text that speaks of 政府信息公开 and is not markup."""
        if filename.lower().endswith(self.suffixes):
            return True
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return not stripped.startswith((b"<", b"{", b"%PDF")) and any(w in head for w in _REPORT_WORDS)

    def tokens(self, data: bytes, origin: str) -> list[Token]:
        return text_tokens(decode(data, origin=origin), origin=origin)

    def load(self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None) -> Loaded:
        """As every source; a crawler's run-on text (cells joined into digit runs) goes to :mod:`.runon`,
        a markdown transcription (``|---|`` tables) to :mod:`.markdown`."""
        text = decode(data, origin=origin)
        chosen = hints or self.hints
        if runon.is_run_on(text, list(layouts.values())):
            return _guarded(origin, lambda: runon.read(text, origin=origin, layouts=layouts, hints=chosen))
        if markdown.is_markdown(text):
            return _guarded(origin, lambda: markdown.read(text, origin=origin, layouts=layouts, hints=chosen))
        return super().load(data, origin=origin, layouts=layouts, hints=hints)


class HtmlSource(_PublishedSource):
    """A report's web page: paragraphs and headings as text, tables with their rowspan and colspan.

    >>> HtmlSource().sniff(b"<!DOCTYPE html><html lang=zh>", "page"), HtmlSource().suffixes[0]
    (True, '.html')
    """

    name = "published-html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".shtml", ".xhtml")
    description = "a published report as an HTML page"

    def sniff(self, head: bytes, filename: str) -> bool:
        """HTML files by name, or markup that opens like an HTML document."""
        lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return filename.lower().endswith(self.suffixes) or (
            lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower()
        )

    def tokens(self, data: bytes, origin: str) -> list[Token]:
        return html.html_tokens(data, origin=origin)


class PdfSource(_PublishedSource):
    """A report's PDF file, read from its text layer (a scanned PDF without one cannot be read).

    >>> PdfSource().sniff(b"%PDF-1.7", "report"), PdfSource().sniff(b"PK\\x03\\x04", "report.docx")
    (True, False)
    """

    name = "published-pdf"
    suffixes: tuple[str, ...] = (".pdf",)
    description = "a published report as PDF (text layer)"

    def sniff(self, head: bytes, filename: str) -> bool:
        """PDF files by their signature."""
        return head.startswith(b"%PDF-") or filename.lower().endswith(".pdf")

    def tokens(self, data: bytes, origin: str) -> list[Token]:
        return pdf.pdf_tokens(data, origin=origin)

    def load(self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None) -> Loaded:
        """Read a PDF; where a continued table admits several readings the layout's arithmetic chooses."""
        chosen = hints or self.hints
        return _guarded(origin, lambda: pdf.read_pdf(data, origin=origin, layouts=layouts, hints=chosen))


class DocxSource(_PublishedSource):
    """A report's DOCX file as an office published it (Word, WPS, LibreOffice), read from what it prints.

    Documents written by disclosure-docx carry a custom property ("disclosure-core") that its exact
    reader (source ``docx``) reads back without loss; this source leaves those to it and claims every
    other DOCX. ``--from published-docx`` reads one of ours from its page all the same.

    >>> from disclosure_core import builtin_layout, official_layouts, testing
    >>> from disclosure_published.testing import word_document
    >>> daixian = testing.daixian_report()
    >>> data = word_document(daixian, builtin_layout("gov-2019"))
    >>> DocxSource().load(data, origin="daixian.docx", layouts=official_layouts()).report.tables == daixian.tables
    True
    """

    name = "published-docx"
    suffixes: tuple[str, ...] = (".docx",)
    description = "a published report as a DOCX file (any Word document, read from its text and tables)"

    def sniff(self, head: bytes, filename: str) -> bool:
        """A ZIP archive named ``.docx`` or holding a Word document, unless it shows disclosure-docx's property.

        >>> DocxSource().sniff(b"PK\\x03\\x04...", "report.docx"), DocxSource().sniff(b"PK\\x03\\x04", "book.xlsx")
        (True, False)
        """
        if not head.startswith(b"PK\x03\x04"):
            return False
        word_document = filename.lower().endswith(self.suffixes) or b"word/document.xml" in head
        return word_document and not written_by_disclosure_docx(head)

    def tokens(self, data: bytes, origin: str) -> list[Token]:
        return word.word_tokens(data, origin=origin)
