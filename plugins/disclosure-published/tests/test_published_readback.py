"""Our own outputs read back exactly: every renderer's output, read by the registry's sources, gives back every cell
and the metadata (body name and level, year, title, lead, sections, signature).

Two kinds of reader: those that read the page as printed (published HTML, with and without the findings overlay,
and published DOCX) must give back what the page shows (:func:`printed_differences`); those that read our own
packages (the DOCX source, the XLSX workbook source) must give back the report itself, equal in every field.
The slow paths (the same outputs printed to PDF by LibreOffice and Chromium) are in ``test_published_readback_pdf``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from disclosure_published import DocxSource, Hints, HtmlSource
from disclosure_published.roundtrip import cell_differences, printed_differences, printed_reports
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from disclosure_core import BodyLevel, Loaded, Registry, RenderError, Report, check
from disclosure_core.rendering import require_printable
from disclosure_core.testing import daixian_report
from disclosure_core.testing import strategies as dc

REGISTRY = Registry()
# max_examples only: derandomize and the rest come from the loaded profile (ci in CI).
PATHS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def html(report: Report, lang: str = "zh") -> bytes:
    return REGISTRY.render(report, "html")


def html_with_findings(report: Report, lang: str = "zh") -> bytes:
    """The page ``render --with-findings`` writes: every finding of the shipped rules marked and listed."""
    return REGISTRY.render(report, "html", findings=check(report, registry=REGISTRY), lang=lang)


def docx(report: Report, lang: str = "zh") -> bytes:
    return REGISTRY.render(report, "docx")


def xlsx(report: Report, lang: str = "zh") -> bytes:
    return REGISTRY.render(report, "xlsx")


Render = Callable[[Report, str], bytes]
# (renderer, source): the page readers, which know only what is printed.
PRINTED: dict[str, tuple[Render, str]] = {
    "html": (html, "published-html"),
    "html-with-findings": (html_with_findings, "published-html"),
    "docx-page": (docx, "published-docx"),
}
# (renderer, source): the readers of our own packages, which know everything the report holds.
SOURCES = {"published-html": HtmlSource, "published-docx": DocxSource}
EXACT: dict[str, tuple[Render, str]] = {"docx": (docx, "docx"), "xlsx": (xlsx, "xlsx")}


def read(data: bytes, source: str, origin: str) -> Loaded:
    return REGISTRY.load_bytes(data, origin=origin, source=source)


def printable(report: Report) -> Report:
    """The report, unless no document can print it (Unicode noncharacters in its texts)."""
    try:
        require_printable(report)
    except RenderError:
        reject()
    return report


@pytest.mark.parametrize("path", sorted(PRINTED))
@PATHS
@given(report=printed_reports(), lang=st.sampled_from(["zh", "en"]))
def test_printed_pages_read_back_to_every_cell_and_the_metadata(path: str, report: Report, lang: str) -> None:
    render, source = PRINTED[path]
    loaded = read(render(report, lang), source, f"r.{path}")
    assert printed_differences(report, loaded.report) == []


@pytest.mark.parametrize("path", sorted(PRINTED))
@PATHS
@given(report=dc.reports().map(printable))
def test_printed_pages_of_any_report_read_back_to_every_cell(path: str, report: Report) -> None:
    """Any text in titles, names and narrative (told to the reader as hints): the tables still read back."""
    render, source = PRINTED[path]
    data = render(report, "zh")
    registered = REGISTRY.source(source)
    assert isinstance(getattr(registered, "implementation", lambda: registered)(), SOURCES[source])
    reader = SOURCES[source](Hints(name="某县人民政府", level=BodyLevel.COUNTY, year=report.year))
    loaded = reader.load(data, origin=f"r.{path}", layouts=REGISTRY.layouts())
    assert cell_differences(report, loaded.report) == []


@pytest.mark.parametrize("path", sorted(EXACT))
@PATHS
@given(report=st.one_of(printed_reports(), dc.reports().map(printable)))
def test_our_packages_read_back_to_the_report_itself(path: str, report: Report) -> None:
    render, source = EXACT[path]
    back = read(render(report, "zh"), source, f"r.{path}").report
    assert back == report


def test_flagged_cells_and_the_findings_list_are_not_read_as_the_report() -> None:
    """The bug this suite was written for: Dai County's page with its 20 findings loses no cell, reads no second
    Table 1 and keeps its signature (the list comes after it)."""
    daixian = daixian_report()
    findings = check(daixian, registry=REGISTRY)
    assert sum(1 for _ in findings) > 10
    loaded = read(html_with_findings(daixian), "published-html", "daixian.html")
    assert printed_differences(daixian, loaded.report) == []
    assert not [d.message for d in loaded.diagnostics if "printed a second time" in d.message]
    assert not [d.message for d in loaded.diagnostics if "⚠" in d.message]
