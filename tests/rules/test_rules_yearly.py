"""Year over year done right: both years' terms in every message, a blank previous cell shown as blank and
named in 缺少, and across the 2019 → 2021 format change nothing but Tables 2 and 3 carried over (FORMAT.md).

The reports are Dai County's 2020 report (gov-2019, as published: row 四 filled for 自然人 only) and a 2021
report of the same county in gov-2021.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Report, check
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules.terminal import findings_text
from disclosure_core.testing.strategies import reports


def _next_year(daixian: Report, **cells: int) -> Report:
    return Report("gov-2021", 2021, daixian.body).with_cells({k.replace("__", "."): v for k, v in cells.items()})


def _all(report: Report, previous: Report) -> dict[str, Finding]:
    return {f.rule: f for f in check(report, previous=previous).all}


def test_in_force_does_not_carry_over_the_format_change(daixian: Report) -> None:
    """gov-2019 has no 现行有效件数: the identity does not apply to a 2021 report after a 2020 one (it used to be
    a not-verifiable warning printed as ``规章: 现行有效件数 0 = 本年制发件数 0 − 本年废止件数 0``)."""
    new = _next_year(
        daixian,
        proactive__regulations__in_force=0,
        proactive__regulations__issued=0,
        proactive__regulations__repealed=0,
        proactive__normative_documents__in_force=15,
        proactive__normative_documents__issued=3,
        proactive__normative_documents__repealed=1,
    )
    found = _all(new, daixian)
    assert found["proactive.in_force_yoy.regulations"].outcome is Outcome.EMPTY
    assert found["proactive.in_force_yoy.normative_documents"].outcome is Outcome.EMPTY
    text = findings_text(new, builtin_layout("gov-2021"), check(new, previous=daixian))
    assert "in_force_yoy" not in text
    assert "现行有效件数 0 = 本年制发件数 0" not in text


def test_tables_2_and_3_do_carry_over_the_format_change(daixian: Report) -> None:
    new = _next_year(daixian, requests__carried_over__natural_person=2)
    finding = _all(new, daixian)["requests.carried_over_yoy.natural_person"]
    assert finding.outcome is Outcome.FAIL
    assert finding.message.zh == (
        "自然人列：上年结转 ≠ 上年报告结转下年度 — 去年四、结转下年度继续办理 0 ≠ 本年二、上年结转政府信息公开申请数量 2（差 2）"
    )
    assert finding.message.en == (
        "Natural persons: carried over ≠ last year's carried forward — 4. Carried forward to next year (last year) 0"
        " ≠ 2. Requests carried over from last year (this year) 2 (difference 2)"
    )


def test_a_blank_previous_cell_is_named_in_missing_and_shown_blank(daixian: Report) -> None:
    """Dai County left 四、结转下年度继续办理·总计 blank: the 2021 总计 cannot be checked — and the finding says
    which cell is missing (it used to say ``（缺少：）`` and print ``二、上年结转…·总计 2 = 0``)."""
    new = _next_year(daixian, requests__carried_over__natural_person=2, requests__carried_over__total=2)
    finding = _all(new, daixian)["requests.carried_over_yoy.total"]
    assert finding.outcome is Outcome.NOT_VERIFIABLE
    assert finding.missing == ("previous.requests.carried_forward.total",)
    assert (
        finding.message.zh
        == "无法核验：上年结转申请数等于上年报告的结转下年度继续办理数（缺少：去年四、结转下年度继续办理·总计）"
    )
    assert finding.message.en == (
        "not verifiable: Requests carried over equal last year's carried forward"
        " (missing: 4. Carried forward to next year·Total (last year))"
    )
    text = findings_text(new, builtin_layout("gov-2021"), check(new, previous=daixian))
    assert "      去年四、结转下年度继续办理 （空白） = 本年二、上年结转政府信息公开申请数量 2\n" in text
    assert "（缺少：）" not in text
    assert "总计 2 = 0" not in text


def test_within_a_format_both_years_terms_are_shown(daixian: Report) -> None:
    last = _next_year(daixian, proactive__normative_documents__in_force=12).evolve(year=2021)
    new = _next_year(
        daixian,
        proactive__normative_documents__in_force=15,
        proactive__normative_documents__issued=3,
        proactive__normative_documents__repealed=1,
    ).evolve(year=2022)
    finding = _all(new, last)["proactive.in_force_yoy.normative_documents"]
    assert (finding.outcome, finding.lhs, finding.rhs, finding.difference) == (Outcome.FAIL, 15, 14, 1)
    assert finding.message.zh == (
        "行政规范性文件：现行有效件数与上年不衔接 — 去年现行有效件数 12 + 本年制发件数 3 − 本年废止件数 1 = 14"
        " ≠ 本年现行有效件数 15（差 1）"
    )


def test_a_blank_previous_term_of_a_sum_is_blank_not_zero(daixian: Report) -> None:
    last = _next_year(daixian).evolve(year=2021)  # 现行有效件数 left blank in 2021
    new = _next_year(
        daixian,
        proactive__normative_documents__in_force=15,
        proactive__normative_documents__issued=3,
        proactive__normative_documents__repealed=1,
    ).evolve(year=2022)
    finding = _all(new, last)["proactive.in_force_yoy.normative_documents"]
    assert finding.outcome is Outcome.NOT_VERIFIABLE
    assert finding.missing == ("previous.proactive.normative_documents.in_force",)
    assert finding.message.zh == (
        "无法核验：现行有效件数等于上年现行有效件数加本年制发减本年废止（缺少：去年行政规范性文件·现行有效件数）"
    )
    text = findings_text(new, builtin_layout("gov-2021"), check(new, previous=last))
    assert "去年现行有效件数 （空白） + 本年制发件数 3 − 本年废止件数 1 = 本年现行有效件数 15" in text


def test_the_2019_total_published_shrinking_reads_last_year_first(daixian: Report) -> None:
    new = daixian.evolve(year=2021, format="gov-2019").with_cells({"proactive.normative_documents.total_published": 10})
    finding = _all(new, daixian)["proactive.total_published_yoy.normative_documents"]
    assert finding.outcome is Outcome.FAIL
    assert finding.message.zh.endswith("去年对外公开总数量 12 > 本年对外公开总数量 10")


@given(
    st.tuples(reports(["gov-2019"]), reports(["gov-2021"])) | st.tuples(reports(["gov-2021"]), reports(["gov-2021"]))
)
def test_no_yearly_finding_has_an_empty_missing_list(pair: tuple[Report, Report]) -> None:
    previous, report = pair
    previous = previous.evolve(year=report.year - 1, body=report.body)
    for finding in check(report, previous=previous).all:
        assert "（缺少：）" not in finding.message.zh
        assert "(missing: )" not in finding.message.en
        if finding.outcome is Outcome.NOT_VERIFIABLE and "yoy" in finding.rule:
            assert finding.missing
        if previous.format != report.format and finding.base_rule == "proactive.in_force_yoy":
            assert finding.outcome is Outcome.EMPTY
        if finding.outcome.listed and any(u.report == "previous" for u in finding.cells):
            blank_previous = [u for u in finding.cells if u.report == "previous" and u.value.number is None]
            assert not blank_previous or finding.outcome is not Outcome.FAIL
