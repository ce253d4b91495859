"""Locating culprits: the single cells whose change would satisfy every failing rule they take part in.

For each cell of a failing linear rule, the value that rule needs is computed; the cell is a culprit when,
with that value, every rule that reads the cell passes (or cannot be verified) — the failing ones and the
passing ones alike. The needed value becomes a suggestion when it is a likely slip of the printed one.

Whether a rule still holds with one cell changed is answered from its residual where it can be: a linear
relation whose cells all hold numbers is worked out once per check (its residual and each cell's weight),
and changing a cell by δ moves the residual by weight × δ; a threshold that did not fail still holds when
the new value is within it. Only other checks are evaluated again with the cell changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from disclosure_core.findings import Outcome, Suggestion
from disclosure_core.layouts import CellAddress, CellKind
from disclosure_core.rules.codegen import linear_total
from disclosure_core.rules.compile import COMPARE, Number
from disclosure_core.rules.context import Context, Result, integral
from disclosure_core.rules.instances import CompiledRules, Instance
from disclosure_core.rules.kinds.relation import RelationCheck
from disclosure_core.rules.kinds.threshold import ThresholdCheck
from disclosure_core.rules.spec import MissingPolicy
from disclosure_core.rules.suggest import CONFIDENCE, classify, transpositions
from disclosure_core.values import BLANK, CellValue, Count, Money


@attrs.frozen
class Fix:
    """A located culprit: the cell and the value that would make every rule reading it hold.

    For an equality ``needed`` is the one value that fits. For an inequality it is only the boundary, so
    ``slip`` holds what is worth suggesting instead: the one recognisable slip of the printed value
    (transposed digits, a sign, a unit) that satisfies every rule, if there is exactly one.
    """

    cell: CellAddress
    needed: Number
    exact: bool = True
    slip: tuple[Number, str] | None = None


def locate(ctx: Context, compiled: CompiledRules, failing: Sequence[tuple[Instance, Result]]) -> dict[CellAddress, Fix]:
    """The culprits among the cells of the failing linear rules."""
    fixes: dict[CellAddress, Fix] = {}
    tried: set[CellAddress] = set()
    residuals = _Residuals(ctx)
    for _instance, result in failing:
        linear = result.linear
        if linear is None or result.op not in {"==", "<=", ">="}:
            continue
        residual = linear.value(result.values)
        for (previous, name), weight in linear.terms:
            if previous or not isinstance(name, CellAddress) or name in tried:
                continue
            needed = _needed(ctx.cells.get(name), result.values[(previous, name)], residual, weight)
            if needed is None or not _allowed(ctx, name, needed):
                continue
            tried.add(name)
            instances = compiled.by_cell.get(name, ())
            if not _holds_everywhere(ctx, instances, name, needed, residuals):
                continue
            if result.op == "==":
                fixes[name] = Fix(name, needed)
            else:
                slips = [
                    (value, kind)
                    for value, kind in _slips(result.values[(previous, name)])
                    if _allowed(ctx, name, value) and _holds_everywhere(ctx, instances, name, value, residuals)
                ]
                fixes[name] = Fix(name, needed, exact=False, slip=slips[0] if len(slips) == 1 else None)
    return fixes


def _slips(printed: Number) -> list[tuple[Number, str]]:
    """The values a printed number is a recognisable slip of: adjacent digits swapped, the sign, 万."""
    found: list[tuple[Number, str]] = []
    if isinstance(printed, int):
        found += [(value, "transposition") for value in transpositions(abs(printed)) if value != abs(printed)]
        found = [(value if printed >= 0 else -value, kind) for value, kind in found]
    if printed:
        found.append((-printed, "sign"))
    return found


def _needed(printed: CellValue | None, value: Number, residual: Number, weight: Number) -> Number | None:
    if isinstance(printed, Count):
        if isinstance(residual, Decimal) or isinstance(weight, Decimal) or residual % weight:
            return None
        return value - residual // weight
    if isinstance(printed, Money):
        return integral(Decimal(value) - Decimal(residual) / Decimal(weight))
    return None


def _allowed(ctx: Context, cell: CellAddress, needed: Number) -> bool:
    return not (needed < 0 and ctx.layout.column_of(cell).kind is CellKind.COUNT)


class _Residuals:
    """Per check: each linear relation's residual and weights, each threshold's outcome, worked out once."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.relations: dict[int, tuple[Number, dict[CellAddress, Number]] | str | None] = {}
        self.thresholds: dict[int, frozenset[CellAddress] | None] = {}

    def relation(
        self, instance: Instance, check: RelationCheck
    ) -> tuple[Number, dict[CellAddress, Number]] | str | None:
        """(residual, weights); ``STAYS_BLANK`` when a blank keeps it unverifiable; None: evaluate it again."""
        if instance.index not in self.relations:
            self.relations[instance.index] = _residual(self.ctx, check)
        return self.relations[instance.index]

    def threshold_bad(self, instance: Instance, check: ThresholdCheck) -> frozenset[CellAddress] | None:
        """The cells outside the threshold now (empty when it holds); None: evaluate it again."""
        if instance.index not in self.thresholds:
            bad: frozenset[CellAddress] | None = None
            if all(not previous and isinstance(name, CellAddress) for previous, name in check.keys):
                result = check.evaluate(self.ctx)
                if result is None or result.outcome not in _BROKEN:
                    bad = frozenset()
                elif result.outcome is Outcome.FAIL:
                    bad = frozenset(use.cell for use in result.uses)
            self.thresholds[instance.index] = bad
        return self.thresholds[instance.index]


_BROKEN = {Outcome.FAIL, Outcome.RULE_ERROR}
STAYS_BLANK = "stays blank"


def _residual(ctx: Context, check: RelationCheck) -> tuple[Number, dict[CellAddress, Number]] | str | None:
    fast = check.fast
    if fast is None:
        return None
    cells, weights, constant = fast
    numbers = [ctx.cells.get(cell, BLANK).number for cell in cells]
    if None in numbers:
        # Another cell holds no number and is never read as 0: changing a printed one cannot make it fail.
        if check.policy is MissingPolicy.NOT_VERIFIABLE and not ctx.blank_as_zero:
            return STAYS_BLANK
        return None
    return linear_total(numbers, weights, constant), {cells[i]: w for i, w in weights}  # type: ignore[arg-type]


def _holds_everywhere(
    ctx: Context, instances: Sequence[Instance], cell: CellAddress, needed: Number, residuals: _Residuals
) -> bool:
    printed = ctx.cells.get(cell)
    old = printed.number if printed is not None else None
    changed: Context | None = None
    for instance in instances:
        check = instance.check
        if old is not None and isinstance(check, RelationCheck):
            state = residuals.relation(instance, check)
            if state is STAYS_BLANK:
                continue
            if isinstance(state, tuple):
                residual, weight_of = state
                moved = residual + weight_of.get(cell, 0) * (needed - old)
                if not COMPARE[check.op](moved, 0):
                    return False
                continue
        if old is not None and isinstance(check, ThresholdCheck):
            bad = residuals.threshold_bad(instance, check)
            if bad is not None:
                if bad - {cell} or not COMPARE[check.op](needed, check.value):
                    return False
                continue
        if changed is None:
            value: CellValue = (
                Count(int(needed))
                if isinstance(printed, Count)
                else Money(Decimal(needed), getattr(printed, "unit", None))
            )
            changed = ctx.with_cell(cell, value)
        outcome = check.evaluate(changed)
        if outcome is not None and outcome.outcome in _BROKEN:
            return False
    return True


def suggestions_for(
    ctx: Context, cells: Sequence[CellAddress], fixes: Mapping[CellAddress, Fix]
) -> tuple[tuple[CellAddress, ...], tuple[Suggestion, ...]]:
    """The culprits among ``cells`` and the suggestions for them.

    A plain value is suggested only when it is the finding's one culprit: otherwise any of several cells
    could be the wrong one, and only a recognisable slip singles one out.
    """
    culprits = [fixes[a] for a in dict.fromkeys(cells) if a in fixes]
    suggestions = []
    for fix in culprits:
        if not fix.exact:  # an inequality: the boundary is no better a guess than any other value past it
            if fix.slip is not None:
                value, slip_kind = fix.slip
                suggestions.append(Suggestion(fix.cell, value, slip_kind, CONFIDENCE[slip_kind]))
            continue
        printed = ctx.cells.get(fix.cell)
        number = printed.number if printed is not None else None
        kind = classify(number, fix.needed) if number is not None else None
        if kind is not None:
            suggestions.append(Suggestion(fix.cell, fix.needed, *kind))
        elif len(culprits) == 1:
            suggestions.append(Suggestion(fix.cell, fix.needed, "value", CONFIDENCE["value"]))
    return tuple(f.cell for f in culprits), tuple(suggestions)
