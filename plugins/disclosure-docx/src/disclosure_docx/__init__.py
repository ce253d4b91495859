"""disclosure-docx: the report as an official DOCX document and PDF, and reading such a document back.

>>> from disclosure_docx import DocxRenderer, DocxSource, PdfRenderer
>>> DocxRenderer().name, PdfRenderer().name, DocxSource().suffixes
('docx', 'pdf', ('.docx',))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_core.renderers import lazy_exports

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


__getattr__ = lazy_exports(__name__, _WHERE)


__all__ = ["DocxRenderer", "DocxSource", "PdfRenderer"]
