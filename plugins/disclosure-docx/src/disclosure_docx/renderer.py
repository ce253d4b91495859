"""The DOCX renderer: the report as an official document — title, lead, six sections, the three tables, signature.

The same report always gives the same bytes: document timestamps come from the report (its publication date,
else a fixed date), zip entries carry a fixed date and order, and nothing else varies.

Headings are printed as the report gives them; ``DocxRenderer(numbering="official")`` (registered as
``docx-numbered``) prints the official 一、…六、 and （一）… instead, noting in the metadata what the source printed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, Literal

import attrs
import docx
import docx.document
from docx.oxml.ns import qn
from docx.shared import Pt

from disclosure_core import AbsenceKind, Absent, Money, RenderOptions, Report, to_dict
from disclosure_core.layouts import CellKind, Layout
from disclosure_core.rendering import (
    DOCX_PACKAGE_FIRST,
    OutlinePart,
    deterministic_zip,
    format_date,
    is_subheading,
    outline,
    report_title,
    title_lines,
)
from disclosure_docx.numbering import Renumbered, numbered_outline
from disclosure_docx.package import write_metadata
from disclosure_docx.tables import table_xml
from disclosure_docx.template import BODY, HEADING, SIGNATURE, SUBHEADING, TITLE, template_bytes

UNDATED = dt.datetime(2000, 1, 1)
"""The document timestamp of a report without a publication date (fixed, so output stays deterministic)."""


class DocxRenderer:
    """Renders a report as an official DOCX (A4, GB/T 9704 margins and fonts, official table structure).

    >>> from disclosure_core import Body, Report, builtin_layout, RenderOptions
    >>> data = DocxRenderer().render(Report("gov-2021", 2025, Body("某县人民政府", "county")),
    ...                              RenderOptions(builtin_layout("gov-2021")))
    >>> data[:2]
    b'PK'
    """

    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def __init__(self, *, numbering: Literal["as-printed", "official"] = "as-printed") -> None:
        if numbering not in ("as-printed", "official"):
            raise ValueError(f"numbering must be 'as-printed' or 'official', not {numbering!r}")
        self.numbering = numbering
        official = numbering == "official"
        self.name = "docx-numbered" if official else "docx"
        self.description = "official DOCX document, GB/T 9704 style" + (
            ", headings numbered 一、…六、 and （一）… (disclosure-docx)" if official else " (disclosure-docx)"
        )

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The document as bytes. Findings are not printed: the DOCX is the document as published."""
        layout = options.layout
        parts = outline(report, layout)
        renumbered: tuple[Renumbered, ...] = ()
        if self.numbering == "official":
            parts, renumbered = numbered_outline(parts)
        document = docx.Document(io.BytesIO(template_bytes()))
        styles = {style.style_id: style for style in document.styles}
        title = report_title(report)
        lines = title_lines(title)
        paragraph = document.add_paragraph(style=styles[TITLE])
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
        for text in report.lead:
            document.add_paragraph(text, style=styles[BODY])
        for part in parts:
            document.add_paragraph(part.heading, style=styles[HEADING])
            for index, text in enumerate(part.paragraphs):
                written = document.add_paragraph(text, style=styles[SUBHEADING if is_subheading(text) else BODY])
                if part.tables and index == len(part.paragraphs) - 1:
                    written.paragraph_format.keep_with_next = True  # the text that introduces a table stays with it
            for table in part.tables:
                document.element.body.sectPr.addprevious(table_xml(report, layout, table.id))
        signature = [text for text in (report.publisher, report.published and format_date(report.published)) if text]
        if signature:
            last = document.paragraphs[-1] if document.paragraphs else None
            if last is not None and document.element.body.sectPr.getprevious() is last._p:
                last.paragraph_format.keep_with_next = True  # the signature never stands alone on the last page
        for index, text in enumerate(signature):
            signed = document.add_paragraph(text, style=styles[SIGNATURE])
            if index == 0:
                if len(signature) > 1:
                    signed.paragraph_format.keep_with_next = True
                signed.paragraph_format.space_before = Pt(56)  # two blank lines above the signature
        last = document.element.body.sectPr.getprevious()
        if last is not None and last.tag == qn("w:tbl"):
            document.add_paragraph(style=styles[BODY])  # Word requires a paragraph after a final table
        _core_properties(document, report, layout, title)
        write_metadata(document, _metadata(report, layout, parts, renumbered))
        buffer = io.BytesIO()
        document.save(buffer)
        return deterministic_zip(buffer.getvalue(), first=DOCX_PACKAGE_FIRST)


def _core_properties(document: docx.document.Document, report: Report, layout: Layout, title: str) -> None:
    properties = document.core_properties
    stamp = dt.datetime.combine(report.published, dt.time()) if report.published else UNDATED
    properties.title = title
    properties.author = report.publisher or report.body.name
    properties.subject = f"{report.body.name} {report.year}"
    properties.keywords = "政府信息公开工作年度报告"
    properties.comments = f"{layout.title.zh}（{layout.basis}）"
    properties.category = layout.id
    properties.language = "zh-CN"
    properties.last_modified_by = "disclosure-core"
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp


def _metadata(
    report: Report, layout: Layout, parts: tuple[OutlinePart, ...], renumbered: tuple[Renumbered, ...]
) -> dict[str, Any]:
    """What the page does not show, for reading the document back (see :mod:`disclosure_docx.package`)."""
    head = to_dict(report, layouts={layout.id: layout})
    for printed in ("schema", "tables", "lead", "sections", "provenance"):
        head.pop(printed, None)
    not_applicable, unitless = [], []
    for address, value in report.tables:
        if isinstance(value, Absent) and value.kind is AbsenceKind.NOT_APPLICABLE:
            not_applicable.append(str(address))
        column = layout.column_of(address) if layout.has_cell(address) else None
        if isinstance(value, Money) and value.unit is None and column and column.kind is CellKind.MONEY and column.unit:
            unitless.append(str(address))  # printed bare, like an amount in the column's unit
    notes = {"renumbered": [attrs.asdict(note) for note in renumbered]} if renumbered else {}
    return {
        **notes,
        "report": head,
        "headings": {
            part.id: "missing" if part.section is None else "official" if part.official else "own" for part in parts
        },
        "not_applicable": sorted(not_applicable),
        "money_without_unit": sorted(unitless),
    }


def numbered_docx() -> DocxRenderer:
    """The DOCX renderer with the official heading numbering (registered as ``docx-numbered``).

    >>> numbered_docx().name
    'docx-numbered'
    """
    return DocxRenderer(numbering="official")
