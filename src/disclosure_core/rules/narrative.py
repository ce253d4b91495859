"""Figures stated in a report's text: "收到政府信息公开申请7件", "行政复议1件，行政诉讼2件", "占33.9%".

Rules compare these with the tables. Each figure has an id; the first statement of it in the report
(sections in official order) wins. A claim such as "均获维持" is a figure too: it states that the number
of appeals *not* upheld is 0.

>>> figures = extract_figures(["2020年，全县收到政府信息公开申请7件，依法办结依申请公开7件。"])
>>> figures["requests_received"].value, figures["requests_handled"].value
(7, 7)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from disclosure_core.model import Report

_N = r"(?P<n>\d[\d,，]*)\s*"
_TOTAL = r"(?:共计|共|合计|总计)?\s*"
_SHARE = r"(?:[，,]\s*(?:占比?|比例为|占总数的)\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％])?"
_LIST = r"(?:[^。；;]{0,24}?[，、,])?"
_NORMATIVE = r"(?:行政)?规范性文件"


@attrs.frozen
class Figure:
    """One stated figure: its id, the number, a share in percent if one follows, and the words it came from."""

    id: str
    value: int
    percent: Decimal | None
    quote: str
    section: str

    share_digits: int | None = attrs.field(init=False, default=None, eq=False, repr=False)
    """The stated share's digits as an integer (4.34% → 434), when :attr:`share_scale` is set."""
    share_scale: int | None = attrs.field(init=False, default=None, eq=False, repr=False)
    """The power of ten the share is scaled by to make it whole (4.34% → 100), when it has at most six
    significant digits (what generated code compares exactly, in integers); None otherwise or without a share.

    >>> f = Figure("x", 3, Decimal("4.34"), "", "")
    >>> f.share_digits, f.share_scale, Figure("x", 3, None, "", "").share_scale
    (434, 100, None)
    """

    def __attrs_post_init__(self) -> None:
        # Worked out once per figure: generated code tests every stated share in integers, each check.
        percent = self.percent
        if percent is None or not percent.is_finite():
            return
        sign, digits, exponent = percent.as_tuple()
        if len(digits) > 6 or not isinstance(exponent, int) or exponent > 0:
            return
        whole = int("".join(map(str, digits)))
        object.__setattr__(self, "share_digits", -whole if sign else whole)
        object.__setattr__(self, "share_scale", 10**-exponent)


# Order matters where one phrase contains another: the combined 予以公开及部分公开 comes before 予以公开.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "requests_received",
        "申请人提出的新申请",
        rf"(?:收到|受理|接收|新收)(?:各类|群众)?(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请{_TOTAL}{_N}件",
    ),
    (
        "requests_handled",
        "办结或答复的申请",
        rf"(?:办结|答复)(?:了)?(?:依申请公开|政府信息公开申请|政府信息公开|信息公开申请|申请)?{_TOTAL}{_N}件",
    ),
    ("granted_or_partial", "予以公开及部分公开", rf"予以公开(?:及|和|、|与)部分公开{_TOTAL}{_N}件{_SHARE}"),
    ("granted", "予以公开", rf"予以公开{_TOTAL}{_N}件{_SHARE}"),
    ("partially_granted", "部分公开", rf"(?<![及和、与])部分公开{_TOTAL}{_N}件{_SHARE}"),
    ("withheld", "不予公开", rf"不予公开{_TOTAL}{_N}件{_SHARE}"),
    ("unavailable", "无法提供", rf"无法提供{_TOTAL}{_N}件{_SHARE}"),
    ("not_processed", "不予处理", rf"不予处理{_TOTAL}{_N}件{_SHARE}"),
    ("other_handling", "其他处理", rf"其他处理{_TOTAL}{_N}件{_SHARE}"),
    ("appeals_review", "行政复议", rf"行政复议(?:案件)?{_TOTAL}{_N}(?:件|起)"),
    ("appeals_litigation", "行政诉讼", rf"(?<!复议后)诉讼(?:案件)?{_TOTAL}{_N}(?:件|起)"),
    ("appeals_not_upheld", "均获维持", r"(?P<claim>均(?:获|被|予|已)?(?:以)?维持|全部(?:获得?|被|予以)?维持)"),
    ("regulations_published", "公开规章", rf"(?:公开|发布)(?:政府)?规章{_TOTAL}{_N}件"),
    ("normative_documents_published", "公开规范性文件", rf"(?:公开|发布){_LIST}{_NORMATIVE}{_TOTAL}{_N}件"),
    ("regulations_issued", "制发规章", rf"(?:制发|印发|出台|制定)(?:政府)?规章{_TOTAL}{_N}件"),
    ("normative_documents_issued", "制发规范性文件", rf"(?:制发|印发|出台|制定){_LIST}{_NORMATIVE}{_TOTAL}{_N}件"),
)
"""(figure id, what it is in Chinese, pattern). The patterns are data a reviewer can read and extend."""

FIGURES = {figure_id: meaning for figure_id, meaning, _ in PATTERNS}

SAMPLES = {
    "requests_received": "全年共收到政府信息公开申请{n}件",
    "requests_handled": "依法办结{n}件",
    "granted_or_partial": "予以公开及部分公开{n}件",
    "granted": "予以公开{n}件",
    "partially_granted": "部分公开{n}件",
    "withheld": "不予公开{n}件",
    "unavailable": "无法提供{n}件",
    "not_processed": "不予处理{n}件",
    "other_handling": "其他处理{n}件",
    "appeals_review": "发生政府信息公开行政复议{n}件",
    "appeals_litigation": "行政诉讼{n}件",
    "appeals_not_upheld": "均获维持",
    "regulations_published": "主动公开规章{n}件",
    "normative_documents_published": "主动公开规范性文件{n}件",
    "regulations_issued": "制发规章{n}件",
    "normative_documents_issued": "制发行政规范性文件{n}件",
}
"""A sentence stating each figure (``{n}`` the number): examples for rules, and the extractor's own tests."""
_COMPILED = tuple((figure_id, re.compile(pattern)) for figure_id, _, pattern in PATTERNS)
_ANCHORS = re.compile(r"件|起|维持")
"""Every figure ends in 件 or 起, or is the 维持 claim: paragraphs without them are skipped unread."""
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def extract_figures(paragraphs: Iterable[str], section: str = "") -> dict[str, Figure]:
    """The first statement of each figure in ``paragraphs``.

    >>> extract_figures(["予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%。"])["withheld"].percent
    Decimal('4.34')
    >>> "granted" in extract_figures(["予以公开及部分公开258件。"])
    False
    """
    found: dict[str, Figure] = {}
    for paragraph in paragraphs:
        if not _ANCHORS.search(paragraph):
            continue
        claimed: list[tuple[int, int]] = []
        for figure_id, pattern in _COMPILED:
            for match in pattern.finditer(paragraph):
                span = match.span("n") if "n" in pattern.groupindex and match.group("n") else match.span()
                # A number belongs to one figure only: 258 in 予以公开及部分公开258件 is not 部分公开's.
                if any(start <= span[0] < end for start, end in claimed):
                    continue
                claimed.append(span)
                if figure_id not in found:
                    found[figure_id] = _figure(figure_id, match, paragraph, section)
                break
    return found


def _figure(figure_id: str, match: re.Match[str], paragraph: str, section: str) -> Figure:
    groups = match.groupdict()
    value = 0 if groups.get("claim") else int(re.sub(r"[,，]", "", groups["n"]))
    percent = Decimal(groups["pct"]) if groups.get("pct") else None
    return Figure(figure_id, value, percent, _quote(paragraph, match.start(), match.end()), section)


def _quote(paragraph: str, start: int, end: int) -> str:
    """The clause around a match: from the previous sentence end to the next."""
    before = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, start)]
    after = _SENTENCE_END.search(paragraph, end)
    return paragraph[before[-1] if before else 0 : after.start() + 1 if after else len(paragraph)].strip()


def report_figures(report: Report) -> dict[str, Figure]:
    """Every figure the report's sections state (first statement wins, sections in official order).

    >>> from disclosure_core.model import Body, Section, Sections
    >>> r = Report("gov-2021", 2025, Body("某县人民政府", "county"),
    ...            sections=Sections(overview=Section("一、总体情况", ("全年制发行政规范性文件8件。",))))
    >>> report_figures(r)["normative_documents_issued"].value
    8
    """
    found: dict[str, Figure] = {}
    for section_id, section in report.sections.items():
        if section is None:
            continue
        for figure_id, figure in extract_figures(section.paragraphs, section_id).items():
            found.setdefault(figure_id, figure)
    return found
