"""Splitting table rows printed as one run of digits (``110000011``) into their cells, by the layout's arithmetic.

Crawlers join a table's text nodes without separators, so a Table 2 row of seven cells reads
``110000011``. Each such row is a :class:`Run`. Its possible splits are enumerated (no leading zeros
except 0 itself, at most :data:`MAX_CELL_DIGITS` digits, a sign only where the column is signed, a
decimal point only in money cells; blank cells only when the digits are too few to fill every cell),
and one split per run is chosen jointly for the table: the one that breaks the fewest
:func:`~disclosure_core.sources.layout_identities` (a real report may break one or two: that is what the check
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

from disclosure_core import Diagnostic, DiagnosticLevel, Provenance, Reading
from disclosure_core.catalogue import words
from disclosure_core.layouts import CellAddress, CellKind
from disclosure_core.sources import Identity, Number
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
    found = list(_enumerate(shape, blanks, 0, 0, 0))
    if unit:
        found = [_with_unit(split, kinds, unit.group(1)) for split in found]
        found = [split for split in found if split]
    return found


def summing_splits(digits: str, groups: Sequence[int]) -> list[tuple[str, ...]] | None:
    """The splits of plain digits into consecutive groups of counts, each ending in the sum of the others
    (a Table 2 row and its 总计; Table 3's three groups), found without enumerating the rest; None when
    there are more than MAX_SPLITS.

    >>> summing_splits("110000011", [7])
    [('1', '10', '0', '0', '0', '0', '11'), ('11', '0', '0', '0', '0', '0', '11')]
    >>> summing_splits("1001" + "20002", [4, 5])
    [('1', '0', '0', '1', '2', '0', '0', '0', '2')]
    """
    if not groups:
        return [()] if not digits else []
    size = groups[0]
    found: list[tuple[str, ...]] = []
    for end in range(size, len(digits) - sum(groups[1:]) + 1):
        for start in range(end - 1, size - 2, -1):
            last = digits[start:end]
            if not _COUNT.fullmatch(last):
                continue
            heads = _parts(digits[:start], size - 1, int(last))
            if not heads:
                continue
            tails = summing_splits(digits[end:], groups[1:])
            if tails is None:
                return None
            found.extend((*head, last, *tail) for head in heads for tail in tails)
            if len(found) > MAX_SPLITS:
                return None
    return found


@lru_cache(maxsize=65536)
def _parts(digits: str, cells: int, target: int) -> tuple[tuple[str, ...], ...]:
    if cells == 0:
        return ((),) if not digits and target == 0 else ()
    # Every part is at most the target, so it has at most as many digits.
    if len(digits) < cells or len(digits) > cells * len(str(target)):
        return ()
    if target == 0:
        return (("0",) * cells,) if digits == "0" * cells else ()
    if target >= 10 ** (len(digits) - cells + 1) + 9 * cells:
        return ()  # even one part taking every spare digit cannot reach the target
    widest = -(-len(digits) // cells)  # some part has at least this many digits, so at least 10^(widest-1)
    if widest > 1 and 10 ** (widest - 1) > target:
        return ()
    found: list[tuple[str, ...]] = []
    for end in range(1, min(MAX_CELL_DIGITS, len(digits) - cells + 1) + 1):
        piece = digits[:end]
        if not _COUNT.fullmatch(piece) or int(piece) > target:
            break
        found.extend((piece, *rest) for rest in _parts(digits[end:], cells - 1, target - int(piece)))
    return tuple(found)


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


@lru_cache(maxsize=4096)
def _enumerate(shape: Shape, blanks: bool, cell: int, piece: int, pos: int) -> tuple[tuple[str, ...], ...]:
    """Every split of what is left from ``cell`` on (memoised: rows share their tails)."""
    if cell == len(shape[1]):
        return ((),) if piece == len(shape[0]) else ()
    found: list[tuple[str, ...]] = []
    for value, next_piece, next_pos in _steps(shape, blanks, cell, piece, pos):
        if _count(shape, blanks, cell + 1, next_piece, next_pos):
            found.extend((value, *rest) for rest in _enumerate(shape, blanks, cell + 1, next_piece, next_pos))
    return tuple(found)


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
    if piece.isdigit():
        return int(piece)
    digits = _UNIT.sub("", piece)
    if not digits:
        return None
    return Decimal(digits) if "." in digits else int(digits)


def solve(runs: Sequence[Run], identities: Sequence[Identity]) -> Solution:
    """Read every run's cells, choosing the splits jointly under ``identities``."""
    notes: list[Diagnostic] = []
    options: list[list[tuple[str, ...]]] = []
    shortlists: list[list[int]] = []
    unique: list[bool] = []
    values: list[list[tuple[Number | None, ...]]] = []
    solvable: list[Run] = []
    cells: dict[CellAddress, CellReading] = {}
    for run in runs:
        groups = _summing_groups(run, identities)
        summed = summing_splits(run.text, groups) if groups else None
        found = summed or splits(run.text, run.kinds)
        if not found:
            why = "admits too many splits to choose from" if found is None else "cannot be split into its cells"
            key = "published.digits.too_many" if found is None else "published.digits.unsplittable"
            notes.append(_note(key, run, WARNING, digits=repr(run.text), count=len(run.cells)))
            for cell in run.cells:
                cells[cell] = CellReading("", Reading.UNCERTAIN, (run.text,), f"digits {run.text!r} {why}")
            continue
        solvable.append(run)
        # A row read by its total alone lists only the splits that keep it: its cells are exact only
        # when the digits have no other split at all.
        unique.append(not summed or _count((tuple(run.text.split()), tuple(run.kinds)), False, 0, 0, 0) == 1)
        options.append(found)
        values.append([tuple(map(number, split)) for split in found])
        shortlists.append(_shortlist(run, values[-1], identities))
    problem = Problem(
        [[row[i] for i in shortlist] for row, shortlist in zip(values, shortlists, strict=True)],
        [run.cells for run in solvable],
        identities,
    )
    result = search(problem)
    if result.exhausted:
        notes.append(_note("published.digits.exhausted", None, rows=len(solvable)))
    for index, run in enumerate(solvable):
        found, shortlist = options[index], shortlists[index]
        best = [shortlist[i] for i in result.optimal[index]]
        chosen = found[_kept(run, found, best, shortlist[result.chosen[index]], identities)]
        decided_by = result.decided_by[index]
        for position, cell in enumerate(run.cells):
            every = list(dict.fromkeys(split[position] for split in found))
            kept = chosen[position]
            among_best = {found[i][position] for i in best}
            alternatives = tuple(v for v in every if v != kept)
            if len(every) == 1 and unique[index]:
                cells[cell] = CellReading(kept, Reading.EXACT)
            elif len(among_best) == 1 and not result.exhausted:
                cells[cell] = CellReading(kept, Reading.CHOSEN, alternatives, _why(run, decided_by))
            else:
                said = words("reading.reason.digits_run_together", digits=repr(run.text), count=len(best))
                reason = said.en  # as Provenance.reason stores it: English, told in Chinese from the catalogue
                cells[cell] = CellReading(kept, Reading.UNCERTAIN, alternatives, reason)
        if len(found) > 1:
            notes.append(_report(run, found, best, chosen, decided_by, cells))
    return Solution(cells, tuple(notes))


INFO, WARNING = DiagnosticLevel.INFO, DiagnosticLevel.WARNING


def _summing_groups(run: Run, identities: Sequence[Identity]) -> list[int] | None:
    """The run's cells as consecutive groups each ending in a total the rules make the sum of the others
    (``[7]`` for a Table 2 row, ``[5, 5, 5]`` for Table 3), or None when a run of plain digits is not so made."""
    if not run.text.isdigit() or len(run.text) < len(run.cells):
        return None
    sums = set()
    for identity in identities:
        terms = dict(identity.terms)
        totals = [cell for cell, weight in terms.items() if weight == 1]
        if identity.constant == 0 and len(totals) == 1 and all(w == -1 for c, w in terms.items() if c != totals[0]):
            sums.add((totals[0], frozenset(c for c in terms if c != totals[0])))
    groups, start = [], 0
    for end, cell in enumerate(run.cells, start=1):
        if (cell, frozenset(run.cells[start : end - 1])) in sums and end - start >= 2:
            groups.append(end - start)
            start = end
    return groups if groups and start == len(run.cells) else None


def _shortlist(run: Run, values: Sequence[tuple[Number | None, ...]], identities: Sequence[Identity]) -> list[int]:
    """The splits that break fewest of the row's own identities (its 总计): a split that breaks its own row
    total is weighed against the rest of the table only when no split keeps it (the pruning that keeps
    rows of two-digit counts, with thousands of splits, fast)."""
    position = {cell: i for i, cell in enumerate(run.cells)}
    inside = [
        (identity.constant, [(position[cell], weight) for cell, weight in identity.terms])
        for identity in identities
        if all(cell in position for cell in identity.cells)
    ]
    if not inside:
        return list(range(len(values)))
    broken = [sum(_breaks(split, constant, terms) for constant, terms in inside) for split in values]
    fewest = min(broken)
    return [i for i, count in enumerate(broken) if count == fewest]


def _breaks(split: tuple[Number | None, ...], constant: int, terms: Sequence[tuple[int, int]]) -> bool:
    total: Number = constant
    for index, weight in terms:
        value = split[index]
        if value is None:
            return False
        total += weight * value
    return total != 0


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
    if not decided_by:
        return f"digits {run.text!r} run together; the split kept breaks the fewest identities"
    return f"digits {run.text!r} run together; other splits break {', '.join(decided_by[:3])}"


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
        decided = ", ".join(decided_by[:3]) or words("published.digits.fewest")
        return _note(
            "published.digits.chosen", run, INFO, digits=repr(run.text), shown=shown, count=len(found), decided=decided
        )
    others = "; ".join("/".join(piece or "·" for piece in found[i]) for i in best[:6])
    return _note(
        "published.digits.tied",
        run,
        WARNING,
        digits=repr(run.text),
        count=len(best),
        others=others,
        shown=shown,
        uncertain=", ".join(uncertain),
    )


def _note(key: str, run: Run | None, level: DiagnosticLevel = WARNING, **values: object) -> Diagnostic:
    return Diagnostic.keyed(key, level, run.where if run else Provenance(), "digit-run", **values)
