"""disclosure-xlsx: the fill-in workbook of 政府信息公开工作年度报告, as a renderer and a source.

>>> from disclosure_xlsx import XlsxRenderer, XlsxSource
>>> XlsxRenderer.name, XlsxSource.name
('xlsx', 'xlsx')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_core.renderers import lazy_exports

if TYPE_CHECKING:
    from disclosure_xlsx.renderer import XlsxRenderer
    from disclosure_xlsx.source import XlsxSource

_WHERE = {
    "XlsxRenderer": "disclosure_xlsx.renderer",
    "XlsxSource": "disclosure_xlsx.source",
}
"""Each public name and its module, imported on first use: the entry point stays cheap to import."""


__getattr__ = lazy_exports(__name__, _WHERE)


__all__ = ["XlsxRenderer", "XlsxSource"]
