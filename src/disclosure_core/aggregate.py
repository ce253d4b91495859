"""Region-wide reports: the tables of many units summed into one report of the same format.

Absence propagates honestly: a cell that any unit left blank (or filled with a placeholder) makes the
sum absent, unless the caller opts into ``blank_as_zero`` — and then the result says which units were
blank where. Money sums exactly, converting 元 to 万元 when units differ.

>>> from disclosure_core.model import Body, Report
>>> a = Report("gov-2021", 2025, Body("甲镇人民政府", "township")).with_cells({"appeals.review.total": 1})
>>> b = Report("gov-2021", 2025, Body("乙镇人民政府", "township")).with_cells({"appeals.review.total": 2})
>>> aggregate([a, b], body=Body("某县人民政府", "county")).report.number("appeals.review.total")
3
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from disclosure_core._files import os_reason
from disclosure_core.catalogue import words
from disclosure_core.errors import LoadError, UsageError
from disclosure_core.layouts import CellAddress, Layout, find_layout, official_layouts
from disclosure_core.model import Body, Report
from disclosure_core.values import BLANK, Absent, CellValue, Count, Money


@attrs.frozen
class Aggregation:
    """A region-wide report and the account of how it was made."""

    report: Report
    units: tuple[str, ...]
    absent: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    """For each cell (``table.row.column``) that some unit left without a number: those units."""
    missing: tuple[str, ...] = ()
    """Units the manifest expects but no report was given for."""
    unexpected: tuple[str, ...] = ()
    """Units given that the manifest does not list."""
    unit_mismatches: tuple[str, ...] = ()
    """Money cells whose units could not be reconciled (left blank)."""
    blank_as_zero: bool = False


def read_manifest(path: str | Path) -> list[str]:
    """Unit names, one per line; blank lines and lines starting with # are ignored.

    >>> read_manifest("no-such-manifest.txt")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: no-such-manifest.txt: cannot read the manifest: No such file or directory
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise LoadError.keyed("aggregate.manifest", where=str(path), reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise LoadError.keyed("aggregate.manifest", where=str(path), reason=words("config.not_utf8")) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def aggregate(
    reports: Iterable[Report],
    *,
    body: Body,
    manifest: Iterable[str] | None = None,
    blank_as_zero: bool = False,
    layouts: Mapping[str, Layout] | None = None,
) -> Aggregation:
    """Sum the tables of ``reports`` (one per unit) into a report for ``body``.

    All reports must share one format version and year; :class:`UsageError` names the ones that do not.
    ``manifest`` lists the unit names expected; missing and unexpected units are reported, not refused.
    """
    units = list(reports)
    if not units:
        raise UsageError.keyed("aggregate.nothing")
    _require_same(units, "format", lambda r: r.format)
    _require_same(units, "year", lambda r: str(r.year))
    names = [_name(r) for r in units]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise UsageError.keyed("aggregate.duplicates", units=", ".join(duplicates))
    layout = find_layout(official_layouts() if layouts is None else layouts, units[0].format)
    cells, absent, mismatches = _sum_cells(units, layout, blank_as_zero)
    expected = list(manifest) if manifest is not None else None
    first = units[0]
    report = Report(first.format, first.year, body).with_cells(cells)
    return Aggregation(
        report=report,
        units=tuple(sorted(names)),
        absent=absent,
        missing=tuple(sorted(set(expected) - set(names))) if expected is not None else (),
        unexpected=tuple(sorted(set(names) - set(expected))) if expected is not None else (),
        unit_mismatches=tuple(mismatches),
        blank_as_zero=blank_as_zero,
    )


def _name(report: Report) -> str:
    return report.body.name


def _require_same(reports: Sequence[Report], what: str, key: Callable[[Report], str]) -> None:
    groups: dict[str, list[str]] = {}
    for report in reports:
        groups.setdefault(key(report), []).append(_name(report))
    if len(groups) > 1:
        parts = "; ".join(f"{value}: {', '.join(sorted(units))}" for value, units in sorted(groups.items()))
        raise UsageError.keyed(f"aggregate.different_{what}", parts=parts)


def _sum_cells(
    units: Sequence[Report], layout: Layout, blank_as_zero: bool
) -> tuple[dict[CellAddress, CellValue], dict[str, tuple[str, ...]], list[str]]:
    cells: dict[CellAddress, CellValue] = {}
    absent: dict[str, tuple[str, ...]] = {}
    mismatches: list[str] = []
    for address in layout.addresses():
        values = [(unit, unit.cell(address)) for unit in units]
        holes = [_name(unit) for unit, value in values if isinstance(value, Absent)]
        if holes:
            absent[str(address)] = tuple(sorted(holes))
        present = [value for _, value in values if not isinstance(value, Absent)]
        if holes and (not blank_as_zero or not present):
            cells[address] = _combined_absence([v for _, v in values if isinstance(v, Absent)], len(present))
            continue
        total = _sum(present)
        if total is None:
            mismatches.append(str(address))
            total = BLANK
        cells[address] = total
    return cells, absent, mismatches


def _combined_absence(absences: list[Absent], present: int) -> Absent:
    """All units agree on one kind of absence (and its text): keep it; otherwise the sum is simply blank."""
    if present == 0 and len({(a.kind, a.text) for a in absences}) == 1:
        return Absent(absences[0].kind, absences[0].text)
    return BLANK


def _sum(values: Sequence[Count | Money]) -> CellValue | None:
    counts = [v.value for v in values if isinstance(v, Count)]
    if len(counts) == len(values):
        return Count(sum(counts))
    amounts = [v for v in values if isinstance(v, Money)]
    if len(amounts) != len(values):
        return None  # counts beside money: the layout forbids it, so there is nothing sensible to add
    units = {m.unit for m in amounts}
    if len(units) == 1:
        return Money(sum((m.amount for m in amounts), Decimal(0)), amounts[0].unit)
    converted = [m.in_wan_yuan() for m in amounts]
    if any(c is None for c in converted):
        return None  # a bare number beside 元 or 万元: no honest way to add them
    return Money(sum((c for c in converted if c is not None), Decimal(0)), "万元")
