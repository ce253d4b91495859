"""The real crawler captures (../shared/reports/real): every cell of every hand-checked expected file, as printed.

An expected file gives each cell as a number (int, or a string for money), or null for a cell printed blank;
its known defects are kept as printed (a blank 总计 stays blank, a broken identity stays broken).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from disclosure_published import TextSource

from disclosure_core import AbsenceKind, Absent, CellValue, Count, DiagnosticLevel, Loaded, Money, Reading, Registry
from disclosure_core.layouts import CellAddress

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT.parent / "shared" / "reports" / "real"
EXPECTED = sorted((REAL / "expected").glob("*.json"))
# Crawler text whose table cells ran together into digit strings: read by the run-together reader (issue 11).
RUN_TOGETHER = {"hebei-kjt-2022"}
CELL_PER_LINE = [p for p in EXPECTED if p.stem not in RUN_TOGETHER]


def read(stem: str) -> Loaded:
    path = REAL / f"{stem}.txt"
    return TextSource().load(path.read_bytes(), origin=path.name, layouts=Registry(entry_points=False).layouts())


def expected_cells(expected: dict[str, Any]) -> dict[CellAddress, int | str | None]:
    return {
        CellAddress(table, row, column): value
        for table, rows in expected["tables"].items()
        for row, columns in rows.items()
        for column, value in columns.items()
    }


def matches(value: CellValue, wanted: int | str | None) -> bool:
    if wanted is None:
        # printed blank: read from the document (it has a place), not merely absent
        return isinstance(value, Absent) and value.kind is AbsenceKind.BLANK and value.provenance is not None
    if isinstance(wanted, str):
        return isinstance(value, Money) and value.amount == Decimal(wanted)
    return isinstance(value, Count) and value.value == wanted


def differences(loaded: Loaded, expected: dict[str, Any]) -> list[str]:
    report = loaded.report
    wrong = []
    for address, wanted in expected_cells(expected).items():
        value = report.cell(address)
        if not matches(value, wanted):
            wrong.append(f"{address}: read {value!r}, expected {wanted!r}")
        elif value.provenance is not None and value.provenance.reading is not Reading.EXACT:
            wrong.append(f"{address}: read {wanted!r} but {value.provenance.reading.value}")
    return wrong


def check_expected(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    loaded = read(path.stem)
    report = loaded.report
    assert (report.format, report.year, report.body.name, report.body.level.value) == (
        expected["format"],
        expected["year"],
        expected["body"],
        expected["level"],
    )
    assert differences(loaded, expected) == []


@pytest.mark.parametrize("path", CELL_PER_LINE, ids=lambda p: p.stem)
def test_cell_per_line_capture_reads_every_cell_exactly(path: Path) -> None:
    check_expected(path)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            p,
            marks=pytest.mark.xfail(
                strict=True, reason="run-together digit strings are read by the crawler-text reader (issue 11)"
            ),
        )
        for p in EXPECTED
        if p.stem in RUN_TOGETHER
    ],
    ids=lambda p: p.stem,
)
def test_run_together_capture_reads_every_cell_exactly(path: Path) -> None:
    check_expected(path)


@pytest.mark.parametrize("path", CELL_PER_LINE, ids=lambda p: p.stem)
def test_cell_per_line_capture_reads_without_table_warnings(path: Path) -> None:
    loaded = read(path.stem)
    warned = [d.message for d in loaded.diagnostics if d.level is not DiagnosticLevel.INFO and d.code != "metadata"]
    assert warned == []
    assert [d.message for d in loaded.diagnostics if d.level is DiagnosticLevel.ERROR] == []


def test_a_2019_capture_keeps_the_blank_cells_it_printed() -> None:
    report = read("hebei-jyt-2019").report
    # Table 3 prints only its three 总计 cells; Table 2 row （二） is blank in all seven columns.
    assert report.number("appeals.review.total") == 0
    assert isinstance(report.cell("appeals.review.upheld"), Absent)
    assert report.cell("appeals.review.upheld").provenance is not None
    assert report.number("requests.partially_granted.total") is None
    assert report.number("requests.unavailable_needs_creation.total") == 4


def test_a_blank_total_is_kept_blank_not_shifted() -> None:
    report = read("hebei-jyt-2021").report
    assert [report.number(f"requests.carried_over.{c}") for c in ("natural_person", "other_org", "total")] == [
        0,
        0,
        None,
    ]
    assert report.number("requests.granted.natural_person") == 16
