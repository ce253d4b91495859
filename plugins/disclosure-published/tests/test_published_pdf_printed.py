"""PDFs as offices print them: framed pages, running headers, page numbers, Table 2 continued over a page.

The committed fixtures in ``pdfs/`` were made by Chromium and LibreOffice (``pdfs/make_fixtures.py``);
the slow tests make them afresh with this machine's programs and fonts. Assertions hold for every font
set: the tables, the six sections and how each cell was read — not the body name, whose 民 some fonts
print as a CJK radical (folding those is the text layer's concern).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from disclosure_published import parse_pdf
from disclosure_published.printing import FIXTURE_SEED, consistent_report, fixture_pdfs
from disclosure_published.testing import table_differences

from disclosure_core import AbsenceKind, Absent, CellValue, Loaded, Reading
from disclosure_core.layouts import builtin_layout

PDFS = Path(__file__).resolve().parent / "pdfs"
REPORT = consistent_report(FIXTURE_SEED)
EXACT_FIXTURES = ["chromium-shifted.pdf", "chromium-repeated.pdf", "word-repeated-header.pdf", "word-no-header.pdf"]


def read(name: str, data: bytes | None = None) -> Loaded:
    return parse_pdf(data if data is not None else (PDFS / name).read_bytes(), origin=name)


def structure_problems(loaded: Loaded) -> list[str]:
    """What a framed or continued page used to lose: sections, title, table rows read as stray text."""
    report = loaded.report
    problems = [f"section {s} missing" for s, section in report.sections.items() if section is None]
    if report.year != REPORT.year or not (report.title or "").endswith("年度报告"):
        problems.append(f"title {report.title!r}, year {report.year}")
    stray = ("no label of", "is not in gov-2021", "rows not found", "more cells than columns", "short-row")
    problems += [d.message for d in loaded.diagnostics if any(s in d.message or s == d.code for s in stray)]
    return problems


@pytest.mark.parametrize("name", EXACT_FIXTURES)
def test_office_printed_pdf_reads_every_cell_exactly(name: str) -> None:
    loaded = read(name)
    assert table_differences(REPORT, loaded.report) == []
    assert structure_problems(loaded) == []
    readings = {v.provenance.reading for v in loaded.report.tables.cells.values() if v.provenance}
    assert readings == {Reading.EXACT}


def test_page_frame_is_not_a_table_and_running_header_is_dropped() -> None:
    loaded = read("chromium-shifted.pdf")
    texts = [p for _, section in loaded.report.sections.items() if section for p in section.paragraphs]
    assert not any("某县" in text and "办公室" in text for text in texts)  # the header band over every page
    assert any(d.code == "page" and "办公室" in d.message for d in loaded.diagnostics)
    assert (loaded.report.publisher or "").endswith("办公室")  # the signature stays


def test_continuation_at_other_x_positions_is_matched_in_order() -> None:
    notes = [d.message for d in read("chromium-shifted.pdf").diagnostics if d.code == "pdf-table"]
    assert notes == [
        "table continued on page 3 with its columns at other x-positions: its 7 data columns matched in order"
    ]


def test_rows_broken_by_the_page_are_joined() -> None:
    """LibreOffice breaks Table 2's tall rows over pages: a label's end stands at the top of the next."""
    for name in ("word-repeated-header.pdf", "word-no-header.pdf"):
        loaded = read(name)
        assert not [d.message for d in loaded.diagnostics if d.code == "unknown-row"], name


def test_a_column_left_out_on_the_continuation_is_chosen_by_the_arithmetic() -> None:
    loaded = read("chromium-narrowed.pdf")
    differences = table_differences(REPORT, loaded.report)
    continued = _continued_rows()
    assert sorted(d.split(":")[0] for d in differences) == sorted(f"requests.{r}.legal_service" for r in continued)
    for row in continued:
        blank = loaded.report.cell(f"requests.{row}.legal_service")
        assert blank == Absent(AbsenceKind.BLANK)
        assert how(blank)[:2] == (Reading.UNCERTAIN, "no cell printed for this column on page 3")
        reading, reason, alternatives = how(loaded.report.cell(f"requests.{row}.total"))
        assert (reading, reason) == (Reading.CHOSEN, "read from a table continued on page 3")
        assert alternatives  # what the other placements would have read
    [note] = [d for d in loaded.diagnostics if d.code == "pdf-table"]
    assert "the reading with data column 5 not printed chosen by the arithmetic" in note.message
    assert how(loaded.report.cell("requests.new.total")) == (Reading.EXACT, None, ())


def how(value: CellValue) -> tuple[Reading, str | None, tuple[str, ...]]:
    """How a cell was read: its reading, the reason and the alternatives."""
    where = value.provenance
    assert where is not None
    return where.reading, where.reason, where.alternatives


def _continued_rows() -> list[str]:
    ids = [row.id for row in builtin_layout(REPORT.format).table("requests").rows]
    return ids[ids.index("withheld_inquiry") + 1 :]


HAVE = {
    "chromium": bool(shutil.which("chromium") or shutil.which("chromium-browser")),
    "word": bool(shutil.which("soffice")),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", [*EXACT_FIXTURES, "chromium-narrowed.pdf"])
def test_pdfs_printed_on_this_machine_read_as_the_fixtures(name: str) -> None:
    if not HAVE[name.split("-")[0]]:
        pytest.skip(f"needs {'Chromium' if name.startswith('chromium') else 'LibreOffice'}")
    fresh = read(name, fixture_pdfs()[name]())
    committed = read(name)
    assert table_differences(committed.report, fresh.report) == []
    assert structure_problems(fresh) == []
    readings = {a: v.provenance.reading for a, v in fresh.report.tables.cells.items() if v.provenance}
    assert readings == {a: v.provenance.reading for a, v in committed.report.tables.cells.items() if v.provenance}
