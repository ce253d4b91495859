"""disclosure-published: read 政府信息公开工作年度报告 as they are published — text, HTML, DOCX, PDF.

The public API is what ``__all__`` lists. Readers turn a container into a stream of tokens
(:mod:`disclosure_published.stream`); one core maps the stream onto a layout and reads the narrative.

>>> from disclosure_published import parse_text
>>> loaded = parse_text("二、主动公开政府信息情况\\n行政许可 | 12\\n".encode(), origin="a.txt", hints=Hints(name="某县人民政府", year=2022))
>>> loaded.report.format, loaded.report.number("proactive.licensing.decisions")
('gov-2021', 12)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from disclosure_core import Loaded
from disclosure_core.layouts import Layout, official_layouts
from disclosure_core.sources import lazy_exports
from disclosure_published.bodies import Hints, infer_level
from disclosure_published.parse import parse_tokens
from disclosure_published.stream import Token, row_break, table_end

if TYPE_CHECKING:
    from disclosure_published.sources import DocxSource, HtmlSource, PdfSource, TextSource

_SOURCES = ("DocxSource", "HtmlSource", "PdfSource", "TextSource")


# The sources pull in python-docx and pdfplumber: imported when first asked for, not with the package.
__getattr__ = lazy_exports(__name__, dict.fromkeys(_SOURCES, "disclosure_published.sources"))


def parse_text(
    data: bytes,
    *,
    origin: str,
    hints: Hints | None = None,
    layouts: Mapping[str, Layout] | Iterable[Layout] | None = None,
) -> Loaded:
    """Read a published report from text bytes, with the official layouts unless ``layouts`` are given
    (a mapping by id, or a list); every layout given is a candidate, variants included.

    >>> loaded = parse_text("二、主动公开政府信息情况\\n行政许可 | 12\\n".encode(), origin="a.txt", hints=Hints(year=2022))
    >>> loaded.report.number("proactive.licensing.decisions")
    12
    """
    from disclosure_published.sources import TextSource

    return TextSource(hints).load(data, origin=origin, layouts=_by_id(layouts))


def parse_html(
    data: bytes,
    *,
    origin: str,
    hints: Hints | None = None,
    layouts: Mapping[str, Layout] | Iterable[Layout] | None = None,
) -> Loaded:
    """Read a published report from an HTML page.

    >>> page = "<p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>12</td></tr></table>"
    >>> loaded = parse_html(page.encode(), origin="a.html", hints=Hints(name="某县人民政府", year=2022))
    >>> loaded.report.body.level, loaded.report.number("proactive.licensing.decisions")
    (<BodyLevel.COUNTY: 'county'>, 12)
    """
    from disclosure_published.sources import HtmlSource

    return HtmlSource(hints).load(data, origin=origin, layouts=_by_id(layouts))


def parse_docx(
    data: bytes,
    *,
    origin: str,
    hints: Hints | None = None,
    layouts: Mapping[str, Layout] | Iterable[Layout] | None = None,
) -> Loaded:
    """Read a published report from a DOCX file's paragraphs and tables (any Word document).

    >>> parse_docx(b"PK not really a zip", origin="x.docx")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: x.docx: not a ZIP container (an .xlsx or .docx file is one)
    """
    from disclosure_published.sources import DocxSource

    return DocxSource(hints).load(data, origin=origin, layouts=_by_id(layouts))


def parse_pdf(
    data: bytes,
    *,
    origin: str,
    hints: Hints | None = None,
    layouts: Mapping[str, Layout] | Iterable[Layout] | None = None,
) -> Loaded:
    """Read a published report from a PDF file's text layer.

    >>> parse_pdf(b"not a pdf", origin="x.pdf")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: x.pdf: not a readable PDF: ...
    """
    from disclosure_published.sources import PdfSource

    return PdfSource(hints).load(data, origin=origin, layouts=_by_id(layouts))


def _by_id(layouts: Mapping[str, Layout] | Iterable[Layout] | None) -> Mapping[str, Layout]:
    """The one layout lookup, from what a caller may hand over: a mapping as it is, a list keyed by id,
    nothing as the official layouts. Every layout is a candidate, variants included."""
    if layouts is None:
        return official_layouts()
    if isinstance(layouts, Mapping):
        return layouts
    return {layout.id: layout for layout in layouts}


__all__ = [
    "DocxSource",
    "Hints",
    "HtmlSource",
    "PdfSource",
    "TextSource",
    "Token",
    "infer_level",
    "parse_docx",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "parse_tokens",
    "row_break",
    "table_end",
]
