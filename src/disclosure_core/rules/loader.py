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
        raise RuleSetError(f"{origin}: {exc}") from None
    except RecursionError:
        raise RuleSetError(f"{origin}: TOML nested too deeply") from None
    except ValueError:  # an integer past Python's digit limit (4 300)
        raise RuleSetError(f"{origin}: {long_number_place(text)}an integer of more than 4300 digits") from None
    extra = sorted(set(data) - {"rules", "title"})
    if extra:
        raise RuleSetError(f"{origin}: $.{extra[0]}: unknown key")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RuleSetError(f"{origin}: $.rules: expected an array of tables")
    rules = tuple(_RuleReader(origin, i, raw).rule() for i, raw in enumerate(raw_rules))
    return check_unique(RuleSet(rules))


def check_unique(rule_set: RuleSet) -> RuleSet:
    """Raise :class:`RuleSetError` when two rules share an id (naming both files)."""
    seen: dict[str, str] = {}
    for rule in rule_set.rules:
        if rule.id in seen:
            raise RuleSetError(f"{rule.origin}: rule {rule.id!r}: duplicate id (also in {seen[rule.id]})")
        seen[rule.id] = rule.origin
    return rule_set


class _RuleReader(Fields):
    """Reads one ``[[rules]]`` table: the keys every rule has here, the body through its kind."""

    def rule(self) -> Rule:
        rule_id = self.string("id")
        if not _ID.fullmatch(rule_id):
            raise self.fail("id", "ids are lower-case words joined by dots, e.g. 'requests.balance'")
        word = self.string("kind")
        try:
            form = kinds.kind_of(word).form(word)
        except KeyError:
            raise self.fail("kind", f"unknown kind {word!r} (one of: {', '.join(kinds.words())})") from None
        extra = sorted(set(self.data) - COMMON_KEYS - set(form.keys))
        if extra:
            raise self.fail(extra[0], f"unknown key for a {word} rule")
        severity = self.string("severity")
        if severity not in {s.value for s in Severity}:
            raise self.fail("severity", f"expected error, warning or info, got {severity!r}")
        missing = self.string("missing", "not_verifiable")
        if missing not in {m.value for m in MissingPolicy}:
            raise self.fail("missing", f"expected one of not_verifiable, zero, skip, got {missing!r}")
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
            raise self.fail("years", "expected [first, last] (integers; omit the key for every year)")
        return Applicability(self.strings("formats"), years[0], years[1], self.strings("levels"))

    def dimensions(self) -> tuple[Dimension, ...]:
        raw = self.get("expand", {})
        if not isinstance(raw, Mapping):
            raise self.fail("expand", "expected a table of variable = dimension")
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
                raise self.fail(f"expand.{name}", 'expected "table.rows", "table.columns", a list, or { of, except }')
        return tuple(dimensions)
