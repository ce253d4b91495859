"""Findings for people and programs: the terminal text (grouped by table, cells named in Chinese, the
arithmetic shown) and the versioned JSON contract ``disclosure-core/findings/1`` (docs/findings.md).

Findings that rest on a cell not read exactly are reading concerns: both outputs show them apart from the
real failures, say why in both languages, offer no correction for them, and open with a warning when the
report's tables as a whole were not read with confidence.

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
from disclosure_core.rules.confidence import ReportReading, explained, reading_note, report_note, report_reading
from disclosure_core.rules.messages import cell_label, show_number
from disclosure_core.rules.yearly import shown_arithmetic
from disclosure_core.values import Absent, CellValue, Count, Money

FAILING = (Outcome.FAIL, Outcome.RULE_ERROR)
"""Outcomes that count towards the failure level (``--fail-on``): not-verifiable findings are shown, not failed on."""


def reaches(findings: Findings, level: Severity, *, unverifiable: bool = False, concerns: bool = False) -> bool:
    """Whether any failing finding resting only on exactly read cells has severity ``level`` or worse.

    With ``unverifiable``, a finding that cannot be verified for a missing number counts as failing too
    (checks that only wait for last year's report do not): the strict reading an auditor wants. With
    ``concerns``, only the reading concerns count instead: the findings that rest on a cell not read exactly.

    >>> reaches(Findings(()), Severity.INFO), reaches(Findings(()), Severity.INFO, concerns=True)
    (False, False)
    """
    counted = [f for f in findings if f.outcome in FAILING or (unverifiable and _unverified(f))]
    return any(f.severity.at_least(level) and (f.reading is not None) is concerns for f in counted)


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
        if not where.reading.is_exact:  # as in the canonical JSON: written only where a reader had to decide
            data["provenance"].update(
                reading=where.reading.value, alternatives=list(where.alternatives), reason=where.reason
            )
    return data


def _reading(layout: Layout | None, finding: Finding) -> dict[str, Any] | None:
    concern, note = finding.reading, reading_note(layout, finding)
    if concern is None or note is None:
        return None
    return {
        "reading": concern.reading.value,
        "cells": [
            {
                "cell": c.cell,
                "report": c.report,
                "reading": c.reading.value,
                "alternatives": list(c.alternatives),
                "reason": c.reason,
            }
            for c in concern.cells
        ],
        "message": {"zh": note.zh, "en": note.en},
        "suggestions_withheld": len(finding.suggestions),
    }


def finding_json(finding: Finding, layout: Layout | None = None) -> dict[str, Any]:
    """One finding as a JSON object (see docs/findings.schema.json); ``layout`` names the cells of a caveat.

    A finding that rests on a cell not read exactly gets a ``reading`` object, its caveat appended to the
    message, and no suggestions (``reading.suggestions_withheld`` says how many were held back).
    """
    message = explained(layout, finding)
    data = {
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
        "message": {"zh": message.zh, "en": message.en},
        "fingerprint": finding.fingerprint,
        "culprits": list(finding.culprits),
        "suggestions": [
            {"cell": s.cell, "value": _number(s.value), "kind": s.kind, "confidence": s.confidence}
            for s in finding.offered_suggestions
        ],
        "missing": list(finding.missing),
        "blank_as_zero": finding.blank_as_zero,
        "notes": list(finding.notes),
        "basis": finding.basis,
    }
    reading = _reading(layout, finding)
    if reading is not None:
        data["reading"] = reading
    return data


def reading_json(layout: Layout | None, reading: ReportReading) -> dict[str, Any]:
    """How surely the report's tables were read, for the top of the findings document."""
    note = report_note(layout, reading)
    return {
        "confident": reading.confident,
        "cells": {r.value: n for r, n in reading.cells.items()},
        "uncertain": list(reading.uncertain),
        "in_identities": list(reading.in_identities),
        "concerns": reading.concerns,
        "message": None if note is None else {"zh": note.zh, "en": note.en},
    }


def findings_json(
    report: Report,
    findings: Findings,
    *,
    blank_as_zero: bool = False,
    previous: bool = False,
    layout: Layout | None = None,
) -> dict[str, Any]:
    """The whole findings document: schema id, the report checked, how surely it was read, options, summary
    and listed findings. ``layout`` (the report's) names cells in the reading caveats; without it the
    default registry's layout of the report's format is used."""
    counts = findings.by_outcome()
    concerns = findings.reading_concerns()
    layout = layout or _known_layout(report.format)
    return {
        "schema": FINDINGS_SCHEMA_ID,
        "report": {
            "body": report.body.name,
            "level": report.body.level.value,
            "year": report.year,
            "format": report.format,
            "title": report.title,
        },
        "reading": reading_json(layout, report_reading(report, findings)),
        "options": {"blank_as_zero": blank_as_zero, "previous": previous},
        "summary": {
            **{outcome.value: counts[outcome] for outcome in Outcome},
            "reading_concerns": {
                "total": sum(concerns.values()),
                **{o.value: concerns[o] for o in Outcome if o.listed},
            },
            "rules": [
                {
                    "rule": summary.rule,
                    **{o.value: n for o, n in summary.counts.items()},
                    "reading_concerns": summary.reading_concerns,
                }
                for summary in findings.by_rule()
            ],
        },
        "findings": [finding_json(f, layout) for f in findings],
    }


def _known_layout(format_id: str) -> Layout | None:
    # Without a layout given, only the official ones (the rules know nothing of a registry); None: caveats
    # name cells by address. Callers with a registry pass its layout.
    from disclosure_core.layouts import official_layouts

    return official_layouts().get(format_id)


_MARK = {Outcome.FAIL: "✗", Outcome.NOT_VERIFIABLE: "?", Outcome.RULE_ERROR: "!"}
_CONCERN_MARK = "~"
_WORDS = {
    "zh": {
        "fail": "不符",
        "not_verifiable": "无法核验",
        "rule_error": "规则错误",
        "document": "报告整体",
        "culprits": "可能出错的单元格",
        "suggest": "建议核对",
        "previous": "未提供上年报告，未核验",
        "concerns": "可能是读取问题（以下结果所依据的单元格未被确切读取，并非确认的报告错误，请对照原文核对）",
        "check": "请对照原文核对",
        "reading_concern": "reading_concern",
    },
    "en": {
        "fail": "fails",
        "not_verifiable": "not verifiable",
        "rule_error": "rule error",
        "document": "The report as a whole",
        "culprits": "probably wrong",
        "suggest": "suggested",
        "previous": "not checked without --previous",
        "concerns": "Possible reading problems (these findings rest on cells that were not read exactly; they are"
        " not confirmed errors of the report: check them against the document)",
        "check": "check against the document",
        "reading_concern": "reading_concern",
    },
}


def findings_text(report: Report, layout: Layout, findings: Findings, lang: str = "zh") -> str:
    """The findings for a terminal: a summary line, then one block per table, then the document's, then the
    reading concerns apart (findings resting on cells not read exactly, with the caveat and no correction).

    The summary line counts reading concerns apart from the outcomes they would otherwise swell, and a
    report whose tables were not read with confidence gets a warning right under it.
    """
    words = _WORDS["en" if lang == "en" else "zh"]
    counts = findings.by_outcome()
    concerns = findings.reading_concerns()
    tally = ", ".join(f"{counts[o] - concerns[o]} {o.value}" for o in Outcome)
    if concerns:
        tally += f", {sum(concerns.values())} {words['reading_concern']}"
    lines = [report.title or report.body.name, f"{report.body.name} · {report.year} · {layout.id} · {tally}"]
    banner = report_note(layout, report_reading(report, findings))
    if banner is not None:
        lines.append(f"! {banner.text(lang)}")
    listed = list(findings)
    waiting = [f for f in listed if f.awaits_previous_report]
    doubtful = [f for f in listed if f not in waiting and f.reading is not None]
    shown = [f for f in listed if f not in waiting and f.reading is None]
    order = [*(t.id for t in layout.tables), None]
    groups: dict[str | None, list[Finding]] = {}
    for finding in shown:
        groups.setdefault(finding.table, []).append(finding)
    for table in order:
        if table not in groups:
            continue
        lines += ["", _table_title(layout, table, lang, words)]
        for finding in groups[table]:
            lines += _finding_lines(layout, finding, lang, words)
    if doubtful:
        lines += ["", words["concerns"]]
        rank = {table: index for index, table in enumerate(order)}
        for finding in sorted(doubtful, key=lambda f: rank.get(f.table, len(order))):
            lines += _finding_lines(layout, finding, lang, words)
    if waiting:
        rules = sorted({f.base_rule for f in waiting})
        lines += ["", f"{words['previous']}: {len(waiting)} × {', '.join(rules)}"]
    return "\n".join(lines) + "\n"


def _table_title(layout: Layout, table: str | None, lang: str, words: dict[str, str]) -> str:
    if table is None:
        return words["document"]
    spec = layout.table(table)
    return f"{'表' if lang == 'zh' else 'Table '}{spec.number} {spec.label.text(lang)}"


def _finding_lines(layout: Layout, finding: Finding, lang: str, words: dict[str, str]) -> list[str]:
    outcome = words[finding.outcome.value]
    note = reading_note(layout, finding)
    mark = _MARK[finding.outcome] if note is None else _CONCERN_MARK
    lines = [f"  {mark} {finding.severity.value:<7} {finding.rule}  ({outcome})"]
    lines.append(f"      {finding.message.text(lang)}")
    if note is not None:
        lines.append(f"      {note.text(lang)}")
    if finding.outcome is not Outcome.FAIL and finding.op and finding.cells:
        lines.append(f"      {shown_arithmetic(layout, finding.cells, finding.op, lang)}")  # both years' terms
    if finding.culprits:
        names = [_label(layout, c, lang) for c in finding.culprits]
        label = words["culprits"] if note is None else words["check"]
        lines.append(f"      {label}: {'、'.join(names) if lang == 'zh' else ', '.join(names)}")
    for s in finding.offered_suggestions:
        printed = next((u.value for u in finding.cells if u.cell == s.cell), None)
        before = show_number(printed.number) if printed is not None and printed.number is not None else "?"
        lines.append(
            f"      {words['suggest']}: {_label(layout, s.cell, lang)} {before} → {show_number(s.value)} ({s.kind}, {s.confidence:.1f})"
        )
    lines += [f"      · {text}" for text in finding.notes]
    return lines


def _label(layout: Layout, cell: str, lang: str) -> str:
    try:
        return cell_label(layout, CellAddress.parse(cell), lang)
    except ValueError:
        return cell
