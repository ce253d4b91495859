"""The breakdown kind: a total stated without any of its parts is a defect, not a reason not to judge.

A sum rule cannot judge ``（七）总计 7`` over result rows that are all blank: blank is not zero, so it ends
not verifiable. Yet a report that counts requests handled and classifies none of them is wrong whatever
the blanks stand for — this kind says so: the whole is a positive number and every part is blank (or a
placeholder), so the breakdown is missing. A whole that is blank or zero states nothing to break down
(empty); a part that holds a number hands the arithmetic over to the sum rule (pass).

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("breakdown").read(Fields("x.toml", 0, {"whole": "requests.total.total", "parts": "requests.@results.total"}))
Breakdown(whole='requests.total.total', parts='requests.@results.total')
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_core.findings import CellUse, Outcome
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Selector, SelectorError
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSION, CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words, cell_label, labels, show_number
from disclosure_core.rules.spec import Rule
from disclosure_core.values import BLANK


@attrs.frozen
class Breakdown:
    """A whole (one cell) and the parts that must break it down (a selection of cells; the whole, if selected,
    is left out)."""

    whole: str
    parts: str


def _read(fields: Fields) -> Breakdown:
    return Breakdown(fields.string("whole"), fields.string("parts"))


@attrs.frozen
class BreakdownCheck:
    """Fails when ``whole`` holds a positive number and no cell of ``parts`` holds a number."""

    whole: CellAddress
    parts: tuple[CellAddress, ...]

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing."""
        total = ctx.cells.get(self.whole, BLANK).number
        if total is None or total <= 0:
            return Outcome.EMPTY
        if any(ctx.cells.get(a, BLANK).number is not None for a in self.parts):
            return None
        return Outcome.FAIL

    def evaluate(self, ctx: Context) -> Result | None:
        total = ctx.cells.get(self.whole, BLANK)
        if total.number is None or total.number <= 0:
            return Result(Outcome.EMPTY)
        if any(ctx.cells.get(a, BLANK).number is not None for a in self.parts):
            return None
        names = [str(a) for a in self.parts]  # what is missing, as findings list it
        words: dict[str, Words] = {
            "whole": (cell_label(ctx.layout, self.whole, "zh"), cell_label(ctx.layout, self.whole, "en")),
            "parts": (labels(ctx.layout, self.parts[:3], "zh"), labels(ctx.layout, self.parts[:3], "en")),
            "count": str(len(names)),
        }
        # Only the whole is a cell the finding rests on (and marks): the parts are what is missing.
        uses = (CellUse(self.whole, total),)
        number = total.number
        return Result(Outcome.FAIL, uses, lhs=number, words={**words, "lhs": show_number(number)}, missing=tuple(names))


def _compile(rule: Rule, body: Breakdown, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    wholes = selector.cells(body.whole)
    if len(wholes) != 1:
        raise SelectorError.keyed("selector.breakdown_whole", whole=repr(body.whole), count=len(wholes))
    # A group such as ``@results`` may hold the total row itself: the parts are the other cells.
    parts = tuple(a for a in selector.cells(body.parts) if a != wholes[0])
    if not parts:
        raise SelectorError.keyed("selector.breakdown_parts", parts=repr(body.parts))
    return CompiledCheck(BreakdownCheck(wholes[0], parts))


def _examples(check: BreakdownCheck, sample: Sample) -> Examples:
    """The sample breaks its totals down; the failing one keeps the whole and blanks every part."""
    failing = sample.base.with_cells({check.whole: 7, **dict.fromkeys(check.parts)})
    passing = sample.base.with_cells({check.whole: 7, **dict.fromkeys(check.parts[1:]), check.parts[0]: 7})
    return {"pass": (passing, None), "fail": (failing, None)}


def _emit(check: BreakdownCheck, emitter: Emitter) -> Test:
    """As code: empty for sure when the whole holds no positive number; a pass when some part holds one;
    else a failure."""
    whole = emitter.number(check.whole)
    empty = f"(({whole} is None) or ({whole} <= 0))"
    parts = emitter.any_of([emitter.present(emitter.number(part)) for part in check.parts])
    passes = emitter.all_of([f"({whole} is not None)", f"({whole} > 0)", parts])
    return Test(passes, empty, fails="(1 == 1)")  # a positive whole, no part holding a number


KIND = Kind(
    "breakdown",
    (Form("breakdown", {"whole": EXPRESSION, "parts": EXPRESSION}, _read, ("whole", "parts")),),
    _compile,
    _examples,
    words=frozenset({"whole", "parts", "count"}),
    emit=_emit,
)
