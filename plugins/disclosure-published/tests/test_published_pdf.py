"""PDF: pages printed to PDF by Chromium read back to the same tables (skipped where Chromium is missing)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from disclosure_published import Hints, parse_pdf
from disclosure_published.testing import layout_page

from disclosure_core import AbsenceKind, Absent, Body, BodyLevel, CellValue, Count, LoadError, Money, Report
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import daixian_report
from disclosure_core.testing.chromium import chromium_binary, chromium_pdf

CHROMIUM = chromium_binary()


def print_to_pdf(page: bytes, directory: Path) -> bytes:
    del directory  # chromium_pdf works in a folder of its own
    return chromium_pdf(page, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium to print HTML to PDF")
def test_daixian_printed_to_pdf_reads_back(tmp_path: Path) -> None:
    report = daixian_report()
    loaded = parse_pdf(print_to_pdf(layout_page(report, builtin_layout("gov-2019")), tmp_path), origin="d.pdf")
    read = loaded.report
    assert [a for a in builtin_layout("gov-2019").addresses() if read.cell(a) != report.cell(a)] == []
    # Whichever fonts this machine's Chromium picks, the text layer may carry Kangxi radicals or the CJK
    # Radicals Supplement (⼈ ⺠ ⼯) for 人民工: what was read must be the ideographs, with every heading found.
    headings = [section.heading or "" for _, section in read.sections.items() if section is not None]
    assert len(headings) == 6
    assert [t for t in [read.title or "", read.body.name, *headings] if re.search("[\u2e80-\u2fdf]", t)] == []
    assert (read.body.name, read.year, read.title) == (
        "代县人民政府",
        2020,
        "代县人民政府2020年政府信息公开工作年度报告",
    )
    where = read.cell("appeals.review.total").provenance
    assert where is not None
    assert where.page is not None


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium to print HTML to PDF")
def test_2021_report_printed_to_pdf_reads_back(tmp_path: Path) -> None:
    layout = builtin_layout("gov-2021")
    # every cell filled, with distinct numbers so that a shifted column cannot go unnoticed
    cells: dict[str, CellValue] = {str(a): Count(i) for i, a in enumerate(layout.addresses())}
    cells["proactive.fees.amount"] = Money(Decimal("12.35"), "万元")
    cells["requests.other_misc.total"] = Absent(AbsenceKind.PLACEHOLDER, "—")
    cells["appeals.review.pending"] = Absent()
    report = Report("gov-2021", 2023, Body("某县人民政府", BodyLevel.COUNTY)).with_cells(cells)
    page = layout_page(report, builtin_layout("gov-2021"), title="某县政府信息公开工作年度报告")
    loaded = parse_pdf(
        print_to_pdf(page, tmp_path),
        origin="g.pdf",
        hints=Hints(name="某县人民政府", level=BodyLevel.COUNTY, year=report.year),
    )
    read = loaded.report
    assert [str(a) for a in builtin_layout("gov-2021").addresses() if read.cell(a) != report.cell(a)] == []


def test_broken_pdf_is_a_load_error_naming_the_file() -> None:
    with pytest.raises(LoadError, match=r"^x\.pdf: not a readable PDF"):
        parse_pdf(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF", origin="x.pdf")
