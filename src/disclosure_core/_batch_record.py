"""What a batch worker makes of one input: the findings document as compact JSON bytes, and the few numbers
the summaries need (its summary row and which rules fail in it), so nothing else travels back.

>>> record = record_chunk(["examples/daixian-2020.json"], CheckOptions())[0]
>>> record.row["body"], record.row["fail"], "sections.numbered" in record.failing, record.document[:1]
('代县人民政府', 4, True, b'{')
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Any, NamedTuple

from disclosure_core.batch import CheckOptions, error_line
from disclosure_core.errors import LoadError
from disclosure_core.findings import Outcome, Severity

OUTCOMES = [o.value for o in Outcome]
SEVERITIES = [s.value for s in Severity]
REPORT_COLUMNS = [
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
"""The columns of ``summary.csv``, one row per report."""


class BatchRecord(NamedTuple):
    """One input's result as a batch stores it."""

    input: str
    sha256: str | None
    """Of the bytes that were checked; None when the file could not be read."""
    size: int
    mtime_ns: int
    document: bytes
    """The findings document (``disclosure-core/findings/1`` plus ``input`` and ``diagnostics``), or
    ``{"input", "error"}``, as one line of compact JSON."""
    row: dict[str, Any]
    rules: tuple[str, ...]
    """Every rule checked in this report, in rule order."""
    failing: tuple[str, ...]
    """Rules with a failing instance resting on exactly read cells."""
    not_verifiable: tuple[str, ...]
    rule_error: tuple[str, ...]
    reading: tuple[str, ...]
    """Rules with a finding resting on a cell not read exactly (a reading concern)."""
    doubtful: bool
    """Whether a reading concern fails at error or warning level (what makes ``batch`` exit 3)."""


def record_chunk(paths: list[str], options: CheckOptions) -> list[BatchRecord]:
    """:func:`record_one` over several inputs (one task for a worker)."""
    return [record_one(path, options) for path in paths]


def record_one(path: str, options: CheckOptions) -> BatchRecord:
    """Read, check and serialise one input; never raises for bad input (the error becomes the record)."""
    from disclosure_core._api import default_registry
    from disclosure_core._files import MAX_INPUT_BYTES
    from disclosure_core.rules.output import findings_json

    digest, size, mtime = None, 0, 0
    try:
        data, size, mtime = _read(path, MAX_INPUT_BYTES)
        digest = hashlib.sha256(data).hexdigest()
        registry = default_registry()
        loaded = registry.load_bytes(data, origin=path, source=options.source, hints=options.hints)
        findings = registry.check(loaded.report, blank_as_zero=options.blank_as_zero, disabled=options.disabled)
        document = findings_json(loaded.report, findings, blank_as_zero=options.blank_as_zero)
        document["input"] = path
        document["diagnostics"] = [str(d) for d in loaded.diagnostics]
    except Exception as exc:  # a bug must cost one input, not the batch
        document = {"input": path, "error": error_line(exc)}
    # Compact and through the C encoder (an indent would select the pure-Python one, several times slower).
    encoded = (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return BatchRecord(path, digest, size, mtime, encoded, report_row(document), *_rule_sets(document))


def failed_record(path: str, error: str) -> BatchRecord:
    """The record of an input whose worker broke (it is checked again on the next run).

    >>> failed_record("x.json", "worker failed").row["error"]
    'worker failed'
    """
    document = {"input": path, "error": error}
    encoded = (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return BatchRecord(path, None, 0, 0, encoded, report_row(document), (), (), (), (), (), False)


def _read(path: str, limit: int) -> tuple[bytes, int, int]:
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_size > limit:
                raise LoadError(f"{path}: {status.st_size} bytes is larger than the {limit} bytes accepted")
            return handle.read(), status.st_size, status.st_mtime_ns
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from None


def report_row(document: dict[str, Any]) -> dict[str, Any]:
    """A findings document's row of ``summary.csv`` / ``summary.json``.

    >>> report_row({"input": "x.json", "error": "x.json: broken"})["error"]
    'x.json: broken'
    """
    row: dict[str, Any] = dict.fromkeys(REPORT_COLUMNS, "")
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


Names = tuple[str, ...]


def _rule_sets(document: dict[str, Any]) -> tuple[Names, Names, Names, Names, Names, bool]:
    listed = document.get("findings", [])
    rules = document.get("summary", {}).get("rules", [])
    failing = {f["base"] for f in listed if f["outcome"] == "fail" and "reading" not in f}
    reading = {f["base"] for f in listed if "reading" in f}
    doubtful = any(
        "reading" in f and f["severity"] != "info" and f["outcome"] in {"fail", "rule_error"} for f in listed
    )
    ids = tuple(r["rule"] for r in rules)
    return (
        ids,
        tuple(r for r in ids if r in failing),
        tuple(r["rule"] for r in rules if r.get("not_verifiable", 0)),
        tuple(r["rule"] for r in rules if r.get("rule_error", 0)),
        tuple(r for r in ids if r in reading),
        doubtful,
    )
