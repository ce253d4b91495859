"""Findings for people and programs: the terminal text (grouped by table, cells named in Chinese, the
arithmetic shown) and the versioned JSON contract ``disclosure-core/findings/1`` (docs/findings.md).

>>> from disclosure_core import check, load
>>> report = load("examples/daixian-2020.json").report
>>> findings_json(report, check(report))["schema"]
'disclosure-core/findings/1'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from disclosure_core.findings import FINDINGS_SCHEMA_ID, CellUse, Finding, Findings, Outcome, Severity
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import Report
from disclosure_core.rules.messages import arithmetic, cell_label, show_number
from disclosure_core.values import Absent, CellValue, Count, Money

FAILING = (Outcome.FAIL, Outcome.RULE_ERROR)
"""Outcomes that count towards the failure level (``--fail-on``): not-verifiable findings are shown, not failed on."""


def reaches(findings: Findings, level: Severity, *, unverifiable: bool = False) -> bool:
    """Whether any failing finding has severity ``level`` or worse.

    With ``unverifiable``, a finding that cannot be verified for a missing number counts as failing too
    (checks that only wait for last year's report do not): the strict reading an auditor wants.

    >>> reaches(Findings(()), Severity.INFO)
    False
    """
    counted = [f for f in findings if f.outcome in FAILING or (unverifiable and _unverified(f))]
    return any(f.severity.at_least(level) for f in counted)


def _unverified(finding: Finding) -> bool:
    return finding.outcome is Outcome.NOT_VERIFIABLE and not finding.awaits_previous_report


def _number(number: int | Decimal | None) -> int | str | None:
    if number is None or isinstance(number, int):
        return number
    return show_number(number)


def _value(value: CellValue) -> Any:
    if isinstance(value, Count):
        return value.value
    if isinstance(value, Money):
        return {"amount": show_number(value.amount), "unit": value.unit}
    if isinstance(value, Absent) and value.kind.value == "blank":
        return None
    assert isinstance(value, Absent)
    return {"absent": value.kind.value, "text": value.text}


def _use(use: CellUse) -> dict[str, Any]:
    data: dict[str, Any] = {"cell": use.cell, "value": _value(use.value), "report": use.report}
    if use.side:
        data.update(side=use.side, weight=use.weight)
    where = use.value.provenance
    if where is not None:
        data["provenance"] = {"source": where.source, "page": where.page, "line": where.line, "cell": where.cell}
    return data


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object (see docs/findings.schema.json)."""
    return {
        "rule": finding.rule,
        "base": finding.base_rule,
        "severity": finding.severity.value,
        "outcome": finding.outcome.value,
        "table": finding.table,
        "cells": [_use(use) for use in finding.cells],
        "op": finding.op,
        "lhs": _number(finding.lhs),
        "rhs": _number(finding.rhs),
        "difference": _number(finding.difference),
        "message": {"zh": finding.message.zh, "en": finding.message.en},
        "fingerprint": finding.fingerprint,
        "culprits": list(finding.culprits),
        "suggestions": [
            {"cell": s.cell, "value": _number(s.value), "kind": s.kind, "confidence": s.confidence}
            for s in finding.suggestions
        ],
        "missing": list(finding.missing),
        "blank_as_zero": finding.blank_as_zero,
        "notes": list(finding.notes),
        "basis": finding.basis,
    }


def findings_json(
    report: Report, findings: Findings, *, blank_as_zero: bool = False, previous: bool = False
) -> dict[str, Any]:
    """The whole findings document: schema id, the report checked, options, summary and listed findings."""
    counts = findings.by_outcome()
    return {
        "schema": FINDINGS_SCHEMA_ID,
        "report": {
            "body": report.body.name,
            "level": report.body.level.value,
            "year": report.year,
            "format": report.format,
            "title": report.title,
        },
        "options": {"blank_as_zero": blank_as_zero, "previous": previous},
        "summary": {
            **{outcome.value: counts[outcome] for outcome in Outcome},
            "rules": [
                {"rule": summary.rule, **{o.value: n for o, n in summary.counts.items()}}
                for summary in findings.by_rule()
            ],
        },
        "findings": [finding_json(f) for f in findings],
    }


_MARK = {Outcome.FAIL: "✗", Outcome.NOT_VERIFIABLE: "?", Outcome.RULE_ERROR: "!"}
_WORDS = {
    "zh": {
        "fail": "不符",
        "not_verifiable": "无法核验",
        "rule_error": "规则错误",
        "document": "报告整体",
        "culprits": "可能出错的单元格",
        "suggest": "建议核对",
        "previous": "未提供上年报告，未核验",
    },
    "en": {
        "fail": "fails",
        "not_verifiable": "not verifiable",
        "rule_error": "rule error",
        "document": "The report as a whole",
        "culprits": "probably wrong",
        "suggest": "suggested",
        "previous": "not checked without --previous",
    },
}


def findings_text(report: Report, layout: Layout, findings: Findings, lang: str = "zh") -> str:
    """The findings for a terminal: a summary line, then one block per table, then the document's."""
    words = _WORDS["en" if lang == "en" else "zh"]
    counts = findings.by_outcome()
    lines = [
        report.title or report.body.name,
        f"{report.body.name} · {report.year} · {layout.id} · " + ", ".join(f"{counts[o]} {o.value}" for o in Outcome),
    ]
    listed = list(findings)
    waiting = [f for f in listed if f.awaits_previous_report]
    shown = [f for f in listed if f not in waiting]
    groups: dict[str | None, list[Finding]] = {}
    for finding in shown:
        groups.setdefault(finding.table, []).append(finding)
    for table in [*(t.id for t in layout.tables), None]:
        if table not in groups:
            continue
        if table is None:
            title = words["document"]
        else:
            spec = layout.table(table)
            title = f"{'表' if lang == 'zh' else 'Table '}{spec.number} {spec.label.text(lang)}"
        lines += ["", title]
        for finding in groups[table]:
            lines += _finding_lines(layout, finding, lang, words)
    if waiting:
        rules = sorted({f.base_rule for f in waiting})
        lines += ["", f"{words['previous']}: {len(waiting)} × {', '.join(rules)}"]
    return "\n".join(lines) + "\n"


def _finding_lines(layout: Layout, finding: Finding, lang: str, words: dict[str, str]) -> list[str]:
    outcome = words[finding.outcome.value]
    lines = [f"  {_MARK[finding.outcome]} {finding.severity.value:<7} {finding.rule}  ({outcome})"]
    lines.append(f"      {finding.message.text(lang)}")
    if finding.outcome is not Outcome.FAIL and finding.op and finding.cells:
        lines.append(
            f"      {arithmetic(layout, [c for c in finding.cells if c.report == 'current'], finding.op, lang)}"
        )
    if finding.culprits:
        names = [_label(layout, c, lang) for c in finding.culprits]
        lines.append(f"      {words['culprits']}: {'、'.join(names) if lang == 'zh' else ', '.join(names)}")
    for s in finding.suggestions:
        printed = next((u.value for u in finding.cells if u.cell == s.cell), None)
        before = show_number(printed.number) if printed is not None and printed.number is not None else "?"
        lines.append(
            f"      {words['suggest']}: {_label(layout, s.cell, lang)} {before} → {show_number(s.value)} ({s.kind}, {s.confidence:.1f})"
        )
    lines += [f"      · {note}" for note in finding.notes]
    return lines


def _label(layout: Layout, cell: str, lang: str) -> str:
    try:
        return cell_label(layout, CellAddress.parse(cell), lang)
    except ValueError:
        return cell
