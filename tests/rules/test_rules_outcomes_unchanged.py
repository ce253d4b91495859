"""Refactoring the rules changes no finding: every real report checks exactly as in the committed snapshot.

The snapshot (``fixtures/outcomes.json``) was taken on main before rule kinds moved into
``disclosure_core.rules.kinds``: the Dai County example, and every report of ../shared/reports read by the
published reader, each checked alone, with ``blank_as_zero``, and (for one body's consecutive years) against
the previous year. The reports themselves are stored in the snapshot as canonical JSON (provenance left out),
so a reader that later reads a page differently does not move this test: it is about the rules.

The passing and failing examples of every shipped rule are in it too.

Rewrite the snapshot only for a deliberate change of outcomes: ``python tests/rules/test_rules_outcomes_unchanged.py --write``
(add ``--keep-reports`` to keep the stored reports and rewrite the outcomes only).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from disclosure_core import Registry, Report, check, from_dict, load, to_dict
from disclosure_core.errors import LoadError
from disclosure_core.findings import Finding

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SNAPSHOT = HERE / "fixtures" / "outcomes.json"


def _shared_reports() -> Path:
    """../shared/reports from the checkout, or from the main checkout a worktree belongs to."""
    for folder in ROOT.parents:
        if (folder / "shared" / "reports").is_dir():
            return folder / "shared" / "reports"
    raise FileNotFoundError("no shared/reports above the checkout")


def finding_record(finding: Finding) -> dict[str, Any]:
    """Everything a finding says, as plain JSON values (numbers as strings so 1 and Decimal('1.0') differ)."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "outcome": finding.outcome.value,
        "message": [finding.message.zh, finding.message.en],
        "cells": [[str(u.cell), repr(u.value), u.report, u.side, u.weight] for u in finding.cells],
        "numbers": [repr(finding.lhs), repr(finding.rhs), repr(finding.difference)],
        "fingerprint": finding.fingerprint,
        "culprits": [str(cell) for cell in finding.culprits],
        "suggestions": [[str(s.cell), repr(s.value), s.kind, s.confidence] for s in finding.suggestions],
        "notes": [str(note) for note in finding.notes],  # the English words, as before notes were typed
        "table": finding.table,
        "base": finding.base,
        "op": finding.op,
        "missing": list(finding.missing),
        "blank_as_zero": finding.blank_as_zero,
        "basis": finding.basis,
    }


def _read_reports(registry: Registry, unread: list[str]) -> Iterator[tuple[str, Report]]:
    """The reports the snapshot was taken of, read as published (only when writing the snapshot).

    The names of captures the reader refused are added to ``unread``.
    """
    from disclosure_published import TextSource

    yield "examples/daixian-2020.json", load(ROOT / "examples" / "daixian-2020.json").report
    reports = _shared_reports()
    for path in sorted(reports.glob("*.txt")) + sorted((reports / "real").glob("*.txt")):
        try:
            loaded = TextSource().load(path.read_bytes(), origin=path.name, layouts=registry.layouts())
        except LoadError:
            unread.append(str(path.relative_to(reports)))
            continue
        yield str(path.relative_to(reports)), loaded.report


def _runs(reports: dict[str, Report]) -> Iterator[tuple[str, Report, Report | None, bool]]:
    """Each report alone and with blank-as-zero; each with the report of the year before by the same body."""
    for name, report in reports.items():
        yield name, report, None, False
        yield f"{name} blank_as_zero", report, None, True
        for other_name, other in reports.items():
            if other.body.name == report.body.name and other.year == report.year - 1:
                yield f"{name} after {other_name}", report, other, False


def outcomes(reports: dict[str, Report], registry: Registry) -> dict[str, list[dict[str, Any]]]:
    """The finding records of every run."""
    return {
        run: [finding_record(f) for f in check(report, previous=previous, blank_as_zero=zero, registry=registry).all]
        for run, report, previous, zero in _runs(reports)
    }


def example_outcomes() -> dict[str, list[dict[str, Any]]]:
    """The finding records of every shipped rule's passing and failing example (``rules explain``)."""
    from disclosure_core.rules import builtin_rule_set
    from disclosure_core.rules.examples import rule_examples

    found = {}
    for rule in builtin_rule_set().rules:
        for label, example in sorted(rule_examples(rule).items()):
            found[f"example {rule.id} {label}"] = [finding_record(example.finding)]
    return found


def _stored_reports(data: dict[str, Any], registry: Registry) -> dict[str, Report]:
    return {name: from_dict(raw, origin=name, layouts=registry.layouts()) for name, raw in data["reports"].items()}


def write_snapshot(*, keep_reports: bool = False) -> None:
    """Read the reports as published, check them and write the snapshot (each distinct finding once).

    With ``keep_reports`` the stored reports are kept and only the outcomes rewritten: for a deliberate
    change of the rules that should not bring in what the reader has learnt since.
    """
    registry = Registry()
    stored: dict[str, Any] = {}
    unread: list[str] = []
    if keep_reports:
        kept = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
        stored, unread = kept["reports"], kept["unread"]
    for name, report in () if keep_reports else _read_reports(registry, unread):
        raw = to_dict(report, layouts=registry.layouts())
        raw.pop("provenance", None)
        stored[name] = raw
    # Check what was stored (read back), exactly as the test will.
    found = outcomes(_stored_reports({"reports": stored}, registry), registry) | example_outcomes()
    records: dict[str, int] = {}
    runs = {
        run: [records.setdefault(_line(record), len(records)) for record in found_in_run]
        for run, found_in_run in found.items()
    }
    lines = ",\n".join(records)
    head = json.dumps({"reports": stored, "runs": runs, "unread": unread}, ensure_ascii=False, sort_keys=True)
    SNAPSHOT.write_text(f'{head[:-1]}, "records": [\n{lines}\n]}}\n', encoding="utf-8")


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def expected_outcomes(snapshot: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The finding records of every run, as the snapshot lists them."""
    records = snapshot["records"]
    return {run: [records[i] for i in indices] for run, indices in snapshot["runs"].items()}


@pytest.fixture(scope="module")
def snapshot() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return data


def test_the_snapshot_covers_the_example_every_shared_report_and_consecutive_years(snapshot: dict[str, Any]) -> None:
    names = set(snapshot["reports"])
    shared = {str(p.relative_to(_shared_reports())) for p in _shared_reports().rglob("*.txt")}
    assert "examples/daixian-2020.json" in names
    assert shared == (names | set(snapshot["unread"])) - {"examples/daixian-2020.json"}
    assert len(snapshot["unread"]) <= 5  # crawler captures the reader refused when the snapshot was taken
    assert sum(" after " in run for run in snapshot["runs"]) >= 3
    assert sum(len(found) for found in snapshot["runs"].values()) > 2000


def test_every_report_checks_exactly_as_in_the_snapshot(snapshot: dict[str, Any]) -> None:
    registry = Registry()
    found = outcomes(_stored_reports(snapshot, registry), registry) | example_outcomes()
    expected_runs = expected_outcomes(snapshot)
    assert found.keys() == expected_runs.keys()
    for run, expected in expected_runs.items():
        assert found[run] == expected, run


if __name__ == "__main__" and sys.argv[1:2] == ["--write"]:
    write_snapshot(keep_reports=sys.argv[2:] == ["--keep-reports"])
