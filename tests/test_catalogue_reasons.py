"""Parsers' reasons and cells' reading reasons told in Chinese: what is stored or raised in English reads back
as the catalogue's Chinese, and what the catalogue does not know is quoted, never passed off as ours."""

from __future__ import annotations

import tomllib
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core.catalogue import reading_reason, reason, say, words
from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.testing.language import english_words

READING_KEYS = sorted(key for key in ENTRIES if key.startswith("reading.reason."))


@pytest.mark.parametrize("key", READING_KEYS)
@given(page=st.integers(1, 999), count=st.integers(2, 99), digits=st.from_regex(r"'[0-9]{2,8}'", fullmatch=True))
def test_a_stored_reading_reason_reads_back_in_chinese(key: str, page: int, count: int, digits: str) -> None:
    values = {"page": page, "count": count, "digits": digits}
    used = {name: value for name, value in values.items() if "{" + name + "}" in ENTRIES[key].en}
    stored = words(key, **used).en  # what a reader writes into Provenance.reason
    assert reading_reason(stored).zh == say(key, "zh", **used)
    assert reading_reason(stored).en == stored


def test_a_fuzzy_label_reason_reads_back_with_its_why() -> None:
    why = words("published.fuzzy.wording", layout="gov-2019")
    stored = words("published.fuzzy", printed="'其他'", why=why, label="'其它'").en
    assert reading_reason(stored).zh == "行标签印作 '其他'（gov-2019 的措辞），按 '其它' 读取"


def test_an_unknown_reason_is_quoted_in_chinese() -> None:
    assert reading_reason("scanned at 300 dpi").zh == "`scanned at 300 dpi`"
    assert reading_reason("第 3 页模糊").zh == "第 3 页模糊"


@pytest.mark.parametrize(
    "text",
    ["a = ?", "a = 1\na = 2", "[x\n", "a = 'x", "a = [1,", "a = {b = 1", "x.y = 1\n[x]\ny = 2", "= 1", "a = 1 b"],
)
def test_tomllib_s_refusals_are_told_in_chinese(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    said = reason(caught.value)
    assert said.en == str(caught.value)
    assert english_words(said.zh) == set(), said.zh
    assert "`" not in said.zh, said.zh  # known: our words, not quoted


def test_zipfile_s_refusals_are_told_in_chinese() -> None:
    assert reason(NotImplementedError("zip file version 9.8")).zh == "需要 9.8 版的解压方式"
    assert reason(zipfile.BadZipFile("File is not a zip file"), kind=True).en == "BadZipFile: File is not a zip file"
    assert reason(KeyError("There is no item named 'word/document.xml' in the archive")).zh == (
        "压缩包中没有 'word/document.xml'"
    )
