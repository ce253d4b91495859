"""Compiling expressions against a layout: selectors become cell keys, expressions become fast functions.

A *key* is ``(previous, name)``: ``name`` is a cell address (``requests.new.total``) or a fact path, and
``previous`` says whether it is read from the previous year's report. Linear expressions (sums of cells
times constants) also keep their coefficients, which locating culprits and suggesting corrections need.

>>> from disclosure_core.layouts import builtin_layout
>>> compiled = compile_expr(parse("requests.new.*"), Selector(builtin_layout("gov-2021")))
>>> len(compiled.keys), compiled.linear is not None
(7, True)
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from decimal import Decimal

import attrs

from disclosure_core.catalogue import WordedError, choices, words
from disclosure_core.layouts import CellAddress, Layout, TableLayout
from disclosure_core.model import AssessmentWeight, FeesCharged, Report
from disclosure_core.rules.expr import Binary, Call, Compare, Expr, Neg, Num, Ref, parse, split_segments
from disclosure_core.rules.stated import completed_facts, narrative_facts
from disclosure_core.text import Text

Number = int | Decimal
Key = tuple[bool, CellAddress | str]
Values = Mapping[Key, Number]


def _weight(report: Report) -> AssessmentWeight | None:
    return completed_facts(report).assessment_weight


def _fees(report: Report) -> FeesCharged | None:
    return completed_facts(report).fees


def _stated_weight(report: Report) -> Number | None:
    weight = narrative_facts(report).assessment_weight
    return weight.percent if weight else None


# A fact is the report's field where filled, else what its narrative states (rules/stated.py): the same for
# every source. ``facts.stated.*`` is the narrative's alone, to compare a filled field with.
FACTS: dict[str, Callable[[Report], Number | None]] = {
    "facts.assessment_weight.percent": lambda r: w.percent if (w := _weight(r)) else None,
    "facts.assessment_weight.points": lambda r: w.points if (w := _weight(r)) else None,
    "facts.assessment_weight.base": lambda r: w.base if (w := _weight(r)) else None,
    "facts.stated.assessment_weight.percent": _stated_weight,
    "facts.fees.count": lambda r: f.count if (f := _fees(r)) else None,
    "facts.fees.amount": lambda r: f.amount.number if (f := _fees(r)) and f.amount else None,
    "year": lambda r: r.year,
}
"""Facts a rule may name besides table cells; None means the report does not state it."""

COMPARE: dict[str, Callable[[Number, Number], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
}


class SelectorError(WordedError):
    """A reference that names no cell of the layout (or an unknown fact)."""


@attrs.frozen
class Selector:
    """Resolves references (with ``*``, ``@group`` and ``a..b`` segments) to the cells of one layout."""

    layout: Layout

    def keys(self, ref: Ref) -> list[Key]:
        """The keys a reference names, in layout order; :class:`SelectorError` when it names none."""
        if ref.path in FACTS or ref.path.startswith("facts."):
            if ref.path not in FACTS:
                raise SelectorError.keyed("selector.fact", path=repr(ref.path), known=choices(sorted(FACTS)))
            return [(ref.previous, ref.path)]
        return [(ref.previous, address) for address in self.cells(ref.path)]

    def cells(self, path: str) -> list[CellAddress]:
        """The cells ``table.rows.columns`` selects."""
        segments = split_segments(path)
        if len(segments) != 3:
            raise SelectorError.keyed("selector.shape", path=repr(path))
        try:
            table = self.layout.table(segments[0])
        except KeyError:
            raise SelectorError.keyed(
                "selector.table", path=repr(path), table=repr(segments[0]), layout=self.layout.id
            ) from None
        rows = _pick(segments[1], [r.id for r in table.rows], _groups(table), words("selector.row", path=repr(path)))
        columns = _pick(segments[2], [c.id for c in table.columns], {}, words("selector.column", path=repr(path)))
        found = [
            address
            for row in rows
            for column in columns
            for address in [CellAddress(table.id, row, column)]
            if self.layout.has_cell(address)
        ]
        if not found:
            raise SelectorError.keyed("selector.no_cell", path=repr(path), layout=self.layout.id)
        wildcard = any(s == "*" or s.startswith("@") or ".." in s for s in segments[1:])
        if not wildcard and len(found) != len(rows) * len(columns):
            raise SelectorError.keyed("selector.no_cell", path=repr(path), layout=self.layout.id)
        return found


def _groups(table: TableLayout) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for row in table.rows:
        for group in row.groups:
            groups.setdefault(group, []).append(row.id)
    return groups


def _pick(segment: str, ids: list[str], groups: Mapping[str, list[str]], what: Text) -> list[str]:
    if segment == "*":
        return ids
    if segment.startswith("@"):
        if segment[1:] not in groups:
            raise SelectorError.keyed("selector.group", what=what, group=repr(segment[1:]))
        return groups[segment[1:]]
    if ".." in segment:
        first, _, last = segment.partition("..")
        if first not in ids or last not in ids or ids.index(first) > ids.index(last):
            raise SelectorError.keyed("selector.range", what=what, range=repr(segment))
        return ids[ids.index(first) : ids.index(last) + 1]
    if segment not in ids:
        raise SelectorError.keyed("selector.missing", what=what, segment=repr(segment))
    return [segment]


@attrs.frozen
class Linear:
    """``constant + Σ weight × value(key)``."""

    terms: tuple[tuple[Key, Number], ...]
    constant: Number = 0

    def value(self, values: Values) -> Number:
        """The value for the given key values."""
        total: Number = self.constant
        for key, weight in self.terms:
            total += weight * values[key]
        return total

    def combine(self, other: Linear, sign: int) -> Linear:
        """``self + sign × other``, merging equal keys."""
        merged: dict[Key, Number] = dict(self.terms)
        for key, weight in other.terms:
            merged[key] = merged.get(key, 0) + sign * weight
        return Linear(tuple((k, w) for k, w in merged.items() if w != 0), self.constant + sign * other.constant)

    def scaled(self, factor: Number) -> Linear:
        """``factor × self``."""
        return Linear(tuple((k, w * factor) for k, w in self.terms), self.constant * factor)


@attrs.frozen
class Compiled:
    """An expression ready to evaluate: its keys, a function of their values, and its linear form if any."""

    keys: tuple[Key, ...]
    function: Callable[[Values], object]
    linear: Linear | None
    expr: Expr
    sides: tuple[Linear | None, Linear | None] = (None, None)

    @property
    def difference(self) -> Linear | None:
        """For a linear comparison, ``lhs − rhs`` (zero exactly when an equality holds)."""
        left, right = self.sides
        return left.combine(right, -1) if left is not None and right is not None else None


def compile_text(text: str, selector: Selector) -> Compiled:
    """Parse and compile an expression."""
    return compile_expr(parse(text), selector)


def compile_expr(expr: Expr, selector: Selector) -> Compiled:
    """Compile a parsed expression against a layout."""
    keys: dict[Key, None] = {}
    function = _function(expr, selector, keys)
    sides = (_linear(expr.left, selector), _linear(expr.right, selector)) if isinstance(expr, Compare) else (None, None)
    return Compiled(tuple(keys), function, _linear(expr, selector), expr, sides)


def _function(expr: Expr, selector: Selector, keys: dict[Key, None]) -> Callable[[Values], object]:
    if isinstance(expr, Num):
        constant = expr.value
        return lambda values: constant
    if isinstance(expr, Ref):
        names = selector.keys(expr)
        keys.update(dict.fromkeys(names))
        if len(names) == 1:
            only = names[0]
            return lambda values: values[only]
        return lambda values: sum((values[k] for k in names), start=0)
    if isinstance(expr, Neg):
        inner = _function(expr.operand, selector, keys)
        return lambda values: -_number(inner(values))
    if isinstance(expr, Binary):
        left, right = _function(expr.left, selector, keys), _function(expr.right, selector, keys)
        arithmetic = _ARITHMETIC[expr.op]
        return lambda values: arithmetic(_number(left(values)), _number(right(values)))
    if isinstance(expr, Compare):
        left, right = _function(expr.left, selector, keys), _function(expr.right, selector, keys)
        compare = COMPARE[expr.op]
        return lambda values: compare(_number(left(values)), _number(right(values)))
    if isinstance(expr, Call):
        args = [_function(arg, selector, keys) for arg in expr.args]
        reduce = _CALLS[expr.name]
        return lambda values: reduce([_number(arg(values)) for arg in args])
    items = [_function(item, selector, keys) for item in expr.items]
    if expr.op == "and":
        return lambda values: all(item(values) for item in items)
    if expr.op == "or":
        return lambda values: any(item(values) for item in items)
    return lambda values: not items[0](values)


def _number(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"expected a number, got {value!r}")
    return value


def _divide(a: Number, b: Number) -> Number:
    return Decimal(a) / Decimal(b)


_ARITHMETIC: dict[str, Callable[[Number, Number], Number]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": _divide,
}


def _abs(items: list[Number]) -> Number:
    if len(items) != 1:
        raise TypeError("abs takes one argument")
    value = items[0]
    return -value if value < 0 else value


_CALLS: dict[str, Callable[[list[Number]], Number]] = {
    "sum": lambda items: sum(items, start=0),
    "abs": _abs,
    "min": min,
    "max": max,
}


def _linear(expr: Expr, selector: Selector) -> Linear | None:
    """The linear form of an arithmetic expression, or None when it is not linear (or is a condition)."""
    if isinstance(expr, Num):
        return Linear((), expr.value)
    if isinstance(expr, Ref):
        return Linear(tuple((key, 1) for key in selector.keys(expr)))
    if isinstance(expr, Neg):
        inner = _linear(expr.operand, selector)
        return inner.scaled(-1) if inner else None
    if isinstance(expr, Call) and expr.name == "sum":
        total: Linear | None = Linear(())
        for arg in expr.args:
            part = _linear(arg, selector)
            total = total.combine(part, 1) if total and part else None
        return total
    if isinstance(expr, Binary):
        left, right = _linear(expr.left, selector), _linear(expr.right, selector)
        if left is None or right is None:
            return None
        if expr.op in {"+", "-"}:
            return left.combine(right, 1 if expr.op == "+" else -1)
        if expr.op == "*" and not left.terms:
            return right.scaled(left.constant)
        if expr.op == "*" and not right.terms:
            return left.scaled(right.constant)
    return None
