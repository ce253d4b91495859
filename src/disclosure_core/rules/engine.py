"""``check``: every rule instance that applies to a report, evaluated, located and explained.

A pure function of its arguments: the rules and the layouts are given, never looked up, so the same call
gives the same findings on every machine. :meth:`disclosure_core.Registry.check` (and the top-level
:func:`disclosure_core.check`) pass a registry's rule set and layouts.

>>> from disclosure_core import load, official_layouts
>>> from disclosure_core.rules.sets import builtin_rule_set
>>> findings = check(load("examples/daixian-2020.json").report, rules=builtin_rule_set(), layouts=official_layouts())
>>> sorted({f.base_rule for f in findings if f.outcome.value == "fail"})
['proactive.pattern.items', 'proactive.published_within_total', 'requests.results_classified', 'sections.numbered']
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from disclosure_core.errors import UsageError
from disclosure_core.findings import MESSAGE, Finding, Findings, Message, Note, NoteKind, Outcome
from disclosure_core.layouts import CellAddress, Layout, find_layout
from disclosure_core.model import Report
from disclosure_core.rules.context import Context, Result, figures_of
from disclosure_core.rules.evidence import failure_note
from disclosure_core.rules.fingerprints import fingerprint as fingerprint_of
from disclosure_core.rules.instances import CompiledRules, Instance, compile_rules
from disclosure_core.rules.locate import Fix, locate, suggestions_for
from disclosure_core.rules.messages import message
from disclosure_core.rules.report_facts import report_facts
from disclosure_core.rules.spec import RuleSet
from disclosure_core.rules.waiting import Waiting, learned, waits

_COMPILED: weakref.WeakKeyDictionary[RuleSet, dict[str, tuple[Layout, CompiledRules]]] = weakref.WeakKeyDictionary()
BLANK_AS_ZERO_NOTE = Note.of(NoteKind.BLANK_AS_ZERO)
ZERO_POLICY_NOTE = Note.of(NoteKind.ZERO_POLICY)


def compiled_for(rule_set: RuleSet, layout: Layout) -> CompiledRules:
    """The rule set compiled for a layout, once, and kept for as long as the rule set lives.

    Keyed by the layout object, not its id: two registries may hold different layouts of one id.
    """
    per_layout = _COMPILED.setdefault(rule_set, {})
    kept = per_layout.get(layout.id)
    if kept is None or kept[0] is not layout:
        kept = per_layout[layout.id] = (layout, compile_rules(rule_set, layout))
    return kept[1]


def check(
    report: Report,
    *,
    rules: RuleSet,
    layouts: Mapping[str, Layout],
    previous: Report | None = None,
    blank_as_zero: bool = False,
    disabled: Iterable[str] = (),
) -> Findings:
    """Check a report (against last year's, when given) with ``rules`` and return every rule instance's outcome.

    ``layouts`` holds the report's format (and the previous report's); ``disabled`` switches off rules, by
    rule id or instance id. Checking never raises for bad data: it raises :class:`UsageError` only for an
    unknown format or a previous report of another body or year.

    The instances are first tested by the rule set's generated code (:mod:`disclosure_core.rules.codegen`);
    only those that do not pass there, and those of kinds that emit no code, are evaluated in detail.

    >>> from disclosure_core import Body, Report
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells(
    ...     {"appeals.review.upheld": 1, "appeals.review.corrected": 0, "appeals.review.other": 0, "appeals.review.pending": 1, "appeals.review.total": 3}
    ... )
    >>> from disclosure_core import official_layouts
    >>> from disclosure_core.rules.sets import builtin_rule_set
    >>> findings = check(report, rules=builtin_rule_set(), layouts=official_layouts())
    >>> finding = next(f for f in findings.all if f.rule == "appeals.group_total.review")
    >>> finding.outcome.value, finding.lhs, finding.rhs, finding.difference
    ('fail', 3, 2, 1)
    """
    layout = _layout(layouts, report.format)
    previous_layout = None
    if previous is not None:
        _check_previous(report, previous)
        previous_layout = _layout(layouts, previous.format)
    compiled = compiled_for(rules, layout)
    plan = compiled.plan(report.year, report.body.level.value, disabled)
    program = compiled.program
    inline = program.inline
    cells = report.tables.cells
    figures = figures_of(report) if program.figures else None
    yoy = 0 if previous is None else 1 if previous_layout is layout else 2
    try:
        facts = report_facts(report) if program.facts else _NONE
        failed, empty, unverified, broken, noted = program.run(
            cells, previous.tables.cells if previous else _NONE, figures or _NONE, facts, yoy, blank_as_zero
        )
    except Exception:  # odd data the code cannot compare (a NaN amount), a fact that breaks: the interpreter decides
        failed, empty, unverified, broken, noted = list(range(len(inline))), [], [], [], []
    position = plan.position
    findings: list[Finding] | None = None
    instances = compiled.instances
    at = plan.at  # each tested instance's place among the findings (a spare one past the end if it does not apply)
    if empty:
        findings = [*plan.passed, _SPARE]
        empties = compiled.inline_empty
        for p in empty:
            findings[at[p]] = empties[p]
    todo = [index for p in failed if (index := inline[p]) in position]
    if plan.interpreted:
        todo += plan.interpreted
        todo.sort()
    if not todo and not unverified and not broken and not noted:
        return Findings(plan.passed if findings is None else tuple(findings[:-1]))
    ctx = Context(report, layout, cells, layouts, previous, previous_layout, blank_as_zero, figures)
    if findings is None:
        findings = [*plan.passed, _SPARE]
    details = _Details(ctx, compiled)
    ids = compiled.inline_ids
    for sure, decided in ((unverified, Outcome.NOT_VERIFIABLE), (noted, Outcome.PASS)):
        for p in sure:  # decided for sure: nothing to evaluate until the finding is shown
            findings[at[p]] = _pending(ids[p], decided, details)
    applying, tested = len(plan.order), compiled.inline
    for p in broken:
        findings[at[p]] = _pending(ids[p], Outcome.FAIL, details)
        if at[p] < applying and tested[p].locatable:
            details.failing.append(tested[p])
    for index in todo:
        instance = instances[index]
        outcome = details.outcome(instance)
        if outcome is Outcome.EMPTY:
            findings[position[index]] = instance.empty
        elif outcome is not None:
            findings[position[index]] = details.finding(instance, outcome)
    return Findings(tuple(findings[:-1]))


_NONE: Mapping[Any, Any] = MappingProxyType({})
_WAITING: dict[int, Waiting] = {}
"""The kept words of findings waiting for last year's report, by instance (its id; the instance is kept too)."""
_pending = Finding.pending
_SPARE: Any = None


class _Details:
    """What one check knows beyond the outcomes, worked out only when a finding is shown.

    The outcome of each instance the generated code did not pass is found without building anything
    (``Check.outcome``, for the kinds that have it); its finding is pending (:meth:`Finding.pending`): its cells,
    numbers, culprits and notes are made when first asked for — the culprits from every failing instance of
    the check at once, as :func:`locate` needs — and its message and fingerprint after that.
    """

    def __init__(self, ctx: Context, compiled: CompiledRules) -> None:
        self.ctx = ctx
        self.compiled = compiled
        self.results: dict[int, Result | None] = {}
        self.failing: list[Instance] = []
        self._fixes: Mapping[CellAddress, Fix] | None = None

    def outcome(self, instance: Instance) -> Outcome | None:
        """The instance's outcome (None for a pass); its detailed result kept when it took one to know."""
        quick = getattr(instance.check, "outcome", None)
        if quick is None:
            result = self.results[instance.index] = _evaluate(instance, self.ctx)
            outcome = result.outcome if result is not None else None
        else:
            try:
                outcome = quick(self.ctx)
            except Exception:
                outcome = Outcome.RULE_ERROR
        if outcome is Outcome.FAIL and instance.locatable:
            self.failing.append(instance)
        return outcome

    def result(self, instance: Instance) -> Result:
        """The instance's detailed result (evaluated once)."""
        index = instance.index
        if index not in self.results:
            self.results[index] = _evaluate(instance, self.ctx)
        result = self.results[index]
        assert result is not None, f"{instance.id}: its outcome was not a pass, its evaluation is"
        return result

    def fixes(self) -> Mapping[CellAddress, Fix]:
        """The located culprits of every failing instance of this check."""
        if self._fixes is None:
            # In instance order, as the interpreter finds them (decided in code or evaluated).
            failing = [(i, self.result(i)) for i in sorted(self.failing, key=_index)]
            self._fixes = locate(self.ctx, self.compiled, failing) if failing else {}
        return self._fixes

    def finding(self, instance: Instance, outcome: Outcome) -> Finding:
        """The instance's pending finding (:meth:`Finding.pending`): this object makes its fields (nothing is
        allocated per finding but the finding)."""
        return _pending(instance.id, outcome, self)

    def __call__(self, finding: Finding) -> Mapping[str, Any]:
        """The rule's fields of one of this check's pending findings, and the maker of the rest (or the rest
        itself, for a finding waiting for last year's report whose words are kept: :mod:`.waiting`)."""
        instance = self.compiled.by_id[finding.rule]
        passed = instance.passed
        fields = {
            "severity": passed.severity,
            "table": passed.table,
            "base": passed.base,
            "basis": passed.basis,
            "title": passed.message,  # a pass's message is its rule's title
            "_deferred": self.details,
        }
        if finding.outcome is Outcome.NOT_VERIFIABLE and self.ctx.previous is None:
            kept = _WAITING.get(id(instance))  # kept only for an instance that waits (learned() below)
            if kept is not None and kept.instance is instance:
                fields.update(kept.made(self.ctx))
        return fields

    def details(self, finding: Finding) -> Mapping[str, Any]:
        """The details of one of this check's pending findings."""
        instance = self.compiled.by_id[finding.rule]
        result = self.result(instance)
        outcome = finding.outcome
        assert result.outcome is outcome, f"{instance.id}: {outcome} at first, {result.outcome} in detail"
        fixes = self.fixes() if outcome is Outcome.FAIL and instance.locatable else {}
        fields = _details(self.ctx, instance, result, fixes)
        if outcome is Outcome.NOT_VERIFIABLE and waits(instance, self.ctx):
            # The first of this instance's findings waiting for last year's report: made in full, words too,
            # and what recurs kept for the next reports.
            fields = {**fields, **fields["_deferred"](finding), "_deferred": None}
            kept = learned(instance, self.ctx, result, fields)
            if kept is not None:
                if len(_WAITING) > 50_000:  # many rule sets compiled in one process: keep memory bounded
                    _WAITING.clear()
                _WAITING[id(instance)] = kept
        return fields


def _index(instance: Instance) -> int:
    return instance.index


def evaluate_interpreted(
    report: Report,
    *,
    rules: RuleSet,
    layouts: Mapping[str, Layout],
    previous: Report | None = None,
    blank_as_zero: bool = False,
) -> Findings:
    """:func:`check` without the generated code: every instance evaluated by the interpreter.

    The reference the generated code is tested against (``tests/rules/test_rules_codegen.py``); slower.
    """
    layout = _layout(layouts, report.format)
    previous_layout = None
    if previous is not None:
        _check_previous(report, previous)
        previous_layout = _layout(layouts, previous.format)
    compiled = compiled_for(rules, layout)
    plan = compiled.plan(report.year, report.body.level.value, ())
    ctx = Context(report, layout, report.tables.cells, layouts, previous, previous_layout, blank_as_zero)
    evaluated = [(i, r) for i in (compiled.instances[index] for index in plan.order) if (r := _evaluate(i, ctx))]
    failing = [(i, r) for i, r in evaluated if r.outcome is Outcome.FAIL and i.locatable]
    fixes = locate(ctx, compiled, failing) if failing else {}
    findings = list(plan.passed)
    for instance, result in evaluated:
        at = plan.position[instance.index]
        findings[at] = instance.empty if result.outcome is Outcome.EMPTY else _finding(ctx, instance, result, fixes)
    return Findings(tuple(findings))


def _evaluate(instance: Instance, ctx: Context) -> Result | None:
    """One instance's result; a rule that breaks on odd data ends ``rule_error``, it never stops the check."""
    try:
        return instance.check.evaluate(ctx)
    except Exception as exc:
        return Result(Outcome.RULE_ERROR, notes=(failure_note(exc),))


def _layout(layouts: Mapping[str, Layout], format_id: str) -> Layout:
    return find_layout(layouts, format_id)


def _check_previous(report: Report, previous: Report) -> None:
    if previous.year != report.year - 1:
        raise UsageError.keyed("yearly.year", given=previous.year, expected=report.year - 1)
    if previous.body.name != report.body.name:
        raise UsageError.keyed("yearly.body", given=previous.body.name, expected=report.body.name)


def _finding(ctx: Context, instance: Instance, result: Result, fixes: Mapping[CellAddress, Fix]) -> Finding:
    """A non-passing finding; its message and fingerprint are made when first asked for."""
    rule = instance.rule
    fields = _details(ctx, instance, result, fixes)
    words = fields.pop("_deferred")
    return Finding.lazy(
        lambda: words(None),
        MESSAGE,
        rule=instance.id,
        severity=rule.severity,
        outcome=result.outcome,
        table=rule.table,
        base=rule.id,
        basis=rule.basis,
        title=rule.title,
        **fields,
    )


def _details(ctx: Context, instance: Instance, result: Result, fixes: Mapping[CellAddress, Fix]) -> dict[str, Any]:
    """A finding's fields beyond its rule and outcome; ``_deferred`` makes its message and fingerprint."""
    rule = instance.rule
    culprits, suggestions = result.culprits, result.suggestions
    if result.outcome is Outcome.FAIL and instance.locatable:
        culprits, suggestions = suggestions_for(ctx, [u.cell for u in result.uses if u.report == "current"], fixes)
    notes = result.notes
    if result.assumed_zero:
        notes = (*notes, BLANK_AS_ZERO_NOTE if ctx.blank_as_zero else ZERO_POLICY_NOTE)

    def make(_: Finding) -> dict[str, Any]:
        words = {**instance.words, "title": (rule.title.zh, rule.title.en), **result.words}
        if result.later is not None:
            words.update(result.later())
        if result.outcome is Outcome.FAIL:
            said = message(rule.message, words)
        else:  # the title and what is missing: the same words report after report (recurring)
            said = recurring(_not_verified(rule.title, result), words)
        return {"message": said, "fingerprint": fingerprint(instance.id, result)}

    return {
        "cells": result.uses,
        "lhs": result.lhs,
        "rhs": result.rhs,
        "difference": result.difference,
        "culprits": culprits,
        "suggestions": suggestions,
        "notes": notes,
        "op": result.op,
        "missing": result.missing,
        "blank_as_zero": result.assumed_zero and ctx.blank_as_zero,
        "_deferred": make,
    }


_RULE_ERROR = Message("规则无法求值：{title}", "the rule could not be evaluated: {title}")
_NOT_VERIFIABLE = Message("无法核验：{title}（缺少：{missing}）", "not verifiable: {title} (missing: {missing})")


_SAID: dict[tuple[Any, ...], Message] = {}


def recurring(template: Message, words: Mapping[str, Any]) -> Message:
    """``message(template, words)``, kept: the message of a finding that did not fail is its rule's title and
    what is missing (last year's report, mostly), the same words in every report of a batch.

    >>> said = recurring(_NOT_VERIFIABLE, {"title": ("标题", "title"), "missing": ("上年报告", "last year")})
    >>> said.en, recurring(_NOT_VERIFIABLE, {"title": ("标题", "title"), "missing": ("上年报告", "last year")}) is said
    ('not verifiable: title (missing: last year)', True)
    """
    key = (template.zh, template.en, *words.items())
    try:
        said = _SAID.get(key)
    except TypeError:  # a kind's words that cannot be a key (a list): filled every time
        return message(template, words)
    if said is None:
        if len(_SAID) > 4096:  # missing cells vary with the data: the cache must stay small
            _SAID.clear()
        said = _SAID[key] = message(template, words)
    return said


def _not_verified(title: Message, result: Result) -> Message:
    """The message of a finding that did not fail: a pass (made reading blanks as 0) shows the title."""
    if result.outcome is Outcome.RULE_ERROR:
        return _RULE_ERROR
    if result.outcome is Outcome.PASS:
        return title
    return _NOT_VERIFIABLE


def fingerprint(instance_id: str, result: Result) -> str:
    """A stable id for a finding: the rule instance, its outcome and the values it read (16 hex digits,
    :mod:`disclosure_core.rules.fingerprints`).

    >>> from disclosure_core.findings import CellUse
    >>> from disclosure_core.values import Count
    >>> fingerprint("a.b", Result(Outcome.FAIL, (CellUse(CellAddress("a", "b", "c"), Count(3)),), 3, 2))
    '61fa45e6b4dd2c7b'
    """
    return fingerprint_of(instance_id, result.outcome, result.uses, result.lhs, result.rhs)
