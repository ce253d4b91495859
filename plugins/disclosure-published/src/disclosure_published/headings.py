"""Recognising the six section headings, numbered or not, in their official and common wordings.

>>> match_heading("四、政府信息公开行政复议与行政诉讼情况")
HeadingMatch(section='appeals', number='四')
>>> match_heading("政府信息公开工作总体情况"), match_heading("## 二、主动公开政府信息情况")
(HeadingMatch(section='overview', number=None), HeadingMatch(section='proactive', number='二'))
>>> match_heading("一、本年新收政府信息公开申请数量") is None
True
>>> match_heading("情况、收到和处理政府信息公开申请情况、存在的主要问题和改进措施") is None
True
"""

from __future__ import annotations

import re

import attrs

from disclosure_core import SECTION_IDS
from disclosure_published.normalize import label_key, strip_markup

NUMERALS = "一二三四五六七八九十"
_NUMBER = re.compile(r"^([一二三四五六七八九十])[、.．]")
_YEAR = re.compile(r"^\d{4}年度?")
_MAX_HEADING = 40
# A heading ends with its section's name; a name followed by an enumeration comma is one item of a list.
_LISTED = re.compile(r"(情况|事项|措施)[、,;]")

# Each section is recognised by words its heading must contain (all of one alternative); the official
# wording, the 条例's wording for section 四 and the wordings real reports use.
_WORDINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "overview": (("总体情况",), ("基本情况",), ("概述",)),
    "proactive": (("主动公开政府信息",),),
    "requests": (("收到和处理", "申请"), ("依申请公开", "情况")),
    "appeals": (("行政复议", "行政诉讼"),),
    "problems": (("存在的主要问题",), ("问题", "改进")),
    "other": (("其他需要报告的事项",), ("其他需要报告",)),
}


@attrs.frozen
class HeadingMatch:
    """Which section a heading opens, and the number printed before it (None when missing)."""

    section: str
    number: str | None


def match_heading(text: str) -> HeadingMatch | None:
    """The section a line of text heads, or None when it is no section heading."""
    key = label_key(strip_markup(text))
    if not key or len(key) > _MAX_HEADING or key.endswith(("。", ";", ";", ":")):
        return None
    number = None
    found = _NUMBER.match(key)
    if found:
        number = found.group(1)
        key = key[found.end() :]
    elif key[0] == "(" or (key[0].isdigit() and not _YEAR.match(key)):
        return None  # "（一）…" and "1." number sub-headings and rows, never sections
    key = _YEAR.sub("", key)
    named = [s for s in SECTION_IDS if any(all(word in key for word in words) for words in _WORDINGS[s])]
    if len(named) != 1 or _LISTED.search(key) or (named == ["overview"] and len(key) > 16):
        return None  # a line naming several sections lists them (as a lead does), it heads none
    return HeadingMatch(named[0], number)


def expected_number(section: str) -> str:
    """The numeral the format prints before a section's heading.

    >>> expected_number("appeals")
    '四'
    """
    return NUMERALS[SECTION_IDS.index(section)]
