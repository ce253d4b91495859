"""Cell-per-line text whose empty lines carry the grid: crawler captures of a web page's table.

A crawler that saves a page's text node by node writes one table cell per line, a fixed number of empty
lines between the cells of a row (the *cell gap*, S), a larger number between rows (the *row gap*, R), and a
blank cell as one more empty line followed by its own cell gap. So between two printed cells there are

* ``S + (S + 1) * k`` empty lines when they sit in one row with ``k`` blank cells between them;
* ``R + (S + 1) * k`` empty lines across a row break, with ``k`` blank cells at the end of the first row
  (or at the start of the second, when the second begins with a value and the first ended in a header).

S and R are learned from the document (the gaps between two numbers are cell gaps; the gaps between a
number and the next row's label are row gaps), so any S ≥ 1 and R that the two formulas tell apart are read.
Running text (headings, paragraphs of several lines) keeps its lines; a cell printed over two lines
("商业" / "企业") is joined back.

>>> cells, row = "\\n" * 3, "\\n" * 5  # two and four empty lines
>>> text = "规章" + cells + "0" + row + "\\n" * 6 + "规范性文件" + cells + "7" + cells + "25" + row + "行政许可"
>>> tokens = spaced_tokens(text, origin="a.txt", grid=Grid(cell=2, row=4))
>>> [("|" if t.is_break else t.text) for t in tokens]
['规章', '0', '', '', '|', '规范性文件', '7', '25', '|', '行政许可']
"""

from __future__ import annotations

import collections
import itertools
import re

import attrs

from disclosure_core import Provenance
from disclosure_published.cells import looks_like_value
from disclosure_published.headings import match_heading
from disclosure_published.stream import Token, row_break

_MIN_CELL_GAPS = 8  # value-to-value gaps needed before a document is taken to be spaced this way
_MAX_GAP = 5  # the largest cell gap tried
_MAX_WRAPPED = 8  # a cell wrapped over lines has short pieces ("商业" / "企业"), never sentences
_SENTENCE = re.compile(r"[。；;！？]")


@attrs.frozen
class _Line:
    text: str
    number: int  # 1-based line number in the document
    gap_after: int  # empty lines after it; -1 at the end of the document


@attrs.frozen
class Grid:
    """The two gaps of a spaced document: between cells of a row, and between rows."""

    cell: int
    row: int

    def decode(self, gap: int) -> tuple[bool, int] | None:
        """(row ends here, blank cells in between) for a gap between two cells; None when it fits neither.

        >>> Grid(2, 4).decode(2), Grid(2, 4).decode(8), Grid(2, 4).decode(7), Grid(2, 4).decode(6)
        ((False, 0), (False, 2), (True, 1), None)
        """
        step = self.cell + 1
        if gap >= self.cell and (gap - self.cell) % step == 0:
            return False, (gap - self.cell) // step
        if gap >= self.row and (gap - self.row) % step == 0:
            return True, (gap - self.row) // step
        return None


def _lines(text: str) -> list[_Line]:
    raw = text.split("\n")
    found: list[_Line] = []
    for index, line in enumerate(raw):
        if not line.strip():
            continue
        if found:
            previous = found[-1]
            found[-1] = attrs.evolve(previous, gap_after=index - previous.number)
        found.append(_Line(line, index + 1, -1))
    return found


def detect_grid(text: str) -> Grid | None:
    """The gaps of a spaced cell-per-line document, or None when its empty lines carry no grid.

    Every candidate pair of gaps is tried on the gaps after numbers: most gaps between two numbers must
    decode, most gaps between a number and a label must decode as a row break. Of the pairs that do, the
    cell gap is chosen first, on the gaps between numbers, then the row gap, on the gaps before labels:

    1. most gaps between numbers read as cell gaps (two numbers of one row): (S, R) = (1, 2), which
       decodes any gap at all, reads the 2s of a (2, 4) document as row breaks, so it does not pass for it;
    2. then most gaps exactly S: S = 1 also reads every gap of a (3, R) document as cells with blanks;
    3. then most gaps before labels read as row breaks: a row gap too large leaves the rows that end on a
       printed cell unread, whichever ending is commoner (tables whose last column is mostly blank);
    4. then most gaps exactly R: (S, R) and (S, R + S + 1) read the same breaks when no row ends on a
       printed cell, and no blank cells is the likelier reading.

    A document with an empty line after every line (excerpts copied that way) has no row gap apart from its
    cell gap, so it is not spaced: its empty lines say nothing.

    >>> detect_grid("1\\n\\n\\n2\\n\\n\\n3\\n\\n\\n\\n\\n甲\\n\\n\\n4\\n\\n\\n5\\n\\n\\n6\\n\\n\\n7\\n\\n\\n8\\n\\n\\n9\\n\\n\\n10\\n\\n\\n11\\n\\n\\n\\n\\n乙")
    Grid(cell=2, row=4)
    >>> detect_grid("1\\n\\n2\\n\\n3\\n\\n甲\\n\\n4")
    """
    lines = _lines(text)
    between_values: collections.Counter[int] = collections.Counter()
    before_labels: collections.Counter[int] = collections.Counter()
    for line, following in itertools.pairwise(lines):
        if not looks_like_value(line.text):
            continue
        if looks_like_value(following.text):
            between_values[line.gap_after] += 1
        else:
            before_labels[line.gap_after] += 1
    values, labels = sum(between_values.values()), sum(before_labels.values())
    if values < _MIN_CELL_GAPS:
        return None
    best: tuple[tuple[int, ...], Grid] | None = None
    for cell in range(1, _MAX_GAP + 1):
        for row in range(cell + 1, 4 * cell + 4):
            if (row - cell) % (cell + 1) == 0:
                continue
            grid = Grid(cell, row)
            decoded = sum(n for gap, n in between_values.items() if grid.decode(gap) is not None)
            in_row = sum(n for gap, n in between_values.items() if (grid.decode(gap) or (True, 0))[0] is False)
            breaks = sum(n for gap, n in before_labels.items() if (grid.decode(gap) or (False, 0))[0])
            if breaks < 2 or breaks < 0.8 * labels or decoded < 0.8 * values:
                continue
            score = (in_row, between_values[cell], breaks, before_labels[row], -cell, -row)
            if best is None or score > best[0]:
                best = (score, grid)
    return best[1] if best else None


def spaced_tokens(text: str, *, origin: str, grid: Grid | None = None) -> list[Token]:
    """The token stream of a spaced cell-per-line document (see the module docstring)."""
    grid = grid or detect_grid(text)
    if grid is None:
        raise ValueError("not a spaced cell-per-line document")
    pieces = _pieces(_lines(text), grid)
    tokens: list[Token] = []
    for index, (piece, is_cell) in enumerate(pieces):
        tokens.append(Token(piece.text, Provenance(origin, line=piece.number), cell=is_cell))
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if following is None:
            continue
        if not (is_cell and following[1]):
            if is_cell or following[1]:
                tokens.append(row_break(Provenance(origin, line=piece.number)))
            continue
        decoded = grid.decode(piece.gap_after)
        if decoded is None:
            tokens.append(row_break(Provenance(origin, line=piece.number)))
            continue
        ends_row, blanks = decoded
        lines = [piece.number + (i + 1) * (grid.cell + 1) for i in range(blanks)]
        blank_cells = [Token("", Provenance(origin, line=line), cell=True) for line in lines]
        if not ends_row:
            tokens.extend(blank_cells)
        elif looks_like_value(following[0].text) and not looks_like_value(piece.text):
            # A header ended the first row and the second begins with blank cells (a table printing only
            # some of its cells: the blanks stand under the header, before the first value).
            tokens.append(row_break(Provenance(origin, line=piece.number)))
            tokens.extend(blank_cells)
        else:
            tokens.extend(blank_cells)
            tokens.append(row_break(Provenance(origin, line=piece.number)))
    return tokens


def _pieces(lines: list[_Line], grid: Grid) -> list[tuple[_Line, bool]]:
    """The document's lines as cells or running text, wrapped cells joined."""
    pieces: list[tuple[_Line, bool]] = []
    start = 0
    while start < len(lines):
        end = start
        while lines[end].gap_after == 0:
            end += 1
        chain = lines[start : end + 1]
        gap_before = lines[start - 1].gap_after if start else -1
        pieces.extend(_chain(chain, gap_before, grid))
        start = end + 1
    return pieces


def _chain(chain: list[_Line], gap_before: int, grid: Grid) -> list[tuple[_Line, bool]]:
    """Lines with no empty line between them: one cell (perhaps wrapped) between table gaps, or text."""
    gap_after = chain[-1].gap_after
    between_cells = grid.decode(gap_before) is not None or grid.decode(gap_after) is not None
    if len(chain) == 1:
        line = chain[0]
        return [(line, between_cells and _cell_like(line.text))]
    wrapped = all(len(line.text.strip()) <= _MAX_WRAPPED and _cell_like(line.text) for line in chain)
    if between_cells and gap_after != -1 and wrapped and not any(re.search(r"\d", ln.text) for ln in chain):
        joined = "".join(line.text.strip() for line in chain)
        return [(attrs.evolve(chain[0], text=joined, gap_after=gap_after), True)]
    return [(line, False) for line in chain]


def _cell_like(text: str) -> bool:
    """Not a section heading, not a sentence of running text."""
    stripped = text.strip()
    return match_heading(stripped) is None and not (len(stripped) > 30 and _SENTENCE.search(stripped[-1:]))
