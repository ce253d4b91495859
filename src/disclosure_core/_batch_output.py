"""A batch run's output directory: per-report findings, summary tables, and what makes a run resumable.

Layout of ``OUTDIR``::

    <stem>.<hash>.findings.json   one per input: the findings document, or {"input", "error"}
    summary.csv, summary.json     one row per report (counts by outcome and by failing severity)
    rules.csv                     one row per rule: how many reports fail it, how many cannot verify it

Reading concerns (findings resting on a cell not read exactly) are counted apart: ``failing_*`` and
``reports_failing`` count only the others; ``reading_concerns`` and ``reports_reading_concerns`` count them,
and ``read_with_confidence`` says whether the report's tables were read with confidence.
    batch-state.json              input → content hash, options and rule-set fingerprint, result file

Re-running with the same options skips every input whose bytes, options and rules are unchanged and whose
result file is still there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from disclosure_core._files import write_atomic
from disclosure_core.batch import BatchResult, CheckOptions
from disclosure_core.findings import Outcome, Severity
from disclosure_core.rules.output import findings_json

STATE = "batch-state.json"
OUTCOMES = [o.value for o in Outcome]
SEVERITIES = [s.value for s in Severity]


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (what decides whether a result is still current)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def result_name(path: Path) -> str:
    """A stable, collision-free result file name for an input path."""
    tag = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]
    return f"{path.stem}.{tag}.findings.json"


@attrs.define
class BatchDirectory:
    """The output directory of one batch run and its resumable state."""

    root: Path
    options_key: str
    state: dict[str, dict[str, str]] = attrs.field(factory=dict)

    @classmethod
    def open(cls, root: Path, options: CheckOptions, rules_key: str) -> BatchDirectory:
        """Open (or create) ``root``; earlier state is kept only for the same options and rules."""
        root.mkdir(parents=True, exist_ok=True)
        key = hashlib.sha256(repr((attrs.asdict(options), rules_key)).encode()).hexdigest()
        state: dict[str, dict[str, str]] = {}
        try:
            saved = json.loads((root / STATE).read_text(encoding="utf-8"))
            if saved.get("options") == key:
                state = saved.get("inputs", {})
        except (OSError, ValueError, AttributeError):
            state = {}  # no usable state: everything is recomputed, nothing is lost
        return cls(root, key, state)

    def is_current(self, path: Path, digest: str) -> bool:
        """Whether ``path`` already has a result for these exact bytes."""
        entry = self.state.get(str(path))
        return bool(entry and entry.get("sha256") == digest and (self.root / entry["result"]).exists())

    def record(self, path: Path, digest: str, result: BatchResult, blank_as_zero: bool) -> None:
        """Write one input's result file and remember it."""
        name = result_name(path)
        if result.report is not None and result.findings is not None:
            document = findings_json(result.report, result.findings, blank_as_zero=blank_as_zero)
            document["input"] = str(path)
            document["diagnostics"] = [str(d) for d in result.diagnostics]
        else:
            document = {"input": str(path), "error": result.error}
        write_atomic(self.root / name, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode())
        self.state[str(path)] = {"sha256": digest, "result": name}

    def save(self) -> None:
        """Persist the state (after every few results, so an interrupted run resumes where it stopped)."""
        data = {"options": self.options_key, "inputs": self.state}
        write_atomic(self.root / STATE, json.dumps(data, ensure_ascii=False, indent=1).encode())

    def documents(self, paths: Iterable[Path]) -> list[dict[str, Any]]:
        """The result documents of ``paths``, in that order."""
        found = []
        for path in paths:
            entry = self.state.get(str(path))
            if entry:
                found.append(json.loads((self.root / entry["result"]).read_text(encoding="utf-8")))
        return found

    def write_summaries(self, documents: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Write summary.csv / summary.json (per report) and rules.csv (per rule); return both tables."""
        reports = [_report_row(d) for d in documents]
        per_rule: dict[str, Counter[str]] = {}
        for document in documents:
            listed = document.get("findings", [])
            failing = {f["base"] for f in listed if f["outcome"] == "fail" and "reading" not in f}
            doubtful = {f["base"] for f in listed if "reading" in f}
            for rule in document.get("summary", {}).get("rules", []):
                counts = per_rule.setdefault(rule["rule"], Counter())
                counts["reports_failing"] += 1 if rule["rule"] in failing else 0
                counts["reports_not_verifiable"] += 1 if rule.get("not_verifiable", 0) else 0
                counts["reports_rule_error"] += 1 if rule.get("rule_error", 0) else 0
                counts["reports_reading_concerns"] += 1 if rule["rule"] in doubtful else 0
        rules = [{"rule": rule, **dict(counts)} for rule, counts in sorted(per_rule.items())]
        for row in rules:
            for column in _RULE_COLUMNS[1:]:
                row.setdefault(column, 0)
        write_atomic(self.root / "summary.csv", _csv(reports, _REPORT_COLUMNS))
        write_atomic(self.root / "rules.csv", _csv(rules, _RULE_COLUMNS))
        summary = {"schema": "disclosure-core/batch-summary/1", "reports": reports, "rules": rules}
        write_atomic(self.root / "summary.json", (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode())
        return reports, rules


_REPORT_COLUMNS = [
    "input",
    "body",
    "year",
    "format",
    "error",
    *OUTCOMES,
    *(f"failing_{s}" for s in SEVERITIES),
    "reading_concerns",
    "read_with_confidence",
]
_RULE_COLUMNS = [
    "rule",
    "reports_failing",
    "reports_not_verifiable",
    "reports_rule_error",
    "reports_reading_concerns",
]


def _report_row(document: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_REPORT_COLUMNS, "")
    row["input"] = document["input"]
    if "error" in document:
        row["error"] = document["error"]
        return row
    report, summary = document["report"], document["summary"]
    row.update(body=report["body"], year=report["year"], format=report["format"])
    row.update({outcome: summary.get(outcome, 0) for outcome in OUTCOMES})
    listed = document["findings"]
    failing = Counter(f["severity"] for f in listed if f["outcome"] in {"fail", "rule_error"} and "reading" not in f)
    row.update({f"failing_{s}": failing[s] for s in SEVERITIES})
    row["reading_concerns"] = sum(1 for f in listed if "reading" in f)
    row["read_with_confidence"] = document.get("reading", {}).get("confident", True)
    return row


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # A BOM so that Excel, which most offices will open this with, reads the Chinese names as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
