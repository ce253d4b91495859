"""Checks over the document rather than table arithmetic: required parts, section numbers, figures in
the text against the tables, the publication deadline, and the format version for the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

import attrs

from disclosure_core.findings import CellUse, Outcome
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.arithmetic import cell_uses
from disclosure_core.rules.compile import Compiled, Number
from disclosure_core.rules.context import Context, Result, gather, integral
from disclosure_core.rules.messages import Words, arithmetic, labels, show_number
from disclosure_core.rules.spec import MissingPolicy
from disclosure_core.values import BLANK

NUMERALS = {"overview": "一", "proactive": "二", "requests": "三", "appeals": "四", "problems": "五", "other": "六"}
SECTION_NAMES = {
    "overview": ("总体情况", "Overview"),
    "proactive": ("主动公开政府信息情况", "Proactive disclosure"),
    "requests": ("收到和处理政府信息公开申请情况", "Requests received and handled"),
    "appeals": ("政府信息公开行政复议、行政诉讼情况", "Reconsideration and litigation"),
    "problems": ("存在的主要问题及改进情况", "Main problems and improvements"),
    "other": ("其他需要报告的事项", "Other matters"),
}
_NUMBERED = re.compile(r"\s*([一二三四五六])\s*[、.．]")


def _sections_words(ids: list[str]) -> tuple[str, str]:
    zh = "、".join(f"{NUMERALS[s]}、{SECTION_NAMES[s][0]}" for s in ids)
    en = ", ".join(f"{NUMERALS[s]} {SECTION_NAMES[s][1]}" for s in ids)
    return zh, en


@attrs.frozen
class RequiredCheck:
    """Sections present (and numbered), cells holding numbers, or a table not left entirely blank."""

    sections: tuple[str, ...]
    numbered: bool
    cells: tuple[CellAddress, ...]
    any_of: tuple[CellAddress, ...]

    def evaluate(self, ctx: Context) -> Result | None:
        present = dict(ctx.report.sections.items())
        lacking = [s for s in self.sections if present.get(s) is None]
        if self.numbered:
            lacking = [
                s for s in self.sections if (sec := present.get(s)) is not None and not _numbered(sec.heading, s)
            ]
        blank = [a for a in self.cells if ctx.cells.get(a, BLANK).number is None]
        if self.any_of and all(ctx.cells.get(a, BLANK).number is None for a in self.any_of):
            blank += list(self.any_of)
        if not lacking and not blank:
            return None
        names = [str(a) for a in blank]
        words: dict[str, Words] = {
            "sections": _sections_words(lacking),
            "numerals": "、".join(NUMERALS[s] for s in lacking),
            "cells": (labels(ctx.layout, names[:5], "zh"), labels(ctx.layout, names[:5], "en")),
            "count": str(len(names)),
        }
        headings = tuple(
            f"{s}: {h}" for s in lacking if (sec := present.get(s)) is not None for h in [sec.heading or "—"]
        )
        uses = tuple(CellUse(str(a), ctx.cells.get(a, BLANK)) for a in blank[:20])
        return Result(Outcome.FAIL, uses, words=words, notes=headings, missing=tuple(names))


def _numbered(heading: str | None, section: str) -> bool:
    match = _NUMBERED.match(heading or "")
    return match is not None and match.group(1) == NUMERALS[section]


@attrs.frozen
class NarrativeCheck:
    """A stated figure against the tables (or a stated share against figure ÷ table)."""

    figure: str
    measure: str
    table: Compiled
    fallback: Compiled | None
    policy: MissingPolicy

    def evaluate(self, ctx: Context) -> Result | None:
        figure = ctx.figures.get(self.figure)
        if figure is None or (self.measure == "percent" and figure.percent is None):
            return Result(Outcome.EMPTY)
        strict = gather(ctx, self.table.keys, MissingPolicy.NOT_VERIFIABLE)
        used, got = self.table, strict
        if strict.outcome is not None and self.fallback is not None:
            used, got = self.fallback, gather(ctx, self.fallback.keys, self.policy, claimed=True)
        elif strict.outcome is not None:
            got = gather(ctx, self.table.keys, self.policy, claimed=True)
        words: dict[str, Words] = {"stated": str(figure.value), "quote": figure.quote}
        uses = cell_uses(ctx, used.keys, None, used.linear)
        notes = (f"「{figure.quote}」",)
        if got.outcome is not None:
            words["missing"] = (
                labels(ctx.layout, [str(k[1]) for k in got.missing], "zh"),
                labels(ctx.layout, [str(k[1]) for k in got.missing], "en"),
            )
            outcome = Outcome.NOT_VERIFIABLE
            return Result(
                outcome,
                tuple(uses),
                figure.value,
                words=words,
                notes=notes,
                missing=tuple(str(k[1]) for k in got.missing),
            )
        try:
            table_value = _number(used.function(got.values))
            if self.measure == "percent":
                assert figure.percent is not None
                share = Decimal(figure.value) * 100 / Decimal(table_value)
                held = abs(figure.percent - share) < _unit_in_last_place(figure.percent)
                lhs: Number = figure.percent
                rhs: Number = share.quantize(Decimal("0.01"))
                words["base"] = show_number(table_value)
            else:
                lhs, rhs = figure.value, table_value
                held = lhs == rhs
        except (ZeroDivisionError, InvalidOperation) as exc:
            return Result(Outcome.RULE_ERROR, notes=(f"{type(exc).__name__}: {exc}",))
        if held and not got.assumed_zero:
            return None
        shown = [CellUse(u.cell, u.value, u.report, "rhs", u.weight) for u in uses]
        words.update(lhs=show_number(lhs), rhs=show_number(rhs), difference=show_number(lhs - rhs))
        words["percent"] = show_number(figure.percent)
        stated = (f"正文 {figure.value}", f"text {figure.value}")
        words["arithmetic"] = (
            arithmetic(ctx.layout, shown, "==", "zh", stated[0]),
            arithmetic(ctx.layout, shown, "==", "en", stated[1]),
        )
        return Result(
            Outcome.PASS if held else Outcome.FAIL,
            tuple(shown),
            integral(lhs),
            integral(rhs),
            integral(lhs - rhs),
            "==",
            words,
            notes=notes,
            missing=tuple(str(k[1]) for k in got.missing),
            assumed_zero=got.assumed_zero,
        )


def _number(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidOperation(f"expected a number, got {value!r}")
    return value


def _unit_in_last_place(percent: Decimal) -> Decimal:
    """Stated 4.34% allows 4.34 ≤ x < 4.35 (truncated) and 4.335 ≤ x (rounded): one unit in the last place."""
    exponent = percent.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


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
            note = f"no deadline is set for the level {level!r}; a rule set may give one"
            return Result(Outcome.NOT_VERIFIABLE, words=words, notes=(note,), missing=("deadline",))
        month, day = (int(part) for part in self.by_level[level].split("-"))
        deadline = dt.date(report.year + 1, month, day)
        words = {"level": level, "deadline": deadline.isoformat(), "published": str(report.published or "—")}
        if report.published is None:
            words["days"] = "—"
            words["missing"] = ("公布日期", "the publication date")
            return Result(
                Outcome.NOT_VERIFIABLE, words=words, notes=("the publication date is unknown",), missing=("published",)
            )
        late = (report.published - deadline).days
        if late <= 0:
            return None
        words["days"] = str(late)
        return Result(Outcome.FAIL, difference=late, words=words, notes=(f"{report.published} > {deadline}",))


@attrs.frozen
class FormatCheck:
    """The report uses the official format version prescribed for its year."""

    def evaluate(self, ctx: Context) -> Result | None:
        if ctx.layout.applies_to(ctx.report.year):
            return None
        expected = [
            layout.id
            for layout in ctx.layouts.values()
            if layout.extends is None and layout.applies_to(ctx.report.year)
        ]
        words = {"format": ctx.layout.id, "year": str(ctx.report.year), "expected": " / ".join(expected) or "—"}
        return Result(Outcome.FAIL, words=words, notes=(f"expected {words['expected']}",))
