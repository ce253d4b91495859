"""Example plugin: a province's additions — a layout variant and its rules — and a Markdown renderer.

It implements three hooks: ``disclosure_layouts`` (Hubei's variant of the 2019 format, as data),
``disclosure_rule_sets`` (a rule for the variant's extra row, as data) and ``disclosure_renderers``.

The renderer builds on :mod:`disclosure_core.rendering`, as every renderer of this project does: the title
(``report_title``), the outline with the official headings (``outline``), the tables on their grids
(``table_grids``) and the printed cell texts (``cell_text``). Markdown tables cannot merge cells, so each row
label is written as its full path ("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密") and each column header
as the path of header cells above it.

>>> from disclosure_core import Body, Registry, Report
>>> registry = Registry(entry_points=False, plugins=[__import__("disclosure_example_hubei")])
>>> registry.render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "markdown").decode().splitlines()[0]
'# 某县人民政府2025年政府信息公开工作年度报告'
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from disclosure_core import CellAddress, DataFile, RenderOptions, Report, hookimpl
from disclosure_core.layouts import TableLayout
from disclosure_core.rendering import (
    BlockGrid,
    GridCell,
    GridRole,
    cell_text,
    format_date,
    outline,
    report_title,
    table_grids,
)


class MarkdownRenderer:
    """Writes the report as Markdown: title, sections and the three tables.

    >>> from disclosure_core import Body, RenderOptions, Report, builtin_layout
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.total": 1})
    >>> text = MarkdownRenderer().render(report, RenderOptions(builtin_layout("gov-2021"))).decode()
    >>> text.splitlines()[2], [line for line in text.splitlines() if "| 1 |" in line]
    ('## 一、总体情况', ['|  |  |  |  | 1 |  |  |  |  |  |  |  |  |  |  |'])
    """

    name = "markdown"
    suffix = ".md"
    media_type = "text/markdown"
    description = "Markdown with pipe tables (example plugin)"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """UTF-8 Markdown; deterministic."""
        lines = [f"# {_escape(report_title(report))}", ""]
        lines += [_escape(p) + "\n" for p in report.lead]
        # The shared outline: the six sections in the layout's order, the official heading where the report
        # gives none, and each table under its section (a table is data: shown even when the text is missing).
        for part in outline(report, options.layout):
            lines += [f"## {_escape(part.heading)}", ""]
            lines += [_escape(p) + "\n" for p in part.paragraphs]
            for table in part.tables:
                for grid in table_grids(table):
                    lines += _block(report, table, grid)
        if report.publisher or report.published:
            date = format_date(report.published) if report.published else ""
            lines += [f"{_escape(report.publisher or '')} {date}".strip(), ""]
        return "\n".join(lines).encode("utf-8")


def _block(report: Report, table: TableLayout, grid: BlockGrid) -> list[str]:
    block = grid.block
    lines = [f"**{block.heading.zh}**", ""] if block.heading else []
    body = [[cell for cell in row if cell.role is GridRole.DATA] for row in grid.rows[grid.header_rows :]]
    body = [row for row in body if row]
    # Each value cell names all its headers (columns top-down, then row groups, then its row): Markdown cannot
    # merge cells, so a column is titled by the path of headers above it and a row by the path of its labels.
    columns = [_path(grid, cell, {GridRole.COLUMN_HEADER}) for cell in body[0]] if body else []
    if block.label_width:
        columns = ["项目", *columns]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for row in body:
        path = _path(grid, row[0], {GridRole.ROW_GROUP, GridRole.ROW_HEADER})
        values = [_cell(report, table, cell.address) for cell in row if cell.address is not None]
        lines.append("| " + " | ".join(([path] if block.label_width else []) + values) + " |")
    return [*lines, ""]


def _path(grid: BlockGrid, cell: GridCell, roles: set[GridRole]) -> str:
    labels = [grid.cell(header) for header in cell.headers]
    return _escape(" / ".join(h.label.zh for h in labels if h.role in roles and h.label is not None))


def _cell(report: Report, table: TableLayout, address: CellAddress) -> str:
    return _escape(cell_text(report.cell(address), table.column(address.column)))


def _escape(text: str) -> str:
    # Markdown passes raw HTML through: report text must never become markup (a <script> in a body name).
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def _data(name: str) -> DataFile:
    return DataFile(f"disclosure_example_hubei/{name}", resources.files(__package__).joinpath(name).read_text("utf-8"))


@hookimpl
def disclosure_renderers() -> Iterable[MarkdownRenderer]:
    """The Markdown renderer."""
    return [MarkdownRenderer()]


@hookimpl
def disclosure_layouts() -> Iterable[DataFile]:
    """Hubei's variant of the 2019 format: Table 1 gains the row 其他主动公开文件."""
    return [_data("hubei-layout.toml")]


@hookimpl
def disclosure_rule_sets() -> Iterable[DataFile]:
    """The province's rules; they apply only to reports in the variant's format."""
    return [_data("hubei-rules.toml")]


__all__ = ["MarkdownRenderer"]
