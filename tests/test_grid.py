"""The printed grid: spans tile every block, and every value cell is linked to all of its headers."""

from __future__ import annotations

import pytest

from disclosure_core.layouts import BlockGrid, GridRole, Layout, builtin_layout, table_grids

LAYOUTS = [builtin_layout("gov-2019"), builtin_layout("gov-2021")]


def grids(layout: Layout) -> list[BlockGrid]:
    return [grid for table in layout.tables for grid in table_grids(table)]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.id)
def test_cells_tile_each_grid_exactly_once(layout: Layout) -> None:
    for grid in grids(layout):
        covered: list[tuple[int, int]] = []
        for cell in grid.cells():
            covered += [(cell.row + r, cell.column + c) for r in range(cell.rowspan) for c in range(cell.colspan)]
        assert sorted(covered) == [(r, c) for r in range(len(grid.rows)) for c in range(grid.width)]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.id)
def test_every_value_cell_is_headed_by_its_column_and_row_labels(layout: Layout) -> None:
    for table in layout.tables:
        for grid in table_grids(table):
            for cell in grid.data_cells():
                assert cell.address is not None
                texts = [grid.cell(h).label.zh for h in cell.headers]  # type: ignore[union-attr]
                row = table.row(cell.address.row)
                column = table.column(cell.address.column).label.zh
                if grid.block.flatten:  # Table 3: the row's label is a column header too
                    assert texts[-1] == column
                    assert row.label.zh in texts
                else:
                    expected_row = [g.label.zh for g in table.groups if g.id in row.groups] + [row.label.zh]
                    assert texts[-len(expected_row) - 1 :] == [column, *expected_row]


def test_table_2_links_a_withheld_cell_to_six_headers() -> None:
    grid = table_grids(builtin_layout("gov-2019").table("requests"))[0]
    cell = grid.data_cell("requests.withheld_third_party.legal_service")
    assert [grid.cell(h).label.zh for h in cell.headers] == [  # type: ignore[union-attr]
        "申请人情况",
        "法人或其他组织",
        "法律服务机构",
        "三、本年度办理结果",
        "（三）不予公开",
        "4.保护第三方合法权益",
    ]
    assert (cell.row, cell.column) == (10, 7)


@pytest.mark.parametrize(("layout_id", "span"), [("gov-2019", 20), ("gov-2021", 22)])
def test_the_results_group_spans_every_result_row(layout_id: str, span: int) -> None:
    grid = table_grids(builtin_layout(layout_id).table("requests"))[0]
    results = grid.at(5, 0)
    assert (results.role, results.rowspan, results.label.zh) == (GridRole.ROW_GROUP, span, "三、本年度办理结果")  # type: ignore[union-attr]
    assert grid.at(5 + span - 1, 0) is results
    assert grid.at(5 + span, 0).label.zh == "四、结转下年度继续办理"  # type: ignore[union-attr]


def test_table_3_headers_reach_down_three_levels() -> None:
    grid = table_grids(builtin_layout("gov-2021").table("appeals"))[0]
    cell = grid.data_cell("appeals.litigation_direct.total")
    assert [grid.cell(h).label.zh for h in cell.headers] == ["行政诉讼", "未经复议直接起诉", "总计"]  # type: ignore[union-attr]
    assert [c.column for c in grid.rows[-1]] == list(range(15))


def test_widened_grids_stretch_the_last_column() -> None:
    grid = table_grids(builtin_layout("gov-2021").table("proactive"))[1]
    wide = grid.widened(4)
    assert [(c.column, c.colspan) for c in wide.rows[1]] == [(0, 1), (1, 3)]
    assert grid.widened(2) is grid
    with pytest.raises(ValueError, match="cannot narrow"):
        grid.widened(1)


def test_ids_are_unique_across_a_layout() -> None:
    for layout in LAYOUTS:
        ids = [cell.id for grid in grids(layout) for cell in grid.cells()]
        assert len(ids) == len(set(ids))
