"""Expanding rules over their dimensions and compiling each instance against a layout, once.

Each instance's body is compiled by the rule's kind (:mod:`disclosure_core.rules.kinds`).

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
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from disclosure_core.catalogue import said_of, words
from disclosure_core.errors import RuleSetError
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.rules.codegen import Emitter, NotEmitted, Program, Test, generate
from disclosure_core.rules.compile import Selector, SelectorError
from disclosure_core.rules.context import Check
from disclosure_core.rules.expr import ExpressionError
from disclosure_core.rules.kinds import kind_of
from disclosure_core.rules.kinds.base import substitute
from disclosure_core.rules.messages import Words
from disclosure_core.rules.narrative import FIGURES
from disclosure_core.rules.spec import Dimension, Rule, RuleSet
from disclosure_core.text import Text


@attrs.frozen
class Instance:
    """One expanded rule, compiled for one layout; ``passed`` and ``empty`` are its (shared) pass and empty findings."""

    id: str
    rule: Rule
    words: Mapping[str, Words]
    check: Check
    cells: frozenset[CellAddress]
    passed: Finding
    locatable: bool
    empty: Finding
    index: int = 0
    """The instance's position in its :class:`CompiledRules`."""


@attrs.frozen
class Plan:
    """The instances that apply to reports of one year and level (minus the disabled ones), in rule order.

    ``passed`` holds their pass findings (what a check returns for an instance that passes: nothing is
    built), ``position`` each instance index's place among them, ``interpreted`` those of them the
    generated code does not test.
    """

    order: tuple[int, ...]
    position: Mapping[int, int]
    passed: tuple[Finding, ...]
    interpreted: list[int]
    at: tuple[int, ...] = ()
    """For each instance the generated code tests (by its place in ``Program.inline``), its place among
    ``passed`` — or ``len(passed)`` when it does not apply: a spare place the check drops."""


@attrs.frozen
class CompiledRules:
    """A rule set compiled for one layout, with an index from each cell to the instances that read it, and
    the instances' generated code (:mod:`disclosure_core.rules.codegen`)."""

    layout: Layout
    instances: tuple[Instance, ...]
    by_cell: Mapping[CellAddress, tuple[Instance, ...]]
    program: Program
    inline: tuple[Instance, ...] = ()
    """The instances the generated code tests, in its order (``Program.inline``)."""
    inline_ids: tuple[str, ...] = ()
    """Their ids."""
    inline_empty: tuple[Finding, ...] = ()
    """Their shared empty findings."""
    by_id: Mapping[str, Instance] = attrs.field(factory=dict)
    """Each instance by its id."""
    _plans: dict[tuple[int, str, frozenset[str]], Plan] = attrs.field(factory=dict, eq=False, repr=False)

    def plan(self, year: int, level: str, disabled: Iterable[str] = ()) -> Plan:
        """The instances that apply to a report of ``year`` and body ``level``, kept once made."""
        key = (year, level, frozenset(disabled))
        found = self._plans.get(key)
        if found is None:
            if len(self._plans) > 1024:  # many distinct disabled sets: keep memory bounded
                self._plans.clear()
            found = self._plans[key] = self._make_plan(year, level, key[2])
        return found

    def _make_plan(self, year: int, level: str, off: frozenset[str]) -> Plan:
        layout, parent = self.layout.id, self.layout.extends
        order = tuple(
            i.index
            for i in self.instances
            if i.rule.id not in off and i.id not in off and i.rule.applies.covers(layout, year, level, parent)
        )
        interpreted = set(self.program.interpreted)
        position = {index: at for at, index in enumerate(order)}
        return Plan(
            order,
            position,
            tuple(self.instances[index].passed for index in order),
            [index for index in order if index in interpreted],
            tuple(position.get(index, len(order)) for index in self.program.inline),
        )


def compile_rules(rule_set: RuleSet, layout: Layout) -> CompiledRules:
    """Expand and compile every rule of ``rule_set`` that applies to ``layout``'s format.

    Raises :class:`RuleSetError` naming the file and rule for a reference the layout lacks.
    """
    written: list[Instance] = []
    for rule in rule_set.rules:
        if (
            rule.applies.formats
            and layout.id not in rule.applies.formats
            and layout.extends not in rule.applies.formats
        ):
            continue
        written.extend(compile_rule(rule, layout))
    instances = [attrs.evolve(instance, index=index) for index, instance in enumerate(written)]
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
    by_cell_found = {cell: tuple(found) for cell, found in by_cell.items()}
    program = program_of(instances, layout)
    inline = tuple(instances[index] for index in program.inline)
    by_id = {instance.id: instance for instance in instances}
    ids, empties = tuple(i.id for i in inline), tuple(i.empty for i in inline)
    return CompiledRules(layout, tuple(instances), by_cell_found, program, inline, ids, empties, by_id)


def program_of(instances: list[Instance], layout: Layout | None = None) -> Program:
    """The generated function testing every instance whose kind emits code (the others are interpreted)."""
    emitter = Emitter(layout)
    tests: list[tuple[int, Test | None]] = []
    for index, instance in enumerate(instances):
        try:
            code = kind_of(instance.rule.kind).emit(instance.check, emitter)
        except NotEmitted:
            code = None
        tests.append((index, code))
    try:
        return generate(tests, emitter)
    except (RecursionError, MemoryError, SyntaxError):  # too big to compile in one function: interpret all
        return generate([(index, None) for index, _ in tests], Emitter(layout))


def compile_rule(rule: Rule, layout: Layout) -> list[Instance]:
    """The instances of one rule for one layout."""
    try:
        return [_instance(rule, layout, bindings) for bindings in expansions(rule, layout)]
    except (SelectorError, ExpressionError) as exc:
        raise _rule_error(rule, layout, said_of(exc)) from None
    except KeyError as exc:
        raise _rule_error(rule, layout, words("lint.no_such_id", id=exc.args[0] if exc.args else exc)) from None
    except RecursionError:  # parsed, but compiling takes more frames per level than parsing
        raise _rule_error(rule, layout, words("lint.nested")) from None


def _rule_error(rule: Rule, layout: Layout, problem: Text) -> RuleSetError:
    return RuleSetError.keyed("lint.rule", where=rule.origin, rule=repr(rule.id), layout=layout.id, problem=problem)


MAX_INSTANCES = 10_000
"""A rule expands to at most this many instances per layout (a shipped rule to a few dozen)."""


def expansions(rule: Rule, layout: Layout) -> list[dict[str, str]]:
    """Every combination of the rule's dimension values (one empty binding when it has none)."""
    axes = [[(d.name, value) for value in dimension_values(d, layout)] for d in rule.expand]
    count = math.prod(len(axis) for axis in axes)
    if count > MAX_INSTANCES:
        raise SelectorError.keyed("lint.expand_count", count=count, limit=MAX_INSTANCES)
    return [dict(combination) for combination in itertools.product(*axes)]


def dimension_values(dimension: Dimension, layout: Layout) -> tuple[str, ...]:
    """The ids a dimension ranges over in ``layout``."""
    if dimension.source == "list":
        return dimension.values
    table_id, _, axis = dimension.source.partition(".")
    try:
        table = layout.table(table_id)
    except KeyError:
        raise SelectorError.keyed(
            "lint.expand_table", name=dimension.name, table=repr(table_id), layout=layout.id
        ) from None
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


def _instance(rule: Rule, layout: Layout, bindings: dict[str, str]) -> Instance:
    written: Any = rule.body  # an attrs class of the rule's kind
    body = attrs.evolve(
        written, **{f.name: substitute(getattr(written, f.name), bindings) for f in attrs.fields(type(written))}
    )
    instance_id = ".".join([rule.id, *bindings.values()])
    compiled = kind_of(rule.kind).compile(rule, body, Selector(layout), bindings)
    passed = Finding(
        instance_id, rule.severity, Outcome.PASS, rule.title, base=rule.id, basis=rule.basis, table=rule.table
    )
    empty = Finding(instance_id, rule.severity, Outcome.EMPTY, rule.title, base=rule.id, table=rule.table)
    words = _label_words(rule, layout, bindings)
    return Instance(instance_id, rule, words, compiled.check, compiled.cells, passed, compiled.locatable, empty)
