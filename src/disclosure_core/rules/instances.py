"""Expanding rules over their dimensions and compiling each instance against a layout, once.

``requests.balance`` expanded over ``column = "requests.columns"`` gives seven instances,
``requests.balance.natural_person`` … ``requests.balance.total``, each with ``{column}`` and
``{column_label}`` filled in its messages.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core.rules import builtin_rule_set
>>> compiled = compile_rules(builtin_rule_set(), builtin_layout("gov-2021"))
>>> [i.id for i in compiled.instances if i.rule.id == "requests.balance"][:2]
['requests.balance.natural_person', 'requests.balance.commercial']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from disclosure_core.errors import RuleSetError
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.rules.arithmetic import PatternCheck, RelationCheck, ThresholdCheck, UnitCheck
from disclosure_core.rules.compile import Compiled, Key, Selector, SelectorError, compile_expr, compile_text
from disclosure_core.rules.context import Check
from disclosure_core.rules.documents import DeadlineCheck, FormatCheck, NarrativeCheck, RequiredCheck
from disclosure_core.rules.expr import Compare, ExpressionError, Ref, parse
from disclosure_core.rules.messages import Words
from disclosure_core.rules.narrative import FIGURES
from disclosure_core.rules.spec import (
    Deadline,
    Dimension,
    FormatYear,
    Narrative,
    Pattern,
    Relation,
    Required,
    Rule,
    RuleSet,
    Threshold,
    Unit,
)


@attrs.frozen
class Instance:
    """One expanded rule, compiled for one layout; ``passed`` is its (shared) pass finding."""

    id: str
    rule: Rule
    words: Mapping[str, Words]
    check: Check
    cells: frozenset[CellAddress]
    passed: Finding
    locatable: bool


@attrs.frozen
class CompiledRules:
    """A rule set compiled for one layout, with an index from each cell to the instances that read it."""

    layout: Layout
    instances: tuple[Instance, ...]
    by_cell: Mapping[CellAddress, tuple[Instance, ...]]


def compile_rules(rule_set: RuleSet, layout: Layout) -> CompiledRules:
    """Expand and compile every rule of ``rule_set`` that applies to ``layout``'s format.

    Raises :class:`RuleSetError` naming the file and rule for a reference the layout lacks.
    """
    instances: list[Instance] = []
    for rule in rule_set.rules:
        if (
            rule.applies.formats
            and layout.id not in rule.applies.formats
            and layout.extends not in rule.applies.formats
        ):
            continue
        instances.extend(compile_rule(rule, layout))
    seen: set[str] = set()
    for instance in instances:
        if instance.id in seen:
            raise RuleSetError(
                f"{instance.rule.origin}: rule {instance.rule.id!r}: two instances are both {instance.id!r}"
            )
        seen.add(instance.id)
    by_cell: dict[CellAddress, list[Instance]] = {}
    for instance in instances:
        if instance.locatable:
            for cell in instance.cells:
                by_cell.setdefault(cell, []).append(instance)
    return CompiledRules(layout, tuple(instances), {cell: tuple(found) for cell, found in by_cell.items()})


def compile_rule(rule: Rule, layout: Layout) -> list[Instance]:
    """The instances of one rule for one layout."""
    try:
        return [_instance(rule, layout, bindings) for bindings in expansions(rule, layout)]
    except (SelectorError, ExpressionError, KeyError) as exc:
        problem = exc.args[0] if exc.args else exc
        raise RuleSetError(f"{rule.origin}: rule {rule.id!r} ({layout.id}): {problem}") from None


def expansions(rule: Rule, layout: Layout) -> list[dict[str, str]]:
    """Every combination of the rule's dimension values (one empty binding when it has none)."""
    axes = [[(d.name, value) for value in dimension_values(d, layout)] for d in rule.expand]
    return [dict(combination) for combination in itertools.product(*axes)]


def dimension_values(dimension: Dimension, layout: Layout) -> tuple[str, ...]:
    """The ids a dimension ranges over in ``layout``."""
    if dimension.source == "list":
        return dimension.values
    table_id, _, axis = dimension.source.partition(".")
    try:
        table = layout.table(table_id)
    except KeyError:
        raise SelectorError(f"expand.{dimension.name}: no table {table_id!r} in {layout.id}") from None
    ids = [r.id for r in table.rows] if axis == "rows" else [c.id for c in table.columns]
    # ``except`` may name ids of another format (gov-2019's change column in a rule for both formats).
    return tuple(i for i in ids if i not in dimension.excluded)


def _label_words(rule: Rule, layout: Layout, bindings: Mapping[str, str]) -> dict[str, Words]:
    words: dict[str, Words] = dict(bindings)
    table = None
    for dimension in rule.expand:
        table_id = dimension.source.partition(".")[0] if dimension.source != "list" else rule.table
        try:
            table = layout.table(table_id or "")
            value = bindings[dimension.name]
            spec = table.row(value) if value in {r.id for r in table.rows} else table.column(value)
            words[f"{dimension.name}_label"] = (spec.label.zh, spec.label.en)
        except KeyError:
            value = bindings[dimension.name]
            if value in {t.id for t in layout.tables}:
                label = layout.table(value).label
                words[f"{dimension.name}_label"] = (label.zh, label.en)
                continue
            meaning = FIGURES.get(value)
            words[f"{dimension.name}_label"] = (meaning, value) if meaning else value
    return words


def _substitute(value: Any, bindings: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: bindings.get(m.group(1), m.group(0)), value)
    if isinstance(value, tuple):
        return tuple(_substitute(v, bindings) for v in value)
    return value


def _instance(rule: Rule, layout: Layout, bindings: dict[str, str]) -> Instance:
    body = attrs.evolve(
        rule.body, **{f.name: _substitute(getattr(rule.body, f.name), bindings) for f in attrs.fields(type(rule.body))}
    )
    instance_id = ".".join([rule.id, *bindings.values()])
    selector = Selector(layout)
    check, cells, locatable = _check(rule, body, selector, bindings)
    passed = Finding(
        instance_id, rule.severity, Outcome.PASS, rule.title, base=rule.id, basis=rule.basis, table=rule.table
    )
    return Instance(instance_id, rule, _label_words(rule, layout, bindings), check, cells, passed, locatable)


def _cells(keys: tuple[Key, ...]) -> frozenset[CellAddress]:
    return frozenset(name for previous, name in keys if isinstance(name, CellAddress) and not previous)


def _check(
    rule: Rule, body: Any, selector: Selector, bindings: Mapping[str, str]
) -> tuple[Check, frozenset[CellAddress], bool]:
    if isinstance(body, Relation):
        if not body.op:
            whole = compile_text(body.lhs, selector)
            if isinstance(whole.expr, Compare):
                lhs, rhs = compile_expr(whole.expr.left, selector), compile_expr(whole.expr.right, selector)
                keys = tuple(dict.fromkeys(lhs.keys + rhs.keys))
                return RelationCheck(lhs, whole.expr.op, rhs, rule.missing, keys), _cells(keys), True
            return RelationCheck(whole, "", None, rule.missing, whole.keys), _cells(whole.keys), False
        lhs, rhs = compile_text(body.lhs, selector), compile_text(body.rhs, selector)
        if rule.kind == "sum":
            rhs = _without(rhs, set(lhs.keys), selector)
        keys = tuple(dict.fromkeys(lhs.keys + rhs.keys))
        linear = lhs.linear is not None and rhs.linear is not None
        return RelationCheck(lhs, body.op, rhs, rule.missing, keys), _cells(keys), linear
    if isinstance(body, Threshold):
        keys = tuple(selector.keys(_ref(body.cells)))
        value = Decimal(body.value) if isinstance(body.value, str) else body.value
        return ThresholdCheck(keys, body.op, value, rule.missing), _cells(keys), True
    if isinstance(body, Required):
        cells = tuple(a for c in body.cells for a in selector.cells(c))
        any_of = tuple(selector.cells(body.any_of)) if body.any_of else ()
        return RequiredCheck(body.sections, body.numbered, cells, any_of), frozenset(), False
    if isinstance(body, Narrative):
        if body.figure not in FIGURES:
            raise SelectorError(f"unknown figure {body.figure!r} (known: {', '.join(FIGURES)})")
        table = compile_text(body.against, selector)
        fallback = compile_text(body.fallback, selector) if body.fallback else None
        return NarrativeCheck(body.figure, body.measure, table, fallback, rule.missing), frozenset(), False
    if isinstance(body, Deadline):
        return DeadlineCheck(body.by_level), frozenset(), False
    if isinstance(body, Pattern):
        rows = tuple(
            (
                row,
                tuple(compile_text(_substitute(alt, {**bindings, "row": row}), selector) for alt in body.alternatives),
            )
            for row in body.rows
        )
        return PatternCheck(rows, body.min_followers, rule.missing), frozenset(), False
    if isinstance(body, Unit):
        return UnitCheck(tuple(selector.cells(body.cells)), body.unit), frozenset(), False
    assert isinstance(body, FormatYear)
    return FormatCheck(), frozenset(), False


def _ref(text: str) -> Ref:
    expr = parse(text)
    if not isinstance(expr, Ref):
        raise ExpressionError(f"expected a cell reference, got {text!r}")
    return expr


def _without(compiled: Compiled, keys: set[Key], selector: Selector) -> Compiled:
    """A sum's parts without the whole (``requests.{row}.*`` includes ``total``)."""
    if not keys & set(compiled.keys):
        return compiled
    assert compiled.linear is not None
    terms = tuple((k, w) for k, w in compiled.linear.terms if k not in keys)
    text = " + ".join(str(k[1]) if w == 1 else f"-{k[1]}" for k, w in terms) or "0"
    return compile_text(text, selector)
