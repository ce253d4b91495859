"""The PDF reader's pieces on their own: page furniture, frames, row positions, continuations, the chooser."""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

from disclosure_published.furniture import is_page_number, running
from disclosure_published.pdf_choice import arithmetic_violations, decide
from disclosure_published.pdf_continuation import TableReader, join_broken_row
from disclosure_published.pdf_grid import Cell, Grid
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Reading
from disclosure_core.layouts import CellAddress, builtin_layout

LABELS = {"规章", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "（七）总计"}


def is_label(text: str) -> bool:
    return text.replace("\n", "") in LABELS


_STYLES = [
    "— {n} —",
    "-{n}-",
    "- {n} -",
    "第{n}页",
    "第 {n} 页 共 {m} 页",
    "{n}/{m}",
    "共{m}页 第{n}页",
    "Page {n} of {m}",
]


@given(st.integers(1, 999), st.data(), st.sampled_from(_STYLES))
def test_page_numbers_in_every_style(count: int, data: st.DataObject, style: str) -> None:
    page = data.draw(st.integers(1, count))
    assert is_page_number(style.format(n=page, m=count))


def test_dates_counts_and_headings_are_no_page_numbers() -> None:
    assert [is_page_number(t) for t in ("2021/3/31", "7/3", "3件", "四、其他", "12")] == [False] * 5


def test_running_header_needs_the_same_height_on_most_pages() -> None:
    lines = [SimpleNamespace(text=f"某县政府 {p}/4", page=p, top=30.0) for p in (1, 2, 3, 4)]
    lines.append(SimpleNamespace(text="某县政府 9/4", page=4, top=500.0))  # the same words lower down: text
    lines.append(SimpleNamespace(text="二、主动公开政府信息情况", page=1, top=30.0))
    assert sorted(running(lines)) == [0, 1, 2, 3]


def test_a_frame_round_text_or_round_a_table_is_no_table() -> None:
    frame = Grid(
        1, (40, 40, 550, 780), ((Cell("某县人民政府办公室", 40, 550, 0),), (Cell("一、总体情况\n本年度…", 40, 550, 0),))
    )
    table = Grid(1, (60, 100, 530, 300), ((Cell("规章", 60, 200, 0), Cell("3", 200, 530, 1)),), (60.0, 200.0))
    assert (frame.is_table(is_label), table.is_table(is_label), frame.encloses(table)) == (False, True, True)
    values_only = Grid(
        2,
        (60, 40, 530, 80),
        ((Cell("1", 60, 100, 0), Cell("0", 100, 140, 1), Cell("1", 140, 180, 2)),),
        (60.0, 100.0, 140.0),
    )
    assert values_only.is_table(is_label)  # a continuation that prints values only


def _row(label: str, values: list[str], xs: list[float], label_columns: int = 1) -> tuple[Cell, ...]:
    cells = [Cell(label, xs[0], xs[label_columns], 0)]
    for k, value in enumerate(values):
        cells.append(Cell(value, xs[label_columns + k], xs[label_columns + k + 1], label_columns + k))
    return tuple(cells)


def test_blank_cells_of_a_wide_label_area_are_no_values() -> None:
    xs = [0.0, 50.0, 100.0, 150.0, 200.0, 250.0]
    rows = (
        (Cell("（七）总计", 0, 100, 0), Cell("", 100, 150, 2), Cell("4", 150, 200, 3), Cell("5", 200, 250, 4)),
        (
            Cell("（四）无法提供", 0, 50, 0),
            Cell("1.本机关不掌握相关政府信息", 50, 150, 1),
            Cell("1", 150, 200, 3),
            Cell("2", 200, 250, 4),
        ),
    )
    grid = Grid(1, (0, 0, 250, 40), rows, tuple(xs[:-1]))
    tokens = [t.text for t in TableReader("t.pdf", is_label).read(grid, continues=False).tokens if t.cell]
    assert tokens == ["（七）总计", "4", "5", "（四）无法提供", "1.本机关不掌握相关政府信息", "1", "2"]


def test_a_merged_data_cell_keeps_the_next_values_in_their_columns() -> None:
    xs = (0.0, 100.0, 150.0, 200.0)
    row = (Cell("规章", 0, 100, 0), Cell("0", 100, 200, 1), Cell("7", 200, 250, 3))
    tokens = [
        t
        for t in TableReader("t.pdf", is_label).read(Grid(1, (0, 0, 250, 20), (row,), xs), continues=False).tokens
        if t.cell
    ]
    assert [t.text for t in tokens] == ["规章", "0", "", "7"]
    assert (tokens[2].where.reading, tokens[2].where.reason) == (
        Reading.UNCERTAIN,
        "merged with the cell to its left on page 1",
    )


def test_a_continuation_at_other_x_positions_is_read_in_order() -> None:
    reader = TableReader("t.pdf", is_label)
    first = Grid(
        1,
        (0, 700, 400, 780),
        (_row("（七）总计", ["1", "2", "3"], [0, 100, 200, 300, 400]),),
        (0.0, 100.0, 200.0, 300.0),
    )
    reader.read(first, continues=False)
    shifted = Grid(
        2, (0, 40, 500, 80), (_row("规章", ["4", "5", "9"], [0, 60, 200, 340, 500]),), (0.0, 60.0, 200.0, 340.0)
    )
    fragment = reader.read(shifted, continues=True)
    assert ([t.text for t in fragment.tokens if t.cell], fragment.readings) == (["规章", "4", "5", "9"], ())
    assert [n.message for n in reader.notes] == [
        "table continued on page 2 with its columns at other x-positions: its 3 data columns matched in order"
    ]


@given(st.integers(3, 8), st.data())
def test_a_continuation_with_fewer_columns_has_every_order_keeping_reading(width: int, data: st.DataObject) -> None:
    """Each reading places the printed values in printed order: never two swapped, never one dropped."""
    found = data.draw(st.integers(max(1, width - 2), width - 1))
    reader = TableReader("t.pdf", is_label)
    xs = [float(50 * i) for i in range(width + 2)]
    reader.read(
        Grid(1, (0, 0, xs[-1], 20), (_row("规章", [str(i) for i in range(width)], xs),), tuple(xs[:-1])),
        continues=False,
    )
    values = [str(100 + i) for i in range(found)]
    narrow = [float(70 * i) for i in range(found + 2)]
    fragment = reader.read(
        Grid(2, (0, 0, narrow[-1], 20), (_row("规章", values, narrow),), tuple(narrow[:-1])), continues=True
    )
    assert len(fragment.readings) == len(list(combinations(range(width), found)))
    placements = set()
    for reading in fragment.readings:
        cells = [t for t in reading if t.cell][1:]
        assert len(cells) == width
        assert [t.text for t in cells if t.text] == values
        assert all(t.where.reading is Reading.UNCERTAIN for t in cells if not t.text)
        placements.add(tuple(bool(t.text) for t in cells))
    assert len(placements) == len(fragment.readings)


def test_a_row_broken_by_the_page_is_joined_back() -> None:
    xs = (0.0, 100.0, 150.0)
    first = Grid(
        1,
        (0, 700, 200, 780),
        ((Cell("1.本机关不掌握", 0, 100, 0), Cell("3", 100, 150, 1), Cell("3", 150, 200, 2)),),
        xs,
    )
    rest = Grid(
        2,
        (0, 40, 200, 120),
        (
            (Cell("相关政府信息", 0, 100, 0), Cell("", 100, 150, 1), Cell("", 150, 200, 2)),
            (Cell("2.没有现成信息需要另行制作", 0, 100, 0), Cell("1", 100, 150, 1), Cell("1", 150, 200, 2)),
        ),
        xs,
    )
    joined, remaining = join_broken_row(first, rest, is_label)
    assert [c.text for c in joined.rows[-1]] == ["1.本机关不掌握相关政府信息", "3", "3"]
    assert [c.text for c in remaining.rows[0]] == ["2.没有现成信息需要另行制作", "1", "1"]


def test_the_arithmetic_counts_broken_identities_and_skips_blanks() -> None:
    layout = builtin_layout("gov-2021")
    columns = ("upheld", "corrected", "other", "pending", "total")
    good = {
        CellAddress("appeals", row.id, c): v
        for row in layout.table("appeals").rows
        for c, v in zip(columns, (1, 2, 0, 0, 3), strict=True)
    }
    shifted = {
        CellAddress("appeals", row.id, c): v
        for row in layout.table("appeals").rows
        for c, v in zip(columns, (2, 0, 0, 3, 0), strict=True)
    }
    blank = {**shifted, CellAddress("appeals", "review", "total"): None}
    assert [arithmetic_violations(layout, cells) for cells in (good, shifted, blank)] == [0, 3, 2]


def test_a_reading_is_chosen_only_when_clearly_better() -> None:
    assert [decide(s, ["a", "b", "c"], 3).reading for s in ([4, 0, 2], [0, 1, 5], [2, 2, 2])] == [
        Reading.CHOSEN,
        Reading.UNCERTAIN,
        Reading.UNCERTAIN,
    ]
    assert decide([4, 0, 2], ["a", "b", "c"], 3).index == 1


def test_a_row_broken_by_the_page_in_its_group_label_too_is_joined_back() -> None:
    xs = (0.0, 50.0, 100.0)
    first = Grid(
        1,
        (0, 700, 150, 780),
        ((Cell("（四）无法", 0, 50, 0), Cell("1.本机关不掌握", 50, 100, 1), Cell("3", 100, 150, 2)),),
        xs,
    )
    tail = (Cell("提供", 0, 50, 0), Cell("相关政府信息", 50, 100, 1), Cell("", 100, 150, 2))
    after = (Cell("2.没有现成信息需要另行制作", 50, 100, 1), Cell("1", 100, 150, 2))
    joined, remaining = join_broken_row(first, Grid(2, (0, 40, 150, 60), (tail, after), xs), is_label)
    assert [c.text for c in joined.rows[0]] == ["（四）无法提供", "1.本机关不掌握相关政府信息", "3"]
    assert remaining.rows == (after,)
    lone = (Cell("提供", 0, 50, 0), Cell("另一段文字", 50, 100, 1), Cell("", 100, 150, 2))
    assert join_broken_row(first, Grid(2, (0, 40, 150, 60), (lone, after), xs), is_label)[0] is first  # all or nothing


def test_two_numbers_in_one_ruled_cell_are_uncertain() -> None:
    row = (Cell("规章", 0, 100, 0), Cell("5 0", 100, 150, 1), Cell("7", 150, 200, 2))
    grid = Grid(1, (0, 0, 200, 20), (row,), (0.0, 100.0, 150.0))
    cells = [t for t in TableReader("t.pdf", is_label).read(grid, continues=False).tokens if t.cell]
    where = cells[1].where
    assert (where.reading, where.alternatives, where.reason) == (
        Reading.UNCERTAIN,
        ("5", "0"),
        "2 numbers in one ruled cell on page 1",
    )
    assert cells[2].where.reading is Reading.EXACT
