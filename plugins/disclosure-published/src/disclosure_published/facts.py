"""Structured facts stated in the narrative: the assessment weight (不低于4%) and the fees charged.

>>> weight = assessment_weight(["政府信息公开工作继续列入绩效考核范围，所占分值权重不低于4%。"])
>>> weight.percent, weight.at_least
(Decimal('4'), True)
>>> assessment_weight(["政务公开在绩效考核中占6分（满分100分）。"]).percent
Decimal('6')
>>> fees_charged(["本年度共收取信息处理费2件，金额0.03万元。"]).amount
Money(amount=Decimal('0.03'), unit='万元')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from disclosure_core import AssessmentWeight, FeesCharged, Money
from disclosure_published.normalize import clean

_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")
_ASSESSMENT = re.compile(r"考核|考评|评议")
_WEIGHT_WORDS = re.compile(r"权重|分值|比重|占")
_PERCENT = re.compile(r"(不低于|不少于|不得低于|不小于|达到|达|为|占)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*%")
_POINTS = re.compile(r"(?:占|分值为?|计)\s*(\d{1,3}(?:\.\d{1,2})?)\s*分")
_BASE = re.compile(r"(?:满分|总分)\s*(?:为|是)?\s*(\d{1,4})\s*分|百分制")
_AT_LEAST = ("不低于", "不少于", "不得低于", "不小于")

_FEES = re.compile(r"信息处理费")
_NONE_CHARGED = re.compile(r"(未|没有|无|不)(收取|产生|发生)|收取.{0,6}?(为零|为0)")
_FEE_COUNT = re.compile(r"(\d{1,6})\s*(件|次|笔|人次)")
_FEE_AMOUNT = re.compile(r"(\d{1,9}(?:\.\d{1,4})?)\s*(万元|元)")


def sentences(paragraphs: Iterable[str]) -> Iterator[str]:
    """The sentences of some paragraphs, each ending with its own punctuation."""
    for paragraph in paragraphs:
        for found in _SENTENCE.finditer(paragraph):
            sentence = found.group(0).strip()
            if sentence:
                yield sentence


def assessment_weight(paragraphs: Iterable[str]) -> AssessmentWeight | None:
    """The first sentence giving the weight of disclosure work in performance assessment, read."""
    for sentence in sentences(paragraphs):
        folded = clean(sentence)
        if not (_ASSESSMENT.search(folded) and _WEIGHT_WORDS.search(folded)):
            continue
        percent = _PERCENT.search(folded)
        points = _POINTS.search(folded)
        if percent is None and points is None:
            continue
        base_match = _BASE.search(folded)
        base = None
        if base_match:
            base = Decimal(base_match.group(1)) if base_match.group(1) else Decimal(100)
        value = Decimal(percent.group(2)) if percent else None
        point_value = Decimal(points.group(1)) if points else None
        if value is None and point_value is not None and base:
            value = (point_value * 100 / base).normalize()
        return AssessmentWeight(
            sentence=sentence,
            percent=value,
            at_least=bool(percent and percent.group(1) in _AT_LEAST),
            points=point_value,
            base=base,
        )
    return None


def fees_charged(paragraphs: Iterable[str]) -> FeesCharged | None:
    """The fees sentence of 六、其他需要报告的事项, read: how many times and how much, when it says."""
    for sentence in sentences(paragraphs):
        folded = clean(sentence)
        if not _FEES.search(folded):
            continue
        if _NONE_CHARGED.search(folded) and not _FEE_AMOUNT.search(folded):
            return FeesCharged(count=0, amount=None, sentence=sentence)
        count = _FEE_COUNT.search(folded)
        amount = _FEE_AMOUNT.search(folded)
        return FeesCharged(
            count=int(count.group(1)) if count else None,
            amount=Money(Decimal(amount.group(1)), amount.group(2)) if amount else None,
            sentence=sentence,
        )
    return None
