"""The request ledger as a source: a register of requests (CSV, or XLSX with openpyxl) read as a report.

A register says nothing of who reports or for which year: those come as hints (``--body``, ``--level``,
``--region``, ``--year``), and the layout is the official one prescribed for the year — or the only one
given, when the caller names the format.

>>> from disclosure_core._hints import ReportHints
>>> from disclosure_core.layouts import official_layouts
>>> text = "收到日期,申请人类型,办理结果,办结日期\\n2025-03-01,企业,予以公开,2025-03-20\\n"
>>> hints = ReportHints(name="某县人民政府", level="county", year=2025)
>>> LedgerSource().load(text.encode(), origin="r.csv", layouts=official_layouts(), hints=hints).report.number(
...     "requests.new.total"
... )
1
"""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_core._formats import Loaded
from disclosure_core._hints import ReportHints
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout
from disclosure_core.model import Body


class LedgerSource:
    """Counts a register of requests into Table 2 of a report for the hinted body and year."""

    name = "ledger"
    suffixes: tuple[str, ...] = ()  # never chosen by a file's name: a CSV file may be anything
    description = "a register of requests (CSV/XLSX) counted into Table 2; needs --year and --body"

    def sniff(self, head: bytes, filename: str) -> bool:
        """Never: a register is read when asked for (``--from ledger``)."""
        return False

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """The report counted from the register; :class:`LoadError` without the year and body hints."""
        from disclosure_core.ledger import ledger_report

        if hints is None or hints.year is None or not hints.name:
            raise LoadError.keyed("ledger.hints", where=origin)
        layout = layout_for(layouts, hints.year, origin)
        body = Body(hints.name, hints.level or "county", hints.region)
        return ledger_report(data, origin=origin, year=hints.year, body=body, layout=layout)


def layout_for(layouts: Mapping[str, Layout], year: int, origin: str) -> Layout:
    """The official layout prescribed for ``year``, or the only layout given.

    >>> from disclosure_core.layouts import official_layouts
    >>> layout_for(official_layouts(), 2020, "r.csv").id, layout_for({"x": official_layouts()["gov-2021"]}, 2020, "r.csv").id
    ('gov-2019', 'gov-2021')
    """
    if len(layouts) == 1:
        return next(iter(layouts.values()))
    for layout in layouts.values():
        if layout.extends is None and layout.applies_to(year):
            return layout
    raise LoadError.keyed("error.no_format_for_year", where=origin, year=year)
