"""The PDF renderer: the official DOCX, converted by LibreOffice to PDF/A-2b, as most bodies publish the report.

The PDF is what :class:`~disclosure_docx.renderer.DocxRenderer` writes, laid out by LibreOffice Writer (headless,
see :mod:`disclosure_docx.libreoffice`) with the official faces mapped to open ones. Its document properties
(title, author, subject, keywords) come from the DOCX's. LibreOffice stamps each PDF with the time of conversion
and a random document id; :mod:`disclosure_docx.pdf_stamp` replaces them by the report's own date and a digest of
the DOCX, so that one LibreOffice build, with one set of fonts, turns a report into the same bytes every time.
A different LibreOffice version or other installed fonts give another layout: the PDF is deterministic per
machine, not across machines.
"""

from __future__ import annotations

import datetime as dt
import json

from disclosure_core import RenderOptions, Report
from disclosure_docx.libreoffice import DEFAULT_TIMEOUT, convert
from disclosure_docx.pdf_stamp import restamp
from disclosure_docx.renderer import UNDATED, DocxRenderer

PDF_EXPORT = "pdf:writer_pdf_Export:" + json.dumps(
    {
        "SelectPdfVersion": {"type": "long", "value": "2"},  # PDF/A-2b: fonts embedded, colours declared
        "UseTaggedPDF": {"type": "boolean", "value": "true"},  # structure for screen readers
        "ExportBookmarks": {"type": "boolean", "value": "true"},  # the six headings as an outline
    },
    separators=(",", ":"),
)
"""LibreOffice's ``--convert-to`` argument (the JSON filter options need LibreOffice 7.4 or later)."""


class PdfRenderer:
    """Renders a report as the official PDF: the DOCX, converted by LibreOffice (which must be installed).

    >>> renderer = PdfRenderer()
    >>> renderer.name, renderer.suffix, renderer.media_type
    ('pdf', '.pdf', 'application/pdf')
    >>> PdfRenderer(DocxRenderer(numbering="official")).name
    'pdf-numbered'
    """

    suffix = ".pdf"
    media_type = "application/pdf"

    def __init__(self, docx: DocxRenderer | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.docx = docx or DocxRenderer()
        self.timeout = timeout
        self.name = "pdf" + self.docx.name.removeprefix("docx")  # pdf, or pdf-numbered for the official numbering
        self.description = (
            f"official PDF/A-2b: the {self.docx.name} document converted by LibreOffice (disclosure-docx)"
        )

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The PDF as bytes; :class:`~disclosure_core.errors.RenderError` when LibreOffice is missing or fails."""
        document = self.docx.render(report, options)
        pdf = convert(document, suffix=".docx", target=PDF_EXPORT, timeout=self.timeout)
        stamp = dt.datetime.combine(report.published, dt.time()) if report.published else UNDATED
        return restamp(pdf, stamp, document)


def numbered_pdf() -> PdfRenderer:
    """The PDF renderer with the official heading numbering (registered as ``pdf-numbered``).

    >>> numbered_pdf().name
    'pdf-numbered'
    """
    return PdfRenderer(DocxRenderer(numbering="official"))
