"""The rule vocabulary: a rule set is a list of rules, each with metadata and one declarative body.

These classes are what a rule file (TOML, see ``docs/rules.md``) is read into; nothing here evaluates.
Each kind of rule defines its body beside its check, in :mod:`disclosure_core.rules.kinds`.

>>> Applicability(formats=("gov-2021",)).covers("gov-2021", 2025, "county")
True
"""

from __future__ import annotations

import enum

import attrs
from attrs import AttrsInstance

from disclosure_core.findings import Severity
from disclosure_core.text import Text


class MissingPolicy(enum.StrEnum):
    """What a rule does with a cell that holds no number.

    ``not_verifiable`` (the default) ends the instance not verifiable; ``zero`` reads a *blank* cell as 0
    and says so in the finding; ``skip`` leaves absent cells out (for rules over many cells, such as
    non-negativity, where an absent cell asserts nothing).
    """

    NOT_VERIFIABLE = "not_verifiable"
    ZERO = "zero"
    SKIP = "skip"


@attrs.frozen
class Applicability:
    """Which reports a rule applies to: format versions, report years and body levels (empty = all)."""

    formats: tuple[str, ...] = ()
    from_year: int | None = None
    to_year: int | None = None
    levels: tuple[str, ...] = ()

    def covers(self, format_id: str, year: int, level: str, parent_format: str | None = None) -> bool:
        """Whether a report of this format (or a variant of ``parent_format``), year and level is covered."""
        if self.formats and format_id not in self.formats and parent_format not in self.formats:
            return False
        if self.from_year is not None and year < self.from_year:
            return False
        if self.to_year is not None and year > self.to_year:
            return False
        return not self.levels or level in self.levels


@attrs.frozen
class Dimension:
    """A dimension a rule is expanded over: a variable name and its values (ids)."""

    name: str
    source: str
    values: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()


@attrs.frozen
class Rule:
    """One rule as written: id, severity, bilingual title and message template, basis, scope and body.

    ``kind`` is the word the file wrote (``sum``, ``threshold``, …); ``body`` is what that kind read.
    """

    id: str
    kind: str
    severity: Severity
    title: Text
    message: Text
    basis: str
    body: AttrsInstance
    applies: Applicability = Applicability()
    expand: tuple[Dimension, ...] = ()
    missing: MissingPolicy = MissingPolicy.NOT_VERIFIABLE
    table: str | None = None
    origin: str = ""
    explanation: Text | None = None
    """Why the rule is as it is, in both languages (a rule file may give one string for both)."""


@attrs.frozen(eq=False)
class RuleSet:
    """Rules read from one or more files, in file order (compared by identity: compiled forms are cached per set).

    >>> from disclosure_core.rules import builtin_rule_set
    >>> "requests.balance" in builtin_rule_set().ids()
    True
    """

    rules: tuple[Rule, ...]

    def ids(self) -> list[str]:
        """The rule ids, in order."""
        return [rule.id for rule in self.rules]

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; KeyError otherwise."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def without(self, disabled: set[str]) -> RuleSet:
        """The rule set minus the rules whose id is in ``disabled``."""
        return RuleSet(tuple(rule for rule in self.rules if rule.id not in disabled))

    def __add__(self, other: RuleSet) -> RuleSet:
        return RuleSet(self.rules + other.rules)
