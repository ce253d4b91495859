"""The formula cells that check what a preparer entered: totals recomputed beside the entered totals, and
the balance the format states for Table 2 (一 + 二 = 三（七） + 四, per column).

A check shows "未填" when every cell it reads is blank, "差额 n" when the numbers disagree (a blank counted as
nothing), "未填 n 格" when they agree but n of its cells are blank, and "OK" only when every cell holds a number
and they agree — a blank is not a 0, so a row left blank is never "OK".

The entered values stay the data: formulas only sit beside and below the table, and the reader never
reads them.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_xlsx.geometry import table_sheet
>>> cells = check_cells(table_sheet(builtin_layout("gov-2021").table("requests")))
>>> [c.content for c in cells if c.at.coordinate == "D35"]  # doctest: +NORMALIZE_WHITESPACE
['=IF(COUNTA(D7,D8,D30,D31)=0,"未填",IF(D7+D8=D30+D31,IF(COUNTA(D7,D8,D30,D31)=4,"OK","未填 "&(4-COUNTA(D7,D8,D30,D31))&" 格"),"差额 "&((D7+D8)-(D30+D31))))']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from disclosure_xlsx.geometry import Placed, TableSheet, ValuePlace

BALANCE_LABEL = "勾稽关系：一＋二＝三（七）＋四"
HANDLED_LABEL = "（七）总计应为（一）至（六）之和（公式）"
HANDLED_CHECK_LABEL = "（七）总计核对"
ROW_SUM_HEADER = "六类申请人之和（公式）"
ROW_CHECK_HEADER = "总计核对"
GROUP_SUM_LABEL = "四项之和（公式）"
GROUP_CHECK_LABEL = "总计核对"
CHECK_LABELS = frozenset(
    {BALANCE_LABEL, HANDLED_LABEL, HANDLED_CHECK_LABEL, ROW_SUM_HEADER, ROW_CHECK_HEADER, GROUP_SUM_LABEL}
)
"""Labels of the check area: the reader knows them so it never mistakes a check row for data."""

_BALANCE_ROWS = ("new", "carried_over", "total", "carried_forward")


@attrs.frozen
class CheckCell:
    """A cell of the check area: a label (text) or a formula (starting with "=")."""

    at: Placed
    content: str

    @property
    def is_formula(self) -> bool:
        """Whether the content is a formula."""
        return self.content.startswith("=")


def check_cells(sheet: TableSheet) -> list[CheckCell]:
    """The check area of a table sheet (empty for tables without arithmetic, such as Table 1)."""
    if sheet.table.id == "requests":
        return _requests_checks(sheet)
    if sheet.table.id == "appeals":
        return _appeals_checks(sheet)
    return []


def _sum(places: Iterable[ValuePlace]) -> str:
    return "SUM(" + ",".join(place.at.coordinate for place in places) + ")"


def _check(entered: str, computed: str, cells: Iterable[str]) -> str:
    """The check formula: ``entered`` against ``computed``, reading the cells listed."""
    listed = ",".join(cells)
    count = len(listed.split(","))
    filled = f"COUNTA({listed})"
    agrees = f'IF({filled}={count},"OK","未填 "&({count}-{filled})&" 格")'
    return f'=IF({filled}=0,"未填",IF({entered}={computed},{agrees},"差额 "&(({entered})-({computed}))))'


def _requests_checks(sheet: TableSheet) -> list[CheckCell]:
    places = {(p.address.row, p.address.column): p for p in sheet.values()}
    columns = [column.id for column in sheet.table.columns]
    parts = [column for column in columns if column != "total"]
    results = [row.id for row in sheet.table.rows if row.id not in _BALANCE_ROWS]
    right = sheet.check_column
    header_row = sheet.rows[0].row - 1
    cells = [
        CheckCell(Placed(header_row, right), ROW_SUM_HEADER),
        CheckCell(Placed(header_row, right + 1), ROW_CHECK_HEADER),
    ]
    for body_row in sheet.rows:
        row_id = body_row.values[0].address.row
        computed = _sum(places[(row_id, column)] for column in parts)
        cells.append(CheckCell(Placed(body_row.row, right), "=" + computed))
        entered = places[(row_id, "total")].at.coordinate
        read = [places[(row_id, column)].at.coordinate for column in [*parts, "total"]]
        cells.append(CheckCell(Placed(body_row.row, right + 1), _check(entered, computed, read)))
    below = sheet.last_row + 2
    for offset, label in enumerate((HANDLED_LABEL, HANDLED_CHECK_LABEL, BALANCE_LABEL)):
        cells.append(CheckCell(Placed(below + offset, 1, 1, sheet.label_width), label))
    for column in columns:
        computed = _sum(places[(row, column)] for row in results)
        handled = places[("total", column)].at
        new, carried_over, total, carried_forward = (places[(row, column)].at.coordinate for row in _BALANCE_ROWS)
        cells.append(CheckCell(Placed(below, handled.column), "=" + computed))
        read = [places[(row, column)].at.coordinate for row in results] + [handled.coordinate]
        cells.append(CheckCell(Placed(below + 1, handled.column), _check(handled.coordinate, computed, read)))
        balance = _check(
            f"{new}+{carried_over}", f"{total}+{carried_forward}", (new, carried_over, total, carried_forward)
        )
        cells.append(CheckCell(Placed(below + 2, handled.column), balance))
    return cells


def _appeals_checks(sheet: TableSheet) -> list[CheckCell]:
    below = sheet.last_row + 2
    cells: list[CheckCell] = []
    for row in sheet.table.rows:
        group = [place for place in sheet.values() if place.address.row == row.id]
        parts = [place for place in group if place.address.column != "total"]
        total = next(place for place in group if place.address.column == "total")
        first, span = parts[0].at.column, len(parts)
        computed = _sum(parts)
        cells.append(CheckCell(Placed(below, first, 1, span), GROUP_SUM_LABEL))
        cells.append(CheckCell(Placed(below, total.at.column), "=" + computed))
        cells.append(CheckCell(Placed(below + 1, first, 1, span), GROUP_CHECK_LABEL))
        read = [place.at.coordinate for place in [*parts, total]]
        cells.append(CheckCell(Placed(below + 1, total.at.column), _check(total.at.coordinate, computed, read)))
    return cells
