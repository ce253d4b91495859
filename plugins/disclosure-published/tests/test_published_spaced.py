"""Cell-per-line text whose empty lines carry the grid: any cell gap and row gap, any line break, blank cells.

Generated reports are flattened the way a crawler saves a page's table (one cell per line, S empty lines
between cells, R between rows, a blank cell as an empty line with its own gap) and must read back cell for
cell, with every cell exact.
"""

from __future__ import annotations

from disclosure_published import Hints, parse_text
from disclosure_published.spaced import Grid, detect_grid
from disclosure_published.testing import printed, table_differences
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from disclosure_core import SECTION_IDS, Absent, Reading, Report
from disclosure_core.layouts import DataCell, LabelCell, Layout, builtin_layout
from disclosure_core.testing import strategies as dc
from disclosure_core.testing.robustness import robust_settings
from disclosure_core.testing.samples import numbered_report

_HEADINGS = dict(
    zip(
        SECTION_IDS,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ],
        strict=True,
    )
)


def printed_rows(report: Report, layout: Layout, section: str) -> list[list[str]]:
    """The printed rows of a section's table, each cell once (as a page's HTML has them)."""
    rows: list[list[str]] = []
    for table in layout.tables:
        if table.section != section:
            continue
        for block in table.blocks:
            if block.heading is not None:
                rows.append([block.heading.zh])
            rows.extend([cell.label.zh for cell in header_row] for header_row in block.header)
            for body_row in block.body():
                cells = []
                for cell in body_row:
                    if isinstance(cell, LabelCell):
                        cells.append(cell.label.zh)
                    elif isinstance(cell, DataCell):
                        cells.append(printed(report.cell(cell.address), layout.column_of(cell.address).unit))
                rows.append(cells)
    return rows


def spaced(report: Report, grid: Grid, newline: str) -> str:
    layout = builtin_layout(report.format)
    parts = [f"{report.body.name}{report.year}年政府信息公开工作年度报告"]
    cell_gap, row_gap = newline * (grid.cell + 1), newline * (grid.row + 1)
    for section in SECTION_IDS:
        parts.append(newline + _HEADINGS[section] + newline + "本部分说明。")
        rows = printed_rows(report, layout, section)
        if rows:
            parts.append(row_gap + row_gap.join(cell_gap.join(row) for row in rows) + row_gap)
    return newline.join(parts)


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    cell = draw(st.integers(min_value=1, max_value=3))
    row = draw(st.integers(min_value=cell + 1, max_value=cell + 5).filter(lambda r: (r - cell) % (cell + 1) != 0))
    return Grid(cell, row)


def numbers(report: Report) -> int:
    return sum(1 for a in builtin_layout(report.format).addresses() if not isinstance(report.cell(a), Absent))


def mostly_ending_blank(layout_id: str) -> Report:
    """A report with a value in every cell but the last of five body rows in six (a last column mostly left
    blank): most row breaks then carry a blank cell, and the rows ending on a value tell the row gap."""
    layout = builtin_layout(layout_id)
    ends = [
        str(data[-1].address)
        for table in layout.tables
        for block in table.blocks
        for row in block.body()
        if (data := [cell for cell in row if isinstance(cell, DataCell)])
    ]
    return numbered_report(layout_id).with_cells({end: Absent() for index, end in enumerate(ends) if index % 6})


# 25 under the ci profile, proportionally more under `make test-long` (where the blank-ending case was found).
@settings(robust_settings(25), suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(dc.reports(consistent=True) | dc.reports(), grids(), st.sampled_from(["\r", "\n", "\r\n"]))
@example(mostly_ending_blank("gov-2021"), Grid(cell=1, row=2), "\n")  # was read as (1, 4)
@example(mostly_ending_blank("gov-2019"), Grid(cell=1, row=4), "\r\n")  # was read as (1, 6)
@example(mostly_ending_blank("gov-2021"), Grid(cell=2, row=4), "\n")  # the real captures' grid
def test_a_spaced_capture_reads_back_cell_for_cell(report: Report, grid: Grid, newline: str) -> None:
    assume(numbers(report) >= 20)  # a table of a few numbers among blanks shows no grid
    text = spaced(report, grid, newline)
    assert detect_grid(text.replace("\r\n", "\n").replace("\r", "\n")) == grid
    loaded = parse_text(text.encode(), origin="c.txt", hints=Hints(name=report.body.name, year=report.year))
    assert loaded.report.format == report.format
    assert table_differences(report, loaded.report) == []
    readings = [loaded.report.cell(a).provenance for a in builtin_layout(report.format).addresses()]
    assert [p.reading for p in readings if p is not None and p.reading is not Reading.EXACT] == []
    assert [s for s, section in loaded.report.sections.items() if section is None] == []


def test_text_with_an_empty_line_after_every_line_is_not_spaced() -> None:
    lines = ["规章", "0", "0", "0", "规范性文件", "1", "2", "3", "行政许可", "4", "5", "6", "7"]
    assert detect_grid("\n\n".join(lines)) is None


def test_a_wrapped_header_cell_is_joined_and_a_signature_is_not() -> None:
    cells, row = "\n" * 3, "\n" * 5
    numbers_row = cells.join(["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"])
    header = cells.join(["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"])
    text = (
        "三、收到和处理政府信息公开申请情况"
        + row
        + cells.join(["申请人情况", "自然人", "法人或其他组织", "总计"])
        + row
        + header
        + row
        + numbers_row
        + row
        + numbers_row.replace("一、本年新收", "二、上年结转")
        + row
        + "五、存在的主要问题及改进情况\n仍有不足。"
        + cells
        + "某省某厅\n2022年1月20日"
    )
    loaded = parse_text(text.encode(), origin="w.txt", hints=Hints(year=2021))
    assert loaded.report.number("requests.new.total") == 1
    assert loaded.report.publisher == "某省某厅"
    assert loaded.report.published is not None
    assert [d.message for d in loaded.diagnostics if d.code == "header-mismatch"] == []
