"""disclosure-docx: the report as an official DOCX document, and reading such a document back.

>>> from disclosure_docx import DocxRenderer, DocxSource
>>> DocxRenderer().name, DocxSource().suffixes
('docx', ('.docx',))
"""

from __future__ import annotations

from disclosure_docx.renderer import DocxRenderer
from disclosure_docx.source import DocxSource

__all__ = ["DocxRenderer", "DocxSource"]
