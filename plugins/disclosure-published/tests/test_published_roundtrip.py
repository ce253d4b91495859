"""Round trips through our own renderers: a generated report rendered as HTML, as DOCX, and as DOCX exported to
PDF by LibreOffice reads back, through the published-report sources, to the same tables.

The DOCX is read by ``published-docx`` (forced by name: the exact ``docx`` reader would use the metadata), so
these exercise the readers of what the page prints, not of what the package hides.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from disclosure_published import DocxSource, Hints, HtmlSource, PdfSource
from hypothesis import HealthCheck, Phase, given, reject, settings

from disclosure_core import AbsenceKind, Absent, BodyLevel, CellValue, Registry, RenderError, Report
from disclosure_core.document import require_printable
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import strategies as dc
from disclosure_core.values import BLANK

REGISTRY = Registry()
SOURCES = {"published-html": HtmlSource, "published-docx": DocxSource, "published-pdf": PdfSource}
ROUNDS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_printed(value: CellValue) -> CellValue:
    """What a reader of the page can know: a not-applicable cell printed without text is a blank cell."""
    if isinstance(value, Absent) and value.kind is AbsenceKind.NOT_APPLICABLE and not value.text:
        return BLANK
    return value


def differences(report: Report, read: Report) -> list[str]:
    assert read.format == report.format
    return [
        f"{a}: wrote {report.cell(a)!r}, read {read.cell(a)!r}"
        for a in builtin_layout(report.format).addresses()
        if read.cell(a) != as_printed(report.cell(a))
    ]


def printable(report: Report) -> bool:
    """Whether a report can be rendered at all (no Unicode noncharacters in its texts)."""
    try:
        require_printable(report)
    except RenderError:
        return False
    return True


def render(report: Report, to: str) -> bytes:
    """The rendered report; reports no document can print are skipped."""
    if not printable(report):
        reject()
    return REGISTRY.render(report, to)


def read_back(data: bytes, source: str, report: Report, origin: str) -> Report:
    """Read with the named source; the hints spare the test from generated body names and titles."""
    assert isinstance(REGISTRY.source(source), SOURCES[source])  # the name `--from` takes
    reader = SOURCES[source](Hints(name="某县人民政府", level=BodyLevel.COUNTY, year=report.year))
    return reader.load(data, origin=origin, layouts=REGISTRY.layout).report


@ROUNDS
@given(dc.reports())
def test_our_html_reads_back_as_a_published_page(report: Report) -> None:
    html = render(report, "html")
    assert differences(report, read_back(html, "published-html", report, "r.html")) == []


@ROUNDS
@given(dc.reports())
def test_our_docx_reads_back_from_its_page(report: Report) -> None:
    document = render(report, "docx")
    assert differences(report, read_back(document, "published-docx", report, "r.docx")) == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (see .ci/run)")
def test_our_docx_exported_to_pdf_by_libreoffice_reads_back(tmp_path: Path) -> None:
    """Six generated reports, converted in one LibreOffice run (its start-up is the cost)."""
    reports: list[Report] = []

    @settings(
        max_examples=6,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(dc.reports().filter(printable))
    def collect(report: Report) -> None:
        reports.append(report)

    collect()
    assert sum(len(r.tables.cells) for r in reports) > 200  # not only the empty report hypothesis starts with
    paths = []
    for index, report in enumerate(reports):
        path = tmp_path / f"r{index}.docx"
        path.write_bytes(render(report, "docx"))
        paths.append(str(path))
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), *paths], check=True, capture_output=True, timeout=240)
    for index, report in enumerate(reports):
        pdf = (tmp_path / f"r{index}.pdf").read_bytes()
        assert differences(report, read_back(pdf, "published-pdf", report, f"r{index}.pdf")) == [], index
