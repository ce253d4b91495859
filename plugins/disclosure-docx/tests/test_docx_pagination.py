"""The DOCX paginates like a typeset report, measured on the PDF LibreOffice makes of it (``pdftotext -bbox`` and
``-raw``): pages are full, tables begin where their caption falls, Table 2 breaks only between row groups with
its header repeated, and headings stay with the lines after them.

The documents: Dai County 2020 as published, and numbered reports of both versions whose lead is longer by a
few paragraphs at a time, so that each table lands at several heights of a page. All are converted in one
LibreOffice run. What is asserted holds whatever fonts LibreOffice finds: it is about where text falls, not
how it looks.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import attrs
import pytest
from disclosure_docx import DocxRenderer
from disclosure_docx.libreoffice import convert_many
from disclosure_docx.pdf_text import Page, page_of, pdf_pages
from disclosure_docx.tables import TablePlan, row_keeps, table_plan

from disclosure_core import RenderOptions, Report, builtin_layout
from disclosure_core.layouts import GridCell, GridRole, Layout
from disclosure_core.rendering import OutlinePart, outline
from disclosure_core.testing import daixian_report, numbered_report

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
MM = 72 / 25.4
TYPE_TOP, TYPE_BOTTOM = 37 * MM, (297 - 35) * MM  # the type area of GB/T 9704
FOOTER = TYPE_BOTTOM + 4 * MM  # below this only the page number is printed
FILLER = (
    "本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "围绕中心工作做好政府信息主动公开、依申请公开和解读回应，持续提升政务公开质量和实效。"
)
LEADS = (0, 2, 4, 6, 8, 10)


Paginated = dict[str, tuple[Report, tuple[Page, ...]]]


def documents() -> dict[str, Report]:
    found = {"daixian-2020": daixian_report()}
    for layout_id in ("gov-2019", "gov-2021"):
        for count in LEADS:
            found[f"{layout_id}-lead{count}"] = attrs.evolve(numbered_report(layout_id), lead=(FILLER,) * count)
    return found


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> Paginated:
    reports = documents()
    docx = {
        f"{name}.docx": DocxRenderer().render(report, RenderOptions(builtin_layout(report.format)))
        for name, report in reports.items()
    }
    pdfs = convert_many(docx, target="pdf", timeout=600)
    work = tmp_path_factory.mktemp("pagination")
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    for name, report in reports.items():
        path = work / f"{name}.pdf"
        path.write_bytes(pdfs[f"{name}.docx"])
        shutil.copy(path, ARTIFACTS / f"paginated-{name}.pdf")
        found[name] = (report, pdf_pages(path))
    return found


NAMES = tuple(documents())


def free_share(page: Page) -> float:
    """How much of the type area is left empty below the page's last line."""
    return max(0.0, TYPE_BOTTOM - page.text_bottom(FOOTER)) / (TYPE_BOTTOM - TYPE_TOP)


@pytest.mark.parametrize("name", NAMES)
def test_no_page_but_the_last_is_more_than_a_quarter_empty(paginated: Paginated, name: str) -> None:
    """A page that ends inside a table (the next one opens with its repeated header) may leave up to a third:
    Table 2 breaks only between row groups, and 三、本年度办理结果 opens with ten rows that stay together (its
    vertical label needs their height)."""
    report, pages = paginated[name]
    layout = builtin_layout(report.format)
    repeated = [repeated_start(table_plan(layout, table.id)) for table in layout.tables]
    assert len(pages) >= 2
    empty = {page.number: round(free_share(page), 2) for page in pages[:-1]}
    for page, following in itertools.pairwise(pages):
        inside = any(start and following.text.startswith(start) for start in repeated)
        allowed = 1 / 3 if inside else 0.25
        assert free_share(page) <= allowed, f"{name}: share of the type area left empty, by page: {empty}"


def repeated_start(plan: TablePlan) -> str:
    """The first characters a page continuing ``plan``'s table starts with: its repeated header's first label."""
    if not plan.repeats:
        return ""
    first = next(cell for cell in plan.rows[0].slots if cell.label is not None)
    assert first.label is not None
    return "".join(first.label.zh.split())[:6]


def row_label(slots: tuple[GridCell, ...], row: int) -> str:
    """The label that names a printed row: its row header (the innermost label started in the row)."""
    labels = [c.label.zh for i, c in enumerate(slots) if c.row == row and c.column == i and c.label is not None]
    return str(labels[-1])


@pytest.mark.parametrize("name", NAMES)
def test_table_2_breaks_only_between_row_groups_with_its_header_repeated(paginated: Paginated, name: str) -> None:
    report, pages = paginated[name]
    layout = builtin_layout(report.format)
    plan = table_plan(layout, "requests")
    keeps = row_keeps(plan)
    header_end = max(index for index, row in enumerate(plan.rows) if row.repeat)
    where = page_of(pages, plan.table.label.zh)  # the section heading that introduces the table
    where = page_of(pages, "申请人情况", where)
    first_page = where[0]
    placed = []
    for index in range(header_end + 1, len(plan.rows)):
        where = page_of(pages, row_label(plan.rows[index].slots, plan.rows[index].row), where)
        placed.append((index, where[0]))
    for (index, page), (_, next_page) in itertools.pairwise(placed):
        if keeps[index]:
            assert page == next_page, f"{name}: row {index} of Table 2 is split from the row after it"
    for page in sorted({page for _, page in placed} - {first_page}):
        first_row = min(index for index, p in placed if p == page)
        assert not keeps[first_row - 1], f"{name}: page {page + 1} begins inside a row group (row {first_row})"
        label = row_label(plan.rows[first_row].slots, plan.rows[first_row].row).replace(" ", "")
        text = pages[page].text
        assert 0 <= text.find("申请人情况") < text.find(label), f"{name}: page {page + 1} lacks Table 2's header"


def headings(report: Report, pages: tuple[Page, ...]) -> list[tuple[OutlinePart, tuple[int, int]]]:
    """Each part with where its heading is printed, found by walking the document in order (a heading's words
    may occur earlier, in the lead)."""
    layout = builtin_layout(report.format)
    where = (0, 0)
    for text in report.lead:
        where = page_of(pages, text[:8], where)
    found = []
    for part in outline(report, layout):
        where = page_of(pages, part.heading, where)
        found.append((part, where))
        for text in part.paragraphs:
            where = page_of(pages, text[:8], where)
        for table in part.tables:
            where = page_of(pages, last_label(table_plan(layout, table.id)), where)
    return found


def last_label(plan: TablePlan) -> str:
    """The last label a table prints (Table 3's last row holds only values: then a header's)."""
    for planned in reversed(plan.rows):
        labels = [c.label.zh for i, c in enumerate(planned.slots) if c.row == planned.row and c.column == i and c.label]
        if labels:
            return labels[-1]
    raise AssertionError(f"{plan.table.id} prints no label")


def first_words(part: OutlinePart, layout: Layout) -> str | None:
    """The first words printed after a heading: its first paragraph's, or its first table's."""
    if part.paragraphs:
        return part.paragraphs[0][:8]
    if part.tables:
        first = table_plan(layout, part.tables[0].id).rows[0]
        return first.heading.zh if first.heading else row_label(first.slots, first.row)
    return None


@pytest.mark.parametrize("name", NAMES)
def test_headings_stay_with_the_lines_after_them(paginated: Paginated, name: str) -> None:
    report, pages = paginated[name]
    layout = builtin_layout(report.format)
    for part, where in headings(report, pages):
        following = first_words(part, layout)
        if following is not None:
            after = page_of(pages, following, where)
            assert after[0] == where[0], f"{name}: {part.heading!r} ends page {where[0] + 1}, {following!r} is not"


@pytest.mark.parametrize("name", NAMES)
def test_each_table_starts_where_its_caption_is(paginated: Paginated, name: str) -> None:
    """A table's caption (its section heading or the sentence that introduces it) and its header are on one page,
    and the page before a table's first page is full — the table did not move on while it could have begun."""
    report, pages = paginated[name]
    layout = builtin_layout(report.format)
    for part, where in headings(report, pages):
        for table in part.tables:
            plan = table_plan(layout, table.id)
            header = [
                c.label.zh
                for c in plan.rows[0 if plan.repeats else 1].slots
                if c.role is GridRole.COLUMN_HEADER and c.label is not None
            ]
            caption = page_of(pages, part.paragraphs[-1][-8:], where) if part.paragraphs else where
            start = page_of(pages, header[0], caption)
            assert caption[0] == start[0], f"{name}: {table.id} is apart from its caption"
            if start[0] > 0:
                assert free_share(pages[start[0] - 1]) <= 0.25, f"{name}: the page before {table.id} is not full"
            where = page_of(pages, last_label(plan), start)
