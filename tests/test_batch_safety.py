"""What `disclosure batch` and `aggregate` must never do: read their own results back as reports, leave
their temporary files behind, hand a spreadsheet a formula, write over a run's input, or share a folder."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core._batch_output import BatchDirectory
from disclosure_core._batch_summary import neutralised
from disclosure_core.batch import CheckOptions
from disclosure_core.cli import main
from disclosure_core.errors import UsageError

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics
WriteReports = Callable[..., list[Path]]

ROOT = Path(__file__).resolve().parents[1]


def counted(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err.splitlines()[0]


@pytest.mark.parametrize("spelling", ["relative", "absolute", "symlink", "dotted"])
def test_the_output_folder_is_never_read_back_however_it_is_written(
    write_reports: WriteReports,
    spelling: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_reports(tmp_path / "dir", 2)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dir" / "out").mkdir()
    (tmp_path / "elsewhere").symlink_to(tmp_path / "dir" / "out")
    output = {
        "relative": "dir/out",
        "absolute": str(tmp_path / "dir" / "out"),
        "symlink": "elsewhere",
        "dotted": "./dir/../dir/out/",
    }[spelling]
    for _ in range(3):  # the run: 2 → 6 → 10 reports as results were read back as reports
        main(["batch", "dir", "-o", output])
        assert counted(capsys).startswith("2 reports,")


def test_a_symlink_inside_the_inputs_that_leads_into_the_output_is_not_followed(
    write_reports: WriteReports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_reports(tmp_path / "dir", 2)
    out = tmp_path / "out"
    main(["batch", str(tmp_path / "dir"), "-o", str(out)])
    capsys.readouterr()
    (tmp_path / "dir" / "results").symlink_to(out)
    (tmp_path / "dir" / "one.json").symlink_to(next(out.glob("*.findings.json")))
    main(["batch", str(tmp_path / "dir"), "-o", str(out)])
    assert counted(capsys) == "2 reports, 2 already done, 0 to check"


def test_an_input_inside_the_output_folder_is_a_usage_error(
    write_reports: WriteReports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_reports(tmp_path / "out", 1)
    assert main(["batch", str(tmp_path / "out" / "report-00000.json"), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'out' / 'report-00000.json'}: is inside the output directory {tmp_path / 'out'};"
        " results are not read as reports\n"
    )


def test_stale_part_files_of_ours_are_cleaned_and_others_are_kept(write_reports: WriteReports, tmp_path: Path) -> None:
    write_reports(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    ours = [out / ".summary.csv.0123456789ab.part", out / ".report-00000.52d9f6aa.findings.json.fedcba987654.part"]
    theirs = [out / "notes.part", out / ".draft.part"]
    for path in [*ours, *theirs]:
        path.write_text("half", encoding="utf-8")
    main(["batch", str(tmp_path / "in"), "-o", str(out)])
    assert [p.exists() for p in ours] == [False, False]
    assert [p.exists() for p in theirs] == [True, True]
    assert sorted(p.name for p in out.glob("*.part")) == [".draft.part", "notes.part"]


@pytest.mark.slow
def test_summary_csv_neutralises_formulas_and_a_spreadsheet_reads_them_as_text(
    write_reports: WriteReports, tmp_path: Path
) -> None:
    write_reports(tmp_path / "in", 2, body="=2+3")
    out = tmp_path / "out"
    main(["batch", str(tmp_path / "in"), "-o", str(out)])
    rows = list(csv.DictReader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["body"] for r in rows] == ["'=2+3", "'=2+3"]
    assert [r["body"] for r in json.loads((out / "summary.json").read_text(encoding="utf-8"))["reports"]] == [
        "=2+3",
        "=2+3",
    ]
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")  # .ci/run installs it
    converted = tmp_path / "converted"
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"  # its own profile: no clash with other runs
    for to in ("xlsx", "csv"):
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", to, "--outdir", str(converted), str(out / "summary.csv")],
            check=True,
            capture_output=True,
            timeout=120,
        )
    import openpyxl

    sheet = openpyxl.load_workbook(converted / "summary.xlsx").active
    assert sheet is not None
    bodies = [(c.value, c.data_type) for c in sheet["B"][1:]]
    assert bodies == [("'=2+3", "s"), ("'=2+3", "s")]  # text, not the formula it would be without the apostrophe
    text = (converted / "summary.csv").read_text(encoding="utf-8", errors="replace").splitlines()
    assert [line.split(",")[1] for line in text[1:]] == ["'=2+3", "'=2+3"]  # not 5


@given(st.text(max_size=12))
def test_a_neutralised_cell_never_starts_a_formula_and_loses_nothing(text: str) -> None:
    cell = neutralised(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or cell == "'" + text


def test_aggregate_refuses_to_write_over_its_manifest(
    write_reports: WriteReports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write_reports(tmp_path / "in", 2)
    manifest = tmp_path / "m.txt"
    manifest.write_text("某县第0局\n某县第1局\n", encoding="utf-8")
    argv = ["aggregate", *map(str, reports), "--body", "某县", "--manifest", str(manifest), "-o", str(manifest)]
    assert main(argv) == 2
    assert capsys.readouterr().err == f"error: {manifest}: refusing to overwrite the input file\n"
    assert manifest.read_text(encoding="utf-8") == "某县第0局\n某县第1局\n"
    os.link(manifest, tmp_path / "same.txt")  # the same file under another name is the same input
    argv[-1] = str(tmp_path / "same.txt")
    assert main(argv) == 2
    assert manifest.read_text(encoding="utf-8") == "某县第0局\n某县第1局\n"


def test_two_batches_cannot_write_into_one_folder(tmp_path: Path) -> None:
    with (
        BatchDirectory.open(tmp_path, CheckOptions(), "rules"),
        pytest.raises(UsageError, match="another batch is writing into this directory"),
    ):
        BatchDirectory.open(tmp_path, CheckOptions(), "rules")
    BatchDirectory.open(tmp_path, CheckOptions(), "rules").close()  # released when the first one closed
