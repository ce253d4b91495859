"""Table grids as token rows, a table continued on the next page joined to its first part by its columns.

Every row that holds values is printed position by position: one token for each column of the table's
data area, in order, so that the mapper's left-to-right filling can never put a value one column over —
a blank cell of a wide label area is no value, and a position no cell starts in (merged with its
neighbour, or missing on the page) becomes a blank that says it is uncertain.

A grid that continues a table on the next page is matched to the first part's data columns: at the same
x-positions, or at others but as many (matched in order). When the counts differ, each order-keeping
placement of its columns is a candidate reading (:class:`Choice`) for the arithmetic to decide. A row
broken by the page (the label's last characters at the top of the next page) is joined back first.

>>> from disclosure_published.pdf_grid import Cell, Grid
>>> rows = ((Cell("不予公开", 0, 100, 0), Cell("1.国家秘密", 100, 150, 1), Cell("7", 150, 300, 2)),
...         (Cell("规章", 0, 100, 0), Cell("", 100, 150, 1), Cell("8", 150, 300, 2)))
>>> grid = Grid(2, (0, 0, 300, 40), rows, (0, 100, 150))
>>> reader = TableReader("a.pdf", lambda text: text in ("不予公开", "1.国家秘密", "规章"))
>>> [t.text for t in reader.read(grid, continues=False).tokens if t.cell]
['不予公开', '1.国家秘密', '7', '规章', '8']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

import attrs

from disclosure_core import Diagnostic, DiagnosticLevel, Provenance, Reading
from disclosure_core.catalogue import Text, words
from disclosure_published.pdf_grid import Cell, Grid, LabelTest
from disclosure_published.stream import Token, row_break, table_end

_MAX_MISSING = 2  # more columns missing than this is another table, not a continuation


_Where = Callable[..., Provenance]  # a cell's provenance from its grid column (and reading, reason)


@attrs.frozen
class Fragment:
    """The tokens of one grid, or several candidate readings of it (``readings[0]`` the natural one)."""

    tokens: tuple[Token, ...]
    readings: tuple[tuple[Token, ...], ...] = ()
    descriptions: tuple[Text, ...] = ()
    page: int = 0


@attrs.define
class _Frame:
    grid: Grid
    start: int
    columns: int


class TableReader:
    """Reads grids in printed order, remembering the last table's data columns for its continuation."""

    def __init__(self, origin: str, is_label: LabelTest) -> None:
        self.origin = origin
        self.is_label = is_label
        self.notes: list[Diagnostic] = []
        self._frame: _Frame | None = None
        self._count = 0

    def read(self, grid: Grid, *, continues: bool) -> Fragment:
        """The tokens of ``grid``; ``continues`` when it opens its page right after a table ended the last."""
        self._count += 1
        start = grid.data_start()
        frame = self._frame if continues else None
        if start is None:
            self._frame = frame
            return Fragment(tuple(self._tokens(grid, start or 0, {}, 0)), page=grid.page)
        found = grid.width - start
        if frame is not None and 0 < frame.columns - found <= _MAX_MISSING:
            return self._candidates(grid, start, frame.columns)
        if frame is not None and found == frame.columns and not grid.same_columns(frame.grid, start, frame.start):
            self._note("published.pdf.shifted", grid, page=grid.page, count=found)
        self._frame = _Frame(grid, start, found)
        identity = {start + i: i for i in range(found)}
        return Fragment(tuple(self._tokens(grid, start, identity, found)), page=grid.page)

    def _candidates(self, grid: Grid, start: int, width: int) -> Fragment:
        """Every order-keeping placement of a continuation's fewer columns among the table's."""
        found = grid.width - start
        readings, descriptions = [], []
        for placed in itertools.combinations(range(width), found):
            mapping = {start + i: p for i, p in enumerate(placed)}
            missing = [p + 1 for p in range(width) if p not in placed]
            readings.append(tuple(self._tokens(grid, start, mapping, width)))
            descriptions.append(words("published.pdf.column_missing", columns=", ".join(map(str, missing))))
        self._frame = _Frame(grid, start, width)
        return Fragment(readings[0], tuple(readings), tuple(descriptions), grid.page)

    def _note(self, key: str, grid: Grid, level: DiagnosticLevel = DiagnosticLevel.INFO, **values: object) -> None:
        where = Provenance(self.origin, page=grid.page)
        self.notes.append(Diagnostic.keyed(key, level, where, "pdf-table", **values))

    def _tokens(self, grid: Grid, start: int, mapping: dict[int, int], width: int) -> Iterator[Token]:
        index = self._count
        for r, row in enumerate(grid.rows, start=1):

            def where(c: int, reading: Reading = Reading.EXACT, why: str | None = None, r: int = r) -> Provenance:
                return Provenance(self.origin, grid.page, cell=f"T{index}R{r}C{c + 1}", reading=reading, reason=why)

            labels = [c for c in row if c.column < start and c.text]
            yield from (Token(text, where(column), cell=True) for text, column in self._joined(labels))
            data = [c for c in row if c.column >= start]
            if any(c.text and not c.is_value for c in data) or not data or not mapping:
                yield from (Token(c.text, where(c.column), cell=True) for c in data if c.text or not mapping)
            else:
                yield from self._positions(grid, data, mapping, width, where)
            yield row_break(Provenance(self.origin, page=grid.page))
        yield table_end(Provenance(self.origin, page=grid.page, cell=f"T{index}"))

    @staticmethod
    def _positions(grid: Grid, data: list[Cell], mapping: dict[int, int], width: int, where: _Where) -> Iterator[Token]:
        placed = {mapping[c.column]: c for c in data if c.column in mapping}
        covered = {mapping[k] for c in data for k in grid.covers(c) if k != c.column and k in mapping}
        for position in range(width):
            cell = placed.get(position)
            if cell is not None:
                parts = cell.text.split()
                if len(parts) > 1:  # "5 0": two cells whose dividing line was not drawn, or one number spaced out
                    why = words("reading.reason.numbers_in_cell", count=len(parts), page=grid.page).en
                    yield Token(
                        cell.text,
                        attrs.evolve(where(cell.column, Reading.UNCERTAIN, why), alternatives=tuple(parts)),
                        cell=True,
                    )
                else:
                    yield Token(cell.text, where(cell.column), cell=True)
                continue
            # Provenance.reason keeps English (the canonical JSON's field); the catalogue reads it back in Chinese.
            why = words(
                "reading.reason.merged_left" if position in covered else "reading.reason.no_cell", page=grid.page
            ).en
            yield Token("", where(start_of(mapping, position), Reading.UNCERTAIN, why), cell=True)

    def _joined(self, cells: Sequence[Cell]) -> Iterator[tuple[str, int]]:
        """Label cells, a label printed over two cells ("1." | "属于国家秘密") joined into one."""
        i = 0
        while i < len(cells):
            text = cells[i].text
            if i + 1 < len(cells) and not self.is_label(text) and self.is_label(text + cells[i + 1].text):
                yield text + cells[i + 1].text, cells[i].column
                i += 2
                continue
            yield text, cells[i].column
            i += 1


def start_of(mapping: dict[int, int], position: int) -> int:
    """The grid column a position maps from, or the nearest one left of it (for a cell's name)."""
    columns = [k for k, p in mapping.items() if p <= position]
    return max(columns) if columns else min(mapping, default=0)


def join_broken_row(first: Grid, next_part: Grid, is_label: LabelTest) -> tuple[Grid, Grid]:
    """The two parts of a table with a row broken by the page joined back into the first part.

    The next part's first body row holds only the ends of labels (no values): each is added to the label
    printed last in its column in the first part — the row's own label, or a group label merged over rows
    — when together they spell a label. Unless every end finds its label, nothing is joined.
    """
    start = next_part.data_start()
    if start is None or not first.rows:
        return first, next_part
    for index, row in enumerate(next_part.rows):
        data = [c for c in row if c.column >= start]
        if any(c.text and not c.is_value for c in data):
            continue  # a repeated header row
        tails = [c for c in row if c.column < start and c.text]
        if any(c.text for c in data) or not tails or any(is_label(c.text) for c in tails):
            return first, next_part
        rows = [list(r) for r in first.rows]
        for tail in tails:
            place = _head_of(rows, tail, is_label)
            if place is None:
                return first, next_part
            r, k = place
            rows[r][k] = attrs.evolve(rows[r][k], text=rows[r][k].text + tail.text)
        rest = next_part.rows[:index] + next_part.rows[index + 1 :]
        return attrs.evolve(first, rows=tuple(map(tuple, rows))), attrs.evolve(next_part, rows=rest)
    return first, next_part


def _head_of(rows: list[list[Cell]], tail: Cell, is_label: LabelTest) -> tuple[int, int] | None:
    """Where the label a tail continues was printed: the last label cell over the tail's x-position."""
    middle = (tail.x0 + tail.x1) / 2
    for r in range(len(rows) - 1, -1, -1):
        for k, cell in enumerate(rows[r]):
            if cell.x0 <= middle <= cell.x1 and cell.text and not cell.is_value:
                if is_label(cell.text) or not is_label(cell.text + tail.text):
                    return None
                return r, k
    return None
