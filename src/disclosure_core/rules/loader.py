"""Reading rule files (TOML) into :class:`~disclosure_core.rules.spec.RuleSet`, with one-line errors.

The keys every rule has are read here; the body is read by the rule's kind (:mod:`disclosure_core.rules.kinds`).

Every error names the file, the rule and the place: ``hubei.toml: rule 'x.y' ($.rules[3].op): unknown
operator '=>'``. Structure is checked here; what needs a layout (cells exist, rules can fail) is checked
by :mod:`disclosure_core.rules.lint`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping

from disclosure_core.catalogue import choices, reason, words
from disclosure_core.errors import RuleSetError, long_number_place
from disclosure_core.findings import Severity
from disclosure_core.rules import kinds
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.file_schema import COMMON_KEYS
from disclosure_core.rules.spec import Applicability, Dimension, MissingPolicy, Rule, RuleSet
from disclosure_core.text import Text

_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


def parse_rule_set(text: str, *, origin: str) -> RuleSet:
    """Parse a rule file's text; ``origin`` names it in errors.

    >>> parse_rule_set('[[rules]]\\nid = "x"\\nkind = "magic"', origin="x.toml")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RuleSetError: x.toml: rule 'x' ($.rules[0].kind): unknown kind 'magic' (one of: sum, balance, compare, year_over_year, expression, threshold, required, narrative, deadline, format, pattern, unit, breakdown)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError.keyed("toml.malformed", where=origin, reason=reason(exc)) from None
    except RecursionError:
        raise RuleSetError.keyed("toml.nested", where=origin) from None
    except ValueError:  # an integer past Python's digit limit (4 300)
        raise RuleSetError.keyed("toml.long_number", where=origin, place=long_number_place(text)) from None
    extra = sorted(set(data) - {"rules", "title"})
    if extra:
        raise RuleSetError.keyed("rulefile.unknown_key", where=f"{origin}: $.{extra[0]}")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RuleSetError.keyed("rulefile.rules", where=f"{origin}: $.rules")
    rules = tuple(_RuleReader(origin, i, raw).rule() for i, raw in enumerate(raw_rules))
    return check_unique(RuleSet(rules))


def check_unique(rule_set: RuleSet) -> RuleSet:
    """Raise :class:`RuleSetError` when two rules share an id (naming both files)."""
    seen: dict[str, str] = {}
    for rule in rule_set.rules:
        if rule.id in seen:
            raise RuleSetError.keyed("rulefile.duplicate", where=rule.origin, rule=repr(rule.id), other=seen[rule.id])
        seen[rule.id] = rule.origin
    return rule_set


class _RuleReader(Fields):
    """Reads one ``[[rules]]`` table: the keys every rule has here, the body through its kind."""

    def rule(self) -> Rule:
        rule_id = self.string("id")
        if not _ID.fullmatch(rule_id):
            raise self.fail("id", words("rulefile.id"))
        word = self.string("kind")
        try:
            form = kinds.kind_of(word).form(word)
        except KeyError:
            raise self.fail("kind", words("rulefile.kind", kind=repr(word), known=choices(kinds.words()))) from None
        extra = sorted(set(self.data) - COMMON_KEYS - set(form.keys))
        if extra:
            raise self.fail(extra[0], words("rulefile.key_for", kind=word))
        severity = self.string("severity")
        if severity not in {s.value for s in Severity}:
            raise self.fail("severity", words("rulefile.severity", got=repr(severity)))
        missing = self.string("missing", "not_verifiable")
        if missing not in {m.value for m in MissingPolicy}:
            raise self.fail("missing", words("config.choice", choices="not_verifiable, zero, skip", got=repr(missing)))
        table = self.string("table", None)
        return Rule(
            id=rule_id,
            kind=word,
            severity=Severity(severity),
            title=self.text("title"),
            message=self.text("message"),
            basis=self.string("basis"),
            body=form.read(self),
            applies=self.applicability(),
            expand=self.dimensions(),
            missing=MissingPolicy(missing),
            table=table,
            origin=self.origin,
            explanation=self.explanation(),
        )

    def explanation(self) -> Text | None:
        """``{ zh = "…", en = "…" }`` like a title, or one string for both languages (third-party rule files)."""
        value = self.get("explanation", None)
        if value is None or isinstance(value, Mapping):
            return None if value is None else self.text("explanation")
        text = self.string("explanation")
        return Text(text, text)

    def applicability(self) -> Applicability:
        years = self.get("years", [None, None])
        if not isinstance(years, list) or len(years) != 2 or not all(y is None or isinstance(y, int) for y in years):
            raise self.fail("years", words("rulefile.years"))
        return Applicability(self.strings("formats"), years[0], years[1], self.strings("levels"))

    def dimensions(self) -> tuple[Dimension, ...]:
        raw = self.get("expand", {})
        if not isinstance(raw, Mapping):
            raise self.fail("expand", words("rulefile.expand"))
        dimensions = []
        for name, spec in raw.items():
            if isinstance(spec, list) and all(isinstance(v, str) for v in spec) and spec:
                dimensions.append(Dimension(name, "list", tuple(spec)))
            elif isinstance(spec, str) and re.fullmatch(r"\w+\.(rows|columns)", spec):
                dimensions.append(Dimension(name, spec))
            elif isinstance(spec, Mapping) and isinstance(spec.get("of"), str) and set(spec) <= {"of", "except"}:
                excluded = spec.get("except", [])
                dimensions.append(Dimension(name, spec["of"], (), tuple(excluded)))
            else:
                raise self.fail(f"expand.{name}", words("rulefile.dimension", form="{ of, except }"))
        return tuple(dimensions)
