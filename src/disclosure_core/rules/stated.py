"""Facts stated in a report's narrative — the assessment weight (不低于4%) and the fees charged — read the
same way whatever the source: canonical JSON, workbook, text, HTML, DOCX or PDF.

The weight is written many ways: "所占分值权重不低于4%", "占总分值的5%", "分值占比4%", "10分（满分100分）",
"权重为百分之五". A report's own ``facts`` field, where a source or a preparer filled it, is what rules read
(:func:`completed_facts`); where it is empty, the narrative says it. A filled field that disagrees with the
narrative is a finding (rule ``overview.assessment_weight_stated``).

>>> weight = assessment_weight(["政府信息公开工作继续列入绩效考核范围，所占分值权重不低于4%。"])
>>> weight.percent, weight.at_least
(Decimal('4'), True)
>>> assessment_weight(["政务公开在目标责任考核中占10分（满分100分）。"]).percent
Decimal('10')
>>> assessment_weight(["政务公开工作在年度考核中的权重提高到百分之五。"]).percent
Decimal('5')
>>> fees_charged(["本年度共收取信息处理费2件，金额0.03万元。"]).amount
Money(amount=Decimal('0.03'), unit='万元')
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from disclosure_core.folding import fold
from disclosure_core.model import AssessmentWeight, Facts, FeesCharged, Report
from disclosure_core.values import Money

_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")
_SPACE = re.compile(r"\s+")

_DIGITS = "零〇一二两三四五六七八九"
_CHINESE = rf"[{_DIGITS}十百点]+"
_NUMBER = rf"(?:\d{{1,3}}(?:\.\d{{1,2}})?|{_CHINESE})"

_ASSESSMENT = re.compile(r"考核|考评|评议|绩效|目标责任|评价体系")
# The words that make a number a weight rather than a score (得分95分) or a rate (满意率98%).
_WEIGHT_WORDS = re.compile(
    r"权重|分值|比重|占比|所占|赋分|占总分|占[^，,。；]{0,12}?总分|占\s*" + _NUMBER + r"\s*(?:%|分)"
)
_STRONG_WORDS = re.compile(r"权重|比重|占比")
_SCORE_WORDS = re.compile(r"得分|评分为|排名|位列|名列|满意[度率]|优秀率|达标率|完成率|覆盖率")
_AT_LEAST = re.compile(r"(?:不低于|不少于|不得低于|不小于|至少|最低)[^，,。；]{0,4}$")
_PERCENT = re.compile(rf"(?:(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?)%|百分之(?P<c>{_CHINESE}))(?P<above>以上|及以上)?")
_POINTS = re.compile(rf"(?P<n>{_NUMBER})分(?![之制])(?P<above>以上|及以上)?")
_BASE = re.compile(rf"(?:满分|总分值?)\s*(?:为|是|共)?\s*(?P<n>{_NUMBER})\s*分|百分制|(?P<scale>{_NUMBER})分制")

_FEES = re.compile(r"信息处理费")
_NONE_CHARGED = re.compile(r"(未|没有|无|不)(收取|产生|发生)|收取.{0,6}?(为零|为0)")
_FEE_COUNT = re.compile(r"(\d{1,6})\s*(件|次|笔|人次)")
_FEE_AMOUNT = re.compile(r"(\d{1,9}(?:\.\d{1,4})?)\s*(万元|元)")


def chinese_number(text: str) -> Decimal | None:
    """A number written in digits or Chinese numerals (up to the hundreds, with 点 for the decimal point).

    >>> chinese_number("五"), chinese_number("十"), chinese_number("十五"), chinese_number("一百"), chinese_number("四点五")
    (Decimal('5'), Decimal('10'), Decimal('15'), Decimal('100'), Decimal('4.5'))
    >>> chinese_number("12.5"), chinese_number("点"), chinese_number("百百")
    (Decimal('12.5'), None, None)
    """
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    whole, _, fraction = text.partition("点")
    if fraction and not all(c in _DIGITS for c in fraction):
        return None
    value = _chinese_integer(whole)
    if value is None:
        return None
    decimals = "".join(str(_digit(c)) for c in fraction)
    return Decimal(f"{value}.{decimals}") if decimals else Decimal(value)


_DIGIT_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _digit(character: str) -> int:
    return _DIGIT_VALUES[character]


def _chinese_integer(text: str) -> int | None:
    match = re.fullmatch(rf"(?:([{_DIGITS}])百)?(?:([{_DIGITS}])?(十))?(?:零?([{_DIGITS}]))?", text)
    if not text or match is None:
        return None
    hundreds, tens, ten, units = match.groups()
    value = (_digit(hundreds) * 100 if hundreds else 0) + (_digit(tens) if tens else 1 if ten else 0) * 10
    return value + (_digit(units) if units else 0)


def sentences(paragraphs: Iterable[str]) -> Iterator[str]:
    """The sentences of some paragraphs, each ending with its own punctuation.

    >>> list(sentences(["一是加强领导。二是完善制度；", ""]))
    ['一是加强领导。', '二是完善制度；']
    """
    for paragraph in paragraphs:
        for found in _SENTENCE.finditer(paragraph):
            sentence = found.group(0).strip()
            if sentence:
                yield sentence


def _clean(text: str) -> str:
    return _SPACE.sub("", fold(text))


_LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
"""Radicals and compatibility ideographs: the look-alikes folding turns into the words' ideographs."""


def _mentions(words: re.Pattern[str], paragraph: str) -> bool:
    """Whether ``paragraph`` says ``words``, folding it only when it holds look-alikes folding changes."""
    text = _SPACE.sub("", paragraph)
    return bool(words.search(text) or (_LOOKALIKE.search(text) and words.search(fold(text))))


def assessment_weight(paragraphs: Iterable[str]) -> AssessmentWeight | None:
    """The first sentence giving the weight of disclosure work in performance assessment, read.

    A percentage wins over points; points count as a percentage only with their base (满分100分, 百分制).

    >>> assessment_weight(["政务公开占年度绩效考核总分值的5%。"]).percent
    Decimal('5')
    >>> weight = assessment_weight(["政务公开纳入绩效考核，分值为3分。"])
    >>> weight.points, weight.percent
    (Decimal('3'), None)
    >>> assessment_weight(["在全省政务公开考核中得分95分，位列第三。"]) is None
    True
    """
    # Most paragraphs never mention assessment: they are passed over whole, unsplit and unfolded.
    for sentence in sentences(p for p in paragraphs if _mentions(_ASSESSMENT, p)):
        folded = _clean(sentence)
        if not (_ASSESSMENT.search(folded) and _WEIGHT_WORDS.search(folded)):
            continue
        if _SCORE_WORDS.search(folded) and not _STRONG_WORDS.search(folded):
            continue
        base_match = _BASE.search(folded)
        base = None
        if base_match:
            stated_base = base_match.group("n") or base_match.group("scale")
            base = chinese_number(stated_base) if stated_base else Decimal(100)
        percent = _PERCENT.search(folded)
        points = _points(folded, base_match)
        if percent is None and points is None:
            continue
        value = _percent(percent) if percent else None
        point_value = chinese_number(points.group("n")) if points else None
        if value is None and point_value is not None and base:
            value = _plain(point_value * 100 / base)
        stated = percent or points
        assert stated is not None
        return AssessmentWeight(
            sentence=sentence,
            percent=value,
            at_least=bool(stated.group("above") or _AT_LEAST.search(folded, 0, stated.start())),
            points=point_value,
            base=base,
        )
    return None


def _plain(number: Decimal) -> Decimal:
    """A quotient without exponent or trailing zeros: 10, not 1E+1; 6.5, not 6.500."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _percent(match: re.Match[str]) -> Decimal | None:
    return Decimal(match.group("n")) if match.group("n") else chinese_number(match.group("c"))


def _points(folded: str, base: re.Match[str] | None) -> re.Match[str] | None:
    """The points the weight is given in: not the base's own number (满分100分)."""
    for match in _POINTS.finditer(folded):
        if base is not None and base.start() <= match.start("n") < base.end():
            continue
        if chinese_number(match.group("n")) is not None:
            return match
    return None


def fees_charged(paragraphs: Iterable[str]) -> FeesCharged | None:
    """The fees sentence of 六、其他需要报告的事项, read: how many times and how much, when it says.

    >>> fees_charged(["本机关未收取信息处理费。"]).count
    0
    """
    for sentence in sentences(p for p in paragraphs if _mentions(_FEES, p)):
        folded = _clean(sentence)
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


def text_facts(lead: Iterable[str], sections: Iterable[tuple[str, Iterable[str]]]) -> Facts:
    """The facts a report's text states: the weight from the lead and 一、总体情况 first, then from any
    section; the fees from 六、其他需要报告的事项.

    ``sections`` are (section id, paragraphs) pairs.

    >>> text_facts([], [("overview", ["列入绩效考核，权重不低于4%。"])]).assessment_weight.percent
    Decimal('4')
    """
    by_id = {section_id: tuple(paragraphs) for section_id, paragraphs in sections}
    first = [*by_id.get("overview", ()), *lead]
    weight = assessment_weight(first) or assessment_weight(p for ps in by_id.values() for p in ps)
    fees = fees_charged(by_id["other"]) if "other" in by_id else None
    return Facts(assessment_weight=weight, fees=fees)


_MEMO: dict[int, tuple[Report, Facts]] = {}
_MEMO_SIZE = 64
_MEMO_LOCK = threading.Lock()


def narrative_facts(report: Report) -> Facts:
    """The facts ``report``'s narrative states, read once per report object.

    >>> from disclosure_core.model import Body, Section, Sections
    >>> r = Report("gov-2021", 2025, Body("某县人民政府", "county"),
    ...            sections=Sections(overview=Section("一、总体情况", ("政务公开分值占比4%，纳入绩效考核。",))))
    >>> narrative_facts(r).assessment_weight.percent
    Decimal('4')
    """
    # Keyed by identity (a report holds dicts and is not hashable); the entry holds the report, so its id
    # cannot be reused while the entry lives.
    with _MEMO_LOCK:
        cached = _MEMO.get(id(report))
    if cached is not None and cached[0] is report:
        return cached[1]
    sections = [(sid, s.paragraphs) for sid, s in report.sections.items() if s is not None]
    facts = text_facts(report.lead, sections)
    with _MEMO_LOCK:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[id(report)] = (report, facts)
    return facts


def completed_facts(report: Report) -> Facts:
    """The report's facts as rules read them: each filled field as filled, each empty one from the narrative.

    >>> from disclosure_core.model import Body
    >>> completed_facts(Report("gov-2021", 2025, Body("某县人民政府", "county"))) == Facts()
    True
    """
    given = report.facts
    if given.assessment_weight is not None and given.fees is not None:
        return given
    last = _COMPLETED[0]  # each fact a rule reads asks again, one after another: the last report's are kept
    if last[0] is report:
        return last[1]
    stated = narrative_facts(report)
    completed = attrs.evolve(
        given,
        assessment_weight=given.assessment_weight or stated.assessment_weight,
        fees=given.fees or stated.fees,
    )
    _COMPLETED[0] = (report, completed)  # one assignment: a thread reads either pair whole
    return completed


_COMPLETED: list[tuple[Report | None, Facts]] = [(None, Facts())]
