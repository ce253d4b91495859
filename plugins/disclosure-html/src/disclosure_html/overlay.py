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
from decimal import Decimal

import attrs

from disclosure_core import CellValue, Finding, Findings, Outcome, Report, Severity
from disclosure_core.errors import RenderError
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.rendering import cell_text
from disclosure_core.rules.confidence import reading_note, report_note, report_reading
from disclosure_html.tables import Mark

TEXTS = {
    "zh": {
        "heading": "核查结果",
        "none": "未发现问题。",
        "summary": "共 {count} 项：错误 {error} 项，警告 {warning} 项，提示 {info} 项。",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "fail": "不符",
        "not_verifiable": "无法核验",
        "rule_error": "规则出错",
        "lhs": "左边",
        "rhs": "右边",
        "difference": "差额",
        "cells": "涉及单元格",
        "suggestion": "建议将 {cell} 改为 {value}（{kind}，置信度 {confidence}）",
        "previous": "上年报告",
        "blank": "（空白）",
        "see": "见核查结果第{number}项（{severity}）",
        "table": "表{number}",
        "deferred": "未提供上年报告，{count} 项跨年度核对未进行（{rules}）。",
        "concerns": "可能是读取问题",
        "concerns_intro": "以下 {count} 项所依据的单元格未被确切读取，并非确认的报告错误，请对照原文核对；不给出更正建议。",
        "concerns_summary": "另有 {count} 项可能是读取问题。",
        "reading": "可能是读取问题",
    },
    "en": {
        "heading": "Check findings",
        "none": "No findings.",
        "summary": "{count} findings: {error} errors, {warning} warnings, {info} information.",
        "error": "error",
        "warning": "warning",
        "info": "information",
        "fail": "fails",
        "not_verifiable": "not verifiable",
        "rule_error": "rule error",
        "lhs": "left side",
        "rhs": "right side",
        "difference": "difference",
        "cells": "cells",
        "suggestion": "suggested: {cell} → {value} ({kind}, confidence {confidence})",
        "previous": "previous report",
        "blank": "(blank)",
        "see": "see finding {number} ({severity})",
        "table": "Table {number}",
        "deferred": "No previous report given: {count} year-over-year checks not made ({rules}).",
        "concerns": "Possible reading problems",
        "concerns_intro": "These {count} findings rest on cells that were not read exactly: they are not confirmed "
        "errors of the report; check them against the document. No corrections are suggested for them.",
        "concerns_summary": "{count} more may be reading problems.",
        "reading": "possible reading problem",
    },
}


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
    texts = TEXTS["en" if lang == "en" else "zh"]
    if findings is None:
        return Overlay(False, texts=texts)
    shown: list[Finding] = []
    doubtful: list[Finding] = []
    waiting: list[Finding] = []
    for finding in findings:
        if not isinstance(finding, Finding):
            raise RenderError(f"findings: expected Finding objects, got a {type(finding).__name__}")
        if finding.awaits_previous_report:
            waiting.append(finding)
        elif finding.outcome is not Outcome.PASS:
            (shown if finding.reading is None else doubtful).append(finding)
    views = []
    marks: dict[CellAddress, list[Mark]] = {}
    for number, finding in enumerate([*shown, *doubtful], start=1):
        views.append(_view(number, finding, layout, texts, lang))
        for address in dict.fromkeys(finding.addresses):
            parsed = _address(address)
            if parsed is not None and layout.has_cell(parsed):
                marks.setdefault(parsed, []).append(Mark(number, finding.severity.value))
    ranked = {
        address: tuple(sorted(found, key=lambda m: (-Severity(m.severity).rank, m.number)))
        for address, found in marks.items()
    }
    counts = {severity.value: sum(1 for f in shown if f.severity is severity) for severity in Severity}
    summary = texts["summary"].format(count=len(shown), **counts) if shown else texts["none"]
    if doubtful:
        summary += ("" if lang != "en" else " ") + texts["concerns_summary"].format(count=len(doubtful))
    banner = ""
    if report is not None:
        listed = [*shown, *doubtful, *waiting]
        note = report_note(layout, report_reading(report, Findings(tuple(listed))))
        banner = note.text(lang) if note is not None else ""
    rules = (
        "、".join(sorted({f.base_rule for f in waiting}))
        if lang != "en"
        else ", ".join(sorted({f.base_rule for f in waiting}))
    )
    deferred = texts["deferred"].format(count=len(waiting), rules=rules) if waiting else ""
    real = tuple(views[: len(shown)])
    return Overlay(
        True,
        real,
        summary,
        deferred,
        texts=texts,
        marks=ranked,
        concerns=tuple(views[len(shown) :]),
        banner=banner,
    )


def _view(number: int, finding: Finding, layout: Layout, texts: dict[str, str], lang: str) -> FindingView:
    arithmetic = tuple(
        (texts[name], _number(value))
        for name, value in (("lhs", finding.lhs), ("rhs", finding.rhs), ("difference", finding.difference))
        if value is not None
    )
    cells = tuple(_cell_line(use.cell, use.value, use.report, layout, texts) for use in finding.cells)
    suggestions = tuple(
        texts["suggestion"].format(
            cell=_cell_name(s.cell, layout, texts),
            value=_number(s.value),
            kind=s.kind,
            confidence=f"{s.confidence:.2f}",
        )
        for s in finding.offered_suggestions
    )
    note = reading_note(layout, finding)
    return FindingView(
        number,
        finding.severity.value,
        texts[finding.severity.value],
        texts[finding.outcome.value],
        finding.rule,
        finding.message.text(lang),
        arithmetic,
        cells,
        suggestions,
        finding.notes,
        note.text(lang) if note is not None else "",
    )


def _cell_line(cell: str, value: CellValue, report: str, layout: Layout, texts: dict[str, str]) -> CellLine:
    name = _cell_name(cell, layout, texts)
    address = _address(cell)
    printed = ""
    if address is not None and layout.has_cell(address):
        printed = cell_text(value, layout.column_of(address))
    if report != "current":
        return CellLine(f"{texts['previous']} {name}", printed or texts["blank"], None)
    return CellLine(name, printed or texts["blank"], str(address) if address and layout.has_cell(address) else None)


def _cell_name(cell: str, layout: Layout, texts: dict[str, str]) -> str:
    address = _address(cell)
    if address is None or not layout.has_cell(address):
        return cell
    table = layout.table(address.table)
    number = texts["table"].format(number=table.number)
    return f"{number} {table.row(address.row).label.zh} · {table.column(address.column).label.zh}"


def _address(cell: str) -> CellAddress | None:
    try:
        return CellAddress.parse(cell)
    except ValueError:
        return None


def _number(value: int | Decimal) -> str:
    return f"{value:f}" if isinstance(value, Decimal) else str(value)
