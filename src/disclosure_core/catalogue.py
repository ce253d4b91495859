"""The message catalogue: every word a command prints, keyed, in Chinese and English, with named placeholders.

Outputs never spell a sentence themselves: they ask :func:`say` (one language) or :func:`words` (both, as a
:class:`~disclosure_core.text.Text`) for a key and hand it the values. One language at a time: the zh entry
holds no English word except ids, units and names (a test renders every entry with sample values and checks
it), and both languages take the same placeholders. The layout and rule data keep their own bilingual
labels; this table holds the words of the program itself. The tables themselves are in
:mod:`disclosure_core.catalogue_entries`.

>>> say("outcome.not_verifiable"), say("outcome.not_verifiable", "en")
('无法核验', 'not verifiable')
>>> say("findings.suggest", "zh", cell="行政许可·处理决定数量", before=10125, after=10215, kind="数字颠倒", confidence="0.8")
'建议核对：行政许可·处理决定数量 10125 → 10215（数字颠倒，置信度 0.8）'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Self

from disclosure_core._catalogue_readings import reading_reason
from disclosure_core._catalogue_reasons import reason
from disclosure_core._language import LANGUAGE_VARIABLE, LANGUAGES, language
from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.text import Text
from disclosure_core.values import Provenance

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class UnknownMessage(KeyError):
    """A key the catalogue does not hold, or a placeholder left without a value (a bug of the caller)."""


class WordedError(ValueError):
    """A ValueError whose message comes from the catalogue: ``str()`` is the English, ``words`` both languages
    and ``key`` the catalogue's key (the base of the rule compiler's own errors, which become a
    :class:`~disclosure_core.errors.RuleSetError` naming the file and the rule).

    >>> error = WordedError.keyed("lint.same_sides")
    >>> str(error), error.words.zh, error.key
    ('both sides are the same', '两边相同', 'lint.same_sides')
    """

    words: Text | None = None
    key: str = ""

    @classmethod
    def keyed(cls, key: str, /, **values: object) -> Self:
        """The error whose message is the catalogue's ``key`` filled with ``values``."""
        said = words(key, **values)
        error = cls(said.en)
        error.words, error.key = said, key
        return error


def said_of(error: BaseException) -> Text:
    """What an error says, in both languages: its catalogue words, or its one wording in both.

    >>> said_of(WordedError.keyed("lint.constants")).zh, said_of(KeyError("x")).zh
    ('只比较常数', "'x'")
    """
    found = getattr(error, "words", None)
    if isinstance(found, Text):
        return found
    text = getattr(error, "text", None)
    if callable(text):
        return Text(str(text("zh")), str(error))
    return Text(str(error), str(error))


def entry(key: str) -> Text:
    """The catalogue's entry for ``key``, both languages unfilled.

    >>> entry("outcome.fail")
    Text(zh='不符', en='fails')
    """
    try:
        return ENTRIES[key]
    except KeyError:
        raise UnknownMessage(key) from None


def placeholders(template: str) -> set[str]:
    """The names a catalogue template uses.

    >>> sorted(placeholders("{count} 项（{rules}）"))
    ['count', 'rules']
    """
    return set(_PLACEHOLDER.findall(template))


def show(value: object) -> str:
    """A value as the catalogue writes it: numbers without exponent or trailing zeros, None as —.

    The one number display of the program: counts, money and percentages all go through it.

    >>> show(Decimal("32.0500")), show(7), show(None), show("自然人")
    ('32.05', '7', '—', '自然人')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value else "—"
    return str(value)


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by its value; :class:`UnknownMessage` for a missing one.

    >>> fill("{a} → {b}", {"a": 1, "b": Decimal("2.50")})
    '1 → 2.5'
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise UnknownMessage(f"{name} (in {template!r})")
        return show(values[name])

    return _PLACEHOLDER.sub(replace, template)


def say(key: str, lang: str = "zh", /, **values: object) -> str:
    """The message ``key`` in ``lang`` ("zh" or "en"), its placeholders filled from ``values``.

    >>> say("findings.tally.outcome", "en", passed=26, failed=4, not_verifiable=17, rule_error=0, empty=53)
    'outcomes: 26 pass, 4 fail, 17 not verifiable, 0 rule errors, 53 not filled in'
    """
    return fill(entry(key).text(lang), values)


def words(key: str, /, **values: object) -> Text:
    """The message ``key`` in both languages (values that differ by language given as :class:`Text`).

    >>> words("note.expected_format", expected=Text("gov-2021", "gov-2021")).zh
    '按报告年度应使用 gov-2021 格式'
    """
    template = entry(key)
    return Text(
        fill(template.zh, {k: v.zh if isinstance(v, Text) else v for k, v in values.items()}),
        fill(template.en, {k: v.en if isinstance(v, Text) else v for k, v in values.items()}),
    )


def place(where: Provenance | None, lang: str = "zh") -> str:
    """Where something was read, in ``lang``: the file, then page, line and cell.

    >>> where = Provenance("a.txt", page=2, line=63, cell="R5C2")
    >>> place(where), place(where, "en")
    ('a.txt，第 2 页，第 63 行，单元格 R5C2', 'a.txt, page 2, line 63, cell R5C2')
    """
    if where is None:
        return ""
    parts = [where.source or "<input>"]
    for part in ("page", "line", "cell"):
        value = getattr(where, part)
        if value is not None:
            parts.append(say(f"place.{part}", lang, **{part: value}))
    return ("，" if lang != "en" else ", ").join(parts)


def place_of(source: str, /, **parts: object) -> Text:
    """A place in an input for an error's ``where``, in both languages: the file, then ``page``, ``line``,
    ``byte`` or ``object`` (a PDF object) as given.

    >>> place_of("a.txt", line=1)
    Text(zh='a.txt，第 1 行', en='a.txt: line 1')
    """
    zh, en = [source], [source]
    for part, value in parts.items():
        said = words(f"place.{part}", **{part: value})
        zh.append(said.zh)
        en.append(said.en)
    return Text("，".join(zh), ": ".join(en))


def choices(values: Iterable[str]) -> Text:
    """Values a user may type (ids, option values), listed in both languages: as code in Chinese, so an id
    such as ``county`` never reads as an English word in a Chinese sentence.

    >>> choices(["zh", "en"])
    Text(zh='`zh`、`en`', en='zh, en')
    """
    values = list(values)
    return Text("、".join(f"`{value}`" for value in values), ", ".join(values))


def join(items: list[str], lang: str = "zh") -> str:
    """Items joined with the language's list separator.

    >>> join(["一", "二"]), join(["a", "b"], "en")
    ('一、二', 'a, b')
    """
    return ("、" if lang != "en" else ", ").join(items)


__all__ = [
    "LANGUAGES",
    "LANGUAGE_VARIABLE",
    "Text",
    "WordedError",
    "choices",
    "entry",
    "fill",
    "join",
    "language",
    "place",
    "place_of",
    "placeholders",
    "reading_reason",
    "reason",
    "said_of",
    "say",
    "show",
    "words",
]
