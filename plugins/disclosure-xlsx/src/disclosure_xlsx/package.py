"""Saving a workbook so that the same report always gives the same bytes.

openpyxl stamps the save time into ``docProps/core.xml`` and every ZIP member; here the document
properties carry a fixed date and the archive is rewritten with fixed member times, a fixed member order
(``[Content_Types].xml`` first, as Excel writes it) and fixed compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Created and modified date of every rendered workbook: a rendering has no date of its own."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def workbook_bytes(workbook: Workbook) -> bytes:
    """The XLSX bytes of ``workbook``, deterministic for the same content."""
    workbook.properties.creator = "disclosure-core"
    workbook.properties.lastModifiedBy = "disclosure-core"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        ordered = [name for name in _FIRST if name in names] + [name for name in names if name not in _FIRST]
        for name in ordered:
            member = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            target.writestr(member, source.read(name), compresslevel=6)
    return out.getvalue()
