"""OCR / LLM markdown transcriptions: per-group tables, generic headers, split label rows, footers, notes in cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from disclosure_published import TextSource
from disclosure_published.markdown import is_markdown, markdown_tokens

from disclosure_core import CellAddress, Count, Loaded, Money, builtin_layout, check, official_layouts

FIXTURE = Path(__file__).resolve().parent / "data" / "markdown" / "ocr-county-2022.md"


def read() -> Loaded:
    return TextSource().load(FIXTURE.read_bytes(), origin=FIXTURE.name, layouts=official_layouts())


def test_markdown_transcription_reads_every_table() -> None:
    report = read().report
    assert (report.format, report.year, report.body.name) == ("gov-2021", 2022, "某某县人民政府")
    n = report.number
    assert [n(f"proactive.normative_documents.{c}") for c in ("issued", "repealed", "in_force")] == [22, 3, 140]
    assert report.cell(CellAddress.parse("proactive.fees.amount")) == Money(Decimal("12.5"), "万元")
    # The label row "一、本年新收…" and its number row below it are one row.
    assert [n(f"requests.new.{c.id}") for c in builtin_layout("gov-2021").table("requests").columns] == [
        10,
        1,
        0,
        0,
        1,
        0,
        12,
    ]
    # Rows of the per-group tables after "### （三）不予公开" and across the page footer.
    assert n("requests.withheld_third_party.natural_person") == 1
    assert n("requests.withheld_process_info.total") == 0
    assert n("requests.unavailable_not_held.total") == 2
    assert n("requests.other_overdue_correction.total") == 1
    # Table 3 under generic headers 数据1…数据15, by position.
    assert [n(f"appeals.review.{c}") for c in ("upheld", "total")] == [1, 1]
    assert n("appeals.litigation_direct.pending") == 1
    layout = builtin_layout("gov-2021")
    assert all(isinstance(report.cell(a), Count | Money) for a in layout.addresses())


def test_markdown_tables_balance_as_transcribed() -> None:
    failed = [f.rule for f in check(read().report) if f.outcome.value == "fail" and f.rule.startswith("requests")]
    assert failed == []


def test_notes_and_footers_become_diagnostics() -> None:
    messages = [d.message for d in read().diagnostics]
    assert any("'其中修订16件'" in m and "reads 22" in m for m in messages)
    assert any("'— 6 —'" in m for m in messages)


def test_pipe_transcriptions_without_separator_lines_are_not_markdown() -> None:
    assert not is_markdown("规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |\n")
    tokens, _ = markdown_tokens("| **行政许可** |\n| --- |\n| 3 |\n", origin="a.md")
    assert [t.text for t in tokens if not t.is_break] == ["行政许可", "3"]
