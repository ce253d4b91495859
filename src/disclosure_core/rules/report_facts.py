"""What generated rules read of a report besides its cells: its facts, section headings, year, level and
publication date, worked out once per report.

Each value is a number or None, under a key of :data:`KEYS` (the generated code reads them by these keys,
passed to it as objects): a fact path of :data:`~disclosure_core.rules.compile.FACTS`, ``("heading", id)``
— the number its section's heading begins with (一 → 1 … 六 → 6; 0 without one; None for a section the
report lacks) —, :data:`PUBLISHED` (the date as ``yyyymmdd``) and :data:`LEVEL` (the body's level, its
position in :class:`~disclosure_core.model.BodyLevel`).

>>> from disclosure_core.rules.examples import consistent_report
>>> from disclosure_core.layouts import builtin_layout
>>> facts = report_facts(consistent_report(builtin_layout("gov-2021")))
>>> facts[("heading", "overview")], facts[PUBLISHED], facts["facts.assessment_weight.percent"]
(1, 20220115, Decimal('5'))
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping

from disclosure_core.model import SECTION_IDS, BodyLevel, Report
from disclosure_core.rules.compile import FACTS, Number

NUMBERED = re.compile(r"\s*([一二三四五六])\s*[、.．]")
"""A heading that begins with its numeral (一、 … 六、)."""
NUMERALS = "一二三四五六"
LEVELS = tuple(BodyLevel)
PUBLISHED = ("published",)
LEVEL = ("level",)
KEYS: frozenset[object] = frozenset({*FACTS, *(("heading", s) for s in SECTION_IDS), PUBLISHED, LEVEL})
"""Every key :func:`report_facts` fills."""

ReportFacts = Mapping[object, Number | None]


def numeral_number(numeral: str) -> int:
    """一 → 1 … 六 → 6; 0 for anything else.

    >>> numeral_number("三"), numeral_number("七")
    (3, 0)
    """
    return NUMERALS.find(numeral) + 1 if len(numeral) == 1 else 0


def heading_number(heading: str | None) -> int:
    """The number a heading begins with (``三、依申请公开`` → 3), 0 without one.

    >>> heading_number("二、主动公开"), heading_number("主动公开"), heading_number(None)
    (2, 0, 0)
    """
    number = _HEADINGS.get(heading)  # the same few headings in report after report
    if number is None:
        match = NUMBERED.match(heading or "")
        number = numeral_number(match.group(1)) if match else 0
        if len(_HEADINGS) > 4096:  # headings vary with the reports: the cache must stay small
            _HEADINGS.clear()
        _HEADINGS[heading] = number
    return number


_HEADINGS: dict[str | None, int] = {}


_KEPT: dict[int, tuple[weakref.ref[Report], ReportFacts]] = {}


def report_facts(report: Report) -> ReportFacts:
    """The report's values under :data:`KEYS`, made on first use and kept while the report lives."""
    key = id(report)
    kept = _KEPT.get(key)
    if kept is not None and kept[0]() is report:
        return kept[1]
    facts: dict[object, Number | None] = {name: read(report) for name, read in FACTS.items()}
    for section_id, section in report.sections.items():
        facts[("heading", section_id)] = None if section is None else heading_number(section.heading)
    published = report.published
    facts[PUBLISHED] = None if published is None else published.year * 10000 + published.month * 100 + published.day
    facts[LEVEL] = LEVELS.index(report.body.level)

    def forget(_: object, kept: dict[int, tuple[weakref.ref[Report], ReportFacts]] = _KEPT) -> None:
        kept.pop(key, None)  # bound now: module globals go at exit

    _KEPT[key] = (weakref.ref(report, forget), facts)
    return facts
