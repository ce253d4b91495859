"""Linting a rule set against the layouts it applies to, without any report.

Finds what parsing alone cannot: references to cells a layout lacks, expanded ids that collide, message
placeholders no finding fills, and rules that can never fail (``a == a``, ``0 <= 1``, a pattern of fewer
rows than it needs). Every problem is a :class:`RuleSetError` naming file, rule and problem.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core.rules.loader import parse_rule_set
>>> bad = parse_rule_set('''[[rules]]
... id = "x.same"
... kind = "compare"
... severity = "error"
... title = { zh = "x", en = "x" }
... message = { zh = "x", en = "x" }
... basis = "test"
... left = "appeals.review.total"
... op = "=="
... right = "appeals.review.total"''', origin="x.toml")
>>> lint(bad, [builtin_layout("gov-2021")])
Traceback (most recent call last):
...
disclosure_core.errors.RuleSetError: x.toml: rule 'x.same' (gov-2021): can never fail: both sides are the same
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.errors import RuleSetError
from disclosure_core.layouts import Layout
from disclosure_core.rules.arithmetic import RelationCheck
from disclosure_core.rules.compile import COMPARE
from disclosure_core.rules.instances import Instance, compile_rules
from disclosure_core.rules.messages import placeholders
from disclosure_core.rules.spec import Pattern, Rule, RuleSet

COMMON_WORDS = {"title", "missing", "arithmetic", "lhs", "rhs", "difference"}
KIND_WORDS: dict[str, set[str]] = {
    "threshold": {"cells"},
    "required": {"sections", "numerals", "cells", "count"},
    "narrative": {"stated", "quote", "percent", "base", "figure"},
    "deadline": {"level", "published", "deadline", "days"},
    "format": {"format", "year", "expected"},
    "pattern": {"breaking", "followers", "expected"},
    "unit": {"cells", "unit", "stated"},
}
"""The placeholders each kind of rule fills, besides the common ones and its dimensions (``x``, ``x_label``)."""


def lint(rule_set: RuleSet, layouts: Iterable[Layout]) -> RuleSet:
    """Compile ``rule_set`` for every layout and check what compiling cannot; return it unchanged."""
    for rule in rule_set.rules:
        _check_words(rule)
        if isinstance(rule.body, Pattern) and len(rule.body.rows) <= rule.body.min_followers:
            raise RuleSetError(
                f"{rule.origin}: rule {rule.id!r}: can never fail: a pattern needs more rows than min_followers"
            )
    for layout in layouts:
        for instance in compile_rules(rule_set, layout).instances:
            _never_fails(instance, layout)
    return rule_set


def _check_words(rule: Rule) -> None:
    known = COMMON_WORDS | KIND_WORDS.get(rule.kind, set())
    known |= {name for d in rule.expand for name in (d.name, f"{d.name}_label")}
    for lang in ("zh", "en"):
        unknown = sorted(placeholders(getattr(rule.message, lang)) - known)
        if unknown:
            raise RuleSetError(
                f"{rule.origin}: rule {rule.id!r}: message.{lang} uses unknown placeholder {{{unknown[0]}}}"
            )


def _never_fails(instance: Instance, layout: Layout) -> None:
    check = instance.check
    if not isinstance(check, RelationCheck) or check.rhs is None:
        return
    left, right = check.lhs.linear, check.rhs.linear
    if left is None or right is None:
        return
    difference = left.combine(right, -1)
    if difference.terms:
        return
    rule = instance.rule
    if left.terms and set(left.terms) == set(right.terms):
        raise RuleSetError(f"{rule.origin}: rule {rule.id!r} ({layout.id}): can never fail: both sides are the same")
    if COMPARE[check.op](difference.constant, 0):
        raise RuleSetError(f"{rule.origin}: rule {rule.id!r} ({layout.id}): can never fail: it compares constants")
