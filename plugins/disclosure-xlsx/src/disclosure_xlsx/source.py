"""The ``xlsx`` source: reads a filled-in workbook (as the ``xlsx`` renderer draws it) back into a report."""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_core import Diagnostic, Loaded, ReportHints
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout
from disclosure_xlsx.geometry import table_sheet
from disclosure_xlsx.info_reader import read_info
from disclosure_xlsx.info_sheet import INFO_SHEET
from disclosure_xlsx.table_reader import read_table
from disclosure_xlsx.workbook_reader import Grid, read_grids

_ZIP_MAGIC = b"PK\x03\x04"


class XlsxSource:
    """Reads the fill-in workbook; every value keeps its sheet and cell (e.g. "表2!D7") as provenance.

    >>> XlsxSource().sniff(b"PK\\x03\\x04...", "report.xlsx"), XlsxSource().sniff(b"{", "report.xlsx")
    (True, False)
    """

    name = "xlsx"
    suffixes: tuple[str, ...] = (".xlsx", ".xlsm")
    description = "fill-in workbook (XLSX) as drawn by the xlsx renderer"

    def sniff(self, head: bytes, filename: str) -> bool:
        """A ZIP archive named like a workbook, or one whose first members are a workbook's."""
        if not head.startswith(_ZIP_MAGIC):
            return False
        return filename.lower().endswith(self.suffixes) or b"xl/workbook.xml" in head

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """Read the workbook; :class:`LoadError` naming the file (and the cell) when it cannot be a report."""
        grids = read_grids(data, origin)
        if INFO_SHEET not in grids:
            raise LoadError.keyed("xlsx.no_info_sheet", where=origin, sheet=repr(INFO_SHEET))
        report, diagnostics = read_info(grids[INFO_SHEET], origin, layouts)
        layout = layouts[report.format]
        cached: dict[str, Grid] = {}

        def saved_result(sheet: str, row: int, column: int) -> object:
            if not cached:  # formulas typed into value cells are rare: parse the saved results only then
                cached.update(read_grids(data, origin, cached=True))
            return cached[sheet].get(row, column)

        notes: list[Diagnostic] = list(diagnostics)
        cells = {}
        for table in layout.tables:
            shape = table_sheet(table)
            grid = grids.get(shape.name)
            if grid is None:
                raise LoadError.keyed("xlsx.no_sheet", where=origin, sheet=repr(shape.name), label=table.label.zh)
            read = read_table(grid, shape, origin, saved_result)
            cells.update(read.cells)
            notes.extend(read.diagnostics)
            if grid.truncated:
                notes.append(Diagnostic.keyed("xlsx.truncated", sheet=shape.name))
        return Loaded(report.with_cells(cells), notes)
