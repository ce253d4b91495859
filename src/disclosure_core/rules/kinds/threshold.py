"""The threshold kind: each selected cell (or fact) compared with a constant; violating cells are listed.

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("threshold").read(Fields("x.toml", 0, {"cells": "requests.*.*", "op": ">=", "value": 0}))
Threshold(cells='requests.*.*', op='>=', value=0)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from disclosure_core.catalogue import words
from disclosure_core.findings import Outcome
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import COMPARE, Key, Linear, Number, Selector
from disclosure_core.rules.context import Context, Result, gather
from disclosure_core.rules.evidence import cell_uses, missing_words, notes_of
from disclosure_core.rules.expr import ExpressionError, Ref, parse
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSION, OPERATOR, CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.kinds.relation import current_cells, linear_examples
from disclosure_core.rules.messages import Words, labels, show_number
from disclosure_core.rules.spec import MissingPolicy, Rule


@attrs.frozen
class Threshold:
    """Each selected cell (or fact) compared with a constant (an integer, or a decimal written as a string)."""

    cells: str
    op: str
    value: int | str


def _read(fields: Fields) -> Threshold:
    value = fields.get("value")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise fields.fail("value", words("rulefile.number", got=repr(value)))
    return Threshold(fields.string("cells"), fields.op(), value)


@attrs.frozen
class ThresholdCheck:
    """Each selected cell or fact against a constant; violating cells are listed."""

    keys: tuple[Key, ...]
    op: str
    value: Number
    policy: MissingPolicy

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing."""
        compare = COMPARE[self.op]
        got = gather(ctx, self.keys, self.policy)
        if any(not compare(number, self.value) for number in got.values.values()):
            return Outcome.FAIL
        return got.outcome

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
            "missing": missing_words(ctx, got.missing, got.note),
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
            notes=notes_of(got.note),
            missing=tuple(str(name) for _, name in got.missing),
            linear=linear,
            values=got.values,
        )


def _emit(check: ThresholdCheck, emitter: Emitter) -> Test | None:
    """Thresholds over this year's cells (or facts, :func:`_emit_facts`) as code (previous-year cells are
    left to the interpreter).

    A pass for sure: every cell holds a number within the threshold — or, for ``missing = "skip"``, every
    cell that holds one is within it and at least one does (empty for sure: none does).
    """
    if any(previous for previous, _ in check.keys):
        return None
    if all(isinstance(name, str) for _, name in check.keys):
        return _emit_facts(check, emitter)
    if not all(isinstance(name, CellAddress) for _, name in check.keys):
        return None
    value = emitter.constant(check.value)
    within = []
    numbers = [emitter.number(name) for _, name in check.keys if isinstance(name, CellAddress)]
    for number in numbers:
        test = emitter.compare(number, check.op, value)
        if check.policy is MissingPolicy.SKIP:
            test = emitter.any_of([emitter.absent(number), test])
        within.append(test)
    # A number beyond the threshold fails whatever the other cells hold (comparisons are exact).
    beyond = emitter.any_of(
        [emitter.all_of([emitter.present(n), f"(not {emitter.compare(n, check.op, value)})"]) for n in numbers]
    )
    if check.policy is MissingPolicy.SKIP:
        passes = emitter.all_of([*within, emitter.any_of([emitter.present(n) for n in numbers])])
        return Test(passes, emitter.all_of([emitter.absent(n) for n in numbers]), fails=beyond)
    return Test(emitter.all_of([*[emitter.present(n) for n in numbers], *within]), fails=beyond)


def _emit_facts(check: ThresholdCheck, emitter: Emitter) -> Test:
    """Facts of the report (the assessment weight, say) against the threshold: a fact not stated is not
    verifiable (a fact is never blank: no policy reads it as 0), or, with ``missing = "skip"``, left out —
    empty when none is stated. A stated one beyond the threshold fails."""
    value = emitter.constant(check.value)
    facts = [emitter.fact(name) for _, name in check.keys]
    within = [emitter.compare(fact, check.op, value) for fact in facts]
    beyond = emitter.any_of(
        [emitter.all_of([emitter.present(f), f"(not {w})"]) for f, w in zip(facts, within, strict=True)]
    )
    stated = [emitter.present(fact) for fact in facts]
    if check.policy is MissingPolicy.SKIP:
        kept = [emitter.any_of([emitter.absent(f), w]) for f, w in zip(facts, within, strict=True)]
        passes = emitter.all_of([*kept, emitter.any_of(stated)])
        return Test(passes, emitter.all_of([emitter.absent(f) for f in facts]), fails=beyond)
    passes = emitter.all_of([*stated, *within])
    return Test(passes, fails=beyond, unverifiable=f"((not {beyond}) and (not {emitter.all_of(stated)}))")


def _compile(rule: Rule, body: Threshold, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    keys = tuple(selector.keys(_ref(body.cells)))
    value = Decimal(body.value) if isinstance(body.value, str) else body.value
    return CompiledCheck(ThresholdCheck(keys, body.op, value, rule.missing), current_cells(keys), True)


def _ref(text: str) -> Ref:
    expr = parse(text)
    if not isinstance(expr, Ref):
        raise ExpressionError.keyed("expr.cell_reference", text=repr(text))
    return expr


def _examples(check: ThresholdCheck, sample: Sample) -> Examples:
    return linear_examples(check.keys, sample)


KIND = Kind(
    "threshold",
    (
        Form(
            "threshold",
            {"cells": EXPRESSION, "op": OPERATOR, "value": {"type": ["integer", "string"]}},
            _read,
            ("cells", "op", "value"),
        ),
    ),
    _compile,
    _examples,
    words=frozenset({"cells"}),
    emit=_emit,
)
