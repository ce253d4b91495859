"""Saving a workbook so that the same report always gives the same bytes.

openpyxl stamps the save time into ``docProps/core.xml`` and every ZIP member; here the document
properties carry a fixed date and the archive is written with fixed member times, a fixed member order
(``[Content_Types].xml`` first, as Excel writes it) and fixed compression, once: openpyxl's parts are
collected in memory rather than compressed into a first archive and read back.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Created and modified date of every rendered workbook: a rendering has no date of its own."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


class _Members:
    """Stands in for the ZIP archive openpyxl writes into: keeps each member's bytes, in the order written."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def writestr(self, name: str, data: str | bytes) -> None:
        self.members[str(name)] = data.encode("utf-8") if isinstance(data, str) else data

    def namelist(self) -> list[str]:
        return list(self.members)

    def write(self, filename: str, arcname: str) -> None:
        with open(filename, "rb") as file:
            self.members[arcname] = file.read()


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer, with each worksheet serialised to memory instead of a temporary file of its own
    (creating and removing those files was a tenth of a rendering)."""

    def __init__(self, workbook: Workbook, members: _Members) -> None:
        super().__init__(workbook, cast(zipfile.ZipFile, members))  # it only calls what _Members has
        self._members = members

    def write_worksheet(self, ws: Any) -> None:  # ExcelWriter.write_worksheet, but into memory
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer: Any = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._members.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The XLSX bytes of ``workbook``, deterministic for the same content."""
    workbook.properties.creator = "disclosure-core"
    workbook.properties.lastModifiedBy = "disclosure-core"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    written = _Members()
    _InMemoryWriter(workbook, written).write_data()
    names = list(written.members)
    ordered = [name for name in _FIRST if name in names] + [name for name in names if name not in _FIRST]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            member = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            target.writestr(member, written.members[name], compresslevel=6)
    return out.getvalue()
