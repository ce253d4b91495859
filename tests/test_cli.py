"""The `disclosure` command: exit codes, one-line errors, atomic outputs, never overwriting inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from disclosure_core import loads
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_blank_report_in_the_format_of_the_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "blank.json"
    code, _, err = run(
        capsys, "new", "--year", "2025", "--body", "某县人民政府", "--level", "county", "-o", str(target)
    )
    assert (code, err) == (0, "")
    report = loads(target.read_bytes())
    assert (report.format, report.year, report.body.name) == ("gov-2021", 2025, "某县人民政府")
    assert list(report.tables) == []


def test_new_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", "--format", "gov-2030", "--year", "2025", "--body", "x", "--level", "county")
    assert code == 2
    assert err.startswith("error: unknown format version 'gov-2030' (available: gov-2019, ")  # and installed variants


def test_convert_round_trips_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copy.json"
    assert run(capsys, "convert", str(EXAMPLE), "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(EXAMPLE.read_bytes())
    code, _, err = run(capsys, "convert", str(source), "-o", str(tmp_path / "." / "in.json"))
    assert code == 2
    assert "refusing to overwrite the input file" in err
    assert source.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "gov-2019", "year": 2020', "line 1 column 36: malformed JSON"),
        (
            EXAMPLE.read_bytes().replace(b'"natural_person": 7', b'"natural_person": "7\xe4\xbb\xb6"', 1),
            '$.tables.requests.new.natural_person: expected an integer, got "7件"',
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    target = tmp_path / "out.json"
    target.write_text("previous output")
    code, _, err = run(capsys, "convert", str(source), "-o", str(target))
    assert code == 2
    assert err.startswith(f"error: {source}: ")
    assert message in err
    assert err.count("\n") == 1
    assert target.read_text() == "previous output"
    assert {p.name for p in tmp_path.iterdir()} == {"bad.json", "out.json"}  # no stray temporary file


def test_unknown_output_suffix_asks_for_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(EXAMPLE), "-o", str(tmp_path / "x.weird"))
    assert code == 2
    assert "pass --to" in err


def test_schema_is_printed_and_validates_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    jsonschema.validate(json.loads(EXAMPLE.read_text(encoding="utf-8")), json.loads(out))


def test_plugins_lists_builtins_with_their_hooks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert "disclosure_core.canonical_json (built-in): disclosure_renderers, disclosure_sources" in out
    assert "layouts:   gov-2019, gov-2021" in out


def test_summary_shows_body_year_format_and_filled_cells(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", str(EXAMPLE))
    assert code == 0
    assert "代县人民政府 (county, 山西省忻州市代县)" in out
    # In English the table is named by its English label (one language at a time, issue 16).
    assert "table 2 Requests for government information received and handled: 4 of 161 cells hold a number" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "no-such-command")[0] == 2
    assert run(capsys, "convert")[0] == 2


def test_help_is_available_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ([], ["new"], ["convert"], ["schema"], ["plugins"], ["summary"]):
        code, out, _ = run(capsys, *command, "--help")
        assert code == 0
        assert "Usage: disclosure" in out


def test_the_console_script_exits_with_the_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    result = subprocess.run(
        [sys.executable, "-m", "disclosure_core", "convert", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {bad}: line 1 column 2: malformed JSON")


def test_aggregate_sums_units_and_reports_the_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.json"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace("代县人民政府", "繁峙县人民政府", 1), encoding="utf-8")
    manifest = tmp_path / "units.txt"
    manifest.write_text("# 忻州市\n代县人民政府\n五台县人民政府\n", encoding="utf-8")
    target = tmp_path / "city.json"
    code, _, err = run(
        capsys, "aggregate", str(EXAMPLE), str(other), "--body", "忻州市人民政府", "--level", "city",
        "--manifest", str(manifest), "-o", str(target),
    )  # fmt: skip
    assert code == 1  # a unit of the manifest sent no report (issue 16: it exited 0)
    city = loads(target.read_bytes())
    assert city.number("requests.new.natural_person") == 14
    assert city.number("proactive.licensing.decisions") == 20250
    assert city.body.name == "忻州市人民政府"
    assert "missing units (in the manifest, no report): 五台县人民政府" in err
    assert "unexpected units (not in the manifest): 繁峙县人民政府" in err


def test_aggregate_refuses_mixed_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.json"
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["year"], data["body"]["name"] = 2019, "繁峙县人民政府"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "aggregate", str(EXAMPLE), str(other), "--body", "忻州市人民政府")
    assert code == 2
    assert err == "error: cannot aggregate reports of different years (2019: 繁峙县人民政府; 2020: 代县人民政府)\n"
