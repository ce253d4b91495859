"""disclosure-docx: the report as an official DOCX document and PDF, and reading such a document back.

>>> from disclosure_docx import DocxRenderer, DocxSource, PdfRenderer
>>> DocxRenderer().name, PdfRenderer().name, DocxSource().suffixes
('docx', 'pdf', ('.docx',))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from disclosure_docx.pdf import PdfRenderer
    from disclosure_docx.renderer import DocxRenderer
    from disclosure_docx.source import DocxSource

_WHERE = {
    "DocxRenderer": "disclosure_docx.renderer",
    "DocxSource": "disclosure_docx.source",
    "PdfRenderer": "disclosure_docx.pdf",
}
"""Each public name and its module, imported on first use: the entry point stays cheap to import."""


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DocxRenderer", "DocxSource", "PdfRenderer"]
