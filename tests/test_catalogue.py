"""The message catalogue: every entry renders in both languages, zh holds no English words, no key is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core.catalogue import LANGUAGES, UnknownMessage, entry, language, placeholders, say
from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.findings import Outcome, Severity
from disclosure_core.model import BodyLevel
from disclosure_core.testing.language import NAMES
from disclosure_core.values import Reading

ROOT = Path(__file__).resolve().parents[1]

ALLOWED_LATIN = {"gov"} | {"JSON", "TOML", "XML", "DTD", "ZIP", "UTF", "GB", "PDF", "HTML", "CSV", "DOCX", "XLSX"}
"""Latin words a Chinese message may hold besides options, commands and code (in backticks): format ids
(gov-2019) and the names of file formats and programs (those below and :data:`PROGRAMS`)."""

PROGRAMS = {
    "Debian",
    "Python",
    "Word",
    "Excel",
    "WPS",
    "LibreOffice",
    "Markdown",
    "Chromium",
    "poppler",
    "pdftotext",
    "openpyxl",
}
ALLOWED_LATIN |= PROGRAMS | NAMES  # and the names every one-language check allows (HTTP, MiB)

_OPTION = re.compile(r"--[a-z][a-z-]*|`[^`]*`|disclosure-[a-z]+")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _sample(key: str, lang: str) -> str:
    """The entry rendered with a sample value (a number: it cannot hide or bring a Latin word) everywhere."""
    return say(key, lang, **dict.fromkeys(placeholders(entry(key).zh) | placeholders(entry(key).en), 7))


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_renders_in_both_languages_with_the_same_placeholders(key: str) -> None:
    text = entry(key)
    assert placeholders(text.zh) == placeholders(text.en), key
    for lang in LANGUAGES:
        rendered = _sample(key, lang)
        assert rendered.strip(), key
        assert "{" not in rendered, key
        assert "}" not in rendered, key


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_no_chinese_message_holds_an_english_word(key: str) -> None:
    words = set(_LATIN_WORD.findall(_OPTION.sub("", _sample(key, "zh"))))
    assert words <= ALLOWED_LATIN, (key, words - ALLOWED_LATIN)


def _label_names() -> set[str]:
    """Every Chinese label of the shipped layouts, the register's column headers, the money units and the
    workbook's 是/否: names an English message may quote (本年增/减, 收到日期, 万元)."""
    from disclosure_core.layouts import official_layouts
    from disclosure_core.ledger.vocabulary import COLUMNS

    names = {"万元", "元", "是", "否"} | {header for headers in COLUMNS.values() for header in headers}
    for layout in official_layouts().values():
        for table in layout.tables:
            names.add(table.label.zh)
            for row in table.rows:
                names.add(row.label.zh)
            for column in {c for r in table.rows for c in table.columns_of(r.id)}:
                names.add(column.label.zh)
    return names


def test_the_english_messages_are_english() -> None:
    names = _label_names()
    chinese = [
        key
        for key in ENTRIES
        if any(run not in names for run in re.findall(r"[\u4e00-\u9fff/]+", _sample(key, "en")) if run != "/")
    ]
    assert chinese == []


def test_a_missing_key_or_value_is_an_error_not_a_half_message() -> None:
    with pytest.raises(UnknownMessage):
        say("no.such.key")
    with pytest.raises(UnknownMessage, match="count"):
        say("overlay.concerns_summary", "zh")


def test_every_key_the_code_asks_for_is_in_the_catalogue() -> None:
    asked = re.compile(r"""\b(?:say|words|entry)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    sources = [*ROOT.glob("src/**/*.py"), *ROOT.glob("plugins/*/src/**/*.py")]
    keys = {key for path in sources for key in asked.findall(path.read_text(encoding="utf-8"))}
    assert len(keys) > 40  # the outputs do ask the catalogue
    assert sorted(keys - set(ENTRIES)) == []


def test_every_value_named_by_an_enum_has_its_words() -> None:
    for outcome in Outcome:
        assert f"outcome.{outcome.value}" in ENTRIES
    for severity in Severity:
        assert f"severity.{severity.value}" in ENTRIES
    for level in BodyLevel:
        assert f"level.{level.value}" in ENTRIES
    for reading in Reading:
        assert f"reading.{reading.value}" in ENTRIES
    for kind in ("transposition", "digit", "sign", "unit", "value"):
        assert f"suggestion.{kind}" in ENTRIES


@given(st.dictionaries(st.sampled_from(["DISCLOSURE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]), st.text(max_size=12)))
def test_the_default_language_is_always_one_of_the_catalogue(environ: dict[str, str]) -> None:
    chosen = language(environ)
    assert chosen in LANGUAGES
    if environ.get("DISCLOSURE_LANG", "").strip().lower() in LANGUAGES:
        assert chosen == environ["DISCLOSURE_LANG"].strip().lower()


def test_the_locale_decides_when_nothing_else_does() -> None:
    assert language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert language({"LANG": "C.UTF-8"}) == "zh"
    assert language({"DISCLOSURE_LANG": "EN"}) == "en"
