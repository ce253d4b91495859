"""Hints on the command line (--body --level --region --year): they override what a source read, a diagnostic
says where they disagree, and the request ledger is a source that needs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "reports" / "real"
DAIXIAN_TEXT = ROOT.parent / "shared" / "reports" / "daixian-2020.txt"
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


def converted(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, object], str]:
    assert main(["convert", *args]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_a_real_report_reads_with_the_hints(capsys: pytest.CaptureFixture[str]) -> None:
    report = str(REAL / "hebei-jyt-2021.txt")
    plain, err = converted(capsys, report)
    assert plain["body"] == {"name": "河北省教育厅", "level": "province_department", "region": None}
    hinted, err = converted(capsys, report, "--body", "河北省教育厅", "--level", "province", "--region", "河北省")
    assert hinted["body"] == {"name": "河北省教育厅", "level": "province", "region": "河北省"}
    assert "body name not found" not in err
    assert hinted["tables"] == plain["tables"]  # the hints change who reported, never a cell


@pytest.mark.parametrize("command", ["check", "summary", "render"])
def test_every_reading_command_takes_the_hints(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = [command, str(REAL / "hebei-jyt-2021.txt"), "--body", "河北省教育厅", "--level", "province"]
    if command == "check":
        args += ["--format", "json"]
    main(args)
    captured = capsys.readouterr()
    assert "body name not found" not in captured.err
    assert "河北省教育厅" in captured.out


def test_a_hint_that_disagrees_with_the_document_wins_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    hinted, err = converted(capsys, str(DAIXIAN_TEXT), "--body", "代县人民政府办公室", "--year", "2021")
    assert hinted["body"]["name"] == "代县人民政府办公室"  # type: ignore[index]
    assert hinted["year"] == 2021
    assert "warning: body name: the hint says '代县人民政府办公室', the document '代县人民政府': taking the hint" in err
    assert "warning: report year: the hint says 2021, the document 2020: taking the hint" in err


def test_hints_override_canonical_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    hinted, err = converted(capsys, str(EXAMPLE), "--level", "township", "--region", "山西省忻州市代县")
    assert hinted["body"] == {"name": "代县人民政府", "level": "township", "region": "山西省忻州市代县"}
    assert "body level: the hint says 'township', the document 'county': taking the hint" in err
    same, err = converted(capsys, str(EXAMPLE), "--body", "代县人民政府")
    assert same["body"]["name"] == "代县人民政府"  # type: ignore[index]
    assert "hint" not in err  # agreeing with the document is no news


def test_the_ledger_is_a_source_and_the_ledger_command_its_alias(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "register.csv"
    register.write_text(
        "编号,收到日期,申请人类型,办理结果,办结日期\nA1,2025-03-01,自然人,予以公开,2025-03-02\nA2,2025-12-30,企业,,\n",
        encoding="utf-8",
    )
    hints = ["--year", "2025", "--body", "某县人民政府", "--level", "county"]
    through_source, _ = converted(capsys, str(register), "--from", "ledger", *hints)
    assert main(["ledger", str(register), *hints]) == 0
    assert json.loads(capsys.readouterr().out) == through_source
    assert through_source["format"] == "gov-2021"
    assert through_source["tables"]["requests"]["new"]["total"] == 2  # type: ignore[index]
    assert main(["convert", str(register), "--from", "ledger", "--body", "某县人民政府"]) == 2
    assert capsys.readouterr().err == (
        f"error: {register}: a register of requests needs the year and the body: pass --year and --body\n"
    )


def test_batch_gives_every_input_the_hints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REAL / "hebei-jyt-2021.txt", inbox)
    out = tmp_path / "out"
    main(["batch", str(inbox), "-o", str(out), "--body", "河北省教育厅", "--level", "province"])
    capsys.readouterr()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [(r["body"], r["year"], r["error"]) for r in summary["reports"]] == [("河北省教育厅", 2021, "")]
