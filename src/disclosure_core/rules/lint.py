"""Linting a rule set against the layouts it applies to, without any report.

Finds what parsing alone cannot: references to cells a layout lacks, expanded ids that collide, message
placeholders no finding fills, and rules that can never fail (``a == a``, ``0 <= 1``: each kind says when
its checks cannot). Every problem is a :class:`RuleSetError` naming file, rule and problem.

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
from disclosure_core.rules.instances import Instance, compile_rules
from disclosure_core.rules.kinds import kind_of
from disclosure_core.rules.messages import placeholders
from disclosure_core.rules.spec import Rule, RuleSet

COMMON_WORDS = {"title", "missing", "arithmetic", "lhs", "rhs", "difference"}
"""The placeholders every rule may use; each kind adds its own (``Kind.words``), and dimensions theirs."""


def lint(rule_set: RuleSet, layouts: Iterable[Layout]) -> RuleSet:
    """Compile ``rule_set`` for every layout and check what compiling cannot; return it unchanged."""
    for rule in rule_set.rules:
        _check_words(rule)
    for layout in layouts:
        for instance in compile_rules(rule_set, layout).instances:
            _never_fails(instance, layout)
    return rule_set


def _check_words(rule: Rule) -> None:
    known = COMMON_WORDS | kind_of(rule.kind).words
    known |= {name for d in rule.expand for name in (d.name, f"{d.name}_label")}
    for lang in ("zh", "en"):
        unknown = sorted(placeholders(getattr(rule.message, lang)) - known)
        if unknown:
            raise RuleSetError.keyed(
                "lint.placeholder", where=rule.origin, rule=repr(rule.id), lang=lang, name=f"{{{unknown[0]}}}"
            )


def _never_fails(instance: Instance, layout: Layout) -> None:
    rule = instance.rule
    problem = kind_of(rule.kind).never_fails(instance.check)
    if problem is not None:
        raise RuleSetError.keyed(
            "lint.never_fails", where=rule.origin, rule=repr(rule.id), layout=layout.id, problem=problem
        )
