"""Choosing among the readings a PDF's geometry admits, by the arithmetic the layout declares.

Where a table's continuation can be placed under the first part's columns in several ways, each reading
is parsed and scored by how many of the layout's identities it breaks (row totals, Table 2's balance and
its （七）总计, Table 3's group totals): a misplaced column breaks many at once, a real publishing error
one or two. The best reading is kept when it is clearly better (by two identities or more) and its
differing cells are marked ``Reading.CHOSEN``; otherwise they are marked ``Reading.UNCERTAIN``. Either
way they carry the other readings' values as ``alternatives`` and a diagnostic says what was decided.

>>> from disclosure_core.layouts import builtin_layout
>>> layout = builtin_layout("gov-2021")
>>> cells = {CellAddress("appeals", "review", c): v for c, v in zip(("upheld", "corrected", "other", "pending", "total"), (1, 0, 0, 1, 2))}
>>> arithmetic_violations(layout, cells), arithmetic_violations(layout, {**cells, CellAddress("appeals", "review", "total"): 3})
(0, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from disclosure_core import (
    Absent,
    CellValue,
    Count,
    Diagnostic,
    DiagnosticLevel,
    Loaded,
    Money,
    Provenance,
    Reading,
    Tables,
)
from disclosure_core.catalogue import Text, words
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.sources import broken_identities, layout_identities

Score = Callable[[Layout, Mapping[CellAddress, int | None]], int]
"""How many of a layout's identities a table reading breaks (fewer is better)."""

CLEAR_MARGIN = 2
"""A reading is clearly better when it breaks at least this many identities fewer than the next best."""


def arithmetic_violations(layout: Layout, cells: Mapping[CellAddress, int | None]) -> int:
    """The identities of ``layout`` (:func:`disclosure_core.sources.layout_identities`) that ``cells`` break; an
    identity with a cell not a number is not counted."""
    return broken_identities(layout_identities(layout), cells)


def numbers(tables: Tables) -> dict[CellAddress, int | None]:
    """The whole numbers of a reading's cells (None for anything else)."""
    return {a: v.value if isinstance(v, Count) else None for a, v in tables.cells.items()}


def as_printed(value: CellValue | None) -> str:
    """A cell's value as the document printed it, for a list of alternatives.

    >>> as_printed(Count(81)), as_printed(None)
    ('81', '')
    """
    if isinstance(value, Count):
        return str(value.value)
    if isinstance(value, Money):
        return f"{value.amount}{value.unit or ''}"
    if isinstance(value, Absent):
        return value.text
    return ""


@attrs.frozen
class Decision:
    """What was chosen for one ambiguous table part: the reading, how surely, and why."""

    index: int
    reading: Reading
    message: Text
    level: DiagnosticLevel
    key: str = ""


def decide(scores: Sequence[int], descriptions: Sequence[Text | str], page: int) -> Decision:
    """The best of several scored readings, and whether it is clearly better than the next.

    >>> decide([5, 0, 4], ["a", "b", "c"], 4).reading, decide([1, 1], ["a", "b"], 4).reading
    (<Reading.CHOSEN: 'chosen'>, <Reading.UNCERTAIN: 'uncertain'>)
    """
    ranked = sorted(range(len(scores)), key=lambda i: (scores[i], i))
    best = ranked[0]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else None
    described = descriptions[best]
    shown = described if isinstance(described, Text) else Text(described, described)
    values = {"page": page, "count": len(scores), "reading": shown, "broken": scores[best], "next": runner_up}
    if runner_up is None or runner_up - scores[best] >= CLEAR_MARGIN:
        key = "published.pdf.chosen"
        return Decision(best, Reading.CHOSEN, words(key, **values), DiagnosticLevel.INFO, key)
    key = "published.pdf.uncertain"
    return Decision(best, Reading.UNCERTAIN, words(key, **values), DiagnosticLevel.WARNING, key)


def marked(chosen: Loaded, others: Sequence[Loaded], decision: Decision, page: int, origin: str) -> Loaded:
    """``chosen`` with every cell the other readings disagree on marked as chosen or uncertain."""
    report = chosen.report
    cells = dict(report.tables.cells)
    reason = words("reading.reason.continued", page=page).en  # English, as stored: the catalogue tells it in Chinese
    for address in set(cells).union(*(o.report.tables.cells for o in others)):
        value = cells.get(address)
        printed = as_printed(value)
        alternatives = tuple(
            dict.fromkeys(p for o in others if (p := as_printed(o.report.tables.cells.get(address))) != printed)
        )
        if not alternatives or value is None:
            continue
        where = value.provenance or Provenance(origin, page=page)
        reading = Reading.UNCERTAIN if where.reading is Reading.UNCERTAIN else decision.reading
        cells[address] = attrs.evolve(
            value,
            provenance=attrs.evolve(where, reading=reading, alternatives=alternatives, reason=where.reason or reason),
        )
    said = decision.message
    note = Diagnostic(said.en, decision.level, Provenance(origin, page=page), "pdf-table", said, decision.key)
    return Loaded(report.evolve(tables=Tables(cells)), [*chosen.diagnostics, note])
