"""The CLI reads published reports, detected by content or forced with --from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_core.cli import main
from disclosure_core.testing import data

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

DAIXIAN = data.published_reports() / "daixian-2020.txt"


def test_convert_a_published_text_to_canonical_json(tmp_path: Path) -> None:
    output = tmp_path / "daixian.json"
    assert main(["convert", str(DAIXIAN), "-o", str(output)]) == 0
    written = json.loads(output.read_text(encoding="utf-8"))
    expected = json.loads(data.daixian_json())
    assert written["tables"] == expected["tables"]
    assert written["provenance"]["requests.new.natural_person"] == {
        "source": str(DAIXIAN),
        "page": None,
        "line": 120,
        "cell": "R4C2",
    }


def test_content_decides_the_source_whatever_the_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "report.dat"
    renamed.write_bytes(DAIXIAN.read_bytes())
    assert main(["summary", str(renamed)]) == 0
    out, err = capsys.readouterr()
    assert "代县人民政府 (county)" in out
    assert "43101万元" in err  # diagnostics go to stderr with their place
    assert main(["summary", "--from", "published-html", str(renamed)]) == 2  # forced: no report title in markup terms
    assert "no report title" in capsys.readouterr().err
