"""The page printed and on a phone, in the real Chromium: printed to A4 PDF and measured with ``pdftotext``
(each of Tables 1 and 3 on one page, Table 2 on one page, the title and "— n —" in the margins), and laid out
at 390 px (no justified paragraphs) and 1280 px (justified, as the official text). Blank cells carry a name
("空白") for screen readers."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest
from disclosure_docx.pdf_text import Page, page_of, pdf_pages
from disclosure_html import HtmlRenderer

from disclosure_core import RenderOptions, Report, builtin_layout, check
from disclosure_core.layouts import TableLayout, table_grids
from disclosure_core.rendering import report_title
from disclosure_core.testing import daixian_report, numbered_report
from disclosure_core.testing.chromium import chromium as run_chromium
from disclosure_core.testing.chromium import chromium_binary

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
NS = "{http://www.w3.org/1999/xhtml}"
REPORTS: dict[str, Callable[[], Report]] = {
    "daixian-2020": daixian_report,
    "numbered-gov-2019": lambda: numbered_report("gov-2019"),
    "numbered-gov-2021": lambda: numbered_report("gov-2021"),
}
"""Printed with their findings marked (Dai County's are few), and the numbered reports without: they break
nearly every rule, and a mark in every cell makes Table 2 too long for a page."""
Printed = dict[str, tuple[Report, tuple[Page, ...]]]


def chromium(profile: Path, *args: str) -> bytes:
    if chromium_binary() is None:
        pytest.fail("chromium not found: install it (see .ci/run)")
    return run_chromium(profile, *args, timeout=120)


def page(report: Report, *, checked: bool = True) -> bytes:
    findings = check(report) if checked else None
    return HtmlRenderer().render(report, RenderOptions(builtin_layout(report.format), findings))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    work = tmp_path_factory.mktemp("print")
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    jobs = [(name, make(), name == "daixian-2020") for name, make in REPORTS.items()]
    jobs.append(("numbered-gov-2021-checked", numbered_report("gov-2021"), True))
    for name, report, checked in jobs:
        source = work / f"{name}.html"
        source.write_bytes(page(report, checked=checked))
        pdf = work / f"{name}.pdf"
        chromium(work / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
        shutil.copy(pdf, ARTIFACTS / f"printed-{name}.pdf")
        found[name] = (report, pdf_pages(pdf))
    return found


def spread(pages: tuple[Page, ...], table: TableLayout, start: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Where a table's first label (its first block's first header) and its last label are printed."""
    grids = table_grids(table)
    first = next(cell.label.zh for cell in grids[0].cells() if cell.label is not None)
    last = [cell.label.zh for cell in grids[-1].cells() if cell.label is not None][-1]
    top = page_of(pages, first, start)
    return top, page_of(pages, last, top)


@pytest.mark.slow
@pytest.mark.parametrize("name", tuple(REPORTS))
def test_each_table_prints_on_one_a4_page(printed: Printed, name: str) -> None:
    report, pages = printed[name]
    layout = builtin_layout(report.format)
    assert all(round(p.width) == 595 and round(p.height) == 842 for p in pages)  # A4
    where = (0, 0)
    for table in layout.tables:
        top, bottom = spread(pages, table, where)
        assert top[0] == bottom[0], f"{name}: Table {table.number} is printed on pages {top[0] + 1}–{bottom[0] + 1}"
        where = bottom


@pytest.mark.slow
def test_a_table_too_long_for_a_page_repeats_its_header(printed: Printed) -> None:
    """With a finding marked in nearly every cell, Table 2 no longer fits one page: each page it continues on
    opens with its header rows again."""
    report, pages = printed["numbered-gov-2021-checked"]
    table = builtin_layout(report.format).table("requests")
    top, bottom = spread(pages, table, (0, 0))
    assert bottom[0] > top[0]
    for index in range(top[0] + 1, bottom[0] + 1):
        assert "申请人情况自然人法人或其他组织" in pages[index].text, f"page {index + 1} lacks Table 2's header"


@pytest.mark.slow
@pytest.mark.parametrize("name", tuple(REPORTS))
def test_every_printed_page_shows_the_title_and_its_number(printed: Printed, name: str) -> None:
    report, pages = printed[name]
    title = re.sub(r"\s+", "", report_title(report))
    assert len(pages) >= 3
    for index, printed_page in enumerate(pages, start=1):
        assert title in printed_page.text, f"{name}: page {index} lacks the title in its margin"
        assert f"—{index}—" in printed_page.text, f"{name}: page {index} has no page number"
        footer = [word for word in printed_page.words if word.text == str(index)]
        assert footer
        assert max(word.top for word in footer) > printed_page.height - 35 * 72 / 25.4  # in the bottom margin


PROBE = (
    "<script>document.body.dataset.align = Array.from(document.querySelectorAll('main p:not(.signature p)'))"
    ".map(p => getComputedStyle(p).textAlign).join(' ');</script></body>"
)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "expected"), [(390, {"start"}), (1280, {"justify"})])
def test_paragraphs_are_justified_on_a_desktop_but_not_on_a_phone(
    tmp_path: Path, width: int, expected: set[str]
) -> None:
    """A probe script (added to a copy of the page for the test only: the page itself has none) reads the
    alignment Chromium computed for every paragraph at the window's width."""
    source = tmp_path / "probe.html"
    source.write_bytes(page(daixian_report()).replace(b"</body>", PROBE.encode()))
    dom = chromium(tmp_path / "profile", f"--window-size={width},900", "--dump-dom", source.as_uri())
    body = html5lib.parse(dom, namespaceHTMLElements=True).find(f"{NS}body")
    assert body is not None
    aligned = body.get("data-align", "").split()
    assert len(aligned) > 10
    assert set(aligned) == expected


def test_blank_cells_are_announced_as_blank_and_carry_no_text() -> None:
    """A blank cell has no text — a reader of the page must not take it for a value — but an element a screen
    reader names "空白"."""
    report = daixian_report()
    root = html5lib.parse(page(report), namespaceHTMLElements=True)
    cells = {td.get("id"): td for td in root.iter(f"{NS}td")}
    layout = builtin_layout(report.format)
    blank = {str(a) for a in layout.addresses() if report.cell(a).is_absent and not getattr(report.cell(a), "text", "")}
    assert len(blank) > 100
    for address, td in cells.items():
        named = [e for e in td.iter(f"{NS}span") if (e.get("role"), e.get("aria-label")) == ("img", "空白")]
        assert len(named) == (address in blank), address
        if address in blank:
            assert not (td.text or "").strip()
            assert not "".join(named[0].itertext())
