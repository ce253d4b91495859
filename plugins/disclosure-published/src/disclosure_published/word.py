"""DOCX files as a token stream: body paragraphs in document order, tables cell by cell on their grid.

Any WordprocessingML document is read from what it prints, as offices publish it (Word, WPS, LibreOffice):

* paragraphs become running text, one token per printed line (a manual line break ``w:br`` starts a line);
  content controls (``w:sdt``), hyperlinks, fields, smart tags and tracked insertions are read through,
  deleted text (``w:del``) is not; text boxes follow the paragraph that anchors them (the DrawingML box
  only, not its VML fallback copy);
* a table becomes cell tokens placed on its grid — ``w:gridBefore`` and ``w:gridSpan`` move the column,
  a ``w:vMerge`` continuation (or a legacy ``w:hMerge`` one) is covered by the cell above or to its left
  and prints nothing, as a rowspan in HTML — and a row break after each ``w:tr``;
* a table holding another table is layout, as on web pages: its cells are read as running text and the
  inner tables as tables.

Provenance: ``line`` is the paragraph's number in reading order (1-based, empty paragraphs counted, table
cells not), ``cell`` is ``T2R5C3`` — the second data table, row 5, grid column 3.

The archive is checked by :func:`disclosure_core.sources.check_archive` before python-docx opens it.

>>> import io, docx
>>> document = docx.Document()
>>> _ = document.add_paragraph("二、主动公开政府信息情况")
>>> table = document.add_table(rows=1, cols=2)
>>> table.cell(0, 0).text, table.cell(0, 1).text = "行政许可", "12"
>>> buffer = io.BytesIO()
>>> document.save(buffer)
>>> [(t.text, t.cell, t.where.line, t.where.cell) for t in word_tokens(buffer.getvalue(), origin="a.docx") if not t.is_break]
[('二、主动公开政府信息情况', False, 1, None), ('行政许可', True, None, 'T1R1C1'), ('12', True, None, 'T1R1C2')]
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from lxml import etree

from disclosure_core import Provenance
from disclosure_core.errors import LoadError, reraise_as_load_error
from disclosure_core.sources import check_archive
from disclosure_published.stream import Token, row_break, table_end
from disclosure_published.text import MAX_TEXT_CHARS

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TXBX = qn("w:t"), qn("w:txbxContent")
_LINE_BREAKS = frozenset([qn("w:br"), qn("w:cr")])
_TABS = frozenset([qn("w:tab"), qn("w:ptab")])
_HYPHENS = frozenset([qn("w:noBreakHyphen"), qn("w:softHyphen")])
# Containers whose children are blocks (paragraphs, tables) or rows or cells, read through as if absent.
_WRAPPERS = frozenset([qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")])
# Never printed text: properties, deleted or moved-away text, field codes, and the VML copy of a text box.
_UNPRINTED = frozenset(
    [
        qn("w:pPr"),
        qn("w:rPr"),
        qn("w:sdtPr"),
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:instrText"),
        _TXBX,
        f"{{{_MC}}}Fallback",
    ]
)
_MAX_SPAN = 100  # wider than any official table: larger spans are damage, clamped as in HTML


def word_tokens(data: bytes, *, origin: str) -> list[Token]:
    """The token stream of a DOCX file; LoadError naming the file when it is unsafe or not a Word document."""
    check_archive(data, origin=origin)
    with reraise_as_load_error("published.docx.unreadable", where=origin):  # python-docx: KeyError, zip, XML …
        body = docx.Document(io.BytesIO(data)).element.body
    if body is None:
        raise LoadError.keyed("published.docx.no_body", where=f"{origin}: word/document.xml")
    reader = _Reader(origin)
    reader.blocks(body)
    return reader.tokens


class _Reader:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.tokens: list[Token] = []
        self.paragraphs = 0
        self.tables = 0
        self.chars = 0

    def blocks(self, container: etree._Element) -> None:
        for child in _children(container):
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)

    def paragraph(self, paragraph: etree._Element) -> None:
        self.paragraphs += 1
        where = Provenance(self.origin, line=self.paragraphs)
        for line in paragraph_text(paragraph).split("\n"):
            if line.strip():
                self.add(Token(line.strip(), where))
        for box in _text_boxes(paragraph):
            self.blocks(box)

    def table(self, table: etree._Element) -> None:
        rows = [row for row in _children(table) if row.tag == _TR]
        cells = [[cell for cell in _children(row) if cell.tag == _TC] for row in rows]
        if any(cell.find(f".//{_TBL}") is not None for row in cells for cell in row):
            for row_cells in cells:
                for cell in row_cells:
                    self.blocks(cell)
            return
        self.tables += 1
        for r, (row, row_cells) in enumerate(zip(rows, cells, strict=True), start=1):
            column = _number(row.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
            for cell in row_cells:
                properties = cell.find(qn("w:tcPr"))
                span = _number(None if properties is None else properties.find(qn("w:gridSpan")), 1)
                if not _continues_merge(properties):
                    where = Provenance(self.origin, cell=f"T{self.tables}R{r}C{column + 1}")
                    self.add(Token(cell_text(cell), where, cell=True))
                column += span
            self.tokens.append(row_break(Provenance(self.origin, cell=f"T{self.tables}R{r}")))
        self.tokens.append(table_end(Provenance(self.origin, cell=f"T{self.tables}")))

    def add(self, token: Token) -> None:
        self.chars += len(token.text)
        if self.chars > MAX_TEXT_CHARS:
            raise LoadError.keyed("published.docx.chars", where=self.origin, limit=MAX_TEXT_CHARS)
        self.tokens.append(token)


def paragraph_text(paragraph: etree._Element) -> str:
    """The text a paragraph prints, with ``\\n`` for line breaks and tabs as spaces.

    >>> from docx.oxml import parse_xml
    >>> from docx.oxml.ns import nsdecls
    >>> paragraph_text(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>三</w:t><w:br/><w:t>本年</w:t></w:r>'
    ...     '<w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>度</w:t></w:r></w:ins></w:p>'))
    '三\\n本年度'
    """
    return "".join(_pieces(paragraph))


def cell_text(cell: etree._Element) -> str:
    """A table cell's text: its paragraphs (and those of content controls in it) joined by line breaks."""
    return "\n".join(paragraph_text(p) for p in _cell_paragraphs(cell)).strip()


def _cell_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    for child in _children(container):
        if child.tag == _P:
            yield child
            for box in _text_boxes(child):
                yield from _cell_paragraphs(box)


def _pieces(element: etree._Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag == _T:
            yield child.text or ""
        elif tag in _LINE_BREAKS:
            yield "\n"
        elif tag in _TABS:
            yield " "
        elif tag in _HYPHENS:
            yield "-" if tag == qn("w:noBreakHyphen") else ""
        elif isinstance(tag, str) and tag not in _UNPRINTED:
            yield from _pieces(child)


def _children(element: etree._Element) -> Iterator[etree._Element]:
    """Child elements, reading through content controls, custom XML and tracked insertions."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _children(child)
        elif isinstance(child.tag, str):
            yield child


def _text_boxes(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The outermost text boxes anchored in a paragraph, skipping the VML copies Word keeps as fallback."""
    for box in paragraph.iter(_TXBX):
        between = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            between.append(ancestor.tag)
        if f"{{{_MC}}}Fallback" not in between and _TXBX not in between:
            yield box


def _continues_merge(properties: etree._Element | None) -> bool:
    """Whether a cell is covered by a vertically (``vMerge``) or, in old files, horizontally merged cell."""
    if properties is None:
        return False
    for tag in ("w:vMerge", "w:hMerge"):
        merge = properties.find(qn(tag))
        if merge is not None and merge.get(qn("w:val"), "continue") != "restart":
            return True
    return False


def _number(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(default, min(_MAX_SPAN, int(element.get(qn("w:val"), default))))
    except ValueError:
        return default
