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
from collections.abc import Mapping
from decimal import Decimal

from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.text import Text

LANGUAGES = ("zh", "en")
"""The languages of the catalogue; zh is the default."""

LANGUAGE_VARIABLE = "DISCLOSURE_LANG"
"""Environment variable: the language of every command's output (zh or en)."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class UnknownMessage(KeyError):
    """A key the catalogue does not hold, or a placeholder left without a value (a bug of the caller)."""


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


def language(environ: Mapping[str, str]) -> str:
    """The language of output by default: :data:`LANGUAGE_VARIABLE`, else the locale (en when LC_ALL, LC_MESSAGES
    or LANG starts with "en"), else zh.

    >>> language({}), language({"LANG": "en_US.UTF-8"}), language({"DISCLOSURE_LANG": "zh", "LANG": "en_GB"})
    ('zh', 'en', 'zh')
    """
    chosen = environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def join(items: list[str], lang: str = "zh") -> str:
    """Items joined with the language's list separator.

    >>> join(["一", "二"]), join(["a", "b"], "en")
    ('一、二', 'a, b')
    """
    return ("、" if lang != "en" else ", ").join(items)
