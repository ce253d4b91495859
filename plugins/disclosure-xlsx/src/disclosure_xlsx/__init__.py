"""disclosure-xlsx: the fill-in workbook of 政府信息公开工作年度报告, as a renderer and a source.

>>> from disclosure_xlsx import XlsxRenderer, XlsxSource
>>> XlsxRenderer.name, XlsxSource.name
('xlsx', 'xlsx')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from disclosure_xlsx.renderer import XlsxRenderer
    from disclosure_xlsx.source import XlsxSource

_WHERE = {
    "XlsxRenderer": "disclosure_xlsx.renderer",
    "XlsxSource": "disclosure_xlsx.source",
}
"""Each public name and its module, imported on first use: the entry point stays cheap to import."""


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["XlsxRenderer", "XlsxSource"]
