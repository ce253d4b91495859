"""Counting a register into Table 2 for one year, with carry-over from and into the neighbouring years.

For the year Y, each request counts once on each side of the stated balance (一 + 二 = 三（七） + 四):

* received in Y → 一、本年新收; received before Y and still open on 1 January → 二、上年结转;
* closed in Y → its outcome row (and （七）总计); received by the end of Y and not closed by then →
  四、结转下年度继续办理.

So the balance holds for every column by construction, and Y's 二 equals Y−1's 四 for the same register.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.ledger.register import LedgerEntry
from disclosure_core.ledger.vocabulary import OUTCOME_ROWS_EXCLUDED
from disclosure_core.values import CellValue, Count, Provenance


def table_2(
    entries: Iterable[LedgerEntry], year: int, layout: Layout, *, origin: str | None = None
) -> dict[CellAddress, CellValue]:
    """Every cell of Table 2 for ``year``: counts (zeros included: a register is complete) and totals.

    >>> import datetime as dt
    >>> from disclosure_core.layouts import builtin_layout
    >>> old = LedgerEntry("A", dt.date(2024, 12, 20), "natural_person", "granted", dt.date(2025, 1, 6), 2)
    >>> cells = table_2([old], 2025, builtin_layout("gov-2021"))
    >>> [cells[CellAddress.parse(f"requests.{row}.total")].number for row in ("new", "carried_over", "granted")]
    [0, 1, 1]
    """
    table = layout.table("requests")
    outcomes = [row.id for row in table.rows if row.id not in OUTCOME_ROWS_EXCLUDED]
    counts: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        open_at_start = entry.received.year < year and (entry.closed is None or entry.closed.year >= year)
        if entry.received.year == year:
            counts["new", entry.applicant] += 1
        elif open_at_start:
            counts["carried_over", entry.applicant] += 1
        if entry.closed is not None and entry.closed.year == year and entry.outcome is not None:
            counts[entry.outcome, entry.applicant] += 1
            counts["total", entry.applicant] += 1
        elif entry.received.year <= year and (entry.closed is None or entry.closed.year > year):
            counts["carried_forward", entry.applicant] += 1
    parts = [column.id for column in table.columns if column.id != "total"]
    provenance = Provenance(origin) if origin else None
    cells: dict[CellAddress, CellValue] = {}
    for row in ("new", "carried_over", *outcomes, "total", "carried_forward"):
        for column in parts:
            cells[CellAddress("requests", row, column)] = Count(counts[row, column], provenance=provenance)
        row_total = sum(counts[row, column] for column in parts)
        cells[CellAddress("requests", row, "total")] = Count(row_total, provenance=provenance)
    return cells
