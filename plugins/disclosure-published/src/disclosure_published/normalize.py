"""Folding printed text into comparable keys: width, spaces and line breaks, traditional characters, enumerators.

Published labels differ from the format's in ways that carry no meaning: full-width or half-width brackets,
spaces and line breaks (vertical labels put one character per line), traditional characters (pages
converted for Taiwan or Hong Kong readers write 規範性檔案 for 规范性文件), and missing or different
enumerators ("不予公开" for "（三）不予公开"). Two keys are computed for every label: the *exact* key keeps the
enumerator, the *loose* key drops it.

>>> label_key("（三） 不予\\n公开")
'(三)不予公开'
>>> loose_key("（三） 不予\\n公开"), loose_key("三、本年度办理结果"), loose_key("規範性檔案")
('不予公开', '本年度办理结果', '规范性文件')
"""

from __future__ import annotations

import functools
import re

from disclosure_core.sources import fold
from disclosure_published._traditional import CHARACTERS, PHRASES, SIMPLIFIED

_TO_SIMPLIFIED = str.maketrans(CHARACTERS, SIMPLIFIED)
_PHRASE = re.compile("|".join(map(re.escape, sorted(PHRASES, key=len, reverse=True)))) if PHRASES else None
# NFKC leaves these alone; published tables use them for minus signs, dashes and quotes.
_UNIFY = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "—", "\u2015": "—", "\u2500": "—", "\u3000": " "})
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"^(?:#{1,6}\s*)?(?:(?:标题|题目|名称)\s*[:：]\s*)?")
# "（三）", "三、", "1.", "1、", "(1)", and a bare number before the words ("④" folds to "4").
_ENUMERATOR = re.compile(
    r"^(?:\(?[一二三四五六七八九十]{1,3}\)?[、.]?|\d{1,2}[.、)]|[(]\d{1,2}[)]|\d{1,2}(?=[\u4e00-\u9fff]))"
)


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Folded text (NFKC, radicals as the ideographs they stand for: :func:`disclosure_core.folding.fold`)
    with runs of whitespace made one space and the ends trimmed.

    >>> clean("　７件 "), clean("\u2f08\u2ea0")
    ('7件', '人民')
    """
    return _SPACE.sub(" ", fold(text.translate(_UNIFY))).strip()


def strip_markup(text: str) -> str:
    """A line without the markdown ``#`` or the ``标题：`` label a title or heading may be printed with.

    >>> strip_markup("# 标题：代县2020年政府信息公开工作年度报告"), strip_markup("## 一、总体情况"), strip_markup("标题党")
    ('代县2020年政府信息公开工作年度报告', '一、总体情况', '标题党')
    """
    stripped = text.strip()
    if not stripped.startswith(("#", "标题", "题目", "名称")):
        return text
    return _MARKUP.sub("", stripped, count=1)


def simplified(text: str) -> str:
    """Traditional forms of the label vocabulary replaced by simplified ones (other characters unchanged).

    >>> simplified("本年增/減")
    '本年增/减'
    """
    text = text.translate(_TO_SIMPLIFIED)
    if _PHRASE is not None:
        text = _PHRASE.sub(lambda m: PHRASES[m.group(0)], text)
    return text


def label_key(text: str) -> str:
    """The exact key of a label: folded, simplified, without any whitespace."""
    return _SPACE.sub("", simplified(clean(text)))


def strip_enumerator(key: str) -> str:
    """A key without its leading enumerator ("三、", "(一)", "1.").

    >>> strip_enumerator("1.属于国家秘密"), strip_enumerator(label_key("④保护第三方合法权益"))
    ('属于国家秘密', '保护第三方合法权益')
    """
    return _ENUMERATOR.sub("", key, count=1)


def loose_key(text: str) -> str:
    """The loose key of a label: the exact key without its enumerator."""
    return strip_enumerator(label_key(text))
