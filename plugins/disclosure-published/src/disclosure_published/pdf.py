"""PDF files as a token stream, from their text layer (pdfplumber): ruled tables cell by cell, lines as text.

On each page the ruled tables are found first; text outside them is read line by line and lines that run
to the right margin are joined with the next (a paragraph wrapped by the typesetter). Tables and text are
then put in reading order by their position. A table continued on the next page simply continues: the
stream does not need to know where a table ends.

>>> pdf_tokens(b"%PDF-1.4 broken", origin="a.pdf")
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.pdf: not a readable PDF: ...
"""

from __future__ import annotations

import io
import logging
from typing import Any

from disclosure_core.errors import LoadError
from disclosure_core.values import Provenance
from disclosure_published.stream import Token, row_break

MAX_PAGES = 200
"""A report runs to a few dozen pages; longer files are refused rather than read for minutes."""


def pdf_tokens(data: bytes, *, origin: str) -> list[Token]:
    """The token stream of a PDF's text layer; LoadError for a broken, encrypted or text-less PDF."""
    import pdfplumber  # imported here: loading pdfminer costs time the other sources need not pay

    tokens: list[Token] = []
    # pdfminer logs every odd font descriptor; those are diagnostics of the PDF writer, not of the report.
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            if len(document.pages) > MAX_PAGES:
                raise LoadError(f"{origin}: {len(document.pages)} pages is more than the {MAX_PAGES} accepted")
            for number, page in enumerate(document.pages, start=1):
                tokens.extend(_page_tokens(page, number, origin))
    except LoadError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise LoadError(f"{origin}: not a readable PDF: {type(exc).__name__}: {exc}"[:300]) from None
    finally:
        logger.setLevel(level)
    if not any(token.text for token in tokens):
        raise LoadError(f"{origin}: page 1: no text layer (a scanned PDF needs OCR first)")
    return tokens


def _page_tokens(page: Any, number: int, origin: str) -> list[Token]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, list[Token]]] = []
    for index, table in enumerate(tables, start=1):
        placed.append((table.bbox[1], _table_tokens(table, number, index, origin)))
    # Latin digits sit lower than CJK glyphs on the same line: a tolerance of 6pt keeps "代县2020年" one line.
    lines = page.filter(outside).extract_text_lines(return_chars=False, y_tolerance=6)
    for top, text in _paragraphs(lines, page.width):
        placed.append((top, [Token(text, Provenance(origin, page=number))]))
    placed.sort(key=lambda item: item[0])
    return [token for _, group in placed for token in group]


def _table_tokens(table: Any, page: int, index: int, origin: str) -> list[Token]:
    tokens: list[Token] = []
    for r, row in enumerate(table.extract(), start=1):
        for c, text in enumerate(row, start=1):
            if text is None:
                continue  # covered by a merged cell printed to the left or above
            tokens.append(Token(text.strip(), Provenance(origin, page=page, cell=f"T{index}R{r}C{c}"), cell=True))
        tokens.append(row_break(Provenance(origin, page=page)))
    return tokens


def _paragraphs(lines: list[dict[str, Any]], width: float) -> list[tuple[float, str]]:
    """Lines joined into paragraphs where a line runs to the right margin and the next is not indented."""
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    # Margins are taken as symmetric: a short page of headings must not make its longest heading "full width".
    right = max(max(line["x1"] for line in lines), width - left)
    em = max(4.0, width / 60)
    paragraphs: list[tuple[float, str]] = []
    current: list[str] = []
    top = lines[0]["top"]
    for i, line in enumerate(lines):
        if not current:
            top = line["top"]
        current.append(line["text"].strip())
        following = lines[i + 1] if i + 1 < len(lines) else None
        runs_on = (
            following is not None
            and line["x1"] >= right - em
            and following["x0"] <= left + em / 2
            and abs((line["bottom"] - line["top"]) - (following["bottom"] - following["top"])) < 1.5
        )
        if not runs_on:
            paragraphs.append((top, "".join(current)))
            current = []
    return paragraphs
