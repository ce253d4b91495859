"""Ruled tables found on a PDF page, as grids of cells with their x-positions; page frames told apart.

pdfplumber finds every set of ruled lines that encloses cells. Not all of them are tables: a page frame
(a border round the text block, split by the rule under a running header) or a box drawn round a note
encloses paragraphs. A grid is a table when it holds the layout's labels (a cell whose whole text is a
label), or when most of its cells hold values (a table's continuation may print values only); a grid
that encloses another grid is a frame whatever it holds.

>>> frame = Grid(1, (0, 0, 500, 800), ((Cell("某县人民政府2022年…报告\\n一、总体情况…", 0, 500, 0),),))
>>> frame.is_table(lambda text: False), frame.width
(False, 1)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from disclosure_published.cells import looks_like_value

LabelTest = Callable[[str], bool]
"""Whether a cell's whole text is one of the layout's labels."""

_TOLERANCE = 2.0  # points: ruling lines of one grid drawn by different strokes meet within this


@attrs.frozen
class Cell:
    """One cell of a grid: its text, left and right edge, and the grid column it starts in."""

    text: str
    x0: float
    x1: float
    column: int

    @property
    def is_value(self) -> bool:
        """Whether the cell holds a value (a number, a placeholder, or nothing)."""
        return looks_like_value(self.text)


@attrs.frozen
class Grid:
    """A ruled grid on one page: its box (x0, top, x1, bottom) and its rows of cells, left to right.

    A row lists only the cells that start in it; positions covered by a merged cell are not listed.
    """

    page: int
    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[Cell, ...], ...]
    columns: tuple[float, ...] = ()

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return max(len(self.columns), 1)

    def is_table(self, is_label: LabelTest) -> bool:
        """Whether the grid is a table: a label in a cell of its own, or mostly values in several columns."""
        texts = [cell.text for row in self.rows for cell in row if cell.text.strip()]
        if any(is_label(text) for text in texts):
            return True
        values = sum(1 for text in texts if looks_like_value(text))
        return self.width >= 2 and len(texts) >= 2 and values * 2 >= len(texts)

    def encloses(self, other: Grid) -> bool:
        """Whether ``other`` lies inside this grid's box."""
        x0, top, x1, bottom = self.bbox
        a, b, c, d = other.bbox
        inside = x0 - _TOLERANCE <= a and top - _TOLERANCE <= b and c <= x1 + _TOLERANCE and d <= bottom + _TOLERANCE
        return other is not self and inside

    def value_rows(self) -> list[tuple[Cell, ...]]:
        """The rows that hold at least one printed value (a table's body, not its header)."""
        return [row for row in self.rows if any(c.text.strip() and c.is_value for c in row)]

    def data_start(self) -> int | None:
        """The first grid column of the data area: right of every label printed in a row that holds values.

        None when no row holds a value. A row's label may be followed by blank cells of a label area
        several columns wide; those are no values.
        """
        rows = self.value_rows()
        if not rows:
            return None
        label_ends = [self._end_column(c) for row in rows for c in row if c.text.strip() and not c.is_value]
        if label_ends:
            return max(label_ends) + 1
        return min(c.column for row in rows for c in row)  # values only (Table 3's row): blanks count too

    def _end_column(self, cell: Cell) -> int:
        """The last grid column a cell covers."""
        return max((i for i, x in enumerate(self.columns) if x < cell.x1 - _TOLERANCE), default=cell.column)

    def covers(self, cell: Cell) -> range:
        """The grid columns a cell spans."""
        return range(cell.column, self._end_column(cell) + 1)

    def same_columns(self, other: Grid, start: int, other_start: int) -> bool:
        """Whether two grids' data areas have their columns at the same x-positions."""
        mine, theirs = self.columns[start:], other.columns[other_start:]
        return len(mine) == len(theirs) and all(abs(a - b) <= _TOLERANCE for a, b in zip(mine, theirs, strict=True))


def page_grids(page: Any, number: int) -> list[Grid]:
    """The ruled grids pdfplumber finds on a page, in top-to-bottom order."""
    grids = []
    for table in page.filter(_drawn).find_tables():
        columns = sorted({round(bbox[0], 1) for row in table.rows for bbox in row.cells if bbox is not None})
        merged = _merge_close(columns)
        rows = []
        for row, texts in zip(table.rows, table.extract(), strict=True):
            cells = []
            for bbox, text in zip(row.cells, texts, strict=True):
                if bbox is None or text is None:
                    continue
                column = min(range(len(merged)), key=lambda i: abs(merged[i] - bbox[0]))
                cells.append(Cell(joined_dashes(text.strip()), bbox[0], bbox[2], column))
            rows.append(tuple(cells))
        grids.append(Grid(number, tuple(table.bbox), tuple(rows), tuple(merged)))
    return sorted(grids, key=lambda grid: grid.bbox[1])


_SPACED_DASHES = re.compile("(?<=[\u2014\u2015\u2500])\\s+(?=[\u2014\u2015\u2500])")


def joined_dashes(text: str) -> str:
    """The text without the space or line break extraction put between the two halves of a Chinese dash
    (——): each is a glyph of its own, which a fallback font draws apart, or a narrow cell wraps.

    >>> joined_dashes("— —"), joined_dashes("—\\n—"), joined_dashes("— 3")
    ('——', '——', '— 3')
    """
    return _SPACED_DASHES.sub("", text)


def _merge_close(xs: Sequence[float]) -> list[float]:
    """Column edges closer than the tolerance are one edge (strokes of different widths)."""
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > _TOLERANCE:
            merged.append(x)
    return merged


def tables_of(grids: list[Grid], is_label: LabelTest) -> list[Grid]:
    """The grids that are tables: not frames round other grids or round text."""
    return [g for g in grids if not any(g.encloses(other) for other in grids) and g.is_table(is_label)]


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
