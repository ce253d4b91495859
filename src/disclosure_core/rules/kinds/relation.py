"""The relation kind: ``lhs op rhs`` over expressions, written in a rule file as one of five forms.

``sum`` (whole = Σ parts), ``balance`` (Σ left = Σ right), ``compare`` (left op right),
``year_over_year`` (a compare that reads ``previous.*`` cells) and ``expression`` (any expression of the
grammar, a comparison or a condition) are loader sugar: all five read into one :class:`Relation` body
and compile to one :class:`RelationCheck`.

>>> from disclosure_core.rules.fields import Fields, reads_previous
>>> form = KIND.form("balance")
>>> form.read(Fields("x.toml", 0, {"left": ["a.b.c"], "right": ["a.b.d", "-a.b.e"]}))
Relation(lhs='(a.b.c)', op='==', rhs='(a.b.d) + (-a.b.e)', previous=False, whole_left_out=False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from disclosure_core.catalogue import words
from disclosure_core.findings import CellUse, Outcome
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import AssessmentWeight, Facts, Report, Section
from disclosure_core.rules.codegen import Emitter, Test, linear_total
from disclosure_core.rules.compile import COMPARE, Compiled, Key, Number, Selector, compile_expr, compile_text
from disclosure_core.rules.context import EMPTY, Context, Gathered, Result, gather, integral
from disclosure_core.rules.evidence import cell_uses, failure_note, missing_names, missing_words, notes_of
from disclosure_core.rules.expr import Compare
from disclosure_core.rules.fields import Fields, reads_previous
from disclosure_core.rules.kinds.base import (
    EXPRESSION,
    EXPRESSIONS,
    OPERATOR,
    CompiledCheck,
    Examples,
    Form,
    Kind,
    Sample,
)
from disclosure_core.rules.messages import Words, arithmetic, show_number
from disclosure_core.rules.spec import MissingPolicy, Rule
from disclosure_core.rules.yearly import yearly_arithmetic
from disclosure_core.text import Text
from disclosure_core.values import BLANK, AbsenceKind, Absent, CellValue, Count, Money


@attrs.frozen
class Relation:
    """``lhs op rhs`` over expressions; with no ``op``, ``lhs`` is a whole expression (a condition or comparison).

    ``previous`` marks a relation that reads the previous year's report; ``whole_left_out`` (a sum) leaves
    the whole out of a wildcard in the parts (``requests.{row}.*`` includes ``total``).
    """

    lhs: str
    op: str
    rhs: str
    previous: bool = False
    whole_left_out: bool = False


def _read_sum(fields: Fields) -> Relation:
    whole = fields.expression("whole", fields.string("whole"))
    return Relation(whole, "==", fields.terms("parts"), whole_left_out=True)


def _read_balance(fields: Fields) -> Relation:
    return Relation(fields.terms("left"), "==", fields.terms("right"))


def _read_comparison(fields: Fields, *, yearly: bool) -> Relation:
    lhs = fields.expression("left", fields.string("left"))
    rhs = fields.expression("right", fields.string("right"))
    uses_previous = reads_previous(lhs, rhs)
    if yearly != uses_previous:
        raise fields.fail("kind", words("rulefile.previous"))
    return Relation(lhs, fields.op(), rhs, previous=uses_previous)


def _read_compare(fields: Fields) -> Relation:
    return _read_comparison(fields, yearly=False)


def _read_year_over_year(fields: Fields) -> Relation:
    return _read_comparison(fields, yearly=True)


def _read_expression(fields: Fields) -> Relation:
    text = fields.expression("expr", fields.string("expr"))
    return Relation(text, "", "", previous=reads_previous(text))


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

    @property
    def waits_for_previous(self) -> bool:
        """Whether, without last year's report, this check ends not verifiable whatever this year's report says,
        with the same note and words in every report and its cells as read: a relation over cells only, last
        year's among them, that does not skip (:func:`gather` stops at the first of last year's cells). The
        engine then makes the rest of such a finding once (:mod:`disclosure_core.rules.waiting`)."""
        keys = self.keys
        return (
            self.policy is not MissingPolicy.SKIP
            and any(previous for previous, _ in keys)
            and all(isinstance(name, CellAddress) for _, name in keys)
        )

    @property
    def fast(self) -> tuple[tuple[CellAddress, ...], tuple[tuple[int, Number], ...], Number] | None:
        """A linear relation over this year's cells as (cells, (position, weight) …, constant), else None."""
        return self._fast

    def evaluate(self, ctx: Context) -> Result | None:
        quick = self._quick(ctx)
        if quick is not _UNDECIDED:
            return EMPTY if quick is Outcome.EMPTY else None
        return self._evaluate(ctx)

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing: what a check needs until a finding is shown."""
        quick = self._quick(ctx)
        if quick is not _UNDECIDED:
            return quick  # type: ignore[return-value]
        got, judged = self._judge(ctx)
        if judged is not None:
            return judged
        if got.outcome is not None:
            return got.outcome
        return None

    def _quick(self, ctx: Context) -> Outcome | object | None:
        if self._fast is None:
            return _UNDECIDED
        cells, weights, constant = self._fast
        lookup = ctx.cells.get
        values = [lookup(cell, BLANK) for cell in cells]
        numbers = [value.number for value in values]
        if None not in numbers:
            if COMPARE[self.op](linear_total(numbers, weights, constant), 0):  # type: ignore[arg-type]
                return None
        # Nothing but blanks (and zeros): the report states nothing here — the commonest case in
        # half-filled tables, answered without building anything.
        elif (
            not any(numbers)
            and self.policy is MissingPolicy.NOT_VERIFIABLE
            and not ctx.blank_as_zero
            and not any(isinstance(v, Absent) and v.kind is AbsenceKind.PLACEHOLDER for v in values)
        ):
            return Outcome.EMPTY
        return _UNDECIDED

    def _judge(self, ctx: Context) -> tuple[Gathered, Outcome | None]:
        """The values gathered, and the outcome when the values alone decide it (None: a pass, or decided by ``got.outcome``)."""
        got = gather(ctx, self.keys, self.policy)
        if got.missing and self.policy is MissingPolicy.SKIP:
            return got, Outcome.EMPTY  # a relation cannot be computed without a side: "skip" skips it
        if got.outcome is not None:
            return got, None
        try:
            held, _, _ = self._compute(got)
        except _BROKEN:
            return got, Outcome.RULE_ERROR
        if held and not got.assumed_zero:
            return got, None
        return got, Outcome.PASS if held else Outcome.FAIL

    def _compute(self, got: Gathered) -> tuple[bool, Number | None, Number | None]:
        if self.rhs is None:
            return bool(self.lhs.function(got.values)), None, None
        lhs = _number(self.lhs.function(got.values))
        rhs = _number(self.rhs.function(got.values))
        return COMPARE[self.op](lhs, rhs), lhs, rhs

    def _evaluate(self, ctx: Context) -> Result | None:
        got = gather(ctx, self.keys, self.policy)
        if got.missing and self.policy is MissingPolicy.SKIP:
            return EMPTY  # a relation cannot be computed without a side: "skip" skips it
        lhs_linear, rhs_linear = self.lhs.linear, self.rhs.linear if self.rhs else None
        if got.outcome is not None:
            if got.outcome is Outcome.EMPTY:
                return EMPTY
            uses = cell_uses(ctx, self.keys, lhs_linear, rhs_linear)
            absent, note = got.missing, got.note
            return Result(
                got.outcome,
                tuple(uses),
                op=self.op or None,
                notes=notes_of(got.note),
                missing=missing_names(got.missing, got.note),
                later=lambda: {"missing": missing_words(ctx, absent, note)},
            )
        try:
            held, lhs, rhs = self._compute(got)
        except _BROKEN as exc:
            return Result(Outcome.RULE_ERROR, notes=(failure_note(exc),))
        if held and not got.assumed_zero:
            return None
        uses = cell_uses(ctx, self.keys, lhs_linear, rhs_linear)
        difference = lhs - rhs if lhs is not None and rhs is not None else None
        words = {
            "lhs": show_number(lhs),
            "rhs": show_number(rhs),
            "difference": show_number(difference),
        }
        layout = ctx.layout
        linear = lhs_linear.combine(rhs_linear, -1) if lhs_linear and rhs_linear else None
        return Result(
            Outcome.PASS if held else Outcome.FAIL,
            tuple(uses),
            integral(lhs) if lhs is not None else None,
            integral(rhs) if rhs is not None else None,
            integral(difference) if difference is not None else None,
            self.op or None,
            words,
            missing=missing_names(got.missing, got.note),
            assumed_zero=got.assumed_zero,
            linear=linear,
            values=got.values,
            later=lambda: self._words(layout, uses, held),
        )

    def _words(self, layout: Layout, uses: list[CellUse], held: bool = True) -> dict[str, Words]:
        if not uses:
            return {"arithmetic": ""}
        # A yearly relation shows both years' terms, last year's side first (rules/yearly.py).
        write = yearly_arithmetic if any(u.report == "previous" for u in uses) else arithmetic
        return {
            "arithmetic": (
                write(layout, uses, self.op or "?", "zh", held=held),
                write(layout, uses, self.op or "?", "en", held=held),
            )
        }


_UNDECIDED = object()
_BROKEN = (ZeroDivisionError, InvalidOperation, TypeError, ValueError)


def emit_relation(check: RelationCheck, emitter: Emitter) -> Test | None:
    """A linear relation as code. Over this year's cells: it passes when every cell holds a number and the
    relation holds; it is empty when some cell holds none, the others are 0 and none is a placeholder; it is
    not verifiable when some cell holds none otherwise (unless blanks are read as 0).

    That is exactly :meth:`RelationCheck.evaluate`'s fast path and :func:`gather`'s policy. A yearly
    relation (:func:`emit_yearly`) is decided the same way when last year's report is of the same layout,
    and is not verifiable for sure when there is none; anything else (a condition, facts) is left to the
    interpreter.
    """
    if check.fast is None:
        return emit_facts(check, emitter) or emit_yearly(check, emitter)
    cells, weights, constant = check.fast
    numbers = [emitter.number(cell) for cell in cells]
    total = emitter.linear([(cells[index], weight) for index, weight in weights], constant)
    every = [emitter.present(n) for n in numbers]
    passes = emitter.all_of([*every, emitter.compare(total, check.op, "0")])
    test = _absent_cases(check, emitter, passes, numbers, [emitter.states_nothing(cell) for cell in cells])
    if exact(emitter, cells, [w for _, w in weights] + [constant]):
        # Every number there and the relation does not hold: it fails (integers: no rounding could differ).
        return attrs.evolve(test, fails=emitter.all_of(every))
    return test


def exact(emitter: Emitter, cells: Sequence[CellAddress], numbers: Sequence[Number]) -> bool:
    """Whether arithmetic over ``cells`` with these weights and constants is exact in any order: count
    cells and integers only (money is Decimal, rounded at 28 digits)."""
    return all(emitter.counts(cell) for cell in cells) and all(type(n) is int for n in numbers)


def _absent_cases(check: RelationCheck, emitter: Emitter, passes: str, numbers: list[str], nothing: list[str]) -> Test:
    """The test with what a missing number makes of the relation: empty or not verifiable for sure
    (``nothing``: for each cell, that it states nothing — 0, or a blank that is not a placeholder)."""
    some_absent = emitter.any_of([emitter.absent(n) for n in numbers])
    if check.policy is MissingPolicy.SKIP:
        return Test(passes, some_absent)
    if check.policy is not MissingPolicy.NOT_VERIFIABLE:
        return Test(passes)
    empty = emitter.all_of([f"(not {emitter.zero})", some_absent, *nothing])
    return Test(passes, empty, emitter.all_of([f"(not {emitter.zero})", some_absent]))


def emit_facts(check: RelationCheck, emitter: Emitter) -> Test | None:
    """A comparison of two of the report's facts (each side one fact, as written): a fact not stated makes
    it empty under ``missing = "skip"``, else not verifiable; stated, it holds or fails as compared."""
    left, right = check.lhs.linear, check.rhs.linear if check.rhs else None
    if left is None or right is None or not all(not p and isinstance(n, str) for p, n in check.keys):
        return None
    sides = []
    for side in (left, right):
        if len(side.terms) != 1 or side.constant != 0 or side.terms[0][1] != 1 or type(side.terms[0][1]) is not int:
            return None
        sides.append(emitter.fact(side.terms[0][0][1]))
    stated = emitter.all_of([emitter.present(f) for f in sides])
    passes = emitter.all_of([stated, emitter.compare(sides[0], check.op, sides[1])])
    if check.policy is MissingPolicy.SKIP:
        return Test(passes, f"(not {stated})", fails="(1 == 1)")
    return Test(passes, unverifiable=f"(not {stated})", fails="(1 == 1)")


def emit_yearly(check: RelationCheck, emitter: Emitter) -> Test | None:
    """A relation over both years' count cells: not verifiable for sure without last year's report (empty
    for ``missing = "skip"``); with one of the same layout, decided as a relation over this year's cells;
    with one of another layout, left to the interpreter (what carries over depends on the two layouts).

    Both sides are written out and compared as the interpreter computes them; only count cells are taken,
    so that the arithmetic is exact whatever order it is done in.
    """
    left, right = check.lhs.linear, check.rhs.linear if check.rhs else None
    if left is None or right is None or not any(previous for previous, _ in check.keys):
        return None
    if not all(isinstance(name, CellAddress) and emitter.counts(name) for _, name in check.keys):
        return None
    numbers_of = [w for _, w in (*left.terms, *right.terms)] + [left.constant, right.constant]
    if not all(type(n) is int for n in numbers_of):
        return None  # integer weights only: the written-out sides then equal the expression's value exactly
    numbers, nothing = [], []
    for previous, name in check.keys:
        assert isinstance(name, CellAddress)
        if previous:
            numbers.append(emitter.previous_number(name))
            nothing.append(emitter.previous_states_nothing(name))
        else:
            numbers.append(emitter.number(name))
            nothing.append(emitter.states_nothing(name))
    local = dict(zip(check.keys, numbers, strict=True))

    def side(terms: tuple[tuple[Key, Number], ...], constant: Number) -> str:
        parts = [local[key] if weight == 1 else f"{emitter.constant(weight)} * {local[key]}" for key, weight in terms]
        if constant or not parts:
            parts.append(emitter.constant(constant))
        return f"({' + '.join(parts)})"

    same = "(yoy == 1)"
    relation = emitter.compare(side(left.terms, left.constant), check.op, side(right.terms, right.constant))
    passes = emitter.all_of([same, *(emitter.present(n) for n in numbers), relation])
    decided = _absent_cases(check, emitter, passes, numbers, nothing)
    no_previous = "(yoy == 0)"
    fails = emitter.all_of([same, *(emitter.present(n) for n in numbers)])  # count cells, integer weights
    if check.policy is MissingPolicy.SKIP:
        skipped = emitter.any_of([no_previous, emitter.all_of([same, decided.empty or "(1 == 0)"])])
        return Test(passes, skipped, fails=fails)
    empty = emitter.all_of([same, decided.empty]) if decided.empty else None
    unverifiable = [no_previous]
    if decided.unverifiable is not None:
        unverifiable.append(emitter.all_of([same, decided.unverifiable]))
    return Test(passes, empty, emitter.any_of(unverifiable), fails)


def _number(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"expected a number, got {value!r}")
    return value


def current_cells(keys: tuple[Key, ...]) -> frozenset[CellAddress]:
    """The current report's cells among ``keys``."""
    return frozenset(name for previous, name in keys if isinstance(name, CellAddress) and not previous)


def compile_relation(rule: Rule, body: Relation, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    """The relation against the selector's layout; linear relations are located, conditions are not."""
    if not body.op:
        whole = compile_text(body.lhs, selector)
        if isinstance(whole.expr, Compare):
            lhs, rhs = compile_expr(whole.expr.left, selector), compile_expr(whole.expr.right, selector)
            keys = tuple(dict.fromkeys(lhs.keys + rhs.keys))
            return CompiledCheck(RelationCheck(lhs, whole.expr.op, rhs, rule.missing, keys), current_cells(keys), True)
        return CompiledCheck(RelationCheck(whole, "", None, rule.missing, whole.keys), current_cells(whole.keys))
    lhs, rhs = compile_text(body.lhs, selector), compile_text(body.rhs, selector)
    if body.whole_left_out:
        rhs = _without(rhs, set(lhs.keys), selector)
    keys = tuple(dict.fromkeys(lhs.keys + rhs.keys))
    linear = lhs.linear is not None and rhs.linear is not None
    return CompiledCheck(RelationCheck(lhs, body.op, rhs, rule.missing, keys), current_cells(keys), linear)


def _without(compiled: Compiled, keys: set[Key], selector: Selector) -> Compiled:
    """A sum's parts without the whole."""
    if not keys & set(compiled.keys):
        return compiled
    assert compiled.linear is not None
    terms = tuple((k, w) for k, w in compiled.linear.terms if k not in keys)
    text = " + ".join(str(k[1]) if w == 1 else f"-{k[1]}" for k, w in terms) or "0"
    return compile_text(text, selector)


def never_fails(check: RelationCheck) -> Text | None:
    """Why a linear comparison can never fail: both sides the same, or constants only."""
    if check.rhs is None:
        return None
    left, right = check.lhs.linear, check.rhs.linear
    if left is None or right is None:
        return None
    difference = left.combine(right, -1)
    if difference.terms:
        return None
    if left.terms and set(left.terms) == set(right.terms):
        return words("lint.same_sides")
    if COMPARE[check.op](difference.constant, 0):
        return words("lint.constants")
    return None


def linear_examples(keys: tuple[Key, ...], sample: Sample) -> Examples:
    """Examples of a check over ``keys``: the sample solved to pass, then one cell nudged until it fails."""
    previous = sample.last_year if any(prev for prev, _ in keys) else None
    base = sample.base
    if all(isinstance(name, str) for _, name in keys):  # a fact: the assessment weight
        return _weight_examples(keys, base, previous)
    passing = _solve(sample, base, previous)
    cells = [name for prev, name in keys if not prev and isinstance(name, CellAddress)]
    # A failing example with counts that could be printed is clearer: negative ones only when nothing else fails.
    for allow_negative in (False, True):
        for cell in cells:
            for delta in (1, -1, 10, -10, 1000, -1000):
                number = (passing[0].number(cell) or 0) + delta
                if number < 0 and not allow_negative:
                    continue
                candidate = passing[0].with_cells({cell: like(passing[0].cell(cell), number)})
                if sample.outcome(candidate, passing[1]) is Outcome.FAIL:
                    return {"pass": passing, "fail": (candidate, passing[1])}
    return {"pass": passing, "fail": passing}


def _weight_examples(keys: tuple[Key, ...], base: Report, previous: Report | None) -> Examples:
    """The weight stated in 一、总体情况; failing, below 4% — or, for the rule comparing the field with the
    text, a field filled in that says otherwise."""
    base = base.evolve(facts=Facts())  # the sample's own field would hide what the text says
    stated = _say(base, "政府信息公开工作列入绩效考核范围，所占分值权重不低于4%。")
    if any(str(name).startswith("facts.stated.") for _, name in keys):
        filled = stated.evolve(facts=Facts(AssessmentWeight("所占分值权重为3%", Decimal(3))))
        return {"pass": (stated, previous), "fail": (filled, previous)}
    low = _say(base, "政府信息公开工作列入绩效考核范围，所占分值权重为3%。")
    return {"pass": (stated, previous), "fail": (low, previous)}


def _say(report: Report, sentence: str) -> Report:
    overview = report.sections.overview or Section("一、总体情况")
    said = Section(overview.heading, (*overview.paragraphs, sentence))
    return report.evolve(sections=attrs.evolve(report.sections, overview=said))


def like(value: CellValue, number: int | Decimal) -> CellValue:
    """``number`` as a value of the same type (and unit) as ``value``."""
    if isinstance(value, Money):
        return Money(Decimal(number), value.unit)
    return Count(int(number))


def _solve(sample: Sample, report: Report, previous: Report | None) -> tuple[Report, Report | None]:
    """Make the check hold by changing one current cell of its linear relation (the report if it already holds)."""
    result = sample.evaluate(report, previous)
    if result is None or result.outcome is Outcome.PASS or result.linear is None:
        return report, previous
    residual = result.linear.value(result.values)
    for (prev, name), weight in result.linear.terms:
        if prev or not isinstance(name, CellAddress):
            continue
        needed = Decimal(result.values[(prev, name)]) - Decimal(residual) / Decimal(weight)
        if needed >= 0 and needed == int(needed):
            candidate = report.with_cells({name: like(report.cell(name), int(needed))})
            if sample.outcome(candidate, previous) is Outcome.PASS:
                return candidate, previous
    return report, previous


def relation_examples(check: RelationCheck, sample: Sample) -> Examples:
    """A relation's examples (see :func:`linear_examples`)."""
    return linear_examples(check.keys, sample)


KIND = Kind(
    "relation",
    (
        Form("sum", {"whole": EXPRESSION, "parts": EXPRESSIONS}, _read_sum, ("whole", "parts")),
        Form("balance", {"left": EXPRESSIONS, "right": EXPRESSIONS}, _read_balance, ("left", "right")),
        Form(
            "compare", {"left": EXPRESSION, "op": OPERATOR, "right": EXPRESSION}, _read_compare, ("left", "op", "right")
        ),
        Form(
            "year_over_year",
            {"left": EXPRESSION, "op": OPERATOR, "right": EXPRESSION},
            _read_year_over_year,
            ("left", "op", "right"),
        ),
        Form("expression", {"expr": EXPRESSION}, _read_expression, ("expr",)),
    ),
    compile_relation,
    relation_examples,
    never_fails=never_fails,
    emit=emit_relation,
)
