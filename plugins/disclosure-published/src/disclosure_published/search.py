"""Choosing one candidate reading per row so that a table breaks the fewest identities: branch and bound.

Rows are variables, their candidate readings the values; an identity links the rows whose cells it
reads. Rows linked by no identity are independent components and solved apart. Within a component,
rows with fewest candidates go first; each identity's still-possible range (the sum of its assigned
terms plus the least and most the unassigned rows can add) gives a lower bound on the violations, so
readings that cannot tie the best are cut. Every best reading is visited, because a cell is certain only
when all of them agree on it. A component that needs more than :data:`MAX_NODES` steps is given up
(``exhausted``): its cells are then left uncertain by the caller, never guessed.

>>> from disclosure_core.layouts import CellAddress
>>> a, b, t = (CellAddress("appeals", "review", c) for c in ("upheld", "corrected", "total"))
>>> rows = [[(1, 0)], [(1,), (2,)]]
>>> found = search(Problem(rows, [(a, b), (t,)], [Identity("i", "i", ((t, 1), (a, -1), (b, -1)))]))
>>> found.optimal, found.chosen, found.decided_by[1]
([[0], [0]], [0, 0], ['i'])
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from disclosure_core.layouts import CellAddress
from disclosure_core.sources import Identity, Number

MAX_NODES = 200_000
"""Search steps per component before giving up (a few hundred thousand take well under a second)."""

Candidate = tuple[Number | None, ...]


@attrs.frozen
class Problem:
    """Candidates per row (each a tuple of cell values, None = blank), the row's cells, the identities."""

    candidates: Sequence[Sequence[Candidate]]
    cells: Sequence[tuple[CellAddress, ...]]
    identities: Sequence[Identity]


@attrs.define
class Found:
    """Per row: the candidates found in some best reading, the one kept, and what ruled the others out."""

    optimal: list[list[int]]
    chosen: list[int]
    decided_by: list[list[str]]
    exhausted: bool = False


@attrs.define
class _Term:
    """An identity's terms in one row: contribution of each candidate (None when it has a blank there)."""

    identity: int
    contributions: list[Number | None]
    low: Number
    high: Number
    may_blank: bool


def search(problem: Problem) -> Found:
    """The best readings of every row, component by component."""
    rows = len(problem.candidates)
    where = {cell: (row, i) for row, cells in enumerate(problem.cells) for i, cell in enumerate(cells)}
    identities = [identity for identity in problem.identities if all(cell in where for cell in identity.cells)]
    terms: list[list[_Term]] = [[] for _ in range(rows)]
    for index, identity in enumerate(identities):
        by_row: dict[int, list[tuple[int, int]]] = {}
        for cell, weight in identity.terms:
            row, position = where[cell]
            by_row.setdefault(row, []).append((position, weight))
        for row, parts in by_row.items():
            values = [_contribution(candidate, parts) for candidate in problem.candidates[row]]
            known = [v for v in values if v is not None]
            low, high = (min(known), max(known)) if known else (0, 0)
            terms[row].append(_Term(index, values, low, high, len(known) < len(values)))
    found = Found([[] for _ in range(rows)], [0] * rows, [[] for _ in range(rows)])
    for component in _components(rows, terms):
        _solve(component, problem, identities, terms, found)
    return found


def _contribution(candidate: Candidate, parts: Sequence[tuple[int, int]]) -> Number | None:
    total: Number = 0
    for position, weight in parts:
        value = candidate[position]
        if value is None:
            return None
        total += weight * value
    return total


def _components(rows: int, terms: Sequence[Sequence[_Term]]) -> list[list[int]]:
    parent = list(range(rows))

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    first: dict[int, int] = {}
    for row, row_terms in enumerate(terms):
        for term in row_terms:
            other = first.setdefault(term.identity, row)
            parent[root(row)] = root(other)
    groups: dict[int, list[int]] = {}
    for row in range(rows):
        groups.setdefault(root(row), []).append(row)
    return list(groups.values())


@attrs.define
class _State:
    """The running sums of one component's identities while rows are assigned."""

    total: list[Number]
    blank: list[int]
    low: list[Number]
    high: list[Number]
    open_blank: list[int]
    open_rows: list[int]


def _status(state: _State, i: int) -> tuple[int, int]:
    """(violated for sure, possibly held) for identity ``i``: a lower and an upper bound."""
    if state.blank[i]:
        return 0, 0
    if state.open_rows[i] == 0:
        return (1, 0) if state.total[i] != 0 else (0, 1)
    if state.open_blank[i]:
        return 0, 1
    if state.total[i] + state.low[i] > 0 or state.total[i] + state.high[i] < 0:
        return 1, 0
    return 0, 1


def _solve(
    component: list[int], problem: Problem, identities: Sequence[Identity], terms: list[list[_Term]], found: Found
) -> None:
    order = sorted(component, key=lambda row: len(problem.candidates[row]))
    count = len(identities)
    constants: list[Number] = [identity.constant for identity in identities]
    state = _State(constants, [0] * count, [0] * count, [0] * count, [0] * count, [0] * count)
    touched = sorted({term.identity for row in component for term in terms[row]})
    for row in component:
        for term in terms[row]:
            state.low[term.identity] += term.low
            state.high[term.identity] += term.high
            state.open_blank[term.identity] += term.may_blank
            state.open_rows[term.identity] += 1
    violated, held = 0, 0
    for i in touched:
        v, h = _status(state, i)
        violated, held = violated + v, held + h
    best: list[tuple[int, int] | None] = [None]
    optimal: dict[int, set[int]] = {row: set() for row in component}
    assignment: dict[int, int] = {}
    first: dict[int, int] = {}
    nodes = [0]

    def visit(depth: int, violated: int, held: int) -> bool:
        nodes[0] += 1
        if nodes[0] > MAX_NODES:
            return False
        if depth == len(order):
            score = (violated, -held)
            if best[0] is None or score < best[0]:
                best[0] = score
                for row in component:
                    optimal[row] = set()
                first.update(assignment)
            if score == best[0]:
                for row in component:
                    optimal[row].add(assignment[row])
            return True
        row = order[depth]
        for candidate in range(len(problem.candidates[row])):
            delta_v, delta_h = 0, 0
            for term in terms[row]:
                before = _status(state, term.identity)
                _assign(state, term, candidate, +1)
                after = _status(state, term.identity)
                delta_v += after[0] - before[0]
                delta_h += after[1] - before[1]
            bound = (violated + delta_v, -(held + delta_h))
            assignment[row] = candidate
            going = True
            if best[0] is None or bound <= best[0]:
                going = visit(depth + 1, violated + delta_v, held + delta_h)
            for term in terms[row]:
                _assign(state, term, candidate, -1)
            if not going:
                return False
        return True

    complete = visit(0, violated, held)
    for row in component:
        found.optimal[row] = sorted(optimal[row]) or list(range(len(problem.candidates[row])))
        found.chosen[row] = first.get(row, 0)
    if not complete:
        found.exhausted = True
        return
    by_identity: dict[int, list[tuple[int, _Term]]] = {}
    for row in component:
        for term in terms[row]:
            by_identity.setdefault(term.identity, []).append((row, term))
    for row in component:
        if len(problem.candidates[row]) > 1:
            found.decided_by[row] = _decided_by(row, first, identities, terms[row], by_identity)


def _assign(state: _State, term: _Term, candidate: int, sign: int) -> None:
    """Move ``term``'s row from open to assigned (``sign`` +1) or back (−1)."""
    i = term.identity
    value = term.contributions[candidate]
    state.open_rows[i] -= sign
    state.low[i] -= sign * term.low
    state.high[i] -= sign * term.high
    state.open_blank[i] -= sign * term.may_blank
    if value is None:
        state.blank[i] += sign
    else:
        state.total[i] += sign * value


def _decided_by(
    row: int,
    chosen: dict[int, int],
    identities: Sequence[Identity],
    row_terms: Sequence[_Term],
    by_identity: dict[int, list[tuple[int, _Term]]],
) -> list[str]:
    """The identities that some other candidate of ``row`` breaks where the chosen reading holds them."""
    names: dict[str, None] = {}
    for term in row_terms:
        fixed: Number | None = identities[term.identity].constant
        for other, other_term in by_identity[term.identity]:
            value = other_term.contributions[chosen[other]] if other != row else 0
            if value is None or fixed is None:
                fixed = None
                break
            fixed += value
        mine = term.contributions[chosen[row]]
        if fixed is None or mine is None or fixed + mine != 0:
            continue
        if any(value is not None and fixed + value != 0 for value in term.contributions):
            names[identities[term.identity].id] = None
    return list(names)
