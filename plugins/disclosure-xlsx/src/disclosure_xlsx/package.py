"""Saving a workbook so that the same report always gives the same bytes.

openpyxl stamps the save time into ``docProps/core.xml`` and every ZIP member; here the document
properties carry a fixed date and the archive is rewritten by the writer every package renderer shares
(:func:`disclosure_core.rendering.deterministic_zip`: fixed member times, order and compression). openpyxl
writes its parts uncompressed and without temporary files, so that compression happens once.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from disclosure_core.rendering import deterministic_zip

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Created and modified date of every rendered workbook: a rendering has no date of its own."""


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer, with each worksheet serialised to memory instead of a temporary file of its own
    (creating and removing those files was a tenth of a rendering)."""

    def __init__(self, workbook: Workbook, archive: zipfile.ZipFile) -> None:
        super().__init__(workbook, archive)
        self._parts = archive

    def write_worksheet(self, ws: Any) -> None:  # ExcelWriter.write_worksheet, but into memory
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer: Any = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._parts.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The XLSX bytes of ``workbook``, deterministic for the same content."""
    workbook.properties.creator = "disclosure-core"
    workbook.properties.lastModifiedBy = "disclosure-core"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:  # compressed once, by deterministic_zip
        _InMemoryWriter(workbook, archive).save()
    return deterministic_zip(raw.getvalue())
