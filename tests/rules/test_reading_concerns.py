"""Reading confidence reaches the findings: a finding resting on a cell not read exactly is a reading concern —
said in both languages, shown apart in text and JSON, never offered a correction, counted apart, exit code 3."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from disclosure_published import TextSource
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Body, Count, Provenance, Reading, Registry, Report, check, dumps, load
from disclosure_core.findings import Finding, Findings, Outcome, Severity
from disclosure_core.layouts import CellAddress, builtin_layout
from disclosure_core.rules.confidence import UNCERTAIN_LIMIT, report_reading
from disclosure_core.rules.output import findings_json, reaches
from disclosure_core.rules.terminal import findings_text
from disclosure_core.testing import strategies
from disclosure_core.testing.strategies import Defect
from disclosure_core.values import CellValue, located

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "findings.schema.json").read_text(encoding="utf-8"))
DAIXIAN_TEXT = ROOT.parent / "shared" / "reports" / "daixian-2020.txt"
CONTINUED = "read from a table continued on page 4"


def read_as(value: CellValue, reading: Reading, *alternatives: str, reason: str | None = None) -> CellValue:
    """The value as a reader that had to decide would give it: same number, provenance saying how it was read."""
    where = value.provenance or Provenance("report.pdf", page=4)
    return located(value, Provenance(where.source, where.page, where.line, where.cell, reading, alternatives, reason))


def balanced(**changes: CellValue | int) -> Report:
    """A gov-2021 report whose natural-person requests balance (15 + 1 = 14 + 2), with ``changes`` applied."""
    cells: dict[str, CellValue | int] = {
        "requests.new.natural_person": 15,
        "requests.carried_over.natural_person": 1,
        "requests.granted.natural_person": 14,
        "requests.total.natural_person": 14,
        "requests.carried_forward.natural_person": 2,
    }
    cells.update({f"requests.{name.replace('__', '.')}": value for name, value in changes.items()})
    return Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells(cells)


def uncertain_total() -> Report:
    # The total was printed on a continued page: 41 or 14; the reader kept 41, which breaks the balance.
    return balanced(total__natural_person=read_as(Count(41), Reading.UNCERTAIN, "41", "14", reason=CONTINUED))


def save(report: Report, path: Path) -> None:
    path.write_text(dumps(report), encoding="utf-8")


def finding(findings: Findings, rule: str) -> Finding:
    return next(f for f in findings.all if f.rule == rule)


def test_a_failing_balance_on_an_uncertain_cell_is_a_reading_concern_in_both_languages() -> None:
    report = uncertain_total()
    findings = check(report)
    balance = finding(findings, "requests.balance.natural_person")
    assert balance.outcome is Outcome.FAIL
    assert balance.reading is not None
    assert balance.reading.reading is Reading.UNCERTAIN
    assert [c.cell for c in balance.reading.cells] == [CellAddress.parse("requests.total.natural_person")]
    layout = builtin_layout("gov-2021")
    zh, en = findings_text(report, layout, findings, "zh"), findings_text(report, layout, findings, "en")
    assert (
        "这可能是读取问题而非报告错误：表2 （七）总计·自然人读取不确定（读自第 4 页的续表；"
        "可能的读法：41、14）。" in zh  # the reason, stored in English, told in Chinese (issue 16)
    )
    assert (
        "this may be a reading problem, not an error of the report: Table 2 (7) Total·Natural persons could not be"
        " read with certainty (read from a table continued on page 4; possible readings: 41, 14)." in en
    )
    # Apart: after a header of its own, with its own mark, not under Table 2 with the real failures.
    header = zh.index("可能是读取问题（以下结果所依据的单元格未被确切读取")
    # (the words of the line come from the message catalogue since issue 16: 错误, （不符）)
    assert zh.index("~ 错误 requests.balance.natural_person（不符）") > header
    assert "✗ 错误 requests.balance.natural_person" not in zh
    assert "Possible reading problems (these findings rest on cells that were not read exactly" in en


def test_the_summary_line_counts_reading_concerns_apart_from_failures() -> None:
    report = uncertain_total()
    findings = check(report)
    counts, concerns = findings.by_outcome(), findings.reading_concerns()
    assert concerns[Outcome.FAIL] >= 1
    # The counts line (its words from the catalogue since issue 16) follows the banner this report gets.
    (line,) = [
        x
        for x in findings_text(report, builtin_layout("gov-2021"), findings, "en").splitlines()
        if x.startswith("outcomes:")
    ]
    assert f"{counts[Outcome.FAIL] - concerns[Outcome.FAIL]} fail" in line
    assert line.endswith(f" ({sum(concerns.values())} more may be reading problems)")
    exact = check(balanced(total__natural_person=41))
    assert "reading problems" not in findings_text(report, builtin_layout("gov-2021"), exact, "en").splitlines()[2]


def test_no_correction_is_suggested_for_a_number_that_may_never_have_been_printed() -> None:
    # Exactly read, the broken balance gets a suggestion; read uncertainly, the same arithmetic offers none.
    exact = finding(check(balanced(total__natural_person=41)), "requests.balance.natural_person")
    doubtful = finding(check(uncertain_total()), "requests.balance.natural_person")
    assert exact.offered_suggestions, "the exact reading should suggest a correction"
    assert doubtful.suggestions == exact.suggestions
    assert doubtful.offered_suggestions == ()
    text = findings_text(uncertain_total(), builtin_layout("gov-2021"), check(uncertain_total()), "zh")
    assert "建议核对" not in text
    assert "因此不给出更正建议，请先对照原文核对。" in text
    document = findings_json(uncertain_total(), check(uncertain_total()))
    shown = next(f for f in document["findings"] if f["rule"] == "requests.balance.natural_person")
    assert shown["suggestions"] == []
    assert shown["reading"]["suggestions_withheld"] == len(exact.suggestions)


def test_the_json_says_it_per_finding_in_the_summary_and_at_the_top_and_validates() -> None:
    report = uncertain_total()
    document = findings_json(report, check(report))
    jsonschema.validate(document, SCHEMA)
    assert document["schema"] == "disclosure-core/findings/1"
    balance = next(f for f in document["findings"] if f["rule"] == "requests.balance.natural_person")
    assert balance["outcome"] == "fail"
    assert balance["reading"]["reading"] == "uncertain"
    assert balance["reading"]["cells"] == [
        {
            "cell": "requests.total.natural_person",
            "report": "current",
            "reading": "uncertain",
            "alternatives": ["41", "14"],
            "reason": CONTINUED,
        }
    ]
    assert balance["message"]["zh"].endswith("——" + balance["reading"]["message"]["zh"])
    assert balance["message"]["en"].startswith("Natural persons: new + carried over ≠ total handled")
    total = next(c for c in balance["cells"] if c["cell"] == "requests.total.natural_person")
    assert total["provenance"]["reading"] == "uncertain"
    assert total["provenance"]["alternatives"] == ["41", "14"]
    concerns = document["summary"]["reading_concerns"]
    assert concerns["total"] == len([f for f in document["findings"] if "reading" in f]) >= 1
    assert concerns["fail"] + concerns["not_verifiable"] + concerns["rule_error"] == concerns["total"]
    balance_rule = next(r for r in document["summary"]["rules"] if r["rule"] == "requests.balance")
    assert balance_rule["reading_concerns"] == 1
    # One uncertain cell in the balance the format states: the tables were not read with confidence.
    reading = document["reading"]
    assert reading["confident"] is False
    assert reading["cells"]["uncertain"] == 1
    assert reading["in_identities"] == ["requests.total.natural_person"]
    assert reading["message"]["zh"].startswith("表格未能可靠读取：1 个单元格读取不确定，其中表2 （七）总计·自然人")
    assert list(document)[:3] == ["schema", "report", "reading"]


def test_a_reading_the_project_does_not_know_is_a_load_error_naming_the_place(tmp_path: Path) -> None:
    from disclosure_core import LoadError

    data = json.loads(dumps(uncertain_total()))
    data["provenance"]["requests.total.natural_person"]["reading"] = "maybe"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LoadError, match=r"provenance\.requests\.total\.natural_person\.reading: unknown reading"):
        load(path)
    save(uncertain_total(), path)
    where = load(path).report.tables.value("requests.total.natural_person").provenance
    assert where is not None
    assert where.reading is Reading.UNCERTAIN
    assert where.alternatives == ("41", "14")


def test_a_report_read_exactly_has_no_reading_fields_on_its_findings() -> None:
    report = load(ROOT / "examples" / "daixian-2020.json").report
    document = findings_json(report, check(report))
    jsonschema.validate(document, SCHEMA)
    assert all("reading" not in f for f in document["findings"])
    assert all("reading" not in c.get("provenance", {}) for f in document["findings"] for c in f["cells"])
    assert document["reading"]["confident"] is True
    assert document["reading"]["message"] is None
    assert document["summary"]["reading_concerns"] == {"total": 0, "fail": 0, "not_verifiable": 0, "rule_error": 0}


def test_the_top_of_the_text_warns_when_the_tables_were_not_read_with_confidence() -> None:
    layout = builtin_layout("gov-2021")
    report = uncertain_total()
    zh = findings_text(report, layout, check(report), "zh").splitlines()
    assert zh[2].startswith("! 表格未能可靠读取：1 个单元格读取不确定")
    en = findings_text(report, layout, check(report), "en").splitlines()
    assert en[2].startswith(
        "! The tables could not be read with confidence: 1 cell read uncertainly, including Table 2"
    )
    # Chosen and fuzzy-label cells are worth a caveat on their findings, not a warning over the whole report.
    chosen = balanced(total__natural_person=read_as(Count(41), Reading.CHOSEN, "41", "14"))
    assert not findings_text(chosen, layout, check(chosen), "en").splitlines()[2].startswith("!")
    assert report_reading(chosen, check(chosen)).confident


def test_more_than_a_few_uncertain_cells_anywhere_make_the_report_unconfident() -> None:
    addresses = ["appeals.review.upheld", "appeals.review.corrected", "appeals.review.other", "appeals.review.pending"]
    for count in (UNCERTAIN_LIMIT, UNCERTAIN_LIMIT + 1):
        cells = {a: read_as(Count(0), Reading.UNCERTAIN, "0", "8") for a in addresses[:count]}
        report = balanced().with_cells({**cells, "appeals.review.total": 0})
        reading = report_reading(report, check(report))
        assert reading.in_identities == ()
        assert reading.confident is (count <= UNCERTAIN_LIMIT)


def test_exit_codes_tell_reading_concerns_from_real_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from disclosure_core.cli import main

    files = {
        "clean": balanced(),
        "real": balanced(total__natural_person=41),
        "doubtful": uncertain_total(),
        # a real failure elsewhere and a doubtful one: the real one decides
        "both": uncertain_total().with_cells(
            {
                "appeals.review.upheld": 1,
                "appeals.review.corrected": 0,
                "appeals.review.other": 0,
                "appeals.review.pending": 1,
                "appeals.review.total": 3,
            }
        ),
    }
    codes = {}
    for name, report in files.items():
        path = tmp_path / f"{name}.json"
        save(report, path)
        codes[name] = main(["check", str(path), "--fail-on", "error", "--disable", "sections.present"])
        capsys.readouterr()
    assert codes == {"clean": 0, "real": 1, "doubtful": 3, "both": 1}
    # the canonical JSON keeps how a cell was read, so the round trip through a file loses no concern
    doubtful = str(tmp_path / "doubtful.json")
    assert main(["check", doubtful, "--format", "json", "--fail-on", "error", "--disable", "sections.present"]) == 3
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, SCHEMA)
    assert document["reading"]["confident"] is False


def test_batch_summaries_count_reading_concerns_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_core.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    save(balanced(), inputs / "clean.json")
    save(uncertain_total(), inputs / "doubtful.json")
    # What the small fixture leaves out (sections, Tables 1 and 3) is switched off: only the balance is left.
    off = [arg for rule in ("sections.present", "appeals.filled", "proactive.filled") for arg in ("--disable", rule)]
    assert main(["batch", str(inputs), "-o", str(tmp_path / "out"), *off, "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "0 with failing errors or warnings" in err
    assert "1 reports with findings that may be reading problems" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    rows = {Path(r["input"]).name: r for r in summary["reports"]}
    assert (rows["doubtful.json"]["failing_error"], rows["doubtful.json"]["read_with_confidence"]) == (0, False)
    assert rows["doubtful.json"]["reading_concerns"] >= 1
    assert (rows["clean.json"]["reading_concerns"], rows["clean.json"]["read_with_confidence"]) == (0, True)
    balance = next(r for r in summary["rules"] if r["rule"] == "requests.balance")
    assert (balance["reports_failing"], balance["reports_reading_concerns"]) == (0, 1)


def test_through_the_published_text_source_the_caveat_points_at_the_printed_line() -> None:
    loaded = TextSource().load(
        DAIXIAN_TEXT.read_bytes(), origin=DAIXIAN_TEXT.name, layouts=Registry(entry_points=False).layouts()
    )
    report = loaded.report
    address = "proactive.licensing.decisions"
    printed = report.tables.value(address)
    assert printed.provenance is not None
    assert printed.provenance.line == 53
    # What a reader that could not tell 10125 from 10215 on this line would hand over.
    report = report.with_cells({address: read_as(printed, Reading.UNCERTAIN, "10125", "10215")})
    findings = check(report)
    pattern = finding(findings, "proactive.pattern.items")
    assert pattern.reading is not None
    assert pattern.offered_suggestions == ()
    document = findings_json(report, findings)
    jsonschema.validate(document, SCHEMA)
    shown = next(f for f in document["findings"] if f["rule"] == "proactive.pattern.items")
    cell = next(c for c in shown["cells"] if c["cell"] == address)
    assert cell["provenance"]["line"] == 53
    assert cell["provenance"]["source"] == "daixian-2020.txt"
    en = findings_text(report, builtin_layout("gov-2019"), findings, "en")
    assert "Table 1 Administrative licensing·Decisions could not be read with certainty" in en
    assert "suggested: Administrative licensing" not in en
    # The other findings of the real report are untouched: still real, still with their suggestions.
    within = finding(findings, "proactive.published_within_total.normative_documents")
    assert within.reading is None
    assert within.offered_suggestions


NON_EXACT = [r for r in Reading if not r.is_exact]


@st.composite
def misread(draw: st.DrawFn) -> tuple[Report, Defect]:
    """A defective report (one cell changed) in which some cells, perhaps the defect's, were not read exactly."""
    defect = draw(strategies.defective_reports())
    addresses = sorted({a for a, _ in defect.report.tables} | {defect.cell}, key=str)
    chosen = draw(st.lists(st.sampled_from(addresses), max_size=6, unique=True))
    if draw(st.booleans()):
        chosen.append(defect.cell)
    cells = {a: read_as(defect.report.tables.value(a), draw(st.sampled_from(NON_EXACT)), "1") for a in chosen}
    return defect.report.with_cells(cells), defect


@given(misread())
def test_a_finding_is_a_reading_concern_exactly_when_a_cell_of_it_was_not_read_exactly(
    case: tuple[Report, Defect],
) -> None:
    report, _ = case
    findings = check(report)
    document = findings_json(report, findings)
    listed = {f["rule"]: f for f in document["findings"]}
    for f in findings:
        inexact = any(u.value.provenance is not None and not u.value.provenance.reading.is_exact for u in f.cells)
        assert (f.reading is not None) is inexact
        assert ("reading" in listed[f.rule]) is inexact
        if inexact:
            assert f.offered_suggestions == ()
            assert listed[f.rule]["suggestions"] == []
        else:
            assert f.offered_suggestions == f.suggestions
    assert document["summary"]["reading_concerns"]["total"] == sum(1 for f in findings if f.reading is not None)
    # Real failures and reading concerns never mix in what decides the exit code.
    real = any(f.outcome in {Outcome.FAIL, Outcome.RULE_ERROR} and f.reading is None for f in findings)
    assert reaches(findings, Severity.INFO) is real


@given(misread())
def test_the_text_lists_every_reading_concern_after_every_real_failure(case: tuple[Report, Defect]) -> None:
    report, _ = case
    findings = check(report)
    for lang, header in (("zh", "可能是读取问题（"), ("en", "Possible reading problems (")):
        text = findings_text(report, builtin_layout(report.format), findings, lang)
        lines = text.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith(header)), len(lines))
        marks = [line.split()[0] for line in lines if line.startswith("  ") and line.split()[0] in "✗?!~"]
        concern_lines = [line for line in lines[start:] if line.startswith("  ~ ")]
        assert len(concern_lines) == sum(1 for f in findings if f.reading is not None and not f.awaits_previous_report)
        assert all(line.startswith("  ~ ") or not line.startswith("  ✗") for line in lines[start:])
        assert "~" not in list(marks[: len(marks) - len(concern_lines)])
