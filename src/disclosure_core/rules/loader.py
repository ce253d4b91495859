"""Reading rule files (TOML) into :class:`~disclosure_core.rules.spec.RuleSet`, with one-line errors.

Every error names the file, the rule and the place: ``hubei.toml: rule 'x.y' ($.rules[3].op): unknown
operator '=>'``. Structure is checked here; what needs a layout (cells exist, rules can fail) is checked
by :mod:`disclosure_core.rules.lint`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

from disclosure_core.errors import RuleSetError
from disclosure_core.findings import Message, Severity
from disclosure_core.rules.expr import COMPARISONS, ExpressionError, parse
from disclosure_core.rules.spec import (
    KINDS,
    Applicability,
    Body,
    Deadline,
    Dimension,
    FormatYear,
    MissingPolicy,
    Narrative,
    Pattern,
    Relation,
    Required,
    Rule,
    RuleSet,
    Threshold,
    Unit,
)

_COMMON = {"id", "kind", "severity", "title", "message", "basis", "formats", "years", "levels", "expand"}
_COMMON |= {"missing", "table", "explanation"}
_BODY_KEYS: dict[str, set[str]] = {
    "sum": {"whole", "parts"},
    "balance": {"left", "right"},
    "compare": {"left", "op", "right"},
    "year_over_year": {"left", "op", "right"},
    "expression": {"expr"},
    "threshold": {"cells", "op", "value"},
    "required": {"sections", "cells", "any_of", "numbered"},
    "narrative": {"figure", "measure", "against", "fallback"},
    "deadline": {"by_level"},
    "format": set(),
    "pattern": {"rows", "alternatives", "min_followers"},
    "unit": {"cells", "unit"},
}
_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
_MONTH_DAY = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def parse_rule_set(text: str, *, origin: str) -> RuleSet:
    """Parse a rule file's text; ``origin`` names it in errors.

    >>> parse_rule_set('[[rules]]\\nid = "x"\\nkind = "magic"', origin="x.toml")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RuleSetError: x.toml: rule 'x' ($.rules[0].kind): unknown kind 'magic' (one of: sum, balance, compare, threshold, required, year_over_year, narrative, deadline, format, expression, pattern, unit)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{origin}: {exc}") from None
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


class _RuleReader:
    """Reads one ``[[rules]]`` table, keeping its place for error messages."""

    def __init__(self, origin: str, index: int, data: Any) -> None:
        self.origin = origin
        self.path = f"$.rules[{index}]"
        if not isinstance(data, Mapping):
            raise RuleSetError(f"{origin}: {self.path}: expected a table")
        self.data: Mapping[str, Any] = data
        self.id = str(data.get("id", "?"))

    def fail(self, key: str, problem: str) -> RuleSetError:
        where = f"{self.path}.{key}" if key else self.path
        return RuleSetError(f"{self.origin}: rule {self.id!r} ({where}): {problem}")

    def get(self, key: str, default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        return self.data[key]

    def string(self, key: str, default: Any = ...) -> Any:
        value = self.get(key, default)
        if value is not default and (not isinstance(value, str) or not value):
            raise self.fail(key, f"expected a non-empty string, got {value!r}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise self.fail(key, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def message(self, key: str) -> Message:
        value = self.get(key)
        if not isinstance(value, Mapping) or set(value) != {"zh", "en"}:
            raise self.fail(key, 'expected { zh = "…", en = "…" }')
        if not all(isinstance(v, str) and v for v in value.values()):
            raise self.fail(key, "zh and en must be non-empty strings")
        return Message(value["zh"], value["en"])

    def expression(self, key: str, text: str) -> str:
        try:
            parse(re.sub(r"\{\w+\}", "x", text))
        except ExpressionError as exc:
            raise self.fail(key, f"malformed expression {text!r}: {exc}") from None
        return text

    def rule(self) -> Rule:
        rule_id = self.string("id")
        if not _ID.fullmatch(rule_id):
            raise self.fail("id", "ids are lower-case words joined by dots, e.g. 'requests.balance'")
        kind = self.string("kind")
        if kind not in KINDS:
            raise self.fail("kind", f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
        extra = sorted(set(self.data) - _COMMON - _BODY_KEYS[kind])
        if extra:
            raise self.fail(extra[0], f"unknown key for a {kind} rule")
        severity = self.string("severity")
        if severity not in {s.value for s in Severity}:
            raise self.fail("severity", f"expected error, warning or info, got {severity!r}")
        missing = self.string("missing", "not_verifiable")
        if missing not in {m.value for m in MissingPolicy}:
            raise self.fail("missing", f"expected one of not_verifiable, zero, skip, got {missing!r}")
        table = self.string("table", None)
        return Rule(
            id=rule_id,
            kind=kind,
            severity=Severity(severity),
            title=self.message("title"),
            message=self.message("message"),
            basis=self.string("basis"),
            body=self.body(kind, table),
            applies=self.applicability(),
            expand=self.dimensions(),
            missing=MissingPolicy(missing),
            table=table,
            origin=self.origin,
            explanation=self.string("explanation", ""),
        )

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

    def op(self) -> str:
        op = self.string("op")
        if op not in COMPARISONS:
            raise self.fail("op", f"unknown operator {op!r} (one of: {', '.join(COMPARISONS)})")
        return str(op)

    def terms(self, key: str) -> str:
        """A list of cell references (each optionally with a leading ``-``) as one sum expression."""
        self.get(key)
        items = self.strings(key)
        if not items:
            raise self.fail(key, "expected at least one term")
        text = " + ".join(f"({item})" for item in items)
        return self.expression(key, text)

    def body(self, kind: str, table: str | None) -> Body:
        if kind == "sum":
            return Relation(self.expression("whole", self.string("whole")), "==", self.terms("parts"))
        if kind == "balance":
            return Relation(self.terms("left"), "==", self.terms("right"))
        if kind in {"compare", "year_over_year"}:
            lhs, rhs = self.expression("left", self.string("left")), self.expression("right", self.string("right"))
            uses_previous = "previous." in lhs + rhs
            if (kind == "year_over_year") != uses_previous:
                raise self.fail("kind", "year_over_year rules, and only they, refer to previous.* cells")
            return Relation(lhs, self.op(), rhs, previous=uses_previous)
        if kind == "expression":
            text = self.expression("expr", self.string("expr"))
            return Relation(text, "", "", previous="previous." in text)
        if kind == "threshold":
            value = self.get("value")
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise self.fail("value", f"expected an integer or a decimal string, got {value!r}")
            return Threshold(self.string("cells"), self.op(), value)
        if kind == "required":
            any_of = self.string("any_of", None)
            numbered = self.get("numbered", False)
            body = Required(self.strings("sections"), self.strings("cells"), any_of, bool(numbered))
            if not (body.sections or body.cells or body.any_of):
                raise self.fail("", "a required rule needs sections, cells or any_of")
            return body
        if kind == "narrative":
            measure = self.string("measure", "count")
            if measure not in {"count", "percent"}:
                raise self.fail("measure", f"expected count or percent, got {measure!r}")
            fallback = self.string("fallback", None)
            return Narrative(
                self.string("figure"),
                self.expression("against", self.string("against")),
                measure,
                fallback and self.expression("fallback", fallback),
            )
        if kind == "deadline":
            by_level = self.get("by_level")
            if not isinstance(by_level, Mapping) or not all(
                isinstance(v, str) and _MONTH_DAY.fullmatch(v) for v in by_level.values()
            ):
                raise self.fail("by_level", 'expected { level = "MM-DD", … }')
            return Deadline(dict(by_level))
        if kind == "pattern":
            if table is None:
                raise self.fail("table", "a pattern rule names its table")
            alternatives = tuple(self.expression("alternatives", a) for a in self.strings("alternatives"))
            minimum = self.get("min_followers", 2)
            if not isinstance(minimum, int) or minimum < 1:
                raise self.fail("min_followers", "expected a positive integer")
            return Pattern(table, self.strings("rows"), alternatives, minimum)
        if kind == "unit":
            return Unit(self.string("cells"), self.string("unit"))
        return FormatYear()
