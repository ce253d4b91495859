"""Every input of ../shared/hostile (its README says what each once did) through the public API and the CLI:
a one-line error naming the file (a typed error, exit 2) or a report with diagnostics, in bounded memory.

Each case runs in a fresh interpreter that reports its own peak memory (``ru_maxrss``), so that one hostile
file's blow-up cannot hide behind, or be blamed on, another's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_core.testing.robustness import PEAK_KB, cli_with_peak

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "daixian-2020.json"
PEAK_MB = 300
LEDGER = ["--year", "2025", "--body", "某县人民政府", "--level", "county"]


def hostile(name: str) -> Path:
    """A file of ../shared/hostile, from the checkout or the main checkout a worktree belongs to."""
    for folder in ROOT.parents:
        if (folder / "shared" / "hostile" / name).is_file():
            return folder / "shared" / "hostile" / name
    pytest.skip(f"../shared/hostile/{name} is not on this machine")


_API = (
    PEAK_KB
    + """
import json, sys
from disclosure_core import DisclosureError, check, load, load_rule_file
kind, path, example = sys.argv[1:4]
outcome = {}
try:
    if kind == "rules":
        outcome["findings"] = len(check(load(example).report, rules=load_rule_file(path)).all)
    else:
        loaded = load(path)
        outcome["diagnostics"] = [str(d) for d in loaded.diagnostics]
        outcome["findings"] = len(check(loaded.report).all)
except DisclosureError as error:
    outcome["error"], outcome["type"] = str(error), type(error).__name__
outcome["peak_mb"] = peak_kb() / 1024
print(json.dumps(outcome, ensure_ascii=False))
"""
)


def api(kind: str, path: Path) -> dict[str, object]:
    """What load/check (or load_rule_file/check) made of ``path``, and the peak memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _API, kind, str(path), str(EXAMPLE)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome: dict[str, object] = json.loads(done.stdout)
    return outcome


def cli(tmp_path: Path, *args: str) -> tuple[int, str, float]:
    """Exit code, stderr and peak memory (MB) of ``disclosure ARGS``."""
    return cli_with_peak(*args, cwd=tmp_path)


REFUSED = [
    ("C1-json-4301-digits.json", "report", r"line 1 column \d+: a number of more than 4300 digits$"),
    ("C2-docx-custom-malformed.docx", "report", r"docProps/custom\.xml: not well-formed XML"),
    ("C3-docx-main-part-not-document.docx", "report", r"the main part is not a Word document"),
    ("C4-zip-version-98.docx", "report", r"an archive member zipfile cannot extract \(zip file version 9\.8\)$"),
    ("C4-zip-version-98.xlsx", "report", r"an archive member zipfile cannot extract \(zip file version 9\.8\)$"),
    ("C5-rule-not-x495.toml", "rules", r"rule 'x\.evil' \(\$\.rules\[0\]\.expr\): expression nested too deeply$"),
    ("C6-rule-toml-deep.toml", "rules", r"TOML nested too deeply$"),
    ("C6-rule-toml-bigint.toml", "rules", r"line 1 column 9: an integer of more than 4300 digits$"),
    ("C9-rule-expand-1e9.toml", "rules", r"rule 'x\.explode' \(gov-2019\): expand gives 1000000000 instances"),
    ("H1-ledger-dimension-xfd.xlsx", "report", r"no sheet '报告信息': not a disclosure workbook"),
    ("H3-pdf-200-pages-33KB.pdf", "report", r"page 1: more than 20000 characters and drawings on one page"),
]


@pytest.mark.parametrize(("name", "kind", "problem"), REFUSED, ids=[case[0] for case in REFUSED])
def test_a_hostile_file_is_one_error_naming_it_through_the_api(name: str, kind: str, problem: str) -> None:
    path = hostile(name)
    outcome = api(kind, path)
    assert outcome.get("type") in {"LoadError", "RuleSetError"}, outcome
    message = str(outcome["error"])
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert re.search(problem, message), message
    assert float(str(outcome["peak_mb"])) < PEAK_MB


@pytest.mark.parametrize(("name", "kind", "problem"), REFUSED, ids=[case[0] for case in REFUSED])
def test_a_hostile_file_is_one_error_naming_it_on_the_command_line(
    tmp_path: Path, name: str, kind: str, problem: str
) -> None:
    path = hostile(name)
    args = ["check", str(EXAMPLE), "--rules", str(path)] if kind == "rules" else ["check", str(path)]
    code, stderr, peak = cli(tmp_path, *args)
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"error: {path}: ")
    assert "internal error" not in stderr
    assert peak < PEAK_MB


def test_the_register_with_the_widest_dimension_is_read_in_little_memory(tmp_path: Path) -> None:
    """H1: 2.6 GB when rows were padded to the declared 16 384 columns; the rows that are there are counted."""
    path = hostile("H1-ledger-dimension-xfd.xlsx")
    for command in (["ledger", str(path), *LEDGER], ["convert", str(path), "--from", "ledger", *LEDGER]):
        code, stderr, peak = cli(tmp_path, *command, "-o", str(tmp_path / "counted.json"))
        # Line 20 000 holds a request without a received date: listed, not counted (`ledger` then exits 1).
        assert code == (1 if command[0] == "ledger" else 0), stderr
        assert f"{path}, line 20000: error: no received date; the request is not counted" in stderr
        assert peak < PEAK_MB
        counted = json.loads((tmp_path / "counted.json").read_text(encoding="utf-8"))
        assert counted["tables"]["requests"]["new"]["total"] > 0


def test_a_register_zipfile_cannot_extract_is_refused(tmp_path: Path) -> None:
    path = hostile("C4-zip-version-98-register.xlsx")
    code, stderr, peak = cli(tmp_path, "ledger", str(path), *LEDGER, "-o", str(tmp_path / "r.json"))
    assert (code, stderr.strip()) == (
        2,
        f"error: {path}: an archive member zipfile cannot extract (zip file version 9.8)",
    )
    assert peak < PEAK_MB
    assert not (tmp_path / "r.json").exists()


def test_a_negative_count_is_kept_as_text_with_an_error_naming_file_and_cell(tmp_path: Path) -> None:
    """M: read with an error diagnostic (the number is not kept: a report never holds a negative count), so the
    report renders to every format alike."""
    path = hostile("M-negative-count.txt")
    outcome = api("report", path)
    assert "error" not in outcome, outcome
    diagnostics = [str(d) for d in outcome["diagnostics"]]  # type: ignore[attr-defined]
    assert (
        f"{path}, line 68, cell R10C2: error: proactive.penalties.previous_items: negative number '-1' in a column"
        " that counts (only 本年增/减 may be negative): kept as text, read as no number"
    ) in diagnostics
    assert float(str(outcome["peak_mb"])) < PEAK_MB
    for suffix in ("json", "html", "xlsx", "docx"):
        code, stderr, _ = cli(tmp_path, "render", str(path), "-o", str(tmp_path / f"out.{suffix}"))
        assert code == 0, stderr
        assert (tmp_path / f"out.{suffix}").stat().st_size > 0
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["tables"]["proactive"]["penalties"]["previous_items"] == {"absent": "placeholder", "text": "-1"}
