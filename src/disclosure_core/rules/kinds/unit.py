"""The unit kind: money cells must be stated in the column's unit (a 元 figure in a 万元 column is a unit slip).

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("unit").read(Fields("x.toml", 0, {"cells": "proactive.*.amount", "unit": "万元"}))
Unit(cells='proactive.*.amount', unit='万元')
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from disclosure_core.findings import CellUse, Outcome, Suggestion
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import EMPTY, Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSION, CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words, labels
from disclosure_core.rules.spec import Rule
from disclosure_core.values import Money


@attrs.frozen
class Unit:
    """The money cells ``cells`` selects must be stated in ``unit``."""

    cells: str
    unit: str


def _read(fields: Fields) -> Unit:
    return Unit(fields.string("cells"), fields.string("unit"))


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
            return None if stated else EMPTY
        suggestions = []
        for address, value in wrong:
            converted = _convert(value, self.unit)
            if converted is not None:
                suggestions.append(Suggestion(address, converted, "unit", 0.9))
        uses = tuple(CellUse(a, v) for a, v in wrong)
        names = tuple(a for a, _ in wrong)
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


def _compile(rule: Rule, body: Unit, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    return CompiledCheck(UnitCheck(tuple(selector.cells(body.cells)), body.unit))


def _examples(check: UnitCheck, sample: Sample) -> Examples:
    """The sample states every amount in 万元; the failing one states the first as 15000元."""
    failing = sample.base.with_cells({check.cells[0]: Money(Decimal(15000), "元")})
    return {"pass": (sample.base, None), "fail": (failing, None)}


KIND = Kind(
    "unit",
    (Form("unit", {"cells": EXPRESSION, "unit": {"type": "string"}}, _read, ("cells", "unit")),),
    _compile,
    _examples,
    words=frozenset({"cells", "unit", "stated"}),
)
