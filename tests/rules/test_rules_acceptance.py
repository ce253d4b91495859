"""Acceptance on real reports: the Dai County 2020 example and the Shanghai government office 2019 report."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import CellAddress, Report, check, load
from disclosure_core.findings import NO_PREVIOUS, Finding, Findings, NoteKind, Outcome

SHANGHAI = Path(__file__).parent / "fixtures" / "shanghai-gov-office-2019.json"


@pytest.fixture(scope="module")
def dai() -> Findings:
    return check(load(Path(__file__).parents[2] / "examples" / "daixian-2020.json").report)


@pytest.fixture(scope="module")
def shanghai_report() -> Report:
    return load(SHANGHAI).report


@pytest.fixture(scope="module")
def shanghai(shanghai_report: Report) -> Findings:
    return check(shanghai_report)


def by_rule(findings: Findings) -> dict[str, Finding]:
    return {f.rule: f for f in findings.all}


def test_daixian_findings_are_exactly_the_defects_of_format_md(dai: Findings) -> None:
    defects = {(f.rule, f.outcome.value) for f in dai if not f.has_note(NoteKind.NO_PREVIOUS)}
    assert defects == {
        ("requests.row_total.new", "not_verifiable"),  # row 一: 自然人 7 but 总计 blank
        ("requests.row_total.total", "not_verifiable"),  # row （七）: 自然人 7 but 总计 blank, the same defect
        ("requests.results_total.natural_person", "not_verifiable"),  # 7 handled, no result row filled
        ("requests.results_classified.natural_person", "fail"),  # the same 7, none classified: an error, judged
        ("proactive.published_within_total.normative_documents", "fail"),  # 18 > 12
        ("proactive.pattern.items", "fail"),  # 行政许可 breaks last year ± change (information)
        ("sections.numbered", "fail"),  # 一、二、三 missing
    }


def test_daixian_arithmetic_is_shown(dai: Findings) -> None:
    found = by_rule(dai)
    published = found["proactive.published_within_total.normative_documents"]
    assert (published.lhs, published.rhs, published.difference, published.op) == (18, 12, 6, "<=")
    assert "本年新公开数量 18 > 对外公开总数量 12" in published.message.zh  # written as what holds
    assert found["requests.row_total.new"].missing[0] == "requests.new.total"
    handled = found["requests.results_total.natural_person"]
    assert [(c.cell, c.value.number) for c in handled.cells if c.side == "lhs"] == [
        (CellAddress.parse("requests.total.natural_person"), 7)
    ]
    assert len(handled.missing) == 19


def test_daixian_transposition_is_suggested_as_information(dai: Findings) -> None:
    pattern = by_rule(dai)["proactive.pattern.items"]
    assert pattern.severity.value == "info"
    assert [(s.cell, s.value, s.kind) for s in pattern.suggestions] == [
        (CellAddress.parse("proactive.licensing.decisions"), 10215, "transposition")
    ]
    assert "2149" in pattern.message.zh
    assert "10215" in pattern.message.zh


def test_daixian_section_numbers_missing_are_one_two_three(dai: Findings) -> None:
    numbered = by_rule(dai)["sections.numbered"]
    assert "一、二、三（" in numbered.message.zh


def test_daixian_consistent_items_pass(dai: Findings) -> None:
    found = by_rule(dai)
    passing = [
        "requests.balance.natural_person",
        "appeals.group_total.review",
        "appeals.group_total.litigation_direct",
        "appeals.group_total.litigation_after_review",
        "narrative.requests_received",
        "narrative.requests_handled",
        "narrative.appeals_review",
        "narrative.appeals_litigation",
        "overview.assessment_weight",
        "report.deadline",
        "report.format_year",
        "sections.present",
    ]
    assert {rule: found[rule].outcome for rule in passing} == dict.fromkeys(passing, Outcome.PASS)


def test_daixian_year_over_year_rules_wait_for_a_previous_report(dai: Findings) -> None:
    waiting = {f.base_rule for f in dai if NO_PREVIOUS in f.notes}
    assert waiting == {"requests.carried_over_yoy", "proactive.items_yoy", "proactive.total_published_yoy"}
    assert all(f.outcome is Outcome.NOT_VERIFIABLE for f in dai if f.has_note(NoteKind.NO_PREVIOUS))
    assert {f.base_rule for f in dai if f.awaits_previous_report} == waiting


def test_shanghai_blank_totals_are_not_verifiable_not_passes(shanghai: Findings) -> None:
    found = by_rule(shanghai)
    for row in ("granted", "partially_granted", "withheld_state_secret", "unavailable_not_held"):
        finding = found[f"requests.row_total.{row}"]
        assert finding.outcome is Outcome.NOT_VERIFIABLE
        assert f"requests.{row}.total" in finding.missing


def test_shanghai_narrative_contradictions_are_found(shanghai: Findings) -> None:
    found = by_rule(shanghai)
    upheld = found["narrative.appeals_all_upheld"]
    assert (upheld.outcome, upheld.lhs, upheld.rhs) == (Outcome.FAIL, 0, 3)
    granted = found["narrative.granted_or_partial"]
    assert (granted.outcome, granted.lhs, granted.rhs) == (Outcome.FAIL, 258, 275)
    unavailable = found["narrative.unavailable"]
    assert (unavailable.lhs, unavailable.rhs) == (265, 337)
    share = found["narrative.share.granted_or_partial"]
    assert (share.outcome, str(share.lhs), str(share.rhs)) == (Outcome.FAIL, "33.9", "32.05")


def test_shanghai_consistent_statements_pass(shanghai: Findings) -> None:
    found = by_rule(shanghai)
    for rule in (
        "narrative.requests_received",
        "narrative.requests_handled",
        "narrative.withheld",
        "narrative.not_processed",
        "narrative.share.withheld",
        "narrative.share.unavailable",
        "narrative.appeals_review",
        "narrative.regulations_published",
        "report.deadline",
    ):
        assert found[rule].outcome is Outcome.PASS, rule


def test_blank_as_zero_says_so_in_every_finding_it_made(shanghai_report: Report) -> None:
    findings = check(shanghai_report, blank_as_zero=True)
    made = [f for f in findings.all if f.blank_as_zero]
    assert made
    assert all("--blank-as-zero" in " ".join(str(n) for n in f.notes) for f in made)
    assert all(f.has_note(NoteKind.BLANK_AS_ZERO) for f in made)
    row = by_rule(findings)["requests.row_total.new"]
    assert (row.outcome, row.lhs, row.rhs) == (Outcome.PASS, 859, 859)


def test_previous_report_checks_carry_over(dai: Findings) -> None:
    report = load(Path(__file__).parents[2] / "examples" / "daixian-2020.json").report
    previous = report.evolve(year=2019).with_cells({"requests.carried_forward.natural_person": 3})
    found = by_rule(check(report, previous=previous))
    carried = found["requests.carried_over_yoy.natural_person"]
    assert (carried.outcome, carried.lhs, carried.rhs, carried.difference) == (Outcome.FAIL, 0, 3, -3)
    assert [c.report for c in carried.cells] == ["current", "previous"]


def test_an_inequality_suggests_a_recognisable_slip_never_its_boundary(dai: Findings) -> None:
    published = by_rule(dai)["proactive.published_within_total.normative_documents"]
    assert [(s.cell, s.value, s.kind) for s in published.suggestions] == [
        (CellAddress.parse("proactive.normative_documents.total_published"), 21, "transposition")
    ]


def test_a_rule_that_breaks_on_odd_data_ends_rule_error_and_the_check_goes_on() -> None:
    from disclosure_core import Body, Report, check

    # No such year can come from JSON (the loader bounds it), but Python callers can build one:
    # the deadline rule cannot compute 10000-03-31, and says so instead of stopping the check.
    odd = Report("gov-2021", 9999, Body("某县人民政府", "county"))
    findings = check(odd)
    deadline = [f for f in findings.all if f.rule == "report.deadline"]
    assert [f.outcome for f in deadline] == [Outcome.RULE_ERROR]
    assert str(deadline[0].notes[0]).startswith("ValueError: year 10000 is out of range")
    assert deadline[0].notes[0].kind is NoteKind.RULE_ERROR
    assert any(f.outcome is Outcome.PASS for f in findings.all)


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).resolve().parents[3] / "shared" / "reports").glob("*.txt")),
    ids=lambda p: p.name,
)
def test_no_message_leaves_a_placeholder_unfilled(path: Path) -> None:
    from disclosure_core import check, load

    for finding in check(load(path).report).all:
        for text in (finding.message.zh, finding.message.en):
            assert "{" not in text, (finding.rule, text)
