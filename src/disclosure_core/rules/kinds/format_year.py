"""The format-year kind (``kind = "format"``): the report uses the official format version prescribed for
its year.

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("format").read(Fields("x.toml", 0, {}))
FormatYear()
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_core.findings import Note, NoteKind, Outcome
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.spec import Rule


@attrs.frozen
class FormatYear:
    """The report uses the format version prescribed for its year (the body has no keys)."""


def _read(fields: Fields) -> FormatYear:
    return FormatYear()


@attrs.frozen
class FormatCheck:
    """The report uses the official format version prescribed for its year."""

    def evaluate(self, ctx: Context) -> Result | None:
        if ctx.layout.applies_to(ctx.report.year):
            return None
        expected = [
            layout.id
            for layout in ctx.layouts.values()
            if layout.extends is None and layout.applies_to(ctx.report.year)
        ]
        words = {"format": ctx.layout.id, "year": str(ctx.report.year), "expected": " / ".join(expected) or "—"}
        return Result(Outcome.FAIL, words=words, notes=(Note.of(NoteKind.EXPECTED_FORMAT, expected=words["expected"]),))


def _compile(rule: Rule, body: FormatYear, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    return CompiledCheck(FormatCheck())


def _emit(check: FormatCheck, emitter: Emitter) -> Test | None:
    """As code: the report's year within the layout's years passes, any other fails."""
    if emitter.layout is None:
        return None
    year = emitter.fact("year")
    tests = [f"({year} is not None)", f"({year} >= {emitter.constant(emitter.layout.first_year)})"]
    if emitter.layout.last_year is not None:
        tests.append(f"({year} <= {emitter.constant(emitter.layout.last_year)})")
    return Test(emitter.all_of(tests), fails="(1 == 1)")


def _examples(check: FormatCheck, sample: Sample) -> Examples:
    """The sample's own year, and a year just outside the layout's (publication date cleared with it)."""
    base, layout = sample.base, sample.layout
    wrong = (layout.last_year or base.year) + 1 if layout.last_year else layout.first_year - 1
    return {"pass": (base, None), "fail": (base.evolve(year=wrong, published=None), None)}


KIND = Kind(
    "format_year",
    (Form("format", {}, _read),),
    _compile,
    _examples,
    words=frozenset({"format", "year", "expected"}),
    emit=_emit,
)
