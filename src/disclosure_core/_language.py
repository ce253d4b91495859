"""Which language output is in by default: the environment read without importing anything heavy, so the
CLI can decide it before ``disclosure --version`` (the catalogue re-exports these names)."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("zh", "en")
"""The languages of the catalogue; zh is the default."""

LANGUAGE_VARIABLE = "DISCLOSURE_LANG"
"""Environment variable: the language of every command's output (zh or en)."""


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
