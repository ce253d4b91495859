"""Saving a workbook so that the same report always gives the same bytes.

openpyxl stamps the save time into ``docProps/core.xml`` and every ZIP member; here the document
properties carry a fixed date and the archive is rewritten by the writer every package renderer shares
(:func:`disclosure_core.rendering.deterministic_zip`: fixed member times, order and compression).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from disclosure_core.rendering import deterministic_zip

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Created and modified date of every rendered workbook: a rendering has no date of its own."""


def workbook_bytes(workbook: Workbook) -> bytes:
    """The XLSX bytes of ``workbook``, deterministic for the same content."""
    workbook.properties.creator = "disclosure-core"
    workbook.properties.lastModifiedBy = "disclosure-core"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return deterministic_zip(raw.getvalue())
