"""The DOCX source: reads back a document written by :class:`~disclosure_docx.renderer.DocxRenderer`.

Everything printed is read from the page — title, lead, section headings and paragraphs, every table cell
(through the same :func:`~disclosure_docx.tables.table_plan` the renderer wrote it with), the signature — and
what the page does not show comes from the document's metadata property. A label that differs from the
format's (someone edited the table) is reported as a diagnostic, with its table, row and column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import docx
import docx.document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from lxml import etree

from disclosure_core import (
    BLANK,
    AbsenceKind,
    Absent,
    CellValue,
    Count,
    Diagnostic,
    DiagnosticLevel,
    Loaded,
    Money,
    Provenance,
    ReportHints,
    Tables,
    from_dict,
    placeholder,
)
from disclosure_core.catalogue import Text
from disclosure_core.errors import LoadError, reraise_as_load_error
from disclosure_core.layouts import CellAddress, CellKind, ColumnSpec, GridRole, Layout, TableLayout, unknown_layout
from disclosure_core.rendering import report_title
from disclosure_core.sources import check_archive, located, written_by_disclosure_docx
from disclosure_docx.package import MetadataError, read_metadata
from disclosure_docx.tables import table_plan
from disclosure_docx.template import HEADING, SIGNATURE, TITLE

_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_COUNT = re.compile(r"-?\d+")
_MONEY = re.compile(r"(-?\d+(?:\.\d+)?)(\D*)")


class DocxSource:
    """Reads DOCX documents written by disclosure-docx back into reports.

    >>> from disclosure_core import builtin_layout, load, official_layouts
    >>> from disclosure_docx import DocxRenderer
    >>> from disclosure_core.renderers import RenderOptions
    >>> report = load("examples/daixian-2020.json").report
    >>> data = DocxRenderer().render(report, RenderOptions(builtin_layout("gov-2019")))
    >>> DocxSource().load(data, origin="daixian.docx", layouts=official_layouts()).report.tables == report.tables
    True
    """

    name = "docx"
    suffixes: tuple[str, ...] = (".docx",)
    description = "DOCX documents written by disclosure-docx"

    def sniff(self, head: bytes, filename: str) -> bool:
        """A DOCX package whose first bytes show this plugin's metadata property, whatever its name.

        Other DOCX files are published reports for a reader of the printed page (``published-docx``):
        both sources look at the same property, so exactly one of them claims any DOCX file.
        """
        return written_by_disclosure_docx(head)

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """Read the document; a LoadError names ``origin`` and the place for anything unreadable."""
        check_archive(data, origin=origin)  # zip bombs, entity declarations, oversized parts: before any XML parser
        with reraise_as_load_error("docx.unreadable", where=origin):  # python-docx: zip, XML and KeyError alike
            document = docx.Document(io.BytesIO(data))
        if document.element.tag != qn("w:document"):  # python-docx takes whatever the main relationship names
            raise LoadError.keyed("docx.not_word", where=origin, root=document.element.tag)
        try:
            metadata = read_metadata(document)
        except MetadataError as exc:
            raise LoadError.said(exc.words, where=f"{origin}: docProps/custom.xml", key=exc.key) from None
        except ValueError as exc:  # malformed JSON in the property: the json module's words
            raise LoadError.said(Text(str(exc), str(exc)), where=f"{origin}: docProps/custom.xml") from None
        if metadata is None:
            raise LoadError.keyed("docx.no_metadata", where=f"{origin}: docProps/custom.xml")
        return _Reader(origin, metadata, layouts).read(document)


class _Reader:
    def __init__(self, origin: str, metadata: dict[str, Any], layouts: Mapping[str, Layout]) -> None:
        self.origin = origin
        self.metadata = metadata
        head = metadata.get("report")
        if not isinstance(head, dict) or not isinstance(head.get("format"), str):
            raise LoadError.keyed("docx.no_format", where=f"{origin}: docProps/custom.xml: $.report.format")
        self.head = head
        layout = layouts.get(head["format"])
        if layout is None:
            where = f"{origin}: docProps/custom.xml: $.report.format"
            raise LoadError.said(unknown_layout(head["format"], layouts), where=where)
        self.layout: Layout = layout
        self.not_applicable = set(metadata.get("not_applicable", ()))
        self.unitless = set(metadata.get("money_without_unit", ()))
        self.diagnostics: list[Diagnostic] = []

    def fail(self, key: str, **values: object) -> LoadError:
        return LoadError.keyed(key, where=self.origin, **values)

    def read(self, document: docx.document.Document) -> Loaded:
        title: list[str] = []
        lead: list[str] = []
        sections: list[tuple[str, list[str]]] = []
        signature: list[str] = []
        tables: list[BaseOxmlElement] = []
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:tbl"):
                tables.append(child)
            elif child.tag == qn("w:p"):
                paragraph = Paragraph(child, document)
                style, text = child.style, paragraph.text
                if style == TITLE:
                    title.append(text.replace("\n", ""))
                elif style == HEADING:
                    sections.append((text, []))
                elif style == SIGNATURE:
                    signature.append(text)
                elif text:  # the empty paragraph Word needs after a final table holds nothing
                    (sections[-1][1] if sections else lead).append(text)
        data = dict(self.head)
        data["lead"] = lead
        data["sections"] = self.sections(sections)
        data.update(self.signature(signature))
        report = from_dict(data, origin=f"{self.origin}: docProps/custom.xml", layouts={self.layout.id: self.layout})
        visible_title = "".join(title)
        if self.head.get("title") is not None or visible_title != report_title(report):
            report = report.evolve(title=visible_title)
        report = report.evolve(tables=self.tables(tables), provenance=Provenance(self.origin))
        return Loaded(report, self.diagnostics)

    def sections(self, found: list[tuple[str, list[str]]]) -> dict[str, Any]:
        specs = self.layout.sections
        if len(found) != len(specs):
            raise self.fail("docx.headings", found=len(found), style=HEADING, expected=len(specs))
        kinds = self.metadata.get("headings", {})
        sections: dict[str, Any] = {}
        for spec, (heading, paragraphs) in zip(specs, found, strict=True):
            kind = kinds.get(spec.id, "own")
            if kind == "missing" and not paragraphs:
                sections[spec.id] = None
            else:
                sections[spec.id] = {"heading": None if kind == "official" else heading, "paragraphs": paragraphs}
        return sections

    def signature(self, lines: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {"publisher": None, "published": None}
        for line in lines:
            date = _DATE.fullmatch(line)
            if date:
                found["published"] = "{:04d}-{:02d}-{:02d}".format(*map(int, date.groups()))
            else:
                found["publisher"] = line
        return found

    def tables(self, found: list[BaseOxmlElement]) -> Tables:
        expected = [t for s in self.layout.sections for t in self.layout.tables if t.section == s.id]
        if len(found) != len(expected):
            raise self.fail("docx.tables", found=len(found), expected=len(expected), layout=self.layout.id)
        cells: dict[CellAddress, CellValue] = {}
        for table, element in zip(expected, found, strict=True):
            cells.update(self.table(table, element))
        return Tables(cells)

    def table(self, table: TableLayout, element: BaseOxmlElement) -> dict[CellAddress, CellValue]:
        plan = table_plan(self.layout, table.id)
        rows = element.findall(qn("w:tr"))
        if len(rows) != len(plan.rows):
            raise self.fail("docx.rows", number=table.number, found=len(rows), expected=len(plan.rows))
        cells: dict[CellAddress, CellValue] = {}
        for r, (planned, row) in enumerate(zip(plan.rows, rows, strict=True)):
            texts = _row_texts(row)
            if planned.heading is not None:
                self.check_label(
                    texts.get(0), planned.heading.zh, Provenance(self.origin, cell=f"表{table.number} R{r + 1}C1")
                )
                continue
            for column, cell in enumerate(planned.slots):
                if cell.row != planned.row or cell.column != column:
                    continue  # covered by a span: only where a cell starts does it hold text
                text = texts.get(column)
                if text is None:
                    raise self.fail("docx.no_cell", number=table.number, row=r + 1, column=column + 1)
                where = Provenance(self.origin, cell=f"表{table.number} R{r + 1}C{column + 1}")
                if cell.role is GridRole.DATA:
                    assert cell.address is not None
                    cells[cell.address] = located(self.value(text, cell.address, where), where)
                elif cell.label is not None:
                    self.check_label(text, cell.label.zh, where)
        return cells

    def check_label(self, found: str | None, expected: str, where: Provenance) -> None:
        if found != expected:
            note = Diagnostic.keyed(
                "docx.label", where=where, code="label_mismatch", found=repr(found), expected=repr(expected)
            )
            self.diagnostics.append(note)

    def value(self, text: str, address: CellAddress, where: Provenance) -> CellValue:
        """The value a printed cell text stands for (the inverse of :func:`disclosure_core.rendering.cell_text`)."""
        key = str(address)
        if key in self.not_applicable:
            return Absent(AbsenceKind.NOT_APPLICABLE, text)
        if not text:
            return BLANK
        column: ColumnSpec = self.layout.column_of(address)
        if column.kind is CellKind.MONEY:
            money = _MONEY.fullmatch(text)
            if money:
                unit = money.group(2) or (None if key in self.unitless else column.unit)
                return Money(Decimal(money.group(1)), unit)
        elif _COUNT.fullmatch(text):
            if int(text) >= 0 or column.kind is not CellKind.COUNT:
                return Count(int(text))
            # A report never holds a negative count (see docs/robustness.md): the printed text is kept instead.
            note = Diagnostic.keyed(
                "docx.negative", DiagnosticLevel.ERROR, where, "negative", cell=key, text=repr(text)
            )
            self.diagnostics.append(note)
        return placeholder(text)


def _row_texts(row: etree._Element) -> dict[int, str]:
    """The text of each cell of a table row, by the grid column it starts in."""
    texts: dict[int, str] = {}
    column = 0
    for tc in row.findall(qn("w:tc")):
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        texts[column] = "".join(t.text or "" for t in tc.iter(qn("w:t")))
        column += int(span.get(qn("w:val"), "1")) if span is not None else 1
    return texts
