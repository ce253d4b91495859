"""The narrative kind: a figure stated in the text against the tables (``measure = "count"``), or the share
stated after it against stated figure ÷ ``against`` (``measure = "percent"``).

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("narrative").read(Fields("x.toml", 0, {"figure": "appeals_review", "against": "appeals.review.total"}))
Narrative(figure='appeals_review', against='appeals.review.total', measure='count', fallback=None)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

import attrs

from disclosure_core.catalogue import choices, words
from disclosure_core.findings import CellUse, Note, NoteKind, Outcome
from disclosure_core.layouts import CellAddress
from disclosure_core.model import Report, Section
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Compiled, Key, Number, Selector, SelectorError, compile_text
from disclosure_core.rules.context import EMPTY, Context, Gathered, Result, gather, integral
from disclosure_core.rules.evidence import cell_uses, failure_note
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSION, CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words, arithmetic, labels, show_number
from disclosure_core.rules.narrative import FIGURES, SAMPLES, Figure
from disclosure_core.rules.spec import MissingPolicy, Rule


@attrs.frozen
class Narrative:
    """A figure stated in the text ``against`` the tables (``measure = "count"``), or the share stated
    after it against stated figure ÷ ``against`` (``measure = "percent"``). ``fallback`` is used when
    ``against`` has absent cells.
    """

    figure: str
    against: str
    measure: str = "count"
    fallback: str | None = None


def _read(fields: Fields) -> Narrative:
    measure = fields.string("measure", "count")
    if measure not in {"count", "percent"}:
        raise fields.fail("measure", words("rulefile.measure", got=repr(measure)))
    fallback = fields.string("fallback", None)
    return Narrative(
        fields.string("figure"),
        fields.expression("against", fields.string("against")),
        measure,
        fallback and fields.expression("fallback", fallback),
    )


@attrs.frozen
class NarrativeCheck:
    """A stated figure against the tables (or a stated share against figure ÷ table)."""

    figure: str
    measure: str
    table: Compiled
    fallback: Compiled | None
    policy: MissingPolicy

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing."""
        figure = ctx.figures.get(self.figure)
        if figure is None or (self.measure == "percent" and figure.percent is None):
            return Outcome.EMPTY
        used, got = self._gather(ctx)
        if got.outcome is not None:
            return Outcome.NOT_VERIFIABLE
        try:
            held = self._compare(figure, used, got)[0]
        except (ZeroDivisionError, InvalidOperation):
            return Outcome.RULE_ERROR
        if held and not got.assumed_zero:
            return None
        return Outcome.PASS if held else Outcome.FAIL

    def _gather(self, ctx: Context) -> tuple[Compiled, Gathered]:
        strict = gather(ctx, self.table.keys, MissingPolicy.NOT_VERIFIABLE)
        if strict.outcome is not None and self.fallback is not None:
            return self.fallback, gather(ctx, self.fallback.keys, self.policy, claimed=True)
        if strict.outcome is not None:
            return self.table, gather(ctx, self.table.keys, self.policy, claimed=True)
        return self.table, strict

    def _compare(self, figure: Figure, used: Compiled, got: Gathered) -> tuple[bool, Number, Number, Number]:
        """Whether the figure holds, its two sides and the tables' value."""
        table_value = _number(used.function(got.values))
        if self.measure == "percent":
            assert figure.percent is not None
            share = Decimal(figure.value) * 100 / Decimal(table_value)
            held = abs(figure.percent - share) < _unit_in_last_place(figure.percent)
            return held, figure.percent, share.quantize(Decimal("0.01")), table_value
        return figure.value == table_value, figure.value, table_value, table_value

    def evaluate(self, ctx: Context) -> Result | None:
        figure = ctx.figures.get(self.figure)
        if figure is None or (self.measure == "percent" and figure.percent is None):
            return EMPTY
        used, got = self._gather(ctx)
        if got.outcome is None:
            try:
                held, lhs, rhs, table_value = self._compare(figure, used, got)
            except (ZeroDivisionError, InvalidOperation) as exc:
                return Result(Outcome.RULE_ERROR, notes=(failure_note(exc),))
            if held and not got.assumed_zero:
                return None  # a pass builds nothing
        words: dict[str, Words] = {"stated": str(figure.value), "quote": figure.quote}
        notes = (Note.of(NoteKind.QUOTE, quote=figure.quote),)
        if got.outcome is not None:
            uses = cell_uses(ctx, used.keys, None, used.linear)
            words["missing"] = (
                labels(ctx.layout, [k[1] for k in got.missing], "zh"),
                labels(ctx.layout, [k[1] for k in got.missing], "en"),
            )
            outcome = Outcome.NOT_VERIFIABLE
            return Result(
                outcome,
                tuple(uses),
                figure.value,
                words=words,
                notes=notes,
                missing=tuple(str(k[1]) for k in got.missing),
            )
        if self.measure == "percent":
            words["base"] = show_number(table_value)
        uses = cell_uses(ctx, used.keys, None, used.linear)  # only for what is shown: a pass needs none
        shown = [CellUse(u.cell, u.value, u.report, "rhs", u.weight) for u in uses]
        words.update(lhs=show_number(lhs), rhs=show_number(rhs), difference=show_number(lhs - rhs))
        words["percent"] = show_number(figure.percent)
        stated = (f"正文 {figure.value}", f"text {figure.value}")
        layout = ctx.layout

        def written_out() -> dict[str, Words]:
            return {
                "arithmetic": (
                    arithmetic(layout, shown, "==", "zh", stated[0]),
                    arithmetic(layout, shown, "==", "en", stated[1]),
                )
            }

        return Result(
            Outcome.PASS if held else Outcome.FAIL,
            tuple(shown),
            integral(lhs),
            integral(rhs),
            integral(lhs - rhs),
            "==",
            words,
            notes=notes,
            missing=tuple(str(k[1]) for k in got.missing),
            assumed_zero=got.assumed_zero,
            later=written_out,
        )


def _number(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidOperation(f"expected a number, got {value!r}")
    return value


def _unit_in_last_place(percent: Decimal) -> Decimal:
    """Stated 4.34% allows 4.34 ≤ x < 4.35 (truncated) and 4.335 ≤ x (rounded): one unit in the last place."""
    exponent = percent.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


def _compile(rule: Rule, body: Narrative, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    if body.figure not in FIGURES:
        raise SelectorError.keyed("selector.figure", figure=repr(body.figure), known=choices(FIGURES))
    table = compile_text(body.against, selector)
    fallback = compile_text(body.fallback, selector) if body.fallback else None
    return CompiledCheck(NarrativeCheck(body.figure, body.measure, table, fallback, rule.missing))


def _counts(
    compiled: Compiled, emitter: Emitter
) -> tuple[list[tuple[CellAddress, Number]], int, list[CellAddress]] | None:
    """``compiled`` as (terms, constant, cells) when it is a sum over this year's count cells with integer
    weights (exact in any order), else None."""
    linear = compiled.linear
    if linear is None or not all(not p and isinstance(n, CellAddress) and emitter.counts(n) for p, n in compiled.keys):
        return None
    if not all(type(w) is int for _, w in linear.terms) or type(linear.constant) is not int:
        return None
    terms = [(name, weight) for (_, name), weight in linear.terms if isinstance(name, CellAddress)]
    return terms, linear.constant, [name for _, name in compiled.keys if isinstance(name, CellAddress)]


def _emit(check: NarrativeCheck, emitter: Emitter) -> Test | None:
    """A figure stated in the text as code: empty for sure when the text states no such figure (or, for a
    share, no share after it); a count passes for sure when every cell of ``against`` — this year's count
    cells, integer weights — holds a number and their total is the figure (and fails for sure when it is
    not), a share when it is within one unit of its last place of figure ÷ total. A count whose ``against``
    lacks a number is decided from ``fallback`` (:func:`_emit_fallback`). An ``against`` that is not such a
    sum is left to the interpreter.
    """
    figure = emitter.figure(check.figure)
    percent = check.measure == "percent"
    empty = f"(({figure} is None) or ({figure}.percent is None))" if percent else f"({figure} is None)"
    found = _counts(check.table, emitter)
    if found is None:
        return Test("(1 == 0)", empty)
    terms, constant, cells = found
    total = emitter.linear(terms, constant)
    present = [emitter.present(emitter.number(name)) for name in cells]
    if not percent:
        stated = emitter.all_of([f"({figure} is not None)", *present])
        test = Test(emitter.all_of([stated, f"({figure}.value == {total})"]), empty, fails=stated)
        return _emit_fallback(check, emitter, test, emitter.all_of(present))
    # |share − figure × 100 ÷ total| < unit  ⇔  |digits × total − 100 × figure × scale| < total (total > 0,
    # share = digits ÷ scale, unit = 1 ÷ scale): exact, in integers; bounded so that the interpreter's 28-digit
    # division cannot round across the bound (its error is far below one unit for numbers under 10**15).
    stated = emitter.all_of(
        [
            f"({figure} is not None)",
            f"({figure}.share_scale is not None)",
            *present,
            f"({total} > 0)",
            f"({total} < 1000000000000000)",
            f"({figure}.value < 1000000000000000)",
        ]
    )
    within = f"(-{total} < {figure}.share_digits * {total} - 100 * {figure}.share_scale * {figure}.value < {total})"
    return Test(emitter.all_of([stated, within]), empty, fails=stated)


def _emit_fallback(check: NarrativeCheck, emitter: Emitter, primary: Test, present: str) -> Test:
    """A count whose ``against`` lacks a number (blanks not read as 0) is compared with ``fallback`` (or
    ``against`` again) under the rule's missing policy, as :meth:`NarrativeCheck._gather` does: with
    ``missing = "zero"`` a blank (not a placeholder) counts 0 and a pass says so; with ``not_verifiable``
    any absence is not verifiable (the figure is a claim). Other policies are interpreted."""
    used = check.fallback or check.table
    found = _counts(used, emitter)
    if found is None or check.policy not in {MissingPolicy.ZERO, MissingPolicy.NOT_VERIFIABLE}:
        return primary
    terms, constant, cells = found
    figure = emitter.figure(check.figure)
    numbers = [emitter.number(cell) for cell in cells]
    fallen = emitter.all_of([f"(not {emitter.zero})", f"({figure} is not None)", f"(not {present})"])
    every = emitter.all_of([emitter.present(n) for n in numbers])
    passes = emitter.any_of(
        [primary.passes, emitter.all_of([fallen, every, f"({figure}.value == {emitter.linear(terms, constant)})"])]
    )
    no_placeholder = emitter.all_of([emitter.not_placeholder(cell) for cell in cells])
    if check.policy is MissingPolicy.NOT_VERIFIABLE:  # a stated figure is a claim: nothing missing is empty
        unverifiable = emitter.all_of([fallen, f"(not {every})"])
        return Test(passes, primary.empty, unverifiable, emitter.any_of([primary.fails or "(1 == 0)", fallen]))
    # missing = "zero": a blank counts 0 (a placeholder is not a blank: not verifiable); a pass so says so.
    zeroed = emitter.linear_of([(f"({emitter.number(cell)} or 0)", weight) for cell, weight in terms], constant)
    held = f"({figure}.value == {zeroed})"
    fails = emitter.any_of([primary.fails or "(1 == 0)", emitter.all_of([fallen, no_placeholder, f"(not {held})"])])
    noted = emitter.all_of([fallen, no_placeholder, held])
    return Test(passes, primary.empty, emitter.all_of([fallen, f"(not {no_placeholder})"]), fails, noted)


def _examples(check: NarrativeCheck, sample: Sample) -> Examples:
    """The figure's sample sentence stated with the tables' value, and with one more (or a share 5 % off)."""
    base = sample.base
    ctx = Context(base, sample.layout, base.tables.cells, {sample.layout.id: sample.layout})
    values: dict[Key, Number] = {}
    for key in check.table.keys:
        value = ctx.value(key)
        values[key] = value.number if value is not None and value.number is not None else 0
    total = check.table.function(values)
    assert isinstance(total, int)
    table_value = total
    sentence = SAMPLES[check.figure]
    if check.figure == "appeals_not_upheld":
        upheld = base.with_cells({name: 0 for _, name in check.table.keys if isinstance(name, CellAddress)})
        return {"pass": (_say(upheld, sentence), None), "fail": (_say(base, sentence), None)}
    if check.measure == "percent":
        n = 1
        share = (Decimal(n) * 100 / Decimal(table_value)).quantize(Decimal("0.1"))
        return {
            "pass": (_say(base, sentence.format(n=n) + f"，占{share}%"), None),
            "fail": (_say(base, sentence.format(n=n) + f"，占{share + 5}%"), None),
        }
    return {
        "pass": (_say(base, sentence.format(n=table_value)), None),
        "fail": (_say(base, sentence.format(n=table_value + 1)), None),
    }


def _say(report: Report, sentence: str) -> Report:
    overview = report.sections.overview or Section("一、总体情况")
    stated = Section(overview.heading, (*overview.paragraphs, sentence + "。"))
    return report.evolve(sections=attrs.evolve(report.sections, overview=stated))


KIND = Kind(
    "narrative",
    (
        Form(
            "narrative",
            {
                "figure": {"type": "string"},
                "measure": {"enum": ["count", "percent"]},
                "against": EXPRESSION,
                "fallback": EXPRESSION,
            },
            _read,
            ("figure", "against"),
        ),
    ),
    _compile,
    _examples,
    words=frozenset({"stated", "quote", "percent", "base", "figure"}),
    emit=_emit,
)
