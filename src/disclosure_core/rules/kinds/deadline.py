"""The deadline kind: published by a month-day of the following year, set per body level; a level the rule
does not list cannot be checked.

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("deadline").read(Fields("x.toml", 0, {"by_level": {"county": "03-31"}}))
Deadline(by_level={'county': '03-31'})
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import attrs

from disclosure_core.catalogue import say, words
from disclosure_core.findings import Note, NoteKind, Outcome
from disclosure_core.model import BodyLevel
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words
from disclosure_core.rules.report_facts import LEVEL, LEVELS, PUBLISHED
from disclosure_core.rules.spec import Rule
from disclosure_core.text import Text

_MONTH_DAY = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@attrs.frozen
class Deadline:
    """Publication by a month-day (``MM-DD``) of the following year, by body level."""

    by_level: Mapping[str, str]


def _read(fields: Fields) -> Deadline:
    by_level = fields.get("by_level")
    if not isinstance(by_level, Mapping) or not all(
        isinstance(v, str) and _MONTH_DAY.fullmatch(v) for v in by_level.values()
    ):
        raise fields.fail("by_level", words("rulefile.by_level", form='{ level = "MM-DD", … }'))
    return Deadline(dict(by_level))


def _deadline(by_level: Mapping[str, str], level: str, year: int) -> dt.date:
    month, day = (int(part) for part in by_level[level].split("-"))
    return dt.date(year + 1, month, day)


@attrs.frozen
class DeadlineCheck:
    """Published by the legal deadline for the body's level (a month-day of the following year)."""

    by_level: Mapping[str, str]

    def evaluate(self, ctx: Context) -> Result | None:
        report = ctx.report
        level = report.body.level.value
        if level not in self.by_level:
            words: dict[str, Words] = {
                "level": level,
                "published": str(report.published or "—"),
                "deadline": "—",
                "days": "—",
                "missing": ("本级机关的公布期限（规则未规定）", "a deadline for this level (no rule sets one)"),
            }
            note = Note.of(NoteKind.NO_DEADLINE, level=Text(say(f"level.{level}"), level))
            return Result(Outcome.NOT_VERIFIABLE, words=words, notes=(note,), missing=("deadline",))
        deadline = _deadline(self.by_level, level, report.year)
        words = {"level": level, "deadline": deadline.isoformat(), "published": str(report.published or "—")}
        if report.published is None:
            words["days"] = "—"
            words["missing"] = ("公布日期", "the publication date")
            return Result(
                Outcome.NOT_VERIFIABLE, words=words, notes=(Note.of(NoteKind.DATE_UNKNOWN),), missing=("published",)
            )
        late = (report.published - deadline).days
        if late <= 0:
            return None
        words["days"] = str(late)
        return Result(
            Outcome.FAIL,
            difference=late,
            words=words,
            notes=(Note.of(NoteKind.LATE, published=report.published, deadline=deadline),),
        )


def _compile(rule: Rule, body: Deadline, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    return CompiledCheck(DeadlineCheck(body.by_level))


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""Days in each month of every year (29 February is not a deadline every year: it is interpreted)."""


def _emit(check: DeadlineCheck, emitter: Emitter) -> Test:
    """As code, over the report's level, year and date (``yyyymmdd``, :mod:`~disclosure_core.rules.report_facts`):
    a level the rule does not list is not verifiable; a listed one passes when the date is on or before
    the deadline, fails after it and is not verifiable without a date. A deadline that is not a date in
    every year (29 February), or a year out of the calendar's range, is left to the interpreter."""
    level, year, published = emitter.fact(LEVEL), emitter.fact("year"), emitter.fact(PUBLISHED)
    listed = [LEVELS.index(BodyLevel(name)) for name in check.by_level if name in _LEVEL_NAMES]
    unlisted = emitter.all_of([f"({level} != {emitter.constant(i)})" for i in listed])
    dated = f"({published} is not None)"
    in_range = f"({year} is not None) and ({year} >= 0) and ({year} < 9998)"
    passes, late, undated = [], [], []
    for name, month_day in check.by_level.items():
        month, day = (int(part) for part in month_day.split("-"))
        if name not in _LEVEL_NAMES or day > _DAYS[month - 1]:
            continue
        same = f"(({level} == {emitter.constant(LEVELS.index(BodyLevel(name)))}) and {in_range})"
        deadline = f"(({year} + 1) * 10000 + {emitter.constant(month * 100 + day)})"
        passes.append(emitter.all_of([same, dated, f"({published} <= {deadline})"]))
        late.append(emitter.all_of([same, dated]))
        undated.append(emitter.all_of([same, f"(not {dated})"]))
    return Test(emitter.any_of(passes), unverifiable=emitter.any_of([unlisted, *undated]), fails=emitter.any_of(late))


_LEVEL_NAMES = frozenset(level.value for level in BodyLevel)


def _examples(check: DeadlineCheck, sample: Sample) -> Examples:
    """Published on the deadline, and a day after it."""
    base = sample.base
    deadline = _deadline(check.by_level, base.body.level.value, base.year)
    return {
        "pass": (base.evolve(published=deadline), None),
        "fail": (base.evolve(published=deadline + dt.timedelta(days=1)), None),
    }


KIND = Kind(
    "deadline",
    (
        Form(
            "deadline",
            {
                "by_level": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "string",
                        "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                    },
                }
            },
            _read,
            ("by_level",),
        ),
    ),
    _compile,
    _examples,
    words=frozenset({"level", "published", "deadline", "days"}),
    emit=_emit,
)
