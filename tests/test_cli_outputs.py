"""Outputs never clobber: `-o` writes only a regular file or a new path, never an input of the run, never a
filled-in report replaced by a blank one; each refusal is one line and exit 2, and the target is left as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_core.cli import main

# Written against the English wording (zh is the default: tests/test_cli_lang.py checks it).
pytestmark = pytest.mark.usefixtures("english")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
RULES = EXAMPLE.parent / "disclosure-example-hubei" / "src" / "disclosure_example_hubei" / "hubei-rules.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], target: Path, why: str, *argv: str) -> None:
    code, _, err = run(capsys, *(argv or ("convert", str(EXAMPLE))), "-o", str(target))
    assert (code, err) == (2, f"error: {target}: refusing to write: {why}\n")


def test_a_symlink_is_refused_and_stays_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pointed = tmp_path / "real.json"
    pointed.write_text("mine")
    link = tmp_path / "link.json"
    link.symlink_to(pointed)
    refused(capsys, link, "a symbolic link (write to the file it points to, or remove the link), not a regular file")
    assert link.is_symlink()
    assert pointed.read_text() == "mine"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    refused(capsys, fifo, "a FIFO, not a regular file")
    assert fifo.exists()
    assert not fifo.is_file()


def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    refused(capsys, Path("/dev/null"), "a device, not a regular file", "render", str(EXAMPLE), "--to", "json")


def test_a_directory_is_refused_before_the_renderer_is_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(capsys, tmp_path, "a directory (name a file inside it), not a regular file", "render", str(EXAMPLE))


def test_standard_output_by_its_proc_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "schema", "-o", "/proc/self/fd/1")
    assert code == 2
    assert err.startswith("error: /proc/self/fd/1: refusing to write: a symbolic link")


def test_a_parent_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parent = tmp_path / "report.json"
    parent.write_text("{}")
    target = parent / "deeper" / "out.json"
    refused(capsys, target, f"{parent} is not a directory")
    assert parent.read_text() == "{}"


def test_a_new_path_in_new_folders_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a" / "b" / "copy.json"
    assert run(capsys, "convert", str(EXAMPLE), "-o", str(target))[0] == 0
    assert target.read_bytes() == EXAMPLE.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["copy.json"]  # no .part left behind


def test_new_keeps_an_existing_report_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "filled.json"
    target.write_bytes(EXAMPLE.read_bytes())
    blank = ("new", "--year", "2025", "--body", "某县人民政府", "--level", "county", "-o", str(target))
    code, _, err = run(capsys, *blank)
    assert (code, err) == (
        2,
        f"error: {target}: already exists: refusing to replace it with a blank report (--force to do so)\n",
    )
    assert target.read_bytes() == EXAMPLE.read_bytes()
    assert run(capsys, *blank, "--force")[0] == 0
    assert b'"year": 2025' in target.read_bytes()


def test_aggregate_never_writes_over_its_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "m.txt"
    manifest.write_text("代县人民政府\n", encoding="utf-8")
    code, _, err = run(
        capsys, "aggregate", str(EXAMPLE), "--body", "忻州市人民政府", "--manifest", str(manifest), "-o", str(manifest)
    )
    assert (code, err.splitlines()[-1]) == (2, f"error: {manifest}: refusing to overwrite the input file")
    assert manifest.read_text(encoding="utf-8") == "代县人民政府\n"


@pytest.mark.parametrize("which", ["previous", "rules"])
def test_check_never_writes_over_a_previous_report_or_a_rule_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    kept = tmp_path / ("last-year.json" if which == "previous" else "rules.toml")
    original = (EXAMPLE if which == "previous" else RULES).read_bytes()
    kept.write_bytes(original)
    code, _, err = run(capsys, "check", str(EXAMPLE), f"--{which}", str(kept), "-o", str(kept))
    assert (code, err) == (2, f"error: {kept}: refusing to overwrite the input file\n")
    assert kept.read_bytes() == original


def test_a_hard_link_to_the_input_is_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(EXAMPLE.read_bytes())
    os.link(source, tmp_path / "alias.json")
    code, _, err = run(capsys, "render", str(source), "-o", str(tmp_path / "alias.json"))
    assert (code, err) == (2, f"error: {tmp_path / 'alias.json'}: refusing to overwrite the input file\n")


def test_binary_output_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    """Through a real pseudo-terminal: DOCX bytes are refused with a hint, JSON is shown."""
    import pty

    def on_terminal(*argv: str) -> tuple[int, bytes]:
        leader, follower = pty.openpty()
        program = [sys.executable, "-m", "disclosure_core", *argv]
        child = subprocess.Popen(program, stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE)
        os.close(follower)
        # Read while the child writes: a terminal holds only a few KB, so waiting for the exit first would
        # leave the child blocked on a full terminal for ever (how large the buffer is depends on the kernel).
        shown = b""
        try:
            while chunk := os.read(leader, 65536):
                shown += chunk
        except OSError:  # the terminal's other end is closed: everything was read
            pass
        os.close(leader)
        _, errors = child.communicate(timeout=120)
        return child.returncode, shown + errors

    code, shown = on_terminal("render", str(EXAMPLE), "--to", "docx")
    assert code == 2
    assert b"PK" not in shown
    assert shown.decode().strip() == (
        "error: refusing to write binary output to a terminal: name a file with -o FILE, or pipe it"
    )
    code, shown = on_terminal("render", str(EXAMPLE), "--to", "json")
    assert code == 0
    assert '"body"' in shown.decode()
