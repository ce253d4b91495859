"""The rule vocabulary: a rule set is a list of rules, each with metadata and one declarative body.

These classes are what a rule file (TOML, see ``docs/rules.md``) is read into; nothing here evaluates.

>>> Applicability(formats=("gov-2021",)).covers("gov-2021", 2025, "county")
True
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from disclosure_core.findings import Message, Severity


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
class Relation:
    """sum / balance / compare / year_over_year / expression: ``lhs op rhs`` over expressions.

    For sum and balance the loader builds the two sides from the listed terms; ``previous`` marks a rule
    that needs the previous year's report.
    """

    lhs: str
    op: str
    rhs: str
    previous: bool = False


@attrs.frozen
class Threshold:
    """Each selected cell (or fact) compared with a constant."""

    cells: str
    op: str
    value: int | str


@attrs.frozen
class Required:
    """Sections that must be present, cells that must hold numbers, or a table that must not be all blank.

    ``numbered`` also asks each listed section's heading to begin with its official number (一、…六、).
    """

    sections: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    any_of: str | None = None
    numbered: bool = False


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


@attrs.frozen
class Deadline:
    """Publication by a month-day of the following year, by body level; a level not listed cannot be checked."""

    by_level: Mapping[str, str]


@attrs.frozen
class FormatYear:
    """The report uses the format version prescribed for its year."""


@attrs.frozen
class Pattern:
    """Rows of one table that should follow one of ``alternatives`` (expressions over ``{row}``).

    A row that follows none while at least ``min_followers`` siblings do is reported (as information).
    """

    table: str
    rows: tuple[str, ...]
    alternatives: tuple[str, ...]
    min_followers: int = 2


@attrs.frozen
class Unit:
    """Money cells must be stated in ``unit`` (a 元 figure in a 万元 column is a unit slip)."""

    cells: str
    unit: str


Body = Relation | Threshold | Required | Narrative | Deadline | FormatYear | Pattern | Unit

KINDS = (
    "sum",
    "balance",
    "compare",
    "threshold",
    "required",
    "year_over_year",
    "narrative",
    "deadline",
    "format",
    "expression",
    "pattern",
    "unit",
)


@attrs.frozen
class Dimension:
    """A dimension a rule is expanded over: a variable name and its values (ids)."""

    name: str
    source: str
    values: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()


@attrs.frozen
class Rule:
    """One rule as written: id, severity, bilingual title and message template, basis, scope and body."""

    id: str
    kind: str
    severity: Severity
    title: Message
    message: Message
    basis: str
    body: Body
    applies: Applicability = Applicability()
    expand: tuple[Dimension, ...] = ()
    missing: MissingPolicy = MissingPolicy.NOT_VERIFIABLE
    table: str | None = None
    origin: str = ""
    explanation: str = ""


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
