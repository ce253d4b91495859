"""Checks over numbers: relations (sum, balance, compare, year over year, expression), thresholds,
units, and the pattern a table's sibling rows follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import attrs

from disclosure_core.findings import CellUse, Outcome, Suggestion
from disclosure_core.layouts import CellAddress, CellKind, TableLayout
from disclosure_core.rules.compile import COMPARE, Compiled, Key, Linear, Number
from disclosure_core.rules.context import Context, Result, gather, integral
from disclosure_core.rules.messages import Words, arithmetic, both, labels, show_number
from disclosure_core.rules.spec import MissingPolicy
from disclosure_core.rules.suggest import classify
from disclosure_core.values import BLANK, AbsenceKind, Absent, Count, Money

EMPTY = Result(Outcome.EMPTY)


def cell_uses(ctx: Context, keys: Sequence[Key], lhs: Linear | None = None, rhs: Linear | None = None) -> list[CellUse]:
    """The cells behind ``keys`` as the finding shows them, placed on their side with their weight."""
    left = dict(lhs.terms) if lhs else {}
    right = dict(rhs.terms) if rhs else {}
    uses = []
    for key in keys:
        previous, name = key
        value = ctx.value(key)
        if value is None:
            continue
        side, weight = ("lhs", left[key]) if key in left else ("rhs", right[key]) if key in right else ("", 1)
        uses.append(CellUse(str(name), value, "previous" if previous else "current", side, int(weight)))
    return uses


def _missing_words(ctx: Context, missing: Sequence[Key], note: tuple[str, str] | None) -> tuple[str, str]:
    """What is missing, in both languages: cells by label, facts by name, or the note (no previous report)."""
    if note is not None:
        return note
    cells = [str(name) for previous, name in missing if not isinstance(name, str) and not previous]
    facts = [str(name) for _, name in missing if isinstance(name, str)]
    more = ("", "") if len(cells) <= 6 else (f"等{len(cells)}个单元格", f" and {len(cells) - 5} more")
    zh = "、".join(filter(None, [labels(ctx.layout, cells[:5] if more[0] else cells, "zh") + more[0], *facts]))
    en = ", ".join(filter(None, [labels(ctx.layout, cells[:5] if more[0] else cells, "en") + more[1], *facts]))
    return zh, en


def _notes(note: tuple[str, str] | None) -> tuple[str, ...]:
    return (note[1],) if note else ()


@attrs.frozen
class RelationCheck:
    """``lhs op rhs`` (or a condition alone, for expression rules with logic)."""

    lhs: Compiled
    op: str
    rhs: Compiled | None
    policy: MissingPolicy
    keys: tuple[Key, ...]
    _fast: tuple[tuple[CellAddress, ...], tuple[tuple[int, Number], ...], Number] | None = attrs.field(
        init=False, default=None
    )

    def __attrs_post_init__(self) -> None:
        # The common case — a linear relation over this year's cells — is evaluated from a flat list of
        # weights, as a hand-written check would; everything else goes through gather().
        left, right = self.lhs.linear, self.rhs.linear if self.rhs else None
        if left is None or right is None or not all(not p and isinstance(n, CellAddress) for p, n in self.keys):
            return
        position = {key: i for i, key in enumerate(self.keys)}
        difference = left.combine(right, -1)
        weights = tuple((position[key], weight) for key, weight in difference.terms)
        cells = tuple(name for _, name in self.keys if isinstance(name, CellAddress))
        object.__setattr__(self, "_fast", (cells, weights, difference.constant))

    def evaluate(self, ctx: Context) -> Result | None:
        if self._fast is not None:
            cells, weights, constant = self._fast
            lookup = ctx.cells.get
            values = [lookup(cell, BLANK) for cell in cells]
            numbers = [value.number for value in values]
            if None not in numbers:
                total = constant
                for index, weight in weights:
                    total += weight * numbers[index]  # type: ignore[operator]
                if COMPARE[self.op](total, 0):
                    return None
            # Nothing but blanks (and zeros): the report states nothing here — the commonest case in
            # half-filled tables, answered without building anything.
            elif (
                not any(numbers)
                and self.policy is MissingPolicy.NOT_VERIFIABLE
                and not ctx.blank_as_zero
                and not any(isinstance(v, Absent) and v.kind is AbsenceKind.PLACEHOLDER for v in values)
            ):
                return EMPTY
        return self._evaluate(ctx)

    def _evaluate(self, ctx: Context) -> Result | None:
        got = gather(ctx, self.keys, self.policy)
        lhs_linear, rhs_linear = self.lhs.linear, self.rhs.linear if self.rhs else None
        if got.outcome is not None:
            if got.outcome is Outcome.EMPTY:
                return Result(Outcome.EMPTY)
            uses = cell_uses(ctx, self.keys, lhs_linear, rhs_linear)
            words: dict[str, Words] = {"missing": _missing_words(ctx, got.missing, got.note)}
            notes = _notes(got.note)
            missing = tuple(str(name) for previous, name in got.missing if not previous)
            return Result(got.outcome, tuple(uses), op=self.op or None, words=words, notes=notes, missing=missing)
        try:
            if self.rhs is None:
                held = bool(self.lhs.function(got.values))
                lhs: Number | None = None
                rhs: Number | None = None
            else:
                lhs = _num(self.lhs.function(got.values))
                rhs = _num(self.rhs.function(got.values))
                held = COMPARE[self.op](lhs, rhs)
        except (ZeroDivisionError, InvalidOperation, TypeError, ValueError) as exc:
            return Result(Outcome.RULE_ERROR, notes=(f"{type(exc).__name__}: {exc}",))
        if held and not got.assumed_zero:
            return None
        uses = cell_uses(ctx, self.keys, lhs_linear, rhs_linear)
        difference = lhs - rhs if lhs is not None and rhs is not None else None
        words = self._words(ctx, uses, held)
        words.update(lhs=show_number(lhs), rhs=show_number(rhs), difference=show_number(difference))
        linear = lhs_linear.combine(rhs_linear, -1) if lhs_linear and rhs_linear else None
        return Result(
            Outcome.PASS if held else Outcome.FAIL,
            tuple(uses),
            integral(lhs) if lhs is not None else None,
            integral(rhs) if rhs is not None else None,
            integral(difference) if difference is not None else None,
            self.op or None,
            words,
            missing=tuple(str(name) for previous, name in got.missing if not previous),
            assumed_zero=got.assumed_zero,
            linear=linear,
            values=got.values,
        )

    def _words(self, ctx: Context, uses: list[CellUse], held: bool = True) -> dict[str, str | tuple[str, str]]:
        if not uses:
            return {"arithmetic": ""}
        return {
            "arithmetic": (
                arithmetic(ctx.layout, uses, self.op or "?", "zh", held=held),
                arithmetic(ctx.layout, uses, self.op or "?", "en", held=held),
            )
        }


def _num(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"expected a number, got {value!r}")
    return value


@attrs.frozen
class ThresholdCheck:
    """Each selected cell or fact against a constant; violating cells are listed."""

    keys: tuple[Key, ...]
    op: str
    value: Number
    policy: MissingPolicy

    def evaluate(self, ctx: Context) -> Result | None:
        compare = COMPARE[self.op]
        got = gather(ctx, self.keys, self.policy)
        bad = [key for key, number in got.values.items() if not compare(number, self.value)]
        if not bad and got.outcome is None:
            return None
        shown = bad or list(got.missing)
        uses = cell_uses(ctx, shown)
        stated: list[Number | None] = [got.values[k] for k in bad] or [None]
        words: dict[str, Words] = {
            "cells": (
                labels(ctx.layout, [u.cell for u in uses], "zh"),
                labels(ctx.layout, [u.cell for u in uses], "en"),
            ),
            "lhs": ", ".join(show_number(n) for n in stated),
            "rhs": show_number(self.value),
            "missing": _missing_words(ctx, got.missing, got.note),
        }
        outcome = Outcome.FAIL if bad else got.outcome or Outcome.NOT_VERIFIABLE
        linear = Linear(((bad[0], 1),), -self.value) if len(bad) == 1 else None
        first = stated[0]
        return Result(
            outcome,
            tuple(uses),
            first,
            self.value if first is not None else None,
            first - self.value if first is not None else None,
            self.op,
            words,
            notes=_notes(got.note),
            missing=tuple(str(name) for _, name in got.missing),
            linear=linear,
            values=got.values,
        )


@attrs.frozen
class UnitCheck:
    """Money cells stated in another unit than the column's (``元`` in a ``万元`` column)."""

    cells: tuple[CellAddress, ...]
    unit: str

    def evaluate(self, ctx: Context) -> Result | None:
        wrong = [
            (a, v)
            for a in self.cells
            for v in [ctx.cells.get(a)]
            if isinstance(v, Money) and v.unit not in {None, self.unit}
        ]
        if not wrong:
            stated = any(isinstance(ctx.cells.get(a), Money) for a in self.cells)
            return None if stated else Result(Outcome.EMPTY)
        suggestions = []
        for address, value in wrong:
            converted = _convert(value, self.unit)
            if converted is not None:
                suggestions.append(Suggestion(str(address), converted, "unit", 0.9))
        uses = tuple(CellUse(str(a), v) for a, v in wrong)
        names = [str(a) for a, _ in wrong]
        words: dict[str, Words] = {
            "cells": (labels(ctx.layout, names, "zh"), labels(ctx.layout, names, "en")),
            "unit": self.unit,
        }
        words["stated"] = "、".join(f"{v.amount}{v.unit}" for _, v in wrong)
        return Result(Outcome.FAIL, uses, words=words, suggestions=tuple(suggestions), culprits=tuple(names))


def _convert(value: Money, unit: str) -> Decimal | None:
    factors = {("元", "万元"): Decimal("0.0001"), ("万元", "元"): Decimal(10000)}
    factor = factors.get((value.unit or "", unit))
    return (value.amount * factor).normalize() if factor is not None else None


@attrs.frozen
class PatternCheck:
    """Sibling rows and the relations they follow; a row that follows none while its siblings do is reported."""

    rows: tuple[tuple[str, tuple[Compiled, ...]], ...]
    min_followers: int
    policy: MissingPolicy

    def evaluate(self, ctx: Context) -> Result | None:
        followers: list[str] = []
        breakers: list[tuple[str, tuple[Compiled, ...], dict[Key, Number]]] = []
        for row, alternatives in self.rows:
            keys = tuple(dict.fromkeys(k for alt in alternatives for k in alt.keys))
            got = gather(ctx, keys, self.policy)
            if got.outcome is not None:
                continue
            if any(alt.function(got.values) for alt in alternatives):
                followers.append(row)
            else:
                breakers.append((row, alternatives, got.values))
        if len(followers) < self.min_followers or len(breakers) >= len(followers):
            return Result(Outcome.EMPTY)
        if not breakers:
            return None
        uses: list[CellUse] = []
        suggestions: list[Suggestion] = []
        shown: list[tuple[str, str]] = []
        expected: list[str] = []
        for _, alternatives, values in breakers:
            found = _pattern_suggestions(ctx, alternatives, values)
            suggestions.extend(found)
            best = next(
                (a for a in alternatives for s in found if (False, CellAddress.parse(s.cell)) in a.keys),
                alternatives[0],
            )
            row_uses = cell_uses(ctx, best.keys, *best.sides)
            uses.extend(row_uses)
            shown.append(both(arithmetic, ctx.layout, row_uses, "=="))
            right = best.sides[1]
            expected.append(show_number(right.value(values)) if right is not None else "—")
        table = ctx.layout.table(uses[0].cell.split(".")[0])
        words: dict[str, Words] = {
            "breaking": _row_labels(table, [row for row, _, _ in breakers]),
            "followers": _row_labels(table, followers),
            "arithmetic": ("；".join(zh for zh, _ in shown), "; ".join(en for _, en in shown)),
            "expected": "、".join(expected),
        }
        culprits = tuple(dict.fromkeys(s.cell for s in suggestions))
        return Result(Outcome.FAIL, tuple(uses), words=words, suggestions=tuple(suggestions), culprits=culprits)


def _row_labels(table: TableLayout, rows: list[str]) -> tuple[str, str]:
    return "、".join(table.row(r).label.zh for r in rows), ", ".join(table.row(r).label.en for r in rows)


def _pattern_suggestions(
    ctx: Context, alternatives: tuple[Compiled, ...], values: dict[Key, Number]
) -> list[Suggestion]:
    """For each alternative relation, each cell's value that would satisfy it, kept when it is a likely slip."""
    found: list[Suggestion] = []
    for alternative in alternatives:
        linear = alternative.difference
        if linear is None:
            continue
        residual = linear.value(values)
        for key, weight in linear.terms:
            previous, name = key
            if previous or isinstance(name, str) or residual % weight:
                continue
            printed = ctx.cells.get(name)
            needed = integral(
                values[key] - residual / weight if isinstance(residual, Decimal) else values[key] - residual // weight
            )
            if not isinstance(printed, Count) or (needed < 0 and ctx.layout.column_of(name).kind is CellKind.COUNT):
                continue
            kind = classify(printed.value, needed)
            if kind:
                found.append(Suggestion(str(name), needed, kind[0], kind[1]))
    return found
