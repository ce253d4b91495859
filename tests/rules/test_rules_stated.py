"""Facts stated in the narrative (rules/stated.py): the assessment weight in the wordings reports use, read the
same way for every source, and a filled field that disagrees with the text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from disclosure_core import check, load, render
from disclosure_core.findings import Finding, Outcome
from disclosure_core.model import AssessmentWeight, Facts, Report
from disclosure_core.rules.stated import assessment_weight, chinese_number, narrative_facts, sentences

REPORTS = Path(__file__).resolve().parents[3] / "shared" / "reports"
if not REPORTS.is_dir():  # a worktree: the shared material sits beside the main checkout
    REPORTS = Path("/work/shared/reports")

WORDINGS = [
    # (sentence, percent, at_least, points, base)
    (
        "2020年，政府信息公开工作继续列入县政府对乡（镇）和有关单位的绩效考核范围，所占分值权重不低于4%。",
        "4",
        True,
        None,
        None,
    ),
    ("政务公开工作占年度绩效考核总分值的5%。", "5", False, None, None),
    ("将政务公开纳入目标责任考核，分值占比4%。", "4", False, None, None),
    ("政务公开在全县目标责任考核中占10分（满分100分）。", "10", False, "10", "100"),
    ("政务公开工作在绩效考核中的权重提高到百分之五。", "5", False, None, None),
    ("政务公开工作纳入绩效考核体系，分值权重为百分之四点五。", "4.5", False, None, None),
    ("政务公开考核分值占比达到4%以上。", "4", True, None, None),
    ("政务公开工作在年度综合考核中占6分，总分为120分。", "5", False, "6", "120"),
    ("政务公开在绩效考核中赋分五分（满分一百分）。", "5", False, "5", "100"),
    ("政务公开工作纳入年度目标责任考核，总分占6分，权重均已达4%。", "4", False, "6", None),
    ("政务公开纳入绩效考核，分值为3分。", None, False, "3", None),
    ("政务公开工作在绩效考核中所占权重不低于４％。", "4", True, None, None),
    ("政务公开纳入绩效考核，权重为5%，年度目标完成率100%。", "5", False, None, None),
    # as a PDF may print it: ⽬ is the Kangxi radical U+2F6C, folded to 目; a space inside a word
    ("政务公开工作纳入年度\u2f6c标责任，分值权重不低于4 %。", "4", True, None, None),
]


@pytest.mark.parametrize(("sentence", "percent", "at_least", "points", "base"), WORDINGS)
def test_the_weight_in_the_wordings_reports_use(
    sentence: str, percent: str | None, at_least: bool, points: str | None, base: str | None
) -> None:
    weight = assessment_weight([sentence])
    assert weight is not None
    assert weight.sentence == sentence
    assert weight.percent == (Decimal(percent) if percent else None)
    assert weight.at_least is at_least
    assert weight.points == (Decimal(points) if points else None)
    assert weight.base == (Decimal(base) if base else None)


@pytest.mark.parametrize(
    "sentence",
    [
        "在全省政务公开第三方评估中得分92.5分，位列第三名。",
        "考核优秀率达到95%，群众满意度为98%。",
        "提升主动公开等工作的考核分值比重。",  # Shanghai 2019: a weight, but no number
        "我县高度重视考核工作。",
        "依申请公开予以公开258件，占33.9%。",
    ],
)
def test_scores_rates_and_shares_are_not_weights(sentence: str) -> None:
    assert assessment_weight([sentence]) is None


def test_chinese_numerals() -> None:
    assert [chinese_number(t) for t in ("四", "十二", "二十", "一百零五", "两", "四点五")] == [
        Decimal(4),
        Decimal(12),
        Decimal(20),
        Decimal(105),
        Decimal(2),
        Decimal("4.5"),
    ]
    assert chinese_number("") is None


def _weights_in(path: Path) -> list[Decimal | None]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for sentence in sentences(lines):
        weight = assessment_weight([sentence])
        if weight is not None:
            found.append(weight.percent)
    return found


def test_the_real_reports_state_what_they_state() -> None:
    """Of the real reports only Dai County states a weight (4%); no other sentence of any of them reads as one."""
    texts = sorted(REPORTS.glob("*.txt")) + sorted((REPORTS / "real").glob("*.txt"))
    assert len(texts) >= 15
    stated = {path.name: weights for path in texts if (weights := _weights_in(path))}
    assert stated == {"daixian-2020.txt": [Decimal(4)]}


def _outcomes(report: Report) -> dict[str, Finding]:
    """Every rule instance's finding, passes and empties included."""
    return {f.rule: f for f in check(report).all}


def _without_field(daixian: Report) -> Report:
    return daixian.evolve(facts=Facts())


@pytest.mark.parametrize(
    ("renderer", "suffix"),
    [("json", ".json"), ("xlsx", ".xlsx"), ("docx", ".docx"), ("html", ".html"), ("markdown", ".txt")],
)
def test_every_source_reads_the_weight_from_the_narrative(
    daixian: Report, tmp_path: Path, renderer: str, suffix: str
) -> None:
    """Dai County with the separate field left empty: every source's report passes the 4% rule from the text."""
    path = tmp_path / f"daixian{suffix}"
    path.write_bytes(render(_without_field(daixian), renderer))
    report = load(path).report
    assert narrative_facts(report).assessment_weight == AssessmentWeight(
        "2020年，政府信息公开工作继续列入县政府对乡（镇）和有关单位的绩效考核范围，所占分值权重不低于4%。",
        Decimal(4),
        at_least=True,
    )
    findings = _outcomes(report)
    assert findings["overview.assessment_weight"].outcome is Outcome.PASS
    assert findings["overview.assessment_weight_stated"].outcome is Outcome.PASS


def test_the_field_empty_and_the_text_silent_is_not_verifiable(daixian: Report) -> None:
    overview = daixian.sections.overview
    assert overview is not None
    silent = attrs.evolve(overview, paragraphs=tuple(p for p in overview.paragraphs if "权重" not in p))
    report = _without_field(daixian).evolve(sections=attrs.evolve(daixian.sections, overview=silent))
    findings = _outcomes(report)
    assert findings["overview.assessment_weight"].outcome is Outcome.NOT_VERIFIABLE
    assert findings["overview.assessment_weight"].missing == ("facts.assessment_weight.percent",)
    assert findings["overview.assessment_weight_stated"].outcome is Outcome.EMPTY


def test_a_filled_field_that_disagrees_with_the_text_is_a_finding(daixian: Report, tmp_path: Path) -> None:
    """A workbook whose 考核权重 says 3% while 一、总体情况 says 不低于4%: the field is read (and fails the 4%
    rule), and the disagreement is a finding of its own."""
    filled = daixian.evolve(facts=Facts(AssessmentWeight("所占分值权重为3%", Decimal(3))))
    path = tmp_path / "daixian.xlsx"
    path.write_bytes(render(filled, "xlsx"))
    findings = _outcomes(load(path).report)
    assert findings["overview.assessment_weight"].outcome is Outcome.FAIL
    stated = findings["overview.assessment_weight_stated"]
    assert stated.outcome is Outcome.FAIL
    assert (stated.lhs, stated.rhs) == (3, 4)
    assert stated.message.zh == "填写的绩效考核权重为 3%，正文所述为 4%"
