"""For plugin authors: what every rendered report shares — outline, titles, printed cell texts, table grids, ZIP.

A renderer differs from the others in markup only. The title, the heading of each section (the report's own, else
the official one from the layout), which table goes under which section, how a cell value is printed, how a table's
header, label and value cells sit on a grid, and how an Office package is written byte for byte (from its parts or from another writer's ZIP) are decided here
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

from typing import TYPE_CHECKING

from disclosure_core._lazy import lazy_exports

if TYPE_CHECKING:
    from disclosure_core._archives import (
        DOCX_PACKAGE_FIRST,
        FIXED_ZIP_DATE,
        PACKAGE_FIRST,
        deterministic_zip,
        zip_package,
    )
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

# Each name is imported from where it lives on first use: a plugin's entry point imports this module on every
# ``disclosure`` run, and most runs need few of these.
__getattr__ = lazy_exports(
    __name__,
    {
        "DOCX_PACKAGE_FIRST": "disclosure_core._archives",
        "FIXED_ZIP_DATE": "disclosure_core._archives",
        "PACKAGE_FIRST": "disclosure_core._archives",
        "deterministic_zip": "disclosure_core._archives",
        "zip_package": "disclosure_core._archives",
        "TITLE_SUFFIX": "disclosure_core._document",
        "OutlinePart": "disclosure_core._document",
        "cell_text": "disclosure_core._document",
        "format_date": "disclosure_core._document",
        "is_subheading": "disclosure_core._document",
        "outline": "disclosure_core._document",
        "printed_texts": "disclosure_core._document",
        "report_title": "disclosure_core._document",
        "require_layout": "disclosure_core._document",
        "require_printable": "disclosure_core._document",
        "title_lines": "disclosure_core._document",
        "BlockGrid": "disclosure_core.layouts.grid",
        "GridCell": "disclosure_core.layouts.grid",
        "GridRole": "disclosure_core.layouts.grid",
        "block_grid": "disclosure_core.layouts.grid",
        "table_grids": "disclosure_core.layouts.grid",
    },
)

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
    "zip_package",
]
