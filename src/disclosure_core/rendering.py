"""For plugin authors: what every rendered report shares — outline, titles, printed cell texts, table grids, ZIP.

A renderer differs from the others in markup only. The title, the heading of each section (the report's own, else
the official one from the layout), which table goes under which section, how a cell value is printed, how a table's
header, label and value cells sit on a grid, and how an Office package is written byte for byte are decided here
once. A source that reads rendered files back (DOCX, XLSX) inverts the same functions. This module is public: its
names stay, with a changelog entry when they change.

>>> from disclosure_core import Body, Report, builtin_layout
>>> from disclosure_core.rendering import outline, report_title, table_grids
>>> report = Report("gov-2021", 2025, Body("某县人民政府", "county"))
>>> report_title(report)
'某县人民政府2025年政府信息公开工作年度报告'
>>> [part.heading for part in outline(report, builtin_layout("gov-2021"))][:2]
['一、总体情况', '二、主动公开政府信息情况']
>>> len(table_grids(builtin_layout("gov-2021").table("requests"))) > 0
True
"""

from __future__ import annotations

from disclosure_core._archives import DOCX_PACKAGE_FIRST, FIXED_ZIP_DATE, PACKAGE_FIRST, deterministic_zip
from disclosure_core._document import (
    TITLE_SUFFIX,
    OutlinePart,
    cell_text,
    format_date,
    is_subheading,
    outline,
    printed_texts,
    report_title,
    require_layout,
    require_printable,
    title_lines,
)
from disclosure_core.layouts.grid import BlockGrid, GridCell, GridRole, block_grid, table_grids

__all__ = [
    "DOCX_PACKAGE_FIRST",
    "FIXED_ZIP_DATE",
    "PACKAGE_FIRST",
    "TITLE_SUFFIX",
    "BlockGrid",
    "GridCell",
    "GridRole",
    "OutlinePart",
    "block_grid",
    "cell_text",
    "deterministic_zip",
    "format_date",
    "is_subheading",
    "outline",
    "printed_texts",
    "report_title",
    "require_layout",
    "require_printable",
    "table_grids",
    "title_lines",
]
