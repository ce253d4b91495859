"""Reading the keys of one ``[[rules]]`` table, each error naming the file, the rule and the key.

The loader reads the keys every rule has; each kind reads its own through the same :class:`Fields`, so
every kind's errors look alike: ``x.toml: rule 'x.y' ($.rules[3].op): unknown operator '=>'``.

>>> fields = Fields("x.toml", 0, {"id": "x.y", "op": "=>"})
>>> fields.op()
Traceback (most recent call last):
...
disclosure_core.errors.RuleSetError: x.toml: rule 'x.y' ($.rules[0].op): unknown operator '=>' (one of: ==, !=, <=, >=, <, >)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from disclosure_core.catalogue import choices, said_of, words
from disclosure_core.errors import RuleSetError
from disclosure_core.rules.expr import COMPARISONS, Expr, ExpressionError, NestingError, parse, refs
from disclosure_core.text import Text


def template_expr(text: str) -> Expr:
    """An expression that may hold ``{var}`` placeholders, parsed with each placeholder as one name.

    >>> [ref.previous for ref in refs(template_expr("previous.requests.{row}.total - requests.{row}.total"))]
    [True, False]
    """
    return parse(re.sub(r"\{\w+\}", "x", text))


def reads_previous(*texts: str) -> bool:
    """Whether any of the (valid) expressions refers to the previous year's report."""
    return any(ref.previous for text in texts for ref in refs(template_expr(text)))


class Fields:
    """One rule table as read from TOML, keeping its place (file, index, id) for error messages."""

    def __init__(self, origin: str, index: int, data: Any) -> None:
        self.origin = origin
        self.path = f"$.rules[{index}]"
        if not isinstance(data, Mapping):
            raise RuleSetError.keyed("config.table", where=f"{origin}: {self.path}")
        self.data: Mapping[str, Any] = data
        self.id = str(data.get("id", "?"))

    def fail(self, key: str, problem: str | Text) -> RuleSetError:
        """The error for ``problem`` (the catalogue's words, or one wording) at ``key`` (the whole rule when
        ``key`` is empty)."""
        where = f"{self.path}.{key}" if key else self.path
        said = problem if isinstance(problem, Text) else Text(problem, problem)
        return RuleSetError.keyed("rulefile.at", rule=repr(self.id), where=self.origin, path=where, problem=said)

    def get(self, key: str, default: Any = ...) -> Any:
        """The raw value; without a default a missing key is an error."""
        if key not in self.data:
            if default is ...:
                raise self.fail(key, words("rulefile.missing"))
            return default
        return self.data[key]

    def string(self, key: str, default: Any = ...) -> Any:
        """A non-empty string (or ``default`` when the key is absent)."""
        value = self.get(key, default)
        if value is not default and (not isinstance(value, str) or not value):
            raise self.fail(key, words("rulefile.string", got=repr(value)))
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of non-empty strings (one string counts as a list of one; absent as none)."""
        value = self.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise self.fail(key, words("config.strings", got=repr(value)))
        return tuple(value)

    def text(self, key: str) -> Text:
        """A bilingual text ``{ zh = "…", en = "…" }``."""
        value = self.get(key)
        if not isinstance(value, Mapping) or set(value) != {"zh", "en"}:
            raise self.fail(key, words("rulefile.text", form='{ zh = "…", en = "…" }'))
        if not all(isinstance(v, str) and v for v in value.values()):
            raise self.fail(key, words("rulefile.text_empty"))
        return Text(value["zh"], value["en"])

    def expression(self, key: str, text: str) -> str:
        """``text`` when it parses as an expression (``{var}`` placeholders allowed), else an error."""
        try:
            refs(template_expr(text))  # walked once here, so that reading it later cannot overflow the stack
        except NestingError:
            raise self.fail(key, words("rulefile.nested")) from None
        except ExpressionError as exc:
            raise self.fail(key, words("rulefile.expression", text=repr(text), reason=said_of(exc))) from None
        except RecursionError:
            raise self.fail(key, words("rulefile.nested")) from None
        return text

    def op(self) -> str:
        """The comparison operator under ``op``."""
        op = self.string("op")
        if op not in COMPARISONS:
            raise self.fail("op", words("rulefile.op", op=repr(op), known=choices(COMPARISONS)))
        return str(op)

    def terms(self, key: str) -> str:
        """A list of cell references (each optionally with a leading ``-``) as one sum expression."""
        self.get(key)
        items = self.strings(key)
        if not items:
            raise self.fail(key, words("rulefile.terms"))
        text = " + ".join(f"({item})" for item in items)
        return self.expression(key, text)
