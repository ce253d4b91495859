"""Plain text as copied off a web page, and ``|``-separated transcriptions, as a token stream.

Four shapes occur, often in one file:

* a cell per line, each cell line starting with a tab, blank cells as whitespace-only lines and printed
  rows separated by empty lines (daixian-2020.txt): tab lines are cells, whitespace lines blank cells,
  empty lines row breaks;
* a line per cell with an empty line after every line and blank cells simply missing (excerpt-03):
  there the empty lines say nothing and are dropped;
* a cell per line with the grid in the empty lines: a fixed number between cells, more between rows, a
  blank cell as one more empty line (crawler captures with bare-CR breaks, hebei-jyt-*.txt): read by
  :mod:`disclosure_published.spaced`;
* table rows transcribed as ``a | b | c`` (shanghai, excerpt-11): each line is one printed row, every
  field a cell, empty fields blank cells.

>>> tokens = text_tokens("规章 | 0 |  | 3\\n说明。", origin="a.txt")
>>> [(t.text, t.cell, t.where.cell) for t in tokens if not t.is_break]
[('规章', True, 'C1'), ('0', True, 'C2'), ('', True, 'C3'), ('3', True, 'C4'), ('说明。', False, None)]
"""

from __future__ import annotations

import re

from disclosure_core import Provenance
from disclosure_core.catalogue import place_of
from disclosure_core.errors import LoadError
from disclosure_published.spaced import detect_grid, spaced_tokens
from disclosure_published.stream import Token, row_break

MAX_TEXT_CHARS = 4_000_000
"""Longer inputs are refused: a report is some tens of thousands of characters."""

_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def decode(data: bytes, *, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), then GB18030 (older Chinese sites), else a LoadError.

    >>> decode("代县".encode("gb18030"), origin="a.txt")
    '代县'
    """
    nul = data.find(b"\x00", 0, 4096)
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError.keyed("published.binary", where=place_of(origin, byte=nul))
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(text) > MAX_TEXT_CHARS:
            raise LoadError.keyed("published.chars", where=origin, count=len(text), limit=MAX_TEXT_CHARS)
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise LoadError.keyed("published.encoding", where=place_of(origin, line=1))


def text_tokens(text: str, *, origin: str) -> list[Token]:
    """The token stream of a plain-text or ``|``-transcribed report."""
    lines = text.split("\n")
    tabbed = any(line.startswith("\t") for line in lines)
    grid = None if tabbed else detect_grid(text)
    if grid is not None:
        return spaced_tokens(text, origin=origin, grid=grid)
    tokens: list[Token] = []
    for number, line in enumerate(lines, start=1):
        where = Provenance(origin, line=number)
        if "|" in line and _is_row(line):
            for index, field in enumerate(_fields(line), start=1):
                tokens.append(Token(field.strip(), Provenance(origin, line=number, cell=f"C{index}"), cell=True))
            tokens.append(row_break(where))
        elif line.startswith("\t"):
            tokens.append(Token(line.strip(), where, cell=True))
        elif not line:
            if tabbed:
                tokens.append(row_break(where))
        elif not line.strip():
            tokens.append(Token("", where, cell=tabbed))
        else:
            tokens.append(Token(line, where))
    return tokens


_PIPE_ROW = re.compile(r"\s\|\s|\s\|$|^\|\s|\|\|")


def _is_row(line: str) -> bool:
    """A transcribed row has `` | `` separators; a line ending like a sentence is running text that quotes one."""
    return _PIPE_ROW.search(line) is not None and not line.rstrip().endswith((".", "。"))


def _fields(line: str) -> list[str]:
    fields = line.split("|")
    # "a | b |" ends with a separator, not with an empty cell; "a | b | " ends with a blank cell.
    if fields and fields[-1] == "":
        fields.pop()
    return fields
