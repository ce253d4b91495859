"""Findings for programs: the versioned JSON contract ``disclosure-core/findings/1`` (docs/findings.md), and
the words of outcomes and severities it shares with the terminal text (:mod:`~disclosure_core.rules.terminal`).

Findings that rest on a cell not read exactly are reading concerns: both outputs show them apart from the
real failures, say why in both languages, offer no correction for them, and open with a warning when the
report's tables as a whole were not read with confidence.

>>> from disclosure_core import check, load
>>> report = load("examples/daixian-2020.json").report
>>> findings_json(report, check(report))["schema"]
'disclosure-core/findings/1'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from disclosure_core.catalogue import say
from disclosure_core.findings import (
    FINDINGS_SCHEMA_ID,
    CellUse,
    Finding,
    Findings,
    Outcome,
    ReadingConcern,
    Severity,
)
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.rules.confidence import ReportReading, explained, reading_note, report_note, report_reading
from disclosure_core.rules.messages import show_number
from disclosure_core.values import BLANK, Absent, CellValue, Count, Money

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
    data: dict[str, Any] = {"cell": str(use.cell), "value": _value(use.value), "report": use.report}
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
                "cell": str(c.cell),
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

    >>> from disclosure_core import check, load
    >>> finding = next(f for f in check(load("examples/daixian-2020.json").report) if f.rhs == 12)
    >>> data = finding_json(finding)
    >>> data["rule"], data["lhs"], data["rhs"], "reading" in data
    ('proactive.published_within_total.normative_documents', 18, 12, False)
    """
    return _finding_json(finding, layout, finding.reading)


def _finding_json(finding: Finding, layout: Layout | None, concern: ReadingConcern | None) -> dict[str, Any]:
    """:func:`finding_json` given the finding's reading concern (``finding.reading``, worked out from its
    cells: a document works it out once per finding, not once per field that depends on it)."""
    if concern is None:  # the common case: the message as made, the suggestions offered, no caveat
        message, suggestions, reading = finding.message, finding.suggestions, None
    else:
        message, suggestions, reading = explained(layout, finding), (), _reading(layout, finding)
    notes = finding.notes
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
        "culprits": [str(cell) for cell in finding.culprits],
        "suggestions": [
            {"cell": str(s.cell), "value": _number(s.value), "kind": s.kind, "confidence": s.confidence}
            for s in suggestions
        ],
        "missing": list(finding.missing),
        "blank_as_zero": finding.blank_as_zero,
        "notes": [str(note) for note in notes],
        "annotations": [
            {"kind": note.kind.value, "message": {"zh": note.text.zh, "en": note.text.en}} for note in notes
        ],
        "basis": finding.basis,
    }
    if reading is not None:
        data["reading"] = reading
    return data


def reading_json(layout: Layout | None, reading: ReportReading) -> dict[str, Any]:
    """How surely the report's tables were read, for the top of the findings document."""
    note = report_note(layout, reading)
    return {
        "confident": reading.confident,
        "cells": {r.value: n for r, n in reading.cells.items()},
        "uncertain": [str(cell) for cell in reading.uncertain],
        "in_identities": [str(cell) for cell in reading.in_identities],
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
    default registry's layout of the report's format is used.

    Every count of the summary comes from one pass over the findings, and each listed finding's reading
    concern is worked out once (a batch writes this document for every report: the counts the
    :class:`~disclosure_core.findings.Findings` methods give one by one cost more than the check).
    """
    document, rows = _parts(report, findings, blank_as_zero, previous, layout, _finding_json)
    document["summary"]["rules"] = [rule_row(rule, counts) for rule, counts in rows]
    document["labels"] = labels_json()
    return document


RuleCounts = tuple[str, list[int]]
"""A rule's row of the summary as numbers: its id, the count of each outcome (in ``Outcome`` order), then how
many of its listed findings are reading concerns."""


def findings_parts(
    report: Report,
    findings: Findings,
    *,
    blank_as_zero: bool = False,
    previous: bool = False,
    layout: Layout | None = None,
) -> tuple[dict[str, Any], list[RuleCounts]]:
    """:func:`findings_json` with its summary's ``rules`` and its ``labels`` left empty, and the rules' rows as
    numbers: for a writer that encodes those two parts itself (a batch, in whose reports the same rows and
    labels recur: :func:`rule_row` and :func:`labels_json` make them as :func:`findings_json` has them).

    A listed finding whose words recur from report to report (a check waiting for last year's report) is an
    :class:`EncodedFinding`, its compact encoding made beside it from parts encoded once per process; such
    findings share their unchanging lists with other documents: encode the document, do not change it.

    >>> from disclosure_core import check, load
    >>> report = load("examples/daixian-2020.json").report
    >>> document, rows = findings_parts(report, check(report))
    >>> document["summary"]["rules"], document["labels"], rule_row(*rows[0])["rule"]
    ([], {}, 'requests.balance')
    """
    return _parts(report, findings, blank_as_zero, previous, layout, _shared_json)


def _parts(
    report: Report,
    findings: Findings,
    blank_as_zero: bool,
    previous: bool,
    layout: Layout | None,
    listed: Callable[[Finding, Layout | None, ReadingConcern | None], dict[str, Any]],
) -> tuple[dict[str, Any], list[RuleCounts]]:
    tally = _Tally(findings)
    layout = layout or _known_layout(report.format)
    document = {
        "schema": FINDINGS_SCHEMA_ID,
        "report": {
            "body": report.body.name,
            "level": report.body.level.value,
            "year": report.year,
            "format": report.format,
            "title": report.title,
        },
        "reading": reading_json(layout, report_reading(report, findings, tally.listed)),
        "options": {"blank_as_zero": blank_as_zero, "previous": previous},
        "summary": {
            **dict(zip(_OUTCOME_NAMES, tally.counts, strict=True)),
            "reading_concerns": {
                "total": sum(tally.concerned),
                **{_OUTCOME_NAMES[i]: tally.concerned[i] for i in _LISTED_POSITIONS},
            },
            "rules": [],
            "by_severity": {"failing": tally.failing, "not_verifiable": tally.unverified},
        },
        "labels": {},
        "findings": [listed(f, layout, concern) for f, concern in tally.listed],
    }
    return document, list(tally.rules.items())


class EncodedFinding(dict[str, Any]):
    """A listed finding's JSON object (:func:`finding_json`'s), with ``encoded``: the same object as compact
    JSON, ``json.dumps(finding, ensure_ascii=False, separators=(",", ":"))``.

    >>> from disclosure_core import Body, Report, check
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"requests.carried_over.total": 3})
    >>> first, _ = findings_parts(report, check(report))  # made in full: the engine keeps what recurs
    >>> document, _ = findings_parts(report, check(report))
    >>> shown = next(f for f in document["findings"] if f["rule"] == "requests.carried_over_yoy.total")
    >>> shown.encoded == json.dumps(shown, ensure_ascii=False, separators=(",", ":")), shown["cells"][0]["value"]
    (True, 3)
    """

    __slots__ = ("encoded",)
    encoded: str


def _shared_json(finding: Finding, layout: Layout | None, concern: ReadingConcern | None) -> dict[str, Any]:
    """:func:`_finding_json`, or for a finding whose words recur (made from what the rule engine kept of its
    instance: ``finding._shape``, ``rules/waiting.py``) an :class:`EncodedFinding` from a template kept per shape:
    every field is the shape's but the cells and the fingerprint."""
    shape = finding._shape
    if shape is None or concern is not None:
        return _finding_json(finding, layout, concern)
    kept = _TEMPLATES.get(id(shape))
    if kept is None or kept.shape is not shape:
        if len(_TEMPLATES) > 4096:  # many rule sets in one process: the cache must stay small
            _TEMPLATES.clear()
        kept = _TEMPLATES[id(shape)] = _Template(shape, _finding_json(finding, layout, None))
    uses = finding.cells
    cells = [_use(use) for use in uses]
    fingerprint = finding.fingerprint
    shown = EncodedFinding(kept.data)
    shown["cells"] = cells
    shown["fingerprint"] = fingerprint
    shown.encoded = kept.encoded(uses, cells, fingerprint)
    return shown


class _Template:
    """A finding's JSON object and its compact encoding cut where each cell's value and the fingerprint go,
    for the findings of one shape: the same cells (address, report, side, weight) in the same order."""

    def __init__(self, shape: object, data: dict[str, Any]) -> None:
        self.shape = shape  # kept: its id is the key, and is not reused while it lives
        self.data = {**data, "cells": None, "fingerprint": None}  # each document's own are put in
        text = compact_json(self.data)
        # Each key is in the text once, as a key: every quote inside a string value is escaped.
        cells = text.index(_CELLS) + len(_CELLS) - len("null")
        fingerprint = text.index(_FINGERPRINT) + len(_FINGERPRINT) - len("null")
        self.before_cells, self.after_cells = text[:cells], text[cells + 4 : fingerprint]
        self.after = text[fingerprint + 4 :]
        # Each cell's text around its value (the value null, no provenance), cut the same way.
        self.around: list[tuple[str, str]] = []
        for cell in data["cells"]:
            shown = compact_json({**cell, "value": None, "provenance": None})
            value = shown.index(_VALUE) + len(_VALUE) - len("null")
            self.around.append((shown[:value], shown[value + 4 :].removesuffix(_NO_PROVENANCE) + "}"))

    def encoded(self, uses: tuple[CellUse, ...], cells: list[dict[str, Any]], fingerprint: str) -> str:
        """The compact encoding of this shape's finding with ``cells`` (made from ``uses``) and ``fingerprint``."""
        parts = []
        for use, cell, (before, after) in zip(uses, cells, self.around, strict=True):
            value = use.value
            if value.provenance is not None:  # written only where the source said where: encoded as it is
                parts.append(compact_json(cell))
            elif type(value) is Count and type(value.value) is int:
                parts.append(f"{before}{int.__repr__(value.value)}{after}")  # as the encoder writes an int
            elif value is BLANK:
                parts.append(f"{before}null{after}")
            else:
                parts.append(f"{before}{compact_json(cell['value'])}{after}")
        shown_cells = f"[{','.join(parts)}]"
        return f"{self.before_cells}{shown_cells}{self.after_cells}{compact_json(fingerprint)}{self.after}"


_TEMPLATES: dict[int, _Template] = {}
_CELLS = ',"cells":null'
_FINGERPRINT = ',"fingerprint":null'
_VALUE = ',"value":null'
_NO_PROVENANCE = ',"provenance":null}'
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _compact_encoder() -> Callable[[Any], str]:
    # JSONEncoder.encode makes a new C encoder on every call (a few microseconds: more than a finding's cells
    # take to encode); this one is made once. The same arguments as _COMPACT's (json.encoder passes them so).
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator: the pure-Python encoder, through JSONEncoder
        return _COMPACT.encode
    iterencode = make(None, _COMPACT.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(iterencode(value, 0))


compact_json = _compact_encoder()
"""``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` (without the check for cycles: for fresh trees
of dicts and lists), with the C encoder made once, not once per call.

>>> compact_json({"cells": [{"cell": "a.b.c", "value": None}], "message": "无法核验", "x": 1.5})
'{"cells":[{"cell":"a.b.c","value":null}],"message":"无法核验","x":1.5}'
"""


def rule_row(rule: str, counts: list[int]) -> dict[str, Any]:
    """A rule's row of the findings document's summary, from its :data:`RuleCounts`.

    >>> rule_row("requests.balance", [7, 0, 0, 0, 0, 0])["pass"]
    7
    """
    return dict(zip(RULE_ROW_KEYS, (rule, *counts), strict=True))


_OUTCOMES = tuple(Outcome)
_OUTCOME_NAMES = tuple(outcome.value for outcome in _OUTCOMES)
_POSITION = {outcome: i for i, outcome in enumerate(_OUTCOMES)}
_UNLISTED = frozenset(outcome for outcome in Outcome if not outcome.listed)
_LISTED_POSITIONS = tuple(i for i, outcome in enumerate(_OUTCOMES) if outcome.listed)
RULE_ROW_KEYS = ("rule", *_OUTCOME_NAMES, "reading_concerns")
"""The keys of a rule's row in the summary: its id, the count of each outcome, its reading concerns."""


class _Tally:
    """The counts of a findings document, from one pass over every instance's finding: by outcome, by rule
    (``rules[rule]``: the count of each outcome in ``Outcome`` order, then the reading concerns), the listed
    findings with their reading concerns, and the failing and not-verifiable ones on exactly read cells by
    severity. The same numbers as ``Findings.by_outcome``, ``by_rule``, ``reading_concerns`` and
    ``by_severity``, which each walk every finding again."""

    def __init__(self, findings: Findings) -> None:
        position, unlisted = _POSITION, _UNLISTED
        self.counts = counts = [0] * len(_OUTCOMES)
        self.concerned = concerned = [0] * len(_OUTCOMES)
        self.rules: dict[str, list[int]] = {}
        self.listed: list[tuple[Finding, ReadingConcern | None]] = []
        failing = dict.fromkeys(Severity, 0)
        unverified = dict.fromkeys(Severity, 0)
        rules = self.rules
        for finding in findings.all:
            outcome = finding.outcome
            at = position[outcome]
            counts[at] += 1
            rule = finding.base or finding.rule  # Finding.base_rule
            row = rules.get(rule)
            if row is None:
                row = rules[rule] = [0] * (len(_OUTCOMES) + 1)
            row[at] += 1
            if outcome in unlisted:
                continue
            concern = finding.reading
            self.listed.append((finding, concern))
            if concern is not None:
                concerned[at] += 1
                row[-1] += 1
            elif not finding.awaits_previous_report:  # counted by severity only on exactly read cells
                if outcome in FAILING:
                    failing[finding.severity] += 1
                elif outcome is Outcome.NOT_VERIFIABLE:
                    unverified[finding.severity] += 1
        self.failing = {s.value: n for s, n in failing.items()}
        self.unverified = {s.value: n for s, n in unverified.items()}


def labels_json() -> dict[str, Any]:
    """The words of every outcome and severity in both languages, for programs that show them.

    >>> labels_json()["outcome"]["rule_error"]
    {'zh': '规则出错', 'en': 'rule error'}
    """
    return {
        "outcome": {o.value: {lang: outcome_words(o, lang) for lang in ("zh", "en")} for o in Outcome},
        "severity": {s.value: {lang: severity_words(s, lang) for lang in ("zh", "en")} for s in Severity},
    }


def _known_layout(format_id: str) -> Layout | None:
    # Without a layout given, only the official ones (the rules know nothing of a registry); None: caveats
    # name cells by address. Callers with a registry pass its layout.
    from disclosure_core.layouts import official_layouts

    return official_layouts().get(format_id)


def outcome_words(outcome: Outcome, lang: str = "zh") -> str:
    """The word for an outcome, from the one table of them (the catalogue's ``outcome.*``).

    >>> outcome_words(Outcome.RULE_ERROR), outcome_words(Outcome.NOT_VERIFIABLE, "en")
    ('规则出错', 'not verifiable')
    """
    return say(f"outcome.{outcome.value}", lang)


def severity_words(severity: Severity, lang: str = "zh") -> str:
    """The word for a severity (the catalogue's ``severity.*``).

    >>> severity_words(Severity.ERROR), severity_words(Severity.INFO, "en")
    ('错误', 'information')
    """
    return say(f"severity.{severity.value}", lang)


def dump_findings(
    report: Report,
    findings: Findings,
    *,
    blank_as_zero: bool = False,
    previous: bool = False,
    layout: Layout | None = None,
) -> bytes:
    """The findings document as ``disclosure check --format json`` writes it (and the service returns it):
    UTF-8, indented by two, one newline at the end — the same bytes for the same report and options.

    >>> from disclosure_core import Registry
    >>> registry = Registry(entry_points=False)
    >>> report = registry.load("examples/daixian-2020.json").report
    >>> dump_findings(report, registry.check(report))[:12]
    b'{\\n  "schema"'
    """
    document = findings_json(report, findings, blank_as_zero=blank_as_zero, previous=previous, layout=layout)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
