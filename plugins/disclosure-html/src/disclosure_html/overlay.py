"""The findings overlay: numbered findings with their arithmetic, and the marks they put on table cells.

Check results arrive as :class:`disclosure_core.findings.Findings` (iterating yields what is not a pass) or any
iterable of :class:`~disclosure_core.findings.Finding`; passes are never shown. Cells are named as a reader
sees them — "表2 一、本年新收政府信息公开申请数量 · 总计" — from the layout labels.

Findings that rest on a cell not read exactly (reading concerns) are listed apart, after the others, with
their caveat and without suggested corrections; a report whose tables were not read with confidence gets
a warning at the top of the findings.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from disclosure_core import CellValue, Finding, Findings, Outcome, Report, Severity
from disclosure_core.catalogue import entry, join, say, show
from disclosure_core.errors import RenderError
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.renderers import reading_note, report_note, report_reading
from disclosure_core.rendering import cell_text
from disclosure_html.tables import Mark

_TEXTS = {
    "heading": "overlay.heading",
    "none": "overlay.none",
    "lhs": "overlay.lhs",
    "rhs": "overlay.rhs",
    "difference": "overlay.difference",
    "cells": "overlay.cells",
    "suggestion": "overlay.suggestion",
    "previous": "overlay.previous",
    "blank": "overlay.blank",
    "see": "overlay.see",
    "table": "overlay.table",
    "deferred": "overlay.deferred",
    "concerns": "overlay.concerns",
    "concerns_intro": "overlay.concerns_intro",
    "concerns_summary": "overlay.concerns_summary",
    "reading": "overlay.reading",
    "level": "overlay.level",
    "colon": "overlay.colon",
    "separator": "overlay.separator",
    **{outcome.value: f"outcome.{outcome.value}" for outcome in Outcome},
    **{severity.value: f"severity.{severity.value}" for severity in Severity},
}
"""The words the template uses (name → catalogue key), all from the message catalogue."""


def texts_for(lang: str) -> dict[str, str]:
    """The template's words in ``lang``, unfilled (the template fills ``{count}`` and the like).

    >>> texts_for("zh")["rule_error"], texts_for("en")["not_verifiable"]
    ('规则出错', 'not verifiable')
    """
    return {name: entry(key).text(lang) for name, key in _TEXTS.items()}


@attrs.frozen
class CellLine:
    """One cell a finding uses, as shown: its name, printed value, and an anchor when it is in this report."""

    name: str
    value: str
    anchor: str | None


@attrs.frozen
class FindingView:
    """One numbered finding, ready for the template."""

    number: int
    severity: str
    severity_text: str
    outcome_text: str
    rule: str
    message: str
    arithmetic: tuple[tuple[str, str], ...]
    cells: tuple[CellLine, ...]
    suggestions: tuple[str, ...]
    notes: tuple[str, ...]
    reading: str = ""
    """The caveat of a finding resting on cells not read exactly (empty when every cell was read exactly)."""


@attrs.frozen
class Overlay:
    """The findings to list and the marks per cell; ``shown`` is False when no findings were given at all."""

    shown: bool
    findings: tuple[FindingView, ...] = ()
    summary: str = ""
    deferred: str = ""
    """One line for the year-over-year checks that wait for last year's report (they flag no cell)."""
    concerns: tuple[FindingView, ...] = ()
    """The reading concerns, numbered after the findings, listed apart."""
    banner: str = ""
    """The warning of a report whose tables were not read with confidence (empty when they were)."""
    texts: dict[str, str] = attrs.field(factory=dict)
    marks: dict[CellAddress, tuple[Mark, ...]] = attrs.field(factory=dict)
    mark_words: dict[int, str] = attrs.field(factory=dict)
    """What a cell's mark says of its finding: the severity, or for one not verifiable the level of its rule."""

    def marks_of(self, address: CellAddress) -> tuple[Mark, ...]:
        """The marks of one cell, worst severity first."""
        return self.marks.get(address, ())


def build_overlay(
    findings: Iterable[object] | None, layout: Layout, lang: str, report: Report | None = None
) -> Overlay:
    """Number the findings that are not passes, name their cells and collect the marks per cell.

    Reading concerns come after the other findings; with ``report`` the overlay also says whether the
    report's tables were read with confidence.
    """
    texts = texts_for(lang)
    if findings is None:
        return Overlay(False, texts=texts)
    failing: list[Finding] = []
    unverified: list[Finding] = []
    doubtful: list[Finding] = []
    waiting: list[Finding] = []
    for finding in findings:
        if not isinstance(finding, Finding):
            raise RenderError.keyed("renderer.findings", type=type(finding).__name__)
        if finding.awaits_previous_report:
            waiting.append(finding)
        elif finding.outcome in {Outcome.PASS, Outcome.EMPTY}:
            continue
        elif finding.reading is not None:
            doubtful.append(finding)
        else:
            (failing if finding.outcome in {Outcome.FAIL, Outcome.RULE_ERROR} else unverified).append(finding)
    shown = [*failing, *unverified]  # the real failures first, then what could not be verified
    views = []
    marks: dict[CellAddress, list[Mark]] = {}
    for number, finding in enumerate([*shown, *doubtful], start=1):
        views.append(_view(number, finding, layout, texts, lang))
        for address in dict.fromkeys(finding.addresses):
            if layout.has_cell(address):
                marks.setdefault(address, []).append(Mark(number, finding.severity.value))
    ranked = {
        address: tuple(sorted(found, key=lambda m: (-Severity(m.severity).rank, m.number)))
        for address, found in marks.items()
    }
    summary = _summary(failing, unverified, doubtful, lang) if shown or doubtful else texts["none"]
    banner = ""
    if report is not None:
        listed = [*shown, *doubtful, *waiting]
        note = report_note(layout, report_reading(report, Findings(tuple(listed))))
        banner = note.text(lang) if note is not None else ""
    rules = join(sorted({f.base_rule for f in waiting}), lang)
    deferred = f"{say('overlay.deferred', lang, count=len(waiting))} {rules}" if waiting else ""
    real = tuple(views[: len(shown)])
    return Overlay(
        True,
        real,
        summary,
        deferred,
        texts=texts,
        marks=ranked,
        mark_words={view.number: view.severity_text for view in views},
        concerns=tuple(views[len(shown) :]),
        banner=banner,
    )


def _summary(failing: list[Finding], unverified: list[Finding], doubtful: list[Finding], lang: str) -> str:
    """Counts by outcome, then the failing ones by severity: a rule that could not be verified is no error."""
    fails = sum(1 for f in failing if f.outcome is Outcome.FAIL)
    parts = [
        say(
            "overlay.summary.outcome",
            lang,
            count=len(failing) + len(unverified),
            failed=fails,
            rule_error=len(failing) - fails,
            not_verifiable=len(unverified),
        ),
        say("overlay.summary.severity", lang, **{s.value: sum(f.severity is s for f in failing) for s in Severity}),
    ]
    if unverified:
        parts.append(say("overlay.summary.unverified", lang, count=len(unverified)))
    if doubtful:
        parts.append(say("overlay.concerns_summary", lang, count=len(doubtful)))
    return ("" if lang != "en" else " ").join(parts)


def _view(number: int, finding: Finding, layout: Layout, texts: dict[str, str], lang: str) -> FindingView:
    arithmetic = tuple(
        (texts[name], show(value))
        for name, value in (("lhs", finding.lhs), ("rhs", finding.rhs), ("difference", finding.difference))
        if value is not None
    )
    cells = tuple(_cell_line(use.cell, use.value, use.report, layout, texts, lang) for use in finding.cells)
    suggestions = tuple(
        say(
            "overlay.suggestion",
            lang,
            cell=_cell_name(s.cell, layout, texts, lang),
            value=s.value,
            kind=say(f"suggestion.{s.kind}", lang),
            confidence=f"{s.confidence:.2f}",
        )
        for s in finding.offered_suggestions
    )
    note = reading_note(layout, finding)
    return FindingView(
        number,
        finding.severity.value,
        _severity_text(finding, lang),
        texts[finding.outcome.value],
        finding.rule,
        finding.message.text(lang),
        arithmetic,
        cells,
        suggestions,
        tuple(n.text.text(lang) for n in finding.notes),
        note.text(lang) if note is not None else "",
    )


def _severity_text(finding: Finding, lang: str) -> str:
    """The severity of a failing finding; for one that could not be verified, the level of its rule."""
    severity = say(f"severity.{finding.severity.value}", lang)
    if finding.outcome in {Outcome.FAIL, Outcome.RULE_ERROR}:
        return severity
    return say("overlay.level", lang, severity=severity)


def _cell_line(
    address: CellAddress, value: CellValue, report: str, layout: Layout, texts: dict[str, str], lang: str = "zh"
) -> CellLine:
    name = _cell_name(address, layout, texts, lang)
    known = layout.has_cell(address)
    printed = cell_text(value, layout.column_of(address)) if known else ""
    if report != "current":
        return CellLine(f"{texts['previous']} {name}", printed or texts["blank"], None)
    return CellLine(name, printed or texts["blank"], str(address) if known else None)


def _cell_name(address: CellAddress, layout: Layout, texts: dict[str, str], lang: str = "zh") -> str:
    if not layout.has_cell(address):
        return str(address)
    table = layout.table(address.table)
    number = texts["table"].format(number=table.number)
    return f"{number} {table.row(address.row).label.text(lang)} · {table.column(address.column).label.text(lang)}"
