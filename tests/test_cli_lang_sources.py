"""Every source's refusal of a broken file, and a real report's diagnostics, in one language at a time: zh
holds no English word but the file's name, ids and format names; en holds no Chinese but quoted labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_core.cli import main

REPORTS = Path("/work/shared/reports")
NAMES = {"JSON", "ZIP", "XLSX", "DOCX", "PDF", "HTML", "UTF", "GB", "TOML"}
"""Names of file formats a Chinese message may spell (as the catalogue's test allows)."""
IDS = re.compile(r"[a-z_]+(?:\.[a-z_0-9]+)+|gov-\d+(?:-[a-z]+)?|--[a-z-]+|`[^`]*`|\$\.[\w.]+")


def _blank_pdf() -> bytes:
    """A valid one-page PDF with no text layer (what a scan without OCR looks like to a reader)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


BROKEN = {
    "malformed.json": b"[1,",
    "no-format.json": b'{"format": 3}',
    "binary.txt": b"ab\x00cd",
    "nothing.html": b"<html><body><p>\xe4\xbd\xa0\xe5\xa5\xbd</p></body></html>",
    "not-a-zip.xlsx": b"not a zip",
    "not-a-zip.docx": b"not a zip",
    "scan.pdf": _blank_pdf(),
}
"""A broken file for each kind of input, read by the source its suffix names."""


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("DISCLOSURE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def _refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, *args: str) -> str:
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    code = main(["summary", str(path), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1, err  # one line
    assert str(path) in err
    return err.replace(str(path), "")


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", IDS.sub("", text))) - NAMES


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_is_refused_in_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    line = _refusal(tmp_path, capsys, name)
    assert line.startswith("错误：")
    assert _latin_words(line) == set(), line


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_is_refused_in_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    line = _refusal(tmp_path, capsys, name, "--lang", "en")
    assert line.startswith("error: ")
    assert re.findall(r"[\u4e00-\u9fff]+", line) == [], line


@pytest.mark.parametrize("report", ["daixian-2020.txt", "excerpt-02_xiongxian_xiang_2019.txt"])
def test_a_real_report_s_diagnostics_speak_one_language(capsys: pytest.CaptureFixture[str], report: str) -> None:
    path = REPORTS / report
    assert main(["summary", str(path)]) == 0
    lines = capsys.readouterr().err.replace(str(path), "").splitlines()
    assert len(lines) >= 5
    for line in lines:
        # What the document printed is quoted as printed (a web page's "source:" line): not the program's words.
        said = re.sub(r"'[^']*'", "", line)
        assert _latin_words(said) == set(), line
    assert main(["summary", str(path), "--lang", "en"]) == 0
    english = capsys.readouterr().err.replace(str(path), "").splitlines()
    assert len(english) == len(lines)
    assert all(re.match(r"(, (line|page|cell) \w+)*: (info|warning|error): ", line) for line in english), english


def test_diagnostics_as_json_lines_carry_the_catalogue_key(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    path = REPORTS / "daixian-2020.txt"
    assert main(["convert", str(path), "--to", "json", "--format", "json", "-o", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    unit = next(line for line in lines if line["code"] == "cell-text")
    assert unit["key"] == "published.cell_note"
    assert unit["message"] == "proactive.procurement.amount：单元格中填写了单位：43101万元"
