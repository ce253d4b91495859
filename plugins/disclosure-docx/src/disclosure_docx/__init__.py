"""disclosure-docx: the report as an official DOCX document and PDF, and reading such a document back.

>>> from disclosure_docx import DocxRenderer, DocxSource, PdfRenderer
>>> DocxRenderer().name, PdfRenderer().name, DocxSource().suffixes
('docx', 'pdf', ('.docx',))
"""

from __future__ import annotations

from disclosure_docx.pdf import PdfRenderer
from disclosure_docx.renderer import DocxRenderer
from disclosure_docx.source import DocxSource

__all__ = ["DocxRenderer", "DocxSource", "PdfRenderer"]
