"""Example plugin: a province's additions — a layout variant and its rules — and a Markdown renderer.

It implements three hooks: ``disclosure_layouts`` (Hubei's variant of the 2019 format, as data),
``disclosure_rule_sets`` (a rule for the variant's extra row, as data) and ``disclosure_renderers``.

Markdown tables cannot merge cells, so each row label is written as its full path
("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密") and each column header as the path of header cells above it.

>>> from disclosure_core import Body, Registry, Report
>>> registry = Registry(entry_points=False, plugins=[__import__("disclosure_example_hubei")])
>>> registry.render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "markdown").decode().splitlines()[0]
'# 某县人民政府2025年政府信息公开工作年度报告'
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from disclosure_core import Absent, DataFile, Money, RenderOptions, Report, hookimpl
from disclosure_core.layouts import Block, DataCell, LabelCell
from disclosure_core.values import CellValue


class MarkdownRenderer:
    """Writes the report as Markdown: title, sections and the three tables.

    >>> from disclosure_core import Body, RenderOptions, Report, builtin_layout
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.total": 1})
    >>> text = MarkdownRenderer().render(report, RenderOptions(builtin_layout("gov-2021"))).decode()
    >>> text.splitlines()[-1]
    '|  |  |  |  | 1 |  |  |  |  |  |  |  |  |  |  |'
    """

    name = "markdown"
    suffix = ".md"
    media_type = "text/markdown"
    description = "Markdown with pipe tables (example plugin)"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """UTF-8 Markdown; deterministic."""
        title = report.title or f"{report.body.name}{report.year}年政府信息公开工作年度报告"
        lines = [f"# {_escape(title)}", ""]
        lines += [_escape(p) + "\n" for p in report.lead]
        tables = {table.section: table for table in options.layout.tables}
        for section_id, section in report.sections.items():
            if section is not None:
                if section.heading:
                    lines += [f"## {_escape(section.heading)}", ""]
                lines += [_escape(p) + "\n" for p in section.paragraphs]
            if section_id in tables:  # a table is data: shown even when its section's text is missing
                for block in tables[section_id].blocks:
                    lines += _block(report, block)
        if report.publisher or report.published:
            lines += [f"{_escape(report.publisher or '')} {report.published or ''}".strip(), ""]
        return "\n".join(lines).encode("utf-8")


def _block(report: Report, block: Block) -> list[str]:
    lines = [f"**{block.heading.zh}**", ""] if block.heading else []
    columns = _column_titles(block)
    if block.label_width:
        columns = ["项目", *columns]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    open_groups: list[str] = []
    for printed in block.body():
        labels = [c for c in printed if isinstance(c, LabelCell)]
        # Group labels are printed once with a rowspan; carry them down to every row they cover.
        depth = block.label_width - labels[-1].colspan if labels else 0
        open_groups = open_groups[: depth - (len(labels) - 1)] + [c.label.zh for c in labels[:-1]]
        path = [*open_groups, labels[-1].label.zh] if labels else []
        values = [_cell(report.cell(c.address)) for c in printed if isinstance(c, DataCell)]
        row = ([_escape(" / ".join(path))] if path else []) + values
        lines.append("| " + " | ".join(row) + " |")
    return [*lines, ""]


def _column_titles(block: Block) -> list[str]:
    titles = []
    for column in range(block.label_width, block.label_width + block.data_width):
        above = [
            cell.label.zh
            for row in block.header
            for cell in row
            if not cell.is_label_area and cell.first_column <= column < cell.first_column + cell.colspan
        ]
        titles.append(_escape(" / ".join(above)))
    return titles


def _cell(value: CellValue) -> str:
    if isinstance(value, Absent):
        return _escape(value.text)
    if isinstance(value, Money):
        return f"{value.amount}{value.unit or ''}"
    return str(value.number)


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
