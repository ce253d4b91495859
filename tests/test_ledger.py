"""The request ledger: a register becomes Table 2 whose balance holds, with carry-over between years."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Body, CellValue, Count, LoadError, UsageError, builtin_layout
from disclosure_core.cli import main
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.ledger import LedgerEntry, ledger_report, read_register, table_2
from disclosure_core.ledger.vocabulary import OUTCOME_ROWS_EXCLUDED

BODY = Body("某县人民政府", "county")
GOV_2021 = builtin_layout("gov-2021")
HEADER = "编号,收到日期,申请人类型,办理结果,办结日期\n"


def _outcomes(layout: Layout) -> list[str]:
    return [row.id for row in layout.table("requests").rows if row.id not in OUTCOME_ROWS_EXCLUDED]


@st.composite
def _entries(draw: st.DrawFn, layout: Layout = GOV_2021) -> list[LedgerEntry]:
    applicants = [c.id for c in layout.table("requests").columns if c.id != "total"]
    entries = []
    for index in range(draw(st.integers(0, 40))):
        received = draw(st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)))
        days_open = draw(st.none() | st.integers(0, 400))
        closed = None if days_open is None else received + dt.timedelta(days=days_open)
        outcome = None if closed is None else draw(st.sampled_from(_outcomes(layout)))
        entries.append(
            LedgerEntry(f"R{index}", received, draw(st.sampled_from(applicants)), outcome, closed, index + 2)
        )
    return entries


def _number(cells: Mapping[CellAddress, CellValue], row: str, column: str) -> int:
    value = cells[CellAddress("requests", row, column)]
    assert isinstance(value, Count)
    return value.value


@given(_entries(), st.integers(2023, 2026))
def test_a_generated_ledger_balances_in_every_column(entries: list[LedgerEntry], year: int) -> None:
    cells = table_2(entries, year, GOV_2021)
    outcomes = _outcomes(GOV_2021)
    for column in [c.id for c in GOV_2021.table("requests").columns]:
        left = _number(cells, "new", column) + _number(cells, "carried_over", column)
        right = _number(cells, "total", column) + _number(cells, "carried_forward", column)
        assert left == right, column
        assert _number(cells, "total", column) == sum(_number(cells, row, column) for row in outcomes)
    for row in ("new", "carried_over", *outcomes, "total", "carried_forward"):
        parts = sum(_number(cells, row, c.id) for c in GOV_2021.table("requests").columns if c.id != "total")
        assert _number(cells, row, "total") == parts
    assert _number(cells, "new", "total") == len([e for e in entries if e.received.year == year])


@given(_entries(), st.integers(2023, 2026))
def test_this_years_carry_over_is_last_years_carry_forward(entries: list[LedgerEntry], year: int) -> None:
    this_year, last_year = table_2(entries, year, GOV_2021), table_2(entries, year - 1, GOV_2021)
    for column in [c.id for c in GOV_2021.table("requests").columns]:
        assert _number(this_year, "carried_over", column) == _number(last_year, "carried_forward", column)


@given(_entries(), st.booleans(), st.integers(2023, 2026))
def test_a_written_register_reads_back_to_the_same_table(entries: list[LedgerEntry], ids: bool, year: int) -> None:
    table = GOV_2021.table("requests")
    labels = {c.id: c.label.zh for c in table.columns} | {r.id: r.label.zh for r in table.rows}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "received", "applicant", "outcome", "closed"] if ids else HEADER.strip().split(","))
    for e in entries:
        name = (lambda key: key) if ids else labels.__getitem__
        writer.writerow([e.id, e.received, name(e.applicant), e.outcome and name(e.outcome), e.closed or ""])
    register = read_register(buffer.getvalue().encode(), origin="r.csv", layout=GOV_2021)
    assert register.diagnostics == ()
    assert table_2(register.entries, year, GOV_2021) == table_2(entries, year, GOV_2021)


def test_bad_lines_are_reported_by_line_number_and_left_out() -> None:
    text = HEADER + "\n".join(
        [
            "A1,2025-02-30,自然人,予以公开,2025-03-01",
            "A2,2025-03-01,自然人,随便处理,2025-03-02",
            "A3,2025-03-05,外星人,予以公开,2025-03-06",
            "A4,2025-03-05,自然人,予以公开,2025-03-01",
            "A5,2025-03-05,自然人,予以公开,",
            "A6,2025年3月5日,法人或其他组织-其他,（三）不予公开：4.保护第三方合法权益,2025/3/9",
            "A6,20250310,公民,部分公开,2025-03-12 00:00:00",
        ]
    )
    loaded = ledger_report(text.encode(), origin="r.csv", year=2025, body=BODY, layout=GOV_2021)
    messages = [str(d) for d in loaded.diagnostics]
    assert messages == [
        "r.csv, line 2: error: impossible received date '2025-02-30'; the request is not counted",
        "r.csv, line 3: error: unknown outcome '随便处理'; the request is not counted",
        "r.csv, line 4: error: unknown applicant type '外星人'; the request is not counted",
        "r.csv, line 5: error: closed on 2025-03-01 before it was received on 2025-03-05; the request is not counted",
        "r.csv, line 6: error: an outcome needs a closing date and a closing date an outcome; the request is not counted",
        "r.csv, line 8: warning: id 'A6' also on line 7; both are counted",
    ]
    report = loaded.report
    assert report.number("requests.withheld_third_party.other_org") == 1
    assert report.number("requests.partially_granted.natural_person") == 1
    assert report.number("requests.new.total") == 2


def test_outcome_names_cross_the_format_change() -> None:
    text = HEADER + "A1,2020-03-01,自然人,3.其他,2020-03-02\nA2,2021-03-01,自然人,其他处理,2021-03-02\n"
    gov_2019 = ledger_report(text.encode(), origin="r.csv", year=2020, body=BODY, layout=builtin_layout("gov-2019"))
    gov_2021 = ledger_report(text.encode(), origin="r.csv", year=2021, body=BODY, layout=GOV_2021)
    assert gov_2019.report.number("requests.other.natural_person") == 1
    assert gov_2021.report.number("requests.other_misc.natural_person") == 1


def test_a_register_saved_by_excel_as_gb18030_or_xlsx_is_read() -> None:
    text = HEADER + "A1,2025-03-01,商业企业,予以公开,2025-03-02\n"
    loaded = ledger_report(text.encode("gb18030"), origin="r.csv", year=2025, body=BODY, layout=GOV_2021)
    assert loaded.report.number("requests.granted.commercial") == 1
    assert [d.code for d in loaded.diagnostics] == ["encoding"]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["申请登记台账"])
    sheet.append(HEADER.strip().split(","))
    sheet.append(["A1", dt.datetime(2024, 12, 30), "科研机构", "予以公开", dt.datetime(2025, 1, 3)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    from_xlsx = ledger_report(buffer.getvalue(), origin="r.xlsx", year=2025, body=BODY, layout=GOV_2021)
    assert from_xlsx.report.number("requests.carried_over.research") == 1
    assert from_xlsx.report.number("requests.granted.research") == 1


def test_a_register_without_the_needed_columns_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^r\.csv: line 1: missing column\(s\): outcome \(办理结果/处理结果\)"):
        read_register("编号,收到日期,申请人类型,办结日期\n".encode(), origin="r.csv", layout=GOV_2021)


@pytest.mark.usefixtures("english")  # reads the English diagnostics
def test_the_ledger_command_writes_a_report_and_exits_1_on_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "register.csv"
    register.write_text(HEADER + "A1,2025-03-01,自然人,予以公开,2025-03-02\nA2,2025-13-01,自然人,,\n", encoding="utf-8")
    target = tmp_path / "report.json"
    args = ["ledger", str(register), "--year", "2025", "--body", "某县人民政府", "--level", "county", "-o", str(target)]
    assert main(args) == 1
    assert "line 3: error: impossible received date '2025-13-01'" in capsys.readouterr().err
    assert '"natural_person": 1' in target.read_text(encoding="utf-8")
    register.write_text(HEADER + "A1,2025-03-01,自然人,予以公开,2025-03-02\n", encoding="utf-8")
    assert main([*args[:-1], str(tmp_path / "report.xlsx")]) == 0
    assert (tmp_path / "report.xlsx").read_bytes()[:2] == b"PK"


def test_an_xlsx_register_without_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as on an installation without the extra
    with pytest.raises(
        UsageError, match=r"^r\.xlsx: reading an \.xlsx register needs openpyxl: pip install 'disclosure-core\[xlsx\]'$"
    ):
        read_register(b"PK\x03\x04rest", origin="r.xlsx", layout=builtin_layout("gov-2021"))
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["optional-dependencies"]["xlsx"] == ["openpyxl>=3.1,<3.2"]
