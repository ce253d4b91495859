"""What a rule kind is: the keys it reads, the check it compiles to, its placeholders, examples and schema.

Each module of this package defines one :class:`Kind`; ``kinds/__init__.py`` lists them. A kind has one or
more forms (:class:`Form`: the words a rule file writes after ``kind =``) that read their keys into the kind's
*body* (an attrs class: everything the rule file said, validated). Compiling a body against a layout gives
the :class:`CompiledCheck` the engine evaluates. A check keeps what it evaluates as plain validated data
(cell addresses, weights, constants), never rule-file text, so a kind can also emit it as code (``Kind.emit``).

>>> from disclosure_core.rules.kinds import kind_of
>>> kind = kind_of("sum")
>>> kind.name, [form.word for form in kind.forms]
('relation', ['sum', 'balance', 'compare', 'year_over_year', 'expression'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from attrs import AttrsInstance

from disclosure_core.findings import Outcome
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import Report
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import Check, Context, Result
from disclosure_core.rules.expr import COMPARISONS
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.spec import Rule
from disclosure_core.text import Text

Schema = Mapping[str, Any]
"""A JSON Schema fragment."""

Pair = tuple[Report, Report | None]
"""An example: a report and the previous year's report (None when the rule needs none)."""

Examples = dict[str, Pair]
"""A kind's examples: ``{"pass": pair, "fail": pair}``."""

EXPRESSION: Schema = {
    "type": "string",
    "minLength": 1,
    "description": "an expression of the rule language (docs/rules.md)",
}
EXPRESSIONS: Schema = {"type": "array", "minItems": 1, "items": EXPRESSION}
OPERATOR: Schema = {"enum": list(COMPARISONS)}


@attrs.frozen
class Form:
    """One way of writing a kind in a rule file: the word after ``kind =``, its keys and how they are read.

    ``keys`` maps each key to its JSON Schema fragment, in the order the schema lists them; ``required``
    are the keys the schema requires (``read`` checks them too, with a one-line error).
    """

    word: str
    keys: Mapping[str, Schema]
    read: Callable[[Fields], AttrsInstance]
    required: tuple[str, ...] = ()

    def schema(self) -> dict[str, Any]:
        """The keys of this form as a JSON Schema fragment (the common keys are added by the file schema)."""
        return {"properties": dict(self.keys), "required": list(self.required)}


@attrs.frozen
class CompiledCheck:
    """A body compiled for one layout: the check, the current cells it reads as a linear relation (the cells
    culprit location may change), and whether its failures are located."""

    check: Check
    cells: frozenset[CellAddress] = frozenset()
    locatable: bool = False


@attrs.frozen
class Sample:
    """What a kind makes its examples from: the compiled check, a report of the layout whose tables add up
    (for the rule's year and level) and one for the year before."""

    check: Check
    base: Report
    last_year: Report
    layout: Layout

    def evaluate(self, report: Report, previous: Report | None = None) -> Result | None:
        """The check's result on ``report`` (None: it passes)."""
        # Examples never change format: the previous report has the sample's layout.
        previous_layout = self.layout if previous is not None else None
        ctx = Context(
            report, self.layout, report.tables.cells, {self.layout.id: self.layout}, previous, previous_layout
        )
        return self.check.evaluate(ctx)

    def outcome(self, report: Report, previous: Report | None = None) -> Outcome:
        """The check's outcome on ``report``."""
        result = self.evaluate(report, previous)
        return Outcome.PASS if result is None else result.outcome


def substitute(value: Any, bindings: Mapping[str, str]) -> Any:
    """``value`` (a string, or a tuple of them) with each ``{var}`` of ``bindings`` filled in; others as is.

    >>> substitute(("requests.{row}.total", "{other}"), {"row": "new"})
    ('requests.new.total', '{other}')
    """
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: bindings.get(m.group(1), m.group(0)), value)
    if isinstance(value, tuple):
        return tuple(substitute(v, bindings) for v in value)
    return value


def _never_fails(check: Any) -> Text | None:
    """A kind whose rules can always fail says nothing."""
    return None


def _interpreted(check: Any, emitter: Emitter) -> Test | None:
    """A kind that emits no code: its checks are evaluated by the interpreter."""
    return None


@attrs.frozen
class Kind:
    """A kind of rule, everything about it in one place.

    * ``forms``: the words a rule file may use for it, with their keys;
    * ``compile(rule, body, selector, bindings)``: the body (its ``{var}`` already filled from ``bindings``)
      compiled against the selector's layout;
    * ``words``: the placeholders its findings fill besides the common ones (``{title}``, ``{lhs}``, …);
    * ``examples(check, sample)``: a passing and a failing example (``{"pass": pair, "fail": pair}``);
    * ``never_fails(check)``: why a compiled check can never fail, or None (linting);
    * ``emit(check, emitter)``: the check as generated code (:class:`~disclosure_core.rules.codegen.Test`:
      what holds only when it passes, or is empty or not verifiable, for sure), or None to leave it to the
      interpreter (the default). A check may also have ``outcome(ctx)``: its outcome alone, building nothing
      (the engine then makes its finding only when it is shown).
    """

    name: str
    forms: tuple[Form, ...]
    compile: Callable[[Rule, Any, Selector, Mapping[str, str]], CompiledCheck]
    examples: Callable[[Any, Sample], Examples]
    words: frozenset[str] = frozenset()
    never_fails: Callable[[Any], Text | None] = _never_fails
    emit: Callable[[Any, Emitter], Test | None] = _interpreted

    def form(self, word: str) -> Form:
        """The form written ``kind = word``."""
        return next(form for form in self.forms if form.word == word)
