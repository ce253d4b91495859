"""The CLI with the xlsx plugin: a blank workbook from `new`, a pre-filled one from `convert`, and back."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import loads
from disclosure_core.cli import main
from disclosure_core.testing.data import daixian_json

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics


def test_new_writes_a_blank_workbook_that_reads_back_blank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "blank.xlsx"
    assert main(["new", "--year", "2025", "--body", "某县人民政府", "--level", "county", "-o", str(workbook)]) == 0
    assert main(["convert", str(workbook), "-o", str(tmp_path / "blank.json")]) == 0
    report = loads((tmp_path / "blank.json").read_bytes())
    assert (report.format, report.year, report.body.name, report.body.level) == (
        "gov-2021",
        2025,
        "某县人民政府",
        "county",
    )
    assert (
        report.tables == loads(b'{"format": "gov-2021", "year": 2025, "body": {"name": "x", "level": "county"}}').tables
    )
    blank_total = report.cell("requests.new.total")  # blank, but it says where: findings can point at 表2!J7
    assert blank_total.is_absent
    assert blank_total.provenance is not None
    assert blank_total.provenance.cell == "表2!J7"
    assert capsys.readouterr().err == ""


def test_convert_json_to_xlsx_and_back_is_lossless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = tmp_path / "daixian-2020.json"
    example.write_bytes(daixian_json())
    workbook = tmp_path / "daixian.xlsx"
    assert main(["convert", str(example), "-o", str(workbook)]) == 0
    assert main(["convert", str(workbook), "--to", "json", "-o", str(tmp_path / "back.json")]) == 0
    assert loads((tmp_path / "back.json").read_bytes()) == loads(example.read_bytes())
    assert capsys.readouterr().err == ""


def test_a_broken_workbook_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert main(["convert", str(broken), "-o", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {broken}: not a ZIP container (an .xlsx or .docx file is one)\n"
