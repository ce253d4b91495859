"""The ``xlsx`` renderer: the workbook an office fills in, blank or pre-filled from a report."""

from __future__ import annotations

from disclosure_core import RenderOptions, Report
from disclosure_core.rendering import require_layout
from disclosure_xlsx.geometry import table_sheet
from disclosure_xlsx.info_sheet import INFO_SHEET, write_info
from disclosure_xlsx.package import workbook_bytes
from disclosure_xlsx.spreadsheetml import SheetXml
from disclosure_xlsx.table_writer import write_table


class XlsxRenderer:
    """Writes the fill-in workbook: a 报告信息 sheet, then one sheet per official table (表1, 表2, 表3).

    The sheets' XML is written directly (:mod:`disclosure_xlsx.spreadsheetml`), not through openpyxl:
    a cell is one string, its style one number.

    >>> from disclosure_core import Body, Report, builtin_layout
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county"))
    >>> data = XlsxRenderer().render(report, RenderOptions(builtin_layout("gov-2021")))
    >>> data[:2], data == XlsxRenderer().render(report, RenderOptions(builtin_layout("gov-2021")))
    (b'PK', True)
    """

    name = "xlsx"
    suffix = ".xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    description = "fill-in workbook (XLSX): one sheet per table, locked labels, validation and checks"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The workbook's bytes; :class:`RenderError` when the report cannot be laid out in one."""
        layout = options.layout
        require_layout(report, layout)
        info = SheetXml()
        write_info(info, report, layout)
        sheets = [(INFO_SHEET, info)]
        for table in layout.tables:
            shape = table_sheet(table)
            sheet = SheetXml()
            write_table(sheet, shape, report)
            sheets.append((shape.name, sheet))
        title = report.title or f"{report.body.name}{report.year}年政府信息公开工作年度报告"
        return workbook_bytes(sheets, title=title[:255], print_titles={0: "1:1"})
