"""The habits people expect of a command line (ruff, mypy, pytest): stdin as `-`, -q/-v, JSON output,
`rules lint`, shell completion, colour only on a terminal and never with NO_COLOR, a settings file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_core.cli import main
from disclosure_core.progress import Progress, reporting

# Written against the English wording (zh is the default: tests/test_cli_lang.py checks it).
pytestmark = pytest.mark.usefixtures("english")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
RULE = """[[rules]]
id = "ours.new_within_total"
kind = "compare"
severity = "warning"
title = { zh = "自然人新收申请不少于上年结转", en = "New requests not fewer than carried over" }
message = { zh = "新收少于上年结转", en = "Fewer new than carried over" }
basis = "本单位规定"
left = "requests.new.natural_person"
op = ">="
right = "requests.carried_over.natural_person"
"""
FAILING = RULE.replace('op = ">="', 'op = "<"')  # 7 < 0 fails on the example


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("command", ["summary", "check", "convert", "render"])
def test_dash_reads_the_report_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, from_file, _ = run(capsys, command, str(EXAMPLE))
    fed(monkeypatch, EXAMPLE.read_bytes())
    assert run(capsys, command, "-") == (code, from_file, "")


def test_stdin_is_read_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fed(monkeypatch, EXAMPLE.read_bytes())
    code, _, err = run(capsys, "check", "-", "--previous", "-")
    assert (code, err) == (2, "error: -: standard input can be read only once in a run\n")


def test_a_rule_file_and_a_manifest_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fed(monkeypatch, RULE.encode())
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--rules", "-", "--format", "json")
    assert code == 1
    ours = [r for r in json.loads(out)["summary"]["rules"] if r["rule"] == "ours.new_within_total"]
    assert [(r["pass"], r["fail"]) for r in ours] == [(1, 0)]
    fed(monkeypatch, "# units\n代县人民政府\n五台县人民政府\n".encode())
    code, _, err = run(capsys, "aggregate", str(EXAMPLE), "--body", "忻州市人民政府", "--manifest", "-")
    assert code == 1  # 五台县 sent no report
    assert "missing units (in the manifest, no report): 五台县人民政府\n" in err


def test_quiet_silences_what_is_not_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sum.json"
    argv = ("aggregate", str(EXAMPLE), "--body", "忻州市人民政府", "-o", str(target))
    code, _, err = run(capsys, *argv)
    assert (code, err) == (0, "aggregated 1 units: 代县人民政府\n")
    assert run(capsys, *argv, "-q") == (0, "", "")
    assert run(capsys, "-q", *argv) == (0, "", "")


def test_verbose_names_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "disclosure.toml").write_text('fail_on = "error"\n')
    monkeypatch.chdir(tmp_path)
    _, _, err = run(capsys, "-v", "check", str(EXAMPLE))
    assert err == "settings from disclosure.toml: fail_on\n"


def test_json_of_summary_plugins_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", str(EXAMPLE), "--format", "json")
    summary = json.loads(out)
    assert (code, summary["year"], summary["format"], summary["body"]["name"]) == (0, 2020, "gov-2019", "代县人民政府")
    assert [(t["number"], t["filled"], t["cells"]) for t in summary["tables"]][1] == (2, 4, 161)
    plugins = json.loads(run(capsys, "plugins", "--format", "json")[1])
    assert plugins["renderers"]["docx"] == ".docx"
    assert "gov-2021" in plugins["layouts"]
    rules = json.loads(run(capsys, "rules", "--format", "json")[1])
    assert rules[0]["id"] == "requests.balance"
    assert rules[0]["title"]["en"].startswith("Requests table balance")
    only = json.loads(run(capsys, "rules", "--format", "json", "--format-version", "gov-2019")[1])
    assert all("gov-2021" not in r["formats"] for r in only)
    assert len(only) < len(rules)


def test_diagnostics_as_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "register.csv"
    register.write_text(
        "编号,收到日期,申请人类型,办理结果,办结日期\n1,2025-08-15,自然人,予以公开,2025-08-01\n", encoding="utf-8"
    )
    target = tmp_path / "out.json"
    argv = (
        "ledger",
        str(register),
        "--year",
        "2025",
        "--body",
        "乙镇人民政府",
        "--level",
        "township",
        "-o",
        str(target),
    )
    code, _, text = run(capsys, *argv)
    code_json, _, lines = run(capsys, *argv, "--format", "json")
    assert code == code_json == 1
    parsed = [json.loads(line) for line in lines.splitlines()]
    assert len(parsed) == len(text.splitlines()) >= 1
    assert parsed[0]["level"] == "error"
    assert parsed[0]["source"] == str(register)
    assert parsed[0]["message"] in text


def test_rules_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "ours.toml"
    good.write_text(RULE, encoding="utf-8")
    code, out, _ = run(capsys, "rules", "lint", str(good))
    assert code == 0
    assert out.splitlines()[0] == f"{good}: 1 rules, sound for gov-2019, gov-2021, gov-2019-hubei"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        RULE.replace('right = "requests.carried_over.natural_person"', 'right = "requests.new.nobody"'),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "rules", "lint", str(bad), "--format", "json")
    report = json.loads(out)
    assert (code, report["ok"]) == (1, False)
    assert report["problems"][0].startswith(f"{bad}: ")
    assert "nobody" in report["problems"][0]
    assert run(capsys, "rules", "lint", str(tmp_path / "none.toml"))[0] == 2


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o"), ("zsh", "#compdef"), ("fish", "complete --no-files --command disclosure")],
)
def test_completion_scripts(capsys: pytest.CaptureFixture[str], shell: str, marker: str) -> None:
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0
    assert marker in out
    assert "_DISCLOSURE_COMPLETE" in out


def test_completion_answers_with_the_commands() -> None:
    environment = {
        **os.environ,
        "_DISCLOSURE_COMPLETE": "bash_complete",
        "COMP_WORDS": "disclosure ch",
        "COMP_CWORD": "1",
    }
    done = subprocess.run([sys.executable, "-m", "disclosure_core"], env=environment, capture_output=True, text=True)
    assert "plain,check" in done.stdout.splitlines()


def _on_terminal(environment: dict[str, str], *argv: str) -> str:
    import pty

    leader, follower = pty.openpty()
    program = [sys.executable, "-m", "disclosure_core", *argv]
    subprocess.run(program, stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.DEVNULL, env=environment)
    os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 65536):
            shown += chunk
    except OSError:  # the other end is closed: all was read
        pass
    os.close(leader)
    return shown.decode()


def test_colour_on_a_terminal_unless_no_color() -> None:
    plain = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    coloured = _on_terminal(plain, "check", str(EXAMPLE))
    assert "\x1b[31m\x1b[1m? error" not in coloured
    assert "\x1b[33m\x1b[1m✗ warning\x1b[0m     proactive.published_within_total" in coloured
    assert "\x1b[" not in _on_terminal({**plain, "NO_COLOR": "1"}, "check", str(EXAMPLE))


def test_no_colour_in_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.txt"
    run(capsys, "check", str(EXAMPLE), "-o", str(target))
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_settings_found_upward_and_the_command_line_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ours.toml").write_text(FAILING, encoding="utf-8")
    shipped = [rule["id"] for rule in json.loads(run(capsys, "rules", "--format", "json")[1])]
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.disclosure]\nrules = ["rules/ours.toml"]\nfail_on = "error"\nlang = "en"\n'
        f"disable = {json.dumps(shipped)}\n"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--format", "json")
    outcomes = {f["rule"]: f["outcome"] for f in json.loads(out)["findings"]}
    assert outcomes == {"ours.new_within_total": "fail"}  # the settings' rule file, found two folders down
    assert code == 0  # fail_on = "error": our failing warning does not fail the run
    assert run(capsys, "check", str(EXAMPLE), "--fail-on", "warning")[0] == 1  # the command line wins
    assert "Fewer new than carried over" in run(capsys, "check", str(EXAMPLE))[1]  # lang = "en"
    assert "新收少于上年结转" in run(capsys, "check", str(EXAMPLE), "--lang", "zh")[1]
    assert run(capsys, "--no-config", "check", str(EXAMPLE))[0] == 1


def test_a_disclosure_toml_is_preferred_to_pyproject_in_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.disclosure]\nfail_on = "info"\n')
    (tmp_path / "disclosure.toml").write_text("blank_as_zero = true\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "check", str(EXAMPLE), "--format", "json")
    assert json.loads(out)["options"]["blank_as_zero"] is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "often"\n', "fail_on: expected one of error, warning, info, got 'often'"),
        ("blank_as_zero = 1\n", "blank_as_zero: expected true or false, got 1"),
        ('rule = ["x.toml"]\n', "rule: unknown key (known: rules, disable, lang, fail_on, blank_as_zero)"),
        ("disable = [1]\n", "disable: expected a list of strings, got [1]"),
        ("lang = \n", "malformed TOML: Invalid value (at line 1, column 8)"),
    ],
)
def test_a_wrong_settings_file_is_one_line_naming_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (tmp_path / "disclosure.toml").write_text(text)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", str(EXAMPLE)) == (2, "", f"error: {tmp_path / 'disclosure.toml'}: {message}\n")


def test_a_wrong_pyproject_table_names_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.disclosure]\nlang = "fr"\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "render", str(EXAMPLE), "--to", "json")
    assert (code, err) == (
        2,
        f"error: {tmp_path / 'pyproject.toml'}: tool.disclosure.lang: expected one of zh, en, got 'fr'\n",
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_in_a_log() -> None:
    clock = iter(range(100))
    terminal = _Terminal()
    with Progress("checking", total=4, stream=terminal, delay=0, clock=lambda: next(clock)) as bar:
        for done in range(1, 5):
            bar(done)
    drawn = terminal.getvalue()
    assert drawn.endswith("\rchecking [##############################] 4/4\n")
    assert drawn.count("\r") == 5  # each step redrawn in place, then the line ended
    log = io.StringIO()
    slow = iter(range(0, 1000, 3))
    with Progress("reading", total=6, stream=log, interval=5, delay=0, clock=lambda: next(slow)) as bar:
        for done in range(1, 7):
            bar(done)
    assert log.getvalue() == "reading: 2 of 6 (33%)\nreading: 4 of 6 (66%)\nreading: 6 of 6 (100%)\n"


def test_progress_says_nothing_when_quiet_or_quick() -> None:
    for quiet, ticks in ((True, [0.0, 10.0, 20.0, 30.0]), (False, [0.0, 0.1, 0.2, 0.3])):
        terminal = _Terminal()
        progress = Progress("x", total=3, stream=terminal, quiet=quiet, delay=1.0, clock=iter(ticks).__next__)
        with progress, reporting(progress):
            for done in range(1, 4):
                progress(done)
        assert terminal.getvalue() == ""


def test_every_message_of_the_cli_says_the_same_in_both_languages() -> None:
    import re

    from disclosure_core.catalogue_entries import ENTRIES

    # The command line's own sentences live in the one catalogue (the table beside it is gone).
    messages = {key: (text.zh, text.en) for key, text in ENTRIES.items() if key.startswith(("cli.", "rules.lint"))}
    assert len(messages) > 10
    for message_id, (zh, en) in messages.items():
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), message_id
        assert re.search(r"[\u4e00-\u9fff]", zh), message_id
        assert not re.search(r"[\u4e00-\u9fff]", en), message_id


def test_progress_lines_speak_the_language_they_are_given() -> None:
    log = io.StringIO()
    slow = iter(range(0, 1000, 3))
    with Progress("核查中", total=6, stream=log, interval=5, delay=0, clock=lambda: next(slow), lang="zh") as bar:
        for done in range(1, 7):
            bar(done)
    assert log.getvalue() == "核查中：2/6（33%）\n核查中：4/6（66%）\n核查中：6/6（100%）\n"
