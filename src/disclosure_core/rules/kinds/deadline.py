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
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words
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
)
