"""The pattern kind: sibling rows of one table and the relations they follow; a row that follows none of
them while enough of its siblings do is reported (as information: a likely slip, not a rule of the format).

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("pattern").read(Fields("x.toml", 0, {"table": "t", "rows": ["a"], "alternatives": ["t.{row}.x == 1"]}))
Traceback (most recent call last):
...
disclosure_core.errors.RuleSetError: x.toml: rule '?' ($.rules[0].rows): can never fail: a pattern needs more rows than min_followers
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from disclosure_core.catalogue import words
from disclosure_core.findings import CellUse, Outcome, Suggestion
from disclosure_core.layouts import CellAddress, CellKind, TableLayout
from disclosure_core.rules.codegen import OPERATORS, Emitter, Test
from disclosure_core.rules.compile import Compiled, Key, Number, Selector, compile_text
from disclosure_core.rules.context import EMPTY, Context, Result, gather, integral
from disclosure_core.rules.evidence import cell_uses
from disclosure_core.rules.expr import Compare as CompareExpr
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSIONS, CompiledCheck, Examples, Form, Kind, Sample, substitute
from disclosure_core.rules.messages import Words, arithmetic, both, show_number
from disclosure_core.rules.spec import MissingPolicy, Rule
from disclosure_core.rules.suggest import classify
from disclosure_core.values import Count


@attrs.frozen
class Pattern:
    """Rows of one table that should follow one of ``alternatives`` (expressions over ``{row}``).

    A row that follows none while at least ``min_followers`` siblings do is reported (as information).
    """

    table: str
    rows: tuple[str, ...]
    alternatives: tuple[str, ...]
    min_followers: int = 2


def _read(fields: Fields) -> Pattern:
    table = fields.string("table", None)
    if table is None:
        raise fields.fail("table", words("rulefile.pattern_table"))
    alternatives = tuple(fields.expression("alternatives", a) for a in fields.strings("alternatives"))
    minimum = fields.get("min_followers", 2)
    if not isinstance(minimum, int) or minimum < 1:
        raise fields.fail("min_followers", words("rulefile.positive"))
    rows = fields.strings("rows")
    if len(rows) <= minimum:
        raise fields.fail("rows", words("rulefile.pattern_rows"))
    return Pattern(table, rows, alternatives, minimum)


@attrs.frozen
class PatternCheck:
    """Sibling rows and the relations they follow; a row that follows none while its siblings do is reported."""

    rows: tuple[tuple[str, tuple[Compiled, ...]], ...]
    min_followers: int
    policy: MissingPolicy
    _keys: tuple[tuple[Key, ...], ...] = attrs.field(init=False, default=(), eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Each row's keys, worked out once: every check of a report reads them.
        keys = tuple(tuple(dict.fromkeys(k for alt in alternatives for k in alt.keys)) for _, alternatives in self.rows)
        object.__setattr__(self, "_keys", keys)

    @property
    def row_keys(self) -> tuple[tuple[Key, ...], ...]:
        """The keys each row reads (its alternatives' together), in row order."""
        return self._keys

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing."""
        followers, breakers = self._follow(ctx)
        if len(followers) < self.min_followers or len(breakers) >= len(followers):
            return Outcome.EMPTY
        return Outcome.FAIL if breakers else None

    def _follow(self, ctx: Context) -> tuple[list[str], list[tuple[str, tuple[Compiled, ...], dict[Key, Number]]]]:
        """The rows that follow one of their relations, and those that follow none (with their values)."""
        followers: list[str] = []
        breakers: list[tuple[str, tuple[Compiled, ...], dict[Key, Number]]] = []
        for (row, alternatives), keys in zip(self.rows, self._keys, strict=True):
            got = gather(ctx, keys, self.policy)
            if got.outcome is not None:
                continue
            if any(alt.function(got.values) for alt in alternatives):
                followers.append(row)
            else:
                breakers.append((row, alternatives, got.values))
        return followers, breakers

    def evaluate(self, ctx: Context) -> Result | None:
        followers, breakers = self._follow(ctx)
        if len(followers) < self.min_followers or len(breakers) >= len(followers):
            return EMPTY
        if not breakers:
            return None
        uses: list[CellUse] = []
        suggestions: list[Suggestion] = []
        shown: list[tuple[str, str]] = []
        expected: list[str] = []
        for _, alternatives, values in breakers:
            found = _suggestions(ctx, alternatives, values)
            suggestions.extend(found)
            best = next(
                (a for a in alternatives for s in found if (False, s.cell) in a.keys),
                alternatives[0],
            )
            row_uses = cell_uses(ctx, best.keys, *best.sides)
            uses.extend(row_uses)
            shown.append(both(arithmetic, ctx.layout, row_uses, "=="))
            right = best.sides[1]
            expected.append(show_number(right.value(values)) if right is not None else "—")
        table = ctx.layout.table(uses[0].cell.table)
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


def _suggestions(ctx: Context, alternatives: tuple[Compiled, ...], values: dict[Key, Number]) -> list[Suggestion]:
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
                found.append(Suggestion(name, needed, kind[0], kind[1]))
    return found


def _emit(check: PatternCheck, emitter: Emitter) -> Test | None:
    """As code, when every alternative is a linear comparison over this year's count cells with integer
    weights (``missing = "not_verifiable"``; with blanks read as 0 it is interpreted): a row whose cells all hold numbers
    follows when one alternative holds, else breaks; a row lacking a number takes no part. It passes when no
    row breaks and at least ``min_followers`` follow; it is empty when fewer follow or as many break as
    follow; otherwise it fails — exactly :meth:`PatternCheck.outcome`."""
    if check.policy is not MissingPolicy.NOT_VERIFIABLE:
        return None
    follows: list[str] = []
    breaks: list[str] = []
    for (_, alternatives), keys in zip(check.rows, check.row_keys, strict=True):
        if not all(not p and isinstance(n, CellAddress) and emitter.counts(n) for p, n in keys):
            return None
        holds = []
        for alternative in alternatives:
            difference = alternative.difference
            expr = alternative.expr
            if difference is None or not isinstance(expr, CompareExpr) or expr.op not in OPERATORS:
                return None
            weights = [w for _, w in difference.terms] + [difference.constant]
            if not all(type(w) is int for w in weights):
                return None
            terms = [(name, w) for (_, name), w in difference.terms if isinstance(name, CellAddress)]
            holds.append(emitter.compare(emitter.linear(terms, difference.constant), expr.op, "0"))
        present = emitter.all_of([emitter.present(emitter.number(n)) for _, n in keys if isinstance(n, CellAddress)])
        follows.append(emitter.all_of([present, emitter.any_of(holds)]))
        breaks.append(emitter.all_of([present, f"(not {emitter.any_of(holds)})"]))
    followers, breakers = f"({' + '.join(follows)})", f"({' + '.join(breaks)})"
    minimum = emitter.constant(check.min_followers)
    strict = f"(not {emitter.zero})"  # blanks read as 0 make rows take part: interpreted
    passes = emitter.all_of([strict, *(f"(not {b})" for b in breaks), f"({followers} >= {minimum})"])
    empty = emitter.all_of([strict, emitter.any_of([f"({followers} < {minimum})", f"({breakers} >= {followers})"])])
    return Test(passes, empty, fails=strict)


def _compile(rule: Rule, body: Pattern, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    rows = tuple(
        (row, tuple(compile_text(substitute(alt, {**bindings, "row": row}), selector) for alt in body.alternatives))
        for row in body.rows
    )
    return CompiledCheck(PatternCheck(rows, body.min_followers, rule.missing))


def _examples(check: PatternCheck, sample: Sample) -> Examples:
    """Every row made to follow its first alternative (its left-hand cell set to the right-hand side); then
    the first row broken by 9."""
    base = sample.base
    settled: dict[CellAddress, int] = {}
    for _, alternatives in check.rows:
        left, right = alternatives[0].sides
        if left is None or right is None or len(left.terms) != 1:
            return {"pass": (base, None), "fail": (base, None)}
        (_, cell), _ = left.terms[0]
        values: dict[Key, Number] = {key: base.number(str(key[1])) or 0 for key, _ in right.terms}
        settled[CellAddress.parse(str(cell))] = int(right.value(values))
    following = base.with_cells(settled)
    first = next(iter(settled))
    broken = following.with_cells({first: settled[first] + 9})
    return {"pass": (following, None), "fail": (broken, None)}


KIND = Kind(
    "pattern",
    (
        Form(
            "pattern",
            {
                "rows": {"type": "array", "items": {"type": "string"}},
                "alternatives": EXPRESSIONS,
                "min_followers": {"type": "integer", "minimum": 1},
            },
            _read,
            ("rows", "alternatives", "table"),
        ),
    ),
    _compile,
    _examples,
    words=frozenset({"breaking", "followers", "expected"}),
    emit=_emit,
)
