"""Splitting table rows printed as one run of digits (``110000011``) into their cells, by the layout's arithmetic.

Crawlers join a table's text nodes without separators, so a Table 2 row of seven cells reads
``110000011``. Each such row is a :class:`Run`. Its possible splits are enumerated (no leading zeros
except 0 itself, at most :data:`MAX_CELL_DIGITS` digits, a sign only where the column is signed, a
decimal point only in money cells; blank cells only when the digits are too few to fill every cell),
and one split per run is chosen jointly for the table: the one that breaks the fewest
:mod:`~disclosure_published.identities` (a real report may break one or two: that is what the check
reports), then holds the most. A cell whose value is the same in every best reading is read
(``EXACT`` when no split could change it, else ``CHOSEN``); a cell whose value differs between best
readings is ``UNCERTAIN``, its alternatives kept. A run that cannot be split, or that admits more than
:data:`MAX_SPLITS` splits, keeps its digits in a diagnostic and no value: never a guess.

>>> from disclosure_core.layouts import CellAddress, CellKind
>>> row = [CellAddress("appeals", "review", c) for c in ("upheld", "corrected", "other", "pending", "total")]
>>> solved = solve([Run(tuple(row), (CellKind.COUNT,) * 5, "10001")], [])
>>> [(solved.cells[a].text, solved.cells[a].reading.value) for a in row]
[('1', 'exact'), ('0', 'exact'), ('0', 'exact'), ('0', 'exact'), ('1', 'exact')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

import attrs

from disclosure_core.formats import Diagnostic, DiagnosticLevel
from disclosure_core.layouts import CellAddress, CellKind
from disclosure_core.values import Provenance, Reading
from disclosure_published.identities import Identity, Number
from disclosure_published.search import Problem, search

MAX_CELL_DIGITS = 9
"""No count in an annual report has ten digits: longer pieces are no cell."""
MAX_SPLITS = 4000
"""A run with more possible splits than this is reported, not solved (hundreds of digits, say)."""

_UNIT = re.compile(r"(亿元|万元|元)$")
_PIECE = re.compile(r"[0-9.+\-]+")
_COUNT = re.compile(rf"0|[1-9]\d{{0,{MAX_CELL_DIGITS - 1}}}")
_SIGNED = re.compile(rf"[+-]?(?:0|[1-9]\d{{0,{MAX_CELL_DIGITS - 1}}})")
_MONEY = re.compile(rf"(?:0|[1-9]\d{{0,{MAX_CELL_DIGITS + 2}}})(?:\.\d{{1,6}})?")
_PATTERNS = {CellKind.COUNT: _COUNT, CellKind.SIGNED_COUNT: _SIGNED, CellKind.MONEY: _MONEY}


@attrs.frozen
class Run:
    """One printed row's material: the cells it fills in order, their kinds, and the text as printed.

    Whitespace in ``text`` is a cell boundary the page showed (U+3000 between cells); a unit at its
    end (万元) belongs to the last money cell.
    """

    cells: tuple[CellAddress, ...]
    kinds: tuple[CellKind, ...]
    text: str
    where: Provenance = attrs.field(factory=Provenance)


@attrs.frozen
class CellReading:
    """How one cell was read: the printed piece ("" for blank), how surely, the alternatives and why."""

    text: str
    reading: Reading
    alternatives: tuple[str, ...] = ()
    reason: str | None = None


@attrs.frozen
class Solution:
    """Every cell of the runs with its reading, and what the solver has to say about them."""

    cells: dict[CellAddress, CellReading]
    diagnostics: tuple[Diagnostic, ...]


def splits(text: str, kinds: Sequence[CellKind]) -> list[tuple[str, ...]] | None:
    """Every way ``text`` fills cells of ``kinds`` ("" = blank); None when there are more than MAX_SPLITS.

    >>> splits("110000011", [CellKind.COUNT] * 7)
    [('1', '10', '0', '0', '0', '0', '11'), ('1', '100', '0', '0', '0', '1', '1'), ('11', '0', '0', '0', '0', '0', '11'), ('110', '0', '0', '0', '0', '1', '1')]
    >>> splits("11", [CellKind.COUNT] * 3)
    [('1', '1', ''), ('1', '', '1'), ('11', '', ''), ('', '1', '1'), ('', '11', ''), ('', '', '11')]
    """
    unit = _UNIT.search(text)
    body = text[: unit.start()] if unit else text
    pieces = tuple(body.split())
    if not all(_PIECE.fullmatch(piece) for piece in pieces):
        return []
    shape = (pieces, tuple(kinds))
    total = _count(shape, False, 0, 0, 0)
    blanks = total == 0
    if blanks:
        total = _count(shape, True, 0, 0, 0)
    if total > MAX_SPLITS:
        return None
    found = [tuple(split) for split in _enumerate(shape, blanks, 0, 0, 0)]
    if unit:
        found = [_with_unit(split, kinds, unit.group(1)) for split in found]
        found = [split for split in found if split]
    return found


Shape = tuple[tuple[str, ...], tuple[CellKind, ...]]


def _steps(shape: Shape, blanks: bool, cell: int, piece: int, pos: int) -> Iterator[tuple[str, int, int]]:
    """What cell ``cell`` may take from ``pieces[piece][pos:]``: a value (moving on) or a blank."""
    pieces, kinds = shape
    if piece < len(pieces):
        text = pieces[piece]
        pattern = _PATTERNS[kinds[cell]]
        for end in range(pos + 1, min(len(text), pos + MAX_CELL_DIGITS + 8) + 1):
            if pattern.fullmatch(text, pos, end):
                yield (text[pos:end], piece + 1, 0) if end == len(text) else (text[pos:end], piece, end)
    if blanks:
        yield "", piece, pos


@lru_cache(maxsize=4096)
def _count(shape: Shape, blanks: bool, cell: int, piece: int, pos: int) -> int:
    pieces, kinds = shape
    if cell == len(kinds):
        return 1 if piece == len(pieces) else 0
    total = 0
    for _, next_piece, next_pos in _steps(shape, blanks, cell, piece, pos):
        total += _count(shape, blanks, cell + 1, next_piece, next_pos)
        if total > MAX_SPLITS:
            break
    return total


def _enumerate(shape: Shape, blanks: bool, cell: int, piece: int, pos: int) -> Iterator[list[str]]:
    if cell == len(shape[1]):
        if piece == len(shape[0]):
            yield []
        return
    for value, next_piece, next_pos in _steps(shape, blanks, cell, piece, pos):
        if _count(shape, blanks, cell + 1, next_piece, next_pos):
            for rest in _enumerate(shape, blanks, cell + 1, next_piece, next_pos):
                yield [value, *rest]


def _with_unit(split: tuple[str, ...], kinds: Sequence[CellKind], unit: str) -> tuple[str, ...]:
    """The unit goes on the last filled cell, which must hold money; else the split is no reading."""
    last = max((i for i, piece in enumerate(split) if piece), default=None)
    if last is None or kinds[last] is not CellKind.MONEY:
        return ()
    return (*split[:last], split[last] + unit, *split[last + 1 :])


def number(piece: str) -> Number | None:
    """The number a printed piece holds (None for blank).

    >>> number("+8"), number("253.168万元"), number("")
    (8, Decimal('253.168'), None)
    """
    digits = _UNIT.sub("", piece)
    if not digits:
        return None
    return Decimal(digits) if "." in digits else int(digits)


def solve(runs: Sequence[Run], identities: Sequence[Identity]) -> Solution:
    """Read every run's cells, choosing the splits jointly under ``identities``."""
    notes: list[Diagnostic] = []
    options: list[list[tuple[str, ...]]] = []
    solvable: list[Run] = []
    cells: dict[CellAddress, CellReading] = {}
    for run in runs:
        found = splits(run.text, run.kinds)
        if not found:
            why = "admits too many splits to choose from" if found is None else "cannot be split into its cells"
            notes.append(_note(f"digits {run.text!r} {why} ({len(run.cells)} cells): no value kept", run, WARNING))
            for cell in run.cells:
                cells[cell] = CellReading("", Reading.UNCERTAIN, (run.text,), f"digits {run.text!r} {why}")
            continue
        solvable.append(run)
        options.append(found)
    problem = Problem(
        [[tuple(number(piece) for piece in split) for split in found] for found in options],
        [run.cells for run in solvable],
        identities,
    )
    result = search(problem)
    if result.exhausted:
        notes.append(_note(f"{len(solvable)} rows: too many joint readings to compare; cells left uncertain", None))
    for index, run in enumerate(solvable):
        found = options[index]
        best = result.optimal[index]
        chosen = found[_kept(run, found, best, result.chosen[index], identities)]
        decided_by = result.decided_by[index]
        for position, cell in enumerate(run.cells):
            every = list(dict.fromkeys(split[position] for split in found))
            kept = chosen[position]
            among_best = {found[i][position] for i in best}
            alternatives = tuple(v for v in every if v != kept)
            if len(every) == 1:
                cells[cell] = CellReading(kept, Reading.EXACT)
            elif len(among_best) == 1 and not result.exhausted:
                cells[cell] = CellReading(kept, Reading.CHOSEN, alternatives, _why(run, decided_by))
            else:
                reason = f"digits {run.text!r} run together: {len(best)} splits fit the arithmetic equally well"
                cells[cell] = CellReading(kept, Reading.UNCERTAIN, alternatives, reason)
        if len(found) > 1:
            notes.append(_report(run, found, best, chosen, decided_by, cells))
    return Solution(cells, tuple(notes))


INFO, WARNING = DiagnosticLevel.INFO, DiagnosticLevel.WARNING


def _kept(
    run: Run, found: Sequence[tuple[str, ...]], best: Sequence[int], first: int, identities: Sequence[Identity]
) -> int:
    """Which of the equally good splits to keep: the first that holds the row's own identities when
    its blanks are read as 0 (a value kept for an uncertain cell is still marked uncertain)."""
    if len(best) < 2:
        return first
    inside = [i for i in identities if set(i.cells) <= set(run.cells)]

    def held(index: int) -> int:
        values = {cell: number(piece) or 0 for cell, piece in zip(run.cells, found[index], strict=True)}
        return sum(identity.residual(values) == 0 for identity in inside)

    return max(best, key=held)


def _why(run: Run, decided_by: Sequence[str]) -> str:
    rules = ", ".join(decided_by[:3]) or "fewer identities broken"
    return f"digits {run.text!r} run together; other splits break {rules}"


def _report(
    run: Run,
    found: Sequence[tuple[str, ...]],
    best: Sequence[int],
    chosen: tuple[str, ...],
    decided_by: Sequence[str],
    cells: dict[CellAddress, CellReading],
) -> Diagnostic:
    shown = "/".join(piece or "·" for piece in chosen)
    uncertain = [str(cell) for cell in run.cells if cells[cell].reading is Reading.UNCERTAIN]
    if not uncertain:
        decided = ", ".join(decided_by[:3]) or "the fewest identities broken"
        return _note(f"digits {run.text!r} read as {shown} of {len(found)} splits; decided by {decided}", run, INFO)
    others = "; ".join("/".join(piece or "·" for piece in found[i]) for i in best[:6])
    return _note(
        f"digits {run.text!r}: {len(best)} splits fit equally well ({others}); kept {shown}, "
        f"uncertain: {', '.join(uncertain)}",
        run,
        WARNING,
    )


def _note(message: str, run: Run | None, level: DiagnosticLevel = WARNING) -> Diagnostic:
    return Diagnostic(message, level, run.where if run else Provenance(), "digit-run")
