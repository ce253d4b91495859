"""Each memory bound of docs/robustness.md against a hostile file made for it: the command ends in one line
naming the file (or a report), and the process's peak memory stays under 300 MB.

The files are small on disk and huge once expanded, declared or nested — the shape of every blow-up in
../shared/hostile. ``disclosure check`` runs each in a fresh interpreter (see ``cli_with_peak``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from disclosure_core import Body, Registry, Report
from disclosure_core.testing.robustness import cli_with_peak, members

PEAK_MB = 300
LEDGER = ["--year", "2025", "--body", "某县人民政府", "--level", "county"]
REGISTER = "编号,收到日期,申请人类型,办理结果,办结日期\n"


def _bomb(package: bytes, member: str, size: int) -> bytes:
    parts = members(package)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, b" " * size if name == member else content)
    return out.getvalue()


def _blank(to: str) -> bytes:
    return Registry().render(Report("gov-2021", 2025, Body("某县人民政府", "county")), to)


@pytest.mark.parametrize(
    ("suffix", "member"), [("xlsx", "xl/worksheets/sheet2.xml"), ("docx", "word/document.xml")], ids=["xlsx", "docx"]
)
def test_a_zip_bomb_is_refused_from_its_declared_size(tmp_path: Path, suffix: str, member: str) -> None:
    path = tmp_path / f"bomb.{suffix}"
    path.write_bytes(_bomb(_blank(suffix), member, 200_000_000))  # 200 MB of spaces in about 200 KB
    assert path.stat().st_size < 400_000
    code, stderr, peak = cli_with_peak("check", str(path), cwd=tmp_path)
    assert (code, stderr.count("\n")) == (2, 1), stderr
    assert stderr.startswith(f"error: {path}: {member}: ")
    assert peak < PEAK_MB


def test_a_register_with_a_cell_in_the_last_column_of_every_row_is_clamped(tmp_path: Path) -> None:
    """Each row as wide as its last cell: 20 000 rows ending in column XFD would be 2.6 GB padded."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["编号", "收到日期", "申请人类型", "办理结果", "办结日期"])
    for row in range(2, 20_002):
        sheet.append([f"A{row}", "2025-03-01", "自然人", "予以公开", "2025-03-20"])
        sheet.cell(row=row, column=16_384, value="x")
    path = tmp_path / "wide.xlsx"
    workbook.save(path)
    code, stderr, peak = cli_with_peak("ledger", str(path), *LEDGER, "-o", str(tmp_path / "r.json"), cwd=tmp_path)
    assert code == 0, stderr
    assert '"total": 20000' in (tmp_path / "r.json").read_text(encoding="utf-8")
    assert peak < PEAK_MB


def test_a_register_longer_than_the_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(REGISTER + "A,2025-03-01,自然人,予以公开,2025-03-20\n" * 200_001, encoding="utf-8")
    code, stderr, peak = cli_with_peak("ledger", str(path), *LEDGER, "-o", str(tmp_path / "r.json"), cwd=tmp_path)
    assert (code, stderr.strip()) == (2, f"error: {path}: more than 200000 lines; split the register by year")
    assert peak < PEAK_MB


def test_an_input_larger_than_the_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(65 * 1024 * 1024)  # sparse: 65 MB that take no disk
    code, stderr, peak = cli_with_peak("check", str(path), cwd=tmp_path)
    assert (code, stderr.strip()) == (2, f"error: {path}: 68157440 bytes is larger than the 67108864 bytes accepted")
    assert peak < PEAK_MB


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("deep.json", "[" * 200_000, "JSON nested too deeply"),
        ("deep.toml", "x = " + "[" * 200_000, "TOML nested too deeply"),
        (
            "not.toml",
            '[[rules]]\nid = "x"\nkind = "expression"\nseverity = "error"\ntitle = { zh = "t", en = "t" }\nmessage = { zh = "m", en = "m" }\nbasis = "b"\nexpr = "'
            + "(" * 150
            + "1"
            + ")" * 150
            + ' > 0"\n',
            "",
        ),
    ],
    ids=["json", "toml", "expression"],
)
def test_nesting_is_refused_at_parse(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    example = Path(__file__).resolve().parent.parent / "examples" / "daixian-2020.json"
    args = ["check", str(path)] if name.endswith(".json") else ["check", str(example), "--rules", str(path)]
    code, stderr, peak = cli_with_peak(*args, cwd=tmp_path)
    assert (code, stderr.count("\n")) == (2, 1), stderr
    assert stderr.startswith(f"error: {path}: ")
    assert (problem or "expression nested too deeply") in stderr
    assert peak < PEAK_MB
