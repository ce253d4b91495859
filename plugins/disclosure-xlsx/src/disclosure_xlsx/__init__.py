"""disclosure-xlsx: the fill-in workbook of 政府信息公开工作年度报告, as a renderer and a source.

>>> from disclosure_xlsx import XlsxRenderer, XlsxSource
>>> XlsxRenderer.name, XlsxSource.name
('xlsx', 'xlsx')
"""

from __future__ import annotations

from disclosure_xlsx.renderer import XlsxRenderer
from disclosure_xlsx.source import XlsxSource

__all__ = ["XlsxRenderer", "XlsxSource"]
