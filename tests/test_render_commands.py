"""`disclosure render`: every registered renderer, chosen by --to or the output suffix; findings on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_core import load, to_dict
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_html_and_docx_are_written_from_the_output_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, document = tmp_path / "r.html", tmp_path / "r.docx"
    assert run(capsys, "render", str(EXAMPLE), "-o", str(html)) == (0, "", "")
    assert run(capsys, "render", str(EXAMPLE), "-o", str(document)) == (0, "", "")
    assert '<html lang="zh-CN">' in html.read_text(encoding="utf-8")
    assert "代县2020年" in html.read_text(encoding="utf-8")
    read_back = load(document).report
    assert {k: v for k, v in to_dict(read_back).items() if k != "provenance"} == json.loads(EXAMPLE.read_text())


def test_json_goes_to_stdout_with_to(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "render", str(EXAMPLE), "--to", "json")
    assert code == 0
    assert out == EXAMPLE.read_text(encoding="utf-8")


def test_an_unknown_renderer_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", str(EXAMPLE), "--to", "rtf")
    assert code == 2
    assert err.startswith("error: unknown renderer 'rtf' (available: docx, docx-numbered, html, json")  # then more


def test_render_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(EXAMPLE.read_bytes())
    code, _, err = run(capsys, "render", str(source), "--to", "json", "-o", str(source))
    assert code == 2
    assert "refusing to overwrite the input file" in err


def test_with_findings_overlays_the_check_results(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "render", str(EXAMPLE), "--to", "html", "--with-findings")
    assert code == 0
    assert 'id="findings-heading"' in out
    assert "flagged" in out
    assert "proactive.pattern.items" in out  # the 10125 → 10215 transposition, as information
    assert "10215" in out
