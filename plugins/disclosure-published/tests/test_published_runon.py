"""Run-on crawler text on the real corpus: every cell exact, or uncertain with the true value among the alternatives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from disclosure_published import TextSource
from disclosure_published.digit_runs import Run, number, solve, splits
from disclosure_published.runon import find_headings, is_run_on
from disclosure_published.testing import printed
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from disclosure_core import (
    Absent,
    CellAddress,
    CellValue,
    Count,
    Loaded,
    Money,
    Reading,
    Registry,
    Report,
    builtin_layout,
    check,
    official_layouts,
)
from disclosure_core.layouts import CellKind, DataCell, LabelCell, Layout
from disclosure_core.testing.strategies import reports

HERE = Path(__file__).resolve().parent
REAL = next(p / "shared" / "reports" / "real" for p in HERE.parents if (p / "shared" / "reports" / "real").is_dir())
TRANSCRIBED = HERE / "data" / "real"


def read(name: str) -> Loaded:
    path = REAL / name
    return TextSource().load(path.read_bytes(), origin=path.name, layouts=Registry(entry_points=False).layouts())


def same(value: CellValue, expected: Any) -> bool:
    if expected is None:
        return isinstance(value, Absent)
    if isinstance(expected, str):
        return isinstance(value, Money) and value.amount == Decimal(expected)
    return isinstance(value, Count) and value.value == expected


def expected_cells(document: dict[str, Any]) -> dict[CellAddress, Any]:
    return {
        CellAddress(table, row, column): value
        for table, rows in document["tables"].items()
        for row, columns in rows.items()
        for column, value in columns.items()
    }


def test_kjt_2022_reads_every_cell_exactly() -> None:
    expected = json.loads((REAL / "expected" / "hebei-kjt-2022.json").read_text())
    loaded = read("hebei-kjt-2022.txt")
    report = loaded.report
    assert (report.format, report.year) == (expected["format"], expected["year"])
    cells = expected_cells(expected)
    assert len(cells) == 10 + 175 + 15
    wrong = [f"{a}: {report.cell(a)} != {v}" for a, v in cells.items() if not same(report.cell(a), v)]
    assert wrong == []
    readings = {a: report.cell(a).provenance.reading for a in cells}  # type: ignore[union-attr]
    assert Reading.UNCERTAIN not in readings.values()
    # Cells whose split the arithmetic decided say so; the rest are exact.
    assert readings[CellAddress.parse("requests.new.natural_person")] is Reading.CHOSEN
    assert readings[CellAddress.parse("requests.total.natural_person")] is Reading.CHOSEN
    assert readings[CellAddress.parse("requests.carried_over.total")] is Reading.EXACT


def test_kjt_2022_total_row_breaks_the_arithmetic_as_printed() -> None:
    findings = check(read("hebei-kjt-2022.txt").report)
    failed = sorted(f.rule for f in findings if f.outcome.value == "fail")
    assert failed == [
        "requests.balance.natural_person",
        "requests.results_total.natural_person",
        "requests.row_total.total",
    ]


def test_kjt_2022_diagnostic_names_the_deciding_identities() -> None:
    messages = [d.message for d in read("hebei-kjt-2022.txt").diagnostics if d.code == "digit-run"]
    assert any("'110000011' read as 11/0/0/0/0/0/11" in m and "requests.balance.commercial" in m for m in messages)


@pytest.mark.parametrize("name", ["hebei-kjt-2021", "hebei-kjt-2023", "hebei-gxt-2020"])
def test_run_together_report_is_exact_or_uncertain_with_the_truth(name: str) -> None:
    transcribed = json.loads((TRANSCRIBED / f"{name}.json").read_text())
    report = read(f"{name}.txt").report
    assert (report.format, report.year) == (transcribed["format"], transcribed["year"])
    layout = builtin_layout(report.format)
    undecidable = {CellAddress.parse(a): v for a, v in transcribed["undecidable"].items()}
    decided = expected_cells(transcribed)
    assert set(decided) | set(undecidable) == set(layout.addresses())
    for address, value in decided.items():
        cell = report.cell(address)
        assert same(cell, value), f"{address}: {cell} != {value}"
        assert cell.provenance is None or cell.provenance.reading is not Reading.UNCERTAIN, address
    for address, candidates in undecidable.items():
        cell = report.cell(address)
        assert cell.provenance is not None, address
        assert cell.provenance.reading is Reading.UNCERTAIN, address
        shown = {_number(cell), *map(number, cell.provenance.alternatives)}
        assert set(map(number, candidates)) <= shown, f"{address}: {candidates} not all in {shown}"


def _number(value: CellValue) -> int | Decimal | None:
    return value.value if isinstance(value, Count) else value.amount if isinstance(value, Money) else None


def test_report_without_tables_gives_tables_missing_findings() -> None:
    loaded = read("hebei-kjt-2020.txt")
    findings = {f.rule: f.outcome.value for f in check(loaded.report)}
    assert findings["requests.filled"] == "fail"
    assert findings["appeals.filled"] == "fail"
    present = {section for section, found in loaded.report.sections.items() if found is not None}
    assert present == {"overview", "proactive", "requests", "appeals", "problems"}  # it really has no 六、


def test_every_run_together_capture_is_read_as_run_on() -> None:
    layouts = [builtin_layout("gov-2019"), builtin_layout("gov-2021")]
    names = ["hebei-kjt-2020", "hebei-kjt-2021", "hebei-kjt-2022", "hebei-kjt-2023", "hebei-gxt-2020"]
    assert all(is_run_on((REAL / f"{n}.txt").read_text(), layouts) for n in names)
    assert not any(is_run_on((REAL / f"hebei-jyt-{y}.txt").read_text(), layouts) for y in (2019, 2021, 2022, 2023))


def test_headings_inside_a_sentence_are_not_headings() -> None:
    text = "本报告包括总体情况、主动公开政府信息情况等六个部分。一、总体情况今年。二、主动公开政府信息情况规章000"
    assert [(h.section, text[h.start : h.end]) for h in find_headings(text)] == [
        ("overview", "一、总体情况"),
        ("proactive", "二、主动公开政府信息情况"),
    ]


def test_a_row_ordinal_is_no_heading() -> None:
    text = "一、总体情况。三、收到和处理政府信息公开申请情况（七）总计2000002四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况"
    assert [h.section for h in find_headings(text)] == ["overview", "requests", "appeals"]
    appeals = find_headings(text)[-1]
    assert text[appeals.start : appeals.end] == "四、政府信息公开行政复议、行政诉讼情况"


def crawler_text(report: Report, layout: Layout, separators: list[str]) -> str:
    """A report flattened as a crawler's innerText join: headings inline, a row's digits run together,
    U+3000 or a bare CR (from ``separators``, in turn) between some labels and values."""
    junctions = iter(separators * 400)
    parts = [f"某县人民政府{report.year}年政府信息公开工作年度报告", "\u3000\u3000"]
    for section in layout.sections:
        parts.append(section.heading.zh)
        tables = [t for t in layout.tables if t.section == section.id]
        if not tables:
            parts.append("本年度工作按要求开展。")
        for table in tables:
            for block in table.blocks:
                if block.heading is not None:
                    parts.append(block.heading.zh)
                parts.extend(cell.label.zh for header_row in block.header for cell in header_row)
                for body_row in block.body():
                    digits = ""
                    for cell in body_row:
                        if isinstance(cell, LabelCell):
                            parts.append(cell.label.zh)
                        elif isinstance(cell, DataCell):
                            digits += printed(report.cell(cell.address), layout.column_of(cell.address).unit)
                    parts.append(next(junctions) + digits + next(junctions))
        parts.append(next(junctions))
    return "".join(parts)


@settings(max_examples=30, deadline=None)
@given(
    reports(consistent=True, max_count=30),
    st.lists(st.sampled_from(["", "", "\u3000", "\r"]), min_size=1, max_size=8),
)
def test_flattened_reports_never_read_a_wrong_certain_value(report: Report, separators: list[str]) -> None:
    layout = builtin_layout(report.format)
    text = crawler_text(report, layout, separators)
    assume(is_run_on(text.replace("\r", "\n"), [layout]))
    read = TextSource().load(text.encode(), origin="crawl.txt", layouts=official_layouts())
    assert read.report.format == report.format
    for address in layout.addresses():
        written, got = report.cell(address), read.report.cell(address)
        provenance = got.provenance
        if provenance is not None and provenance.reading is Reading.UNCERTAIN:
            if isinstance(got, Absent) and len(provenance.alternatives) == 1:
                continue  # a run with too many splits: its digits are kept in a diagnostic, no value claimed
            assert _number(written) in {_number(got), *map(number, provenance.alternatives)}, address
        else:
            assert _number(got) == _number(written), f"{address}: {got} read for {written}"


@settings(max_examples=30, deadline=None)
@given(reports(["gov-2021"], consistent=True, max_count=9))
def test_single_digit_rows_are_exact(report: Report) -> None:
    """A row of seven one-digit counts has one split only: every such cell comes back exact."""
    layout = builtin_layout(report.format)
    read = (
        TextSource()
        .load(crawler_text(report, layout, [""]).encode(), origin="crawl.txt", layouts=official_layouts())
        .report
    )
    for address in layout.table("requests").addresses():
        got = read.cell(address)
        assert got == report.cell(address)
        row = [report.number(CellAddress("requests", address.row, c.id)) for c in layout.table("requests").columns]
        if all(value is not None and value < 10 for value in row):
            assert got.provenance is not None, address
            assert got.provenance.reading is Reading.EXACT, address


def test_pathological_digit_runs_end_with_a_diagnostic() -> None:
    appeals = builtin_layout("gov-2021").table("appeals")
    cells = tuple(appeals.addresses())
    kinds = (CellKind.COUNT,) * len(cells)
    for digits in ("7" * 300, "1" * 120, "123456789" * 40):
        solved = solve([Run(cells, kinds, digits)], [])
        assert all(solved.cells[c].reading is Reading.UNCERTAIN and solved.cells[c].text == "" for c in cells)
        assert solved.cells[cells[0]].alternatives == (digits,)
        assert [d.code for d in solved.diagnostics] == ["digit-run"]
        assert digits in solved.diagnostics[0].message


def test_too_few_digits_for_a_row_without_blanks_is_no_reading() -> None:
    requests = builtin_layout("gov-2021").table("requests")
    cells = tuple(CellAddress("requests", "new", c.id) for c in requests.columns)
    assert splits("12+3", [CellKind.COUNT] * 7) == []
    solved = solve([Run(cells, (CellKind.COUNT,) * 7, "12+3")], [])
    assert "cannot be split" in solved.diagnostics[0].message
