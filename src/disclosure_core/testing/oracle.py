"""A hand-written check of the Table 2 and Table 3 arithmetic: an oracle independent of the rule engine.

Tests use it to judge generated and aggregated reports without trusting the engine under test, and the
benchmarks compare the engine's speed against it.

>>> from disclosure_core.model import Body, Report
>>> report = Report("gov-2019", 2020, Body("x", "county")).with_cells({"appeals.review.upheld": 1, "appeals.review.total": 2})
>>> table_arithmetic_errors(report)[:1]
['appeals.review.total: 2 != 1']
"""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_core.layouts import Layout, official_layouts
from disclosure_core.model import Report

_APPEAL_PARTS = ("upheld", "corrected", "other", "pending")
_NOT_RESULTS = {"new", "carried_over", "total", "carried_forward"}


def table_arithmetic_errors(report: Report, layouts: Mapping[str, Layout] | None = None) -> list[str]:
    """Every broken Table 2 / Table 3 relationship, treating absent cells as 0 (an oracle, not a checker)."""
    layout: Layout = (official_layouts() if layouts is None else layouts)[report.format]

    def n(address: str) -> int:
        value = report.number(address)
        return int(value) if value is not None else 0

    errors: list[str] = []
    requests = layout.table("requests")
    parts = [c.id for c in requests.columns if c.id != "total"]
    results = [r.id for r in requests.rows if r.id not in _NOT_RESULTS]
    for column in [*parts, "total"]:
        left = n(f"requests.new.{column}") + n(f"requests.carried_over.{column}")
        right = n(f"requests.total.{column}") + n(f"requests.carried_forward.{column}")
        if left != right:
            errors.append(f"requests.*.{column}: balance {left} != {right}")
        handled = sum(n(f"requests.{row}.{column}") for row in results)
        if handled != n(f"requests.total.{column}"):
            errors.append(f"requests.total.{column}: {n(f'requests.total.{column}')} != {handled}")
    for row in requests.rows:
        across = sum(n(f"requests.{row.id}.{column}") for column in parts)
        if across != n(f"requests.{row.id}.total"):
            errors.append(f"requests.{row.id}.total: {n(f'requests.{row.id}.total')} != {across}")
    for appeal in ("review", "litigation_direct", "litigation_after_review"):
        total = sum(n(f"appeals.{appeal}.{part}") for part in _APPEAL_PARTS)
        if total != n(f"appeals.{appeal}.total"):
            errors.append(f"appeals.{appeal}.total: {n(f'appeals.{appeal}.total')} != {total}")
    return errors
