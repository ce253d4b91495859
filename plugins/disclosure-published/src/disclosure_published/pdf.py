"""PDF files as a token stream, from their text layer (pdfplumber): ruled tables cell by cell, lines as text.

On each page the ruled tables are found first; text outside them is read line by line. Tables and lines
are put in reading order by their position, and a line that runs to the right margin is joined with the
next one when that starts at the left margin — a paragraph wrapped by the typesetter, also over a page
break (page numbers in between are passed on as lines of their own). The end of each table's grid is
marked; a table continued on the next page simply continues with its next cells.

>>> pdf_tokens(b"%PDF-1.4 broken", origin="a.pdf")
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.pdf: not a readable PDF: ...
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections.abc import Iterator
from typing import Any

import attrs

from disclosure_core.errors import LoadError
from disclosure_core.values import Provenance
from disclosure_published.furniture import is_page_number
from disclosure_published.stream import Token, row_break, table_end

MAX_PAGES = 200
"""A report runs to a few dozen pages; longer files are refused rather than read for minutes."""


def pdf_tokens(data: bytes, *, origin: str) -> list[Token]:
    """The token stream of a PDF's text layer; LoadError for a broken, encrypted or text-less PDF."""
    import pdfplumber  # imported here: loading pdfminer costs time the other sources need not pay

    printed: list[_Table | _Line] = []
    # pdfminer logs every odd font descriptor; those are diagnostics of the PDF writer, not of the report.
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            if len(document.pages) > MAX_PAGES:
                raise LoadError(f"{origin}: {len(document.pages)} pages is more than the {MAX_PAGES} accepted")
            for number, page in enumerate(document.pages, start=1):
                printed.extend(_page(page, number, origin))
    except LoadError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise LoadError(f"{origin}: not a readable PDF: {type(exc).__name__}: {exc}"[:300]) from None
    finally:
        logger.setLevel(level)
    tokens = list(_reading(printed, origin))
    if not any(token.text for token in tokens):
        raise LoadError(f"{origin}: page 1: no text layer (a scanned PDF needs OCR first)")
    return tokens


@attrs.frozen
class _Table:
    tokens: list[Token]


@attrs.frozen
class _Line:
    """A printed line of text with its box (in points) and the width of its page."""

    text: str
    page: int
    x0: float
    x1: float
    height: float
    width: float


def _page(page: Any, number: int, origin: str) -> list[_Table | _Line]:
    page = page.filter(_drawn)
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, _Table | _Line]] = [
        (table.bbox[1], _Table(_table_tokens(table, number, index, origin)))
        for index, table in enumerate(tables, start=1)
    ]
    # Latin digits sit lower than CJK glyphs on the same line: a tolerance of 6pt keeps "代县2020年" one line.
    for line in page.filter(outside).extract_text_lines(return_chars=False, y_tolerance=6):
        printed = _Line(line["text"].strip(), number, line["x0"], line["x1"], line["bottom"] - line["top"], page.width)
        placed.append((line["top"], printed))
    placed.sort(key=lambda item: item[0])
    return [item for _, item in placed]


_PAPER = ((1,), (1, 1, 1), (0, 0, 0, 0))  # white in grey, RGB and CMYK


def _drawn(obj: dict[str, Any]) -> bool:
    """Whether an object shows on paper: a rectangle filled white and not stroked (the page background that
    Chromium and others paint under the text) rules nothing, and must not make the page one big table cell.

    >>> _drawn({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (1.0, 1.0, 1.0)})
    False
    >>> _drawn({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0.0,)})
    True
    """
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    colour = obj.get("non_stroking_color")
    return bool(obj.get("fill")) and tuple(colour or ()) not in _PAPER if colour is not None else bool(obj.get("fill"))


def _table_tokens(table: Any, page: int, index: int, origin: str) -> list[Token]:
    tokens: list[Token] = []
    for r, row in enumerate(table.extract(), start=1):
        for c, text in enumerate(row, start=1):
            if text is None:
                continue  # covered by a merged cell printed to the left or above
            tokens.append(Token(text.strip(), Provenance(origin, page=page, cell=f"T{index}R{r}C{c}"), cell=True))
        tokens.append(row_break(Provenance(origin, page=page)))
    tokens.append(table_end(Provenance(origin, page=page, cell=f"T{index}")))
    return tokens


@attrs.frozen
class _Margins:
    """Where the document's text lines start and end, read off the lines themselves (the same on every page)."""

    left: float
    right: float
    em: float

    @classmethod
    def of(cls, lines: list[_Line]) -> _Margins:
        if not lines:
            return cls(0, 0, 0)
        em = statistics.median(line.height for line in lines)
        left = min(line.x0 for line in lines)
        # The right margin is where most long lines end: punctuation hanging into the margin reaches further.
        # When few lines come near the margin symmetric to the left one, that one is taken.
        symmetric = max(line.width for line in lines) - left
        reach = max(symmetric, *(line.x1 for line in lines)) - 2 * em
        ends = [line.x1 for line in lines if line.x1 >= reach]
        return cls(left, statistics.median(ends) if len(ends) >= 3 else symmetric, em)

    def runs_on(self, line: _Line, following: _Line) -> bool:
        """Whether ``following`` continues the paragraph of ``line``: a wrapped line, not a new paragraph."""
        return (
            line.x1 >= self.right - self.em / 2
            and following.x0 <= self.left + self.em / 2
            and abs(line.height - following.height) < 1.5
        )


def _reading(printed: list[_Table | _Line], origin: str) -> Iterator[Token]:
    """Tables and paragraphs in reading order; a page number met inside a paragraph follows it."""
    margins = _Margins.of([i for i in printed if isinstance(i, _Line) and not is_page_number(i.text)])
    paragraph: list[_Line] = []
    furniture: list[_Line] = []

    def flush() -> Iterator[Token]:
        if paragraph:
            text = _tighten("".join(line.text for line in paragraph))
            yield Token(text, Provenance(origin, page=paragraph[0].page))
        for line in furniture:
            yield Token(line.text, Provenance(origin, page=line.page))
        paragraph.clear()
        furniture.clear()

    for item in printed:
        if isinstance(item, _Table):
            yield from flush()
            yield from item.tokens
        elif is_page_number(item.text):
            furniture.append(item)
        else:
            if not paragraph or not margins.runs_on(paragraph[-1], item):
                yield from flush()
            paragraph.append(item)
    yield from flush()


# Text extraction puts a space wherever glyphs stand apart, as Latin letters and digits do beside CJK ones.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK}])[ ]+|[ ]+(?=[{_CJK}])")


def _tighten(text: str) -> str:
    """A paragraph's text without the spaces extraction put beside CJK characters.

    >>> _tighten("统计时限自 2020 年 1 月 1 日起，网络问政 APP 平台")
    '统计时限自2020年1月1日起，网络问政APP平台'
    """
    return _SPACE_BY_CJK.sub("", text)
