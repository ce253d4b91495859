"""The request ledger: a register of individual requests becomes Table 2 of a year's report.

Pure counting lives in :mod:`~disclosure_core.ledger.tally`; reading CSV/XLSX registers in
:mod:`~disclosure_core.ledger.register`; the accepted words in :mod:`~disclosure_core.ledger.vocabulary`
(documented for people in docs/ledger.md).

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core.model import Body
>>> text = "收到日期,申请人类型,办理结果,办结日期\\n2025-03-01,企业,予以公开,2025-03-20\\n2025-12-30,自然人,,\\n"
>>> loaded = ledger_report(text.encode(), origin="r.csv", year=2025, body=Body("某县人民政府", "county"),
...                        layout=builtin_layout("gov-2021"))
>>> loaded.report.number("requests.new.total"), loaded.report.number("requests.carried_forward.natural_person")
(2, 1)
"""

from __future__ import annotations

from disclosure_core._formats import Loaded
from disclosure_core.layouts import Layout
from disclosure_core.ledger.register import LedgerEntry, Register, read_register
from disclosure_core.ledger.tally import table_2
from disclosure_core.model import Body, Report
from disclosure_core.values import Provenance


def ledger_report(data: bytes, *, origin: str, year: int, body: Body, layout: Layout) -> Loaded:
    """A report for ``body`` and ``year`` whose Table 2 is counted from the register in ``data``.

    Lines that cannot be counted are left out, each with an error diagnostic naming its line.
    """
    register = read_register(data, origin=origin, layout=layout)
    cells = table_2(register.entries, year, layout, origin=origin)
    report = Report(layout.id, year, body, provenance=Provenance(origin)).with_cells(cells)
    return Loaded(report, register.diagnostics)


__all__ = ["LedgerEntry", "Register", "ledger_report", "read_register", "table_2"]
