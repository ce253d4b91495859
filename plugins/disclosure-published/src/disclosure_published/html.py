"""HTML pages as a token stream: running text by block, data tables cell by cell with their grid position.

Government pages wrap articles in layout tables and print report tables from Word (``MsoNormalTable``,
``<p><span>`` inside cells, ``&nbsp;`` for blank cells). A table that contains another table is layout:
its cells are read as running text. A table without nested tables is data: every ``td``/``th`` becomes a
cell token placed on the grid its rowspans and colspans make (``T2R5C3``), and every ``tr`` ends a row.

Only what the page says to every reader is read: material hidden from sight (``hidden``, ``display:none``,
screen-reader-only classes) or from assistive technology (``aria-hidden``), and complementary material beside
the article (``<aside>``, ``role="complementary"``, footnotes and notes), are not the report. Inside a data
cell, note references (``<sup>``, ``role="doc-noteref"``) annotate the value and are not part of it: a cell
printed ``18<sup>⚠5</sup>`` holds 18.

>>> page = "<h2>二、主动公开政府信息情况</h2><table><tr><td>行政许可</td><td>12</td></tr></table>"
>>> tokens = html_tokens(page.encode(), origin="a.html")
>>> [(t.text, t.cell, t.where.cell) for t in tokens if not t.is_break]
[('二、主动公开政府信息情况', False, None), ('行政许可', True, 'T1R1C1'), ('12', True, 'T1R1C2')]
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from disclosure_core import Provenance
from disclosure_core.catalogue import place_of, reason
from disclosure_core.errors import LoadError
from disclosure_published.stream import Token, row_break, table_end
from disclosure_published.text import MAX_TEXT_CHARS

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "center",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "form",
        "figure",
        "figcaption",
        "address",
        "nav",
        "aside",
    ]
)
_SKIPPED = frozenset(
    ["script", "style", "noscript", "head", "template", "svg", "iframe", "object", "select", "option", "button"]
)
# Not the report: material beside the article (sidebars, notes, a checker's findings list) by tag or ARIA role.
_ASIDE_ROLES = frozenset(["complementary", "doc-footnote", "doc-endnotes"])
# Annotations of a cell's value, not part of it: footnote and finding references.
_NOTE_REFERENCE_ROLES = frozenset(["doc-noteref", "doc-backlink"])
# The classes common style sheets (Bootstrap, WordPress, Drupal, GOV.UK) use for screen-reader-only text.
_SCREEN_READER_ONLY = frozenset(
    ["visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "element-invisible", "govuk-visually-hidden"]
)
_NOT_DISPLAYED = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_MAX_SPAN = 100  # spans beyond the widest official table are typos or attacks; clamp them


def decode_html(data: bytes, *, origin: str) -> str:
    """The page's text, decoded by its BOM, its meta charset, UTF-8 or GB18030 (gb2312 and gbk pages)."""
    declared = _CHARSET.search(data[:4096])
    codecs = ["utf-8-sig"]
    if declared:
        name = declared.group(1).decode("ascii").lower()
        codecs.insert(0, "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name)
    for codec in [*codecs, "gb18030"]:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if len(text) > MAX_TEXT_CHARS:
            raise LoadError.keyed("published.chars", where=origin, count=len(text), limit=MAX_TEXT_CHARS)
        return text
    raise LoadError.keyed(
        "published.html.decode", where=place_of(origin, line=1), codecs=", ".join([*codecs, "gb18030"])
    )


def html_tokens(data: bytes, *, origin: str) -> list[Token]:
    """The token stream of an HTML page."""
    text = decode_html(data, origin=origin)
    # lxml refuses str input that carries an encoding declaration; it was decoded already.
    text = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", text)
    if not text.strip():
        raise LoadError.keyed("published.html.empty", where=place_of(origin, line=1))
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise LoadError.keyed("published.html.unreadable", where=place_of(origin, line=1), reason=reason(exc)) from None
    reader = _Reader(origin)
    reader.block(root)
    reader.flush(None)
    return reader.tokens


def _unread(element: lxml.html.HtmlElement) -> bool:
    """Whether an element is not part of what the page says to every reader (hidden, or beside the article).

    >>> page = lxml.html.fromstring('<div><aside>热点</aside><span aria-hidden="true">★</span><p>正文</p></div>')
    >>> [e.tag for e in page if _unread(e)]
    ['aside', 'span']
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED or tag == "aside" or element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if _roles(element) & _ASIDE_ROLES:
        return True
    if _SCREEN_READER_ONLY.intersection((element.get("class") or "").lower().split()):
        return True
    return bool(_NOT_DISPLAYED.search(element.get("style") or ""))


def _note_reference(element: lxml.html.HtmlElement) -> bool:
    """Whether an element inside a cell annotates the value (a footnote or finding reference)."""
    return element.tag == "sup" or bool(_roles(element) & _NOTE_REFERENCE_ROLES)


def _roles(element: lxml.html.HtmlElement) -> set[str]:
    return set((element.get("role") or "").lower().split())


class _Reader:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.tokens: list[Token] = []
        self.buffer: list[str] = []
        self.line: int | None = None
        self.tables = 0

    def flush(self, element: lxml.html.HtmlElement | None) -> None:
        text = "".join(self.buffer).replace("\xa0", " ").strip()
        if text:
            self.tokens.append(Token(text, Provenance(self.origin, line=self.line)))
        self.buffer = []
        self.line = element.sourceline if element is not None else None

    def block(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if _unread(element):
            return
        if tag == "table" and not element.xpath(".//table"):
            self.flush(element)
            self.table(element)
            self.flush(None)
            return
        is_block = tag in _BLOCKS or tag == "br"
        if is_block:
            self.flush(element)
        if self.line is None:
            self.line = element.sourceline
        if element.text and tag != "br":
            self.buffer.append(element.text)
        for child in element:
            self.block(child)
            if child.tail:
                if self.line is None:
                    self.line = child.sourceline
                self.buffer.append(child.tail)
        if is_block:
            self.flush(None)

    def table(self, table: lxml.html.HtmlElement) -> None:
        self.tables += 1
        taken: set[tuple[int, int]] = set()
        rows = [row for row in table.iter("tr") if row.getparent() is not None and not _unread(row)]
        for r, row in enumerate(rows):
            column = 0
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th") or _unread(cell):
                    continue
                while (r, column) in taken:
                    column += 1
                rowspan, colspan = _span(cell.get("rowspan")), _span(cell.get("colspan"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, column + dc))
                where = Provenance(self.origin, line=cell.sourceline, cell=f"T{self.tables}R{r + 1}C{column + 1}")
                self.tokens.append(Token(_cell_text(cell), where, cell=True))
                column += colspan
            self.tokens.append(row_break(Provenance(self.origin, line=row.sourceline)))
        self.tokens.append(table_end(Provenance(self.origin, line=table.sourceline, cell=f"T{self.tables}")))


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's text, with line breaks where ``<br>`` and paragraphs inside it break lines."""
    parts: list[str] = []

    def visit(node: lxml.html.HtmlElement, top: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or _unread(node) or (not top and _note_reference(node)):
            return
        if not top and (tag == "br" or tag in _BLOCKS):
            parts.append("\n")
        if node.text and tag != "br":
            parts.append(node.text)
        for child in node:
            visit(child, False)
            if child.tail:
                parts.append(child.tail)

    visit(cell, True)
    return "".join(parts).replace("\xa0", " ").strip()
