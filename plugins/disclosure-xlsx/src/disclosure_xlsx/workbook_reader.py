"""Opening an untrusted workbook safely and taking what its sheets hold as plain grids of values.

The archive is checked before openpyxl sees it (sizes, ratios, no DTD: :func:`disclosure_core.sources.check_archive`);
openpyxl then parses with defusedxml. Only the first rows and columns are read: the form is small, and a
sheet padded with a million rows must not cost a million rows of work.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import attrs
import openpyxl

from disclosure_core.errors import LoadError, reraise_as_load_error
from disclosure_core.sources import check_archive, fold
from disclosure_xlsx.ooxml_text import unescape

MAX_BYTES = 32 * 1024 * 1024
MAX_ROWS = 2_000
MAX_COLUMNS = 64


def normalize(text: object) -> str:
    """A label as compared: NFKC (full-width forms folded) and without any whitespace.

    >>> normalize(" （一）予以 公开\\n")
    '(一)予以公开'
    """
    return "".join(fold(str(text)).split()) if text is not None else ""


@attrs.frozen
class Grid:
    """The non-empty cells of one sheet: values by (row, column), and which of them are formulas."""

    name: str
    values: dict[tuple[int, int], object]
    formulas: frozenset[tuple[int, int]]
    truncated: bool = False

    def get(self, row: int, column: int) -> object:
        """The value at a cell (a formula's text for formula cells), or None."""
        return self.values.get((row, column))

    def text(self, row: int, column: int) -> str:
        """The normalized text at a cell (see :func:`normalize`)."""
        return normalize(self.get(row, column))

    @property
    def last_row(self) -> int:
        """The last row holding anything (0 for an empty sheet)."""
        return max((row for row, _ in self.values), default=0)


def read_grids(data: bytes, origin: str, *, cached: bool = False) -> dict[str, Grid]:
    """Every sheet of the workbook as a :class:`Grid`; with ``cached``, formulas give their saved results.

    Anything unreadable is a :class:`LoadError` naming ``origin``.
    """
    if len(data) > MAX_BYTES:
        raise LoadError.keyed("xlsx.too_large", where=origin, size=len(data), limit=MAX_BYTES)
    check_archive(data, origin=origin)
    with reraise_as_load_error("xlsx.unreadable", where=origin):  # openpyxl raises a zoo of types for damage
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=cached)
    try:
        with reraise_as_load_error("xlsx.damaged", where=origin):
            return {
                sheet.title: _grid(sheet.title, sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS), sheet.max_row)
                for sheet in workbook.worksheets
            }
    finally:
        workbook.close()


def _grid(name: str, rows: Iterable[tuple[Any, ...]], declared_rows: int | None) -> Grid:
    values: dict[tuple[int, int], object] = {}
    formulas: set[tuple[int, int]] = set()
    for row in rows:
        for cell in row:
            value = cell.value
            if value is None:
                continue
            position = (int(cell.row), int(cell.column))
            if cell.data_type == "f":
                formulas.add(position)
            elif isinstance(value, str):
                value = unescape(value)
            values[position] = value
    return Grid(name, values, frozenset(formulas), truncated=(declared_rows or 0) > MAX_ROWS)
