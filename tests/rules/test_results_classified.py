"""The "results not classified" rule: a (七) total above 0 with every result row blank is a failing error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Body, Report, check, load
from disclosure_core.cli import main
from disclosure_core.findings import Outcome, Severity
from disclosure_core.layouts import builtin_layout
from disclosure_core.values import CellValue, Count, placeholder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


def outcome(report: Report, column: str = "natural_person") -> Outcome:
    found = {f.rule: f for f in check(report).all}
    return found[f"requests.results_classified.{column}"].outcome


def test_dai_county_fails_it_as_an_error_and_check_fails_on_error(capsys: pytest.CaptureFixture[str]) -> None:
    findings = check(load(EXAMPLE).report)
    failing = [f for f in findings if f.base_rule == "requests.results_classified"]
    assert [(f.rule, f.outcome, f.severity, f.lhs) for f in failing] == [
        ("requests.results_classified.natural_person", Outcome.FAIL, Severity.ERROR, 7)
    ]
    assert "（七）总计为 7 件" in failing[0].message.zh
    assert main(["check", str(EXAMPLE), "--fail-on", "error"]) == 1
    assert "requests.results_classified.natural_person" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("format_id", "year", "result_rows"),
    [("gov-2019", 2020, 19), ("gov-2021", 2022, 21)],
)
def test_every_result_row_of_either_format_counts_as_a_classification(
    format_id: str, year: int, result_rows: int
) -> None:
    layout = builtin_layout(format_id)
    rows = [r.id for r in layout.table("requests").rows]
    results = rows[rows.index("granted") : rows.index("total")]
    assert len(results) == result_rows
    blank = Report(format_id, year, Body("某县人民政府", "county")).with_cells({"requests.total.natural_person": 4})
    assert outcome(blank) is Outcome.FAIL
    for row in results:  # any one result row filled hands the judgement to the sum rule
        assert outcome(blank.with_cells({f"requests.{row}.natural_person": 4})) is Outcome.PASS, row


@given(st.integers(min_value=-3, max_value=0))
def test_a_blank_or_non_positive_total_claims_nothing_to_break_down(total: int) -> None:
    report = Report("gov-2021", 2022, Body("某县人民政府", "county"))
    assert outcome(report) is Outcome.EMPTY
    assert outcome(report.with_cells({"requests.total.natural_person": total})) is Outcome.EMPTY


def test_a_placeholder_in_a_result_row_is_not_a_classification() -> None:
    report = Report("gov-2021", 2022, Body("某县人民政府", "county"))
    cells: dict[str, CellValue] = {"requests.total.total": Count(5), "requests.granted.total": placeholder("-")}
    report = report.with_cells(cells)
    assert outcome(report, "total") is Outcome.FAIL
