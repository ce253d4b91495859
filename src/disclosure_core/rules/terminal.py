"""Findings for a terminal: grouped by table, cells named in the report's language, the arithmetic shown, reading
concerns apart from the real failures, and a warning first when the report's tables were not read with
confidence.

>>> from disclosure_core import check, load
>>> from disclosure_core.layouts import official_layouts
>>> report = load("examples/daixian-2020.json").report
>>> findings_text(report, official_layouts()["gov-2019"], check(report), "en").splitlines()[1]
'代县人民政府 · 2020 · gov-2019'
"""

from __future__ import annotations

from disclosure_core.catalogue import join, say
from disclosure_core.findings import Finding, Findings, Outcome, Severity
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.rules.confidence import reading_note, report_note, report_reading
from disclosure_core.rules.messages import cell_label
from disclosure_core.rules.output import FAILING, outcome_words, severity_words
from disclosure_core.rules.yearly import shown_arithmetic

_MARK = {Outcome.FAIL: "✗", Outcome.NOT_VERIFIABLE: "?", Outcome.RULE_ERROR: "!"}
_CONCERN_MARK = "~"


def tally_lines(findings: Findings, lang: str = "zh") -> list[str]:
    """The counts of a check: by outcome, then the failing ones by severity, then the not verifiable ones by
    the severity of their rules — never added together, so a rule that could not be verified is never
    counted as an error. Reading concerns are counted apart from the outcomes they would swell.

    >>> tally_lines(Findings(()), "en")[1]
    'failing (fails or rule errors) by severity: 0 errors, 0 warnings, 0 information'
    """
    counts, concerns = findings.by_outcome(), findings.reading_concerns()
    shown = {o: counts[o] - concerns[o] for o in Outcome}
    line = say(
        "findings.tally.outcome",
        lang,
        passed=shown[Outcome.PASS],
        failed=shown[Outcome.FAIL],
        not_verifiable=shown[Outcome.NOT_VERIFIABLE],
        rule_error=shown[Outcome.RULE_ERROR],
        empty=shown[Outcome.EMPTY],
    )
    if concerns:
        line += say("findings.tally.concerns", lang, count=sum(concerns.values()))
    exact = [f for f in findings if f.reading is None and not f.awaits_previous_report]
    failing = findings.by_severity(FAILING, exact)
    lines = [line, say("findings.tally.severity", lang, **{s.value: failing[s] for s in Severity})]
    unverified = findings.by_severity((Outcome.NOT_VERIFIABLE,), exact)
    if sum(unverified.values()):
        lines.append(say("findings.tally.unverified", lang, **{s.value: unverified[s] for s in Severity}))
    return lines


def findings_text(report: Report, layout: Layout, findings: Findings, lang: str = "zh") -> str:
    """The findings for a terminal: the counts (by outcome, by severity, apart), then the real failures by
    table, then what could not be verified by table, then the reading concerns apart (findings resting on
    cells not read exactly, with the caveat and no correction), then the checks that wait for last year's
    report (their rule ids on a line of their own, for ``--disable``).

    A report whose tables were not read with confidence gets a warning right under the counts.
    """
    lines = [
        report.title or report.body.name,
        say("findings.heading", lang, body=report.body.name, year=report.year, format=layout.id),
    ]
    banner = report_note(layout, report_reading(report, findings))
    if banner is not None:  # over everything: the findings below may be the reader's, not the report's
        lines.append(f"! {banner.text(lang)}")
    lines += tally_lines(findings, lang)
    listed = list(findings)
    waiting = [f for f in listed if f.awaits_previous_report]
    doubtful = [f for f in listed if f not in waiting and f.reading is not None]
    exact = [f for f in listed if f not in waiting and f.reading is None]
    order = [*(t.id for t in layout.tables), None]
    failing = [f for f in exact if f.outcome in FAILING]
    unverified = [f for f in exact if f.outcome not in FAILING]
    lines += _by_table(layout, failing, order, lang)
    if unverified:
        lines += ["", say("findings.unverified", lang)]
        lines += _by_table(layout, unverified, order, lang)
    if doubtful:
        lines += ["", say("findings.concerns", lang)]
        rank = {table: index for index, table in enumerate(order)}
        for finding in sorted(doubtful, key=lambda f: (f.outcome not in FAILING, rank.get(f.table, len(order)))):
            lines += _finding_lines(layout, finding, lang)
    if waiting:
        rules = sorted({f.base_rule for f in waiting})
        lines += ["", say("findings.previous", lang, count=len(waiting)), f"  {', '.join(rules)}"]
    return "\n".join(lines) + "\n"


def _by_table(layout: Layout, findings: list[Finding], order: list[str | None], lang: str) -> list[str]:
    groups: dict[str | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.table, []).append(finding)
    lines: list[str] = []
    for table in order:
        if table in groups:
            lines += ["", _table_title(layout, table, lang)]
            for finding in groups[table]:
                lines += _finding_lines(layout, finding, lang)
    return lines


def _table_title(layout: Layout, table: str | None, lang: str) -> str:
    if table is None:
        return say("findings.document", lang)
    spec = layout.table(table)
    return say("findings.table", lang, number=spec.number, label=spec.label.text(lang))


def _severity_column(severity: Severity, lang: str) -> str:
    width = max(len(severity_words(s, lang)) for s in Severity)
    return severity_words(severity, lang).ljust(width)


def _finding_lines(layout: Layout, finding: Finding, lang: str) -> list[str]:
    note = reading_note(layout, finding)
    mark = _MARK[finding.outcome] if note is None else _CONCERN_MARK
    failing = finding.outcome in FAILING
    head = say(
        "findings.line" if failing else "findings.line.unverified",
        lang,
        mark=mark,
        severity=_severity_column(finding.severity, lang) if failing else severity_words(finding.severity, lang),
        rule=finding.rule,
        outcome=outcome_words(finding.outcome, lang),
    )
    lines = [f"  {head}", f"      {finding.message.text(lang)}"]
    if note is not None:
        lines.append(f"      {note.text(lang)}")
    if finding.outcome is not Outcome.FAIL and finding.op and finding.cells:
        lines.append(f"      {shown_arithmetic(layout, finding.cells, finding.op, lang)}")  # both years' terms
    if finding.culprits:
        names = join([cell_label(layout, c, lang) for c in finding.culprits], lang)
        lines.append(f"      {say('findings.culprits' if note is None else 'findings.check', lang, cells=names)}")
    for s in finding.offered_suggestions:
        printed = next((u.value for u in finding.cells if u.cell == s.cell), None)
        before = printed.number if printed is not None and printed.number is not None else "?"
        kind = say(f"suggestion.{s.kind}", lang)
        line = say(
            "findings.suggest",
            lang,
            cell=cell_label(layout, s.cell, lang),
            before=before,
            after=s.value,
            kind=kind,
            confidence=f"{s.confidence:.1f}",
        )
        lines.append(f"      {line}")
    lines += [f"      · {note.text.text(lang)}" for note in finding.notes]
    return lines
