"""`disclosure batch` killed with SIGKILL: resumed, it loses nothing and counts nothing twice (every result
byte-identical to an uninterrupted run), and its workers die with it. These drive the real program."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from disclosure_core._batch_index import INDEX
from disclosure_core._batch_output import JOURNAL
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics
WriteReports = Callable[..., list[Path]]
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def start_batch(inbox: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "disclosure_core", "batch", str(inbox), "-o", str(out), *extra]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def journal_lines(out: Path) -> int:
    try:
        return (out / JOURNAL).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    """Poll until ``condition`` holds (a deadline against a hung test, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a batch leaves, but its journal and lock (whose bytes record the run, not the results)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name not in {JOURNAL, "batch.lock"}}


@linux_only
def test_killed_twice_and_resumed_every_result_is_there_once_and_byte_identical(
    write_reports: WriteReports, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    count = 600
    write_reports(inbox, count)
    assert main(["batch", str(inbox), "-o", str(tmp_path / "reference")]) == 1  # every third report fails
    out = tmp_path / "out"
    for lines in (40, 300):  # killed early, then again further on
        run = start_batch(inbox, out, "--jobs", "2")

        def started(lines: int = lines, run: subprocess.Popen[bytes] = run) -> bool:
            return journal_lines(out) > lines or run.poll() is not None

        wait_for(started, "results")
        assert run.poll() is None, "the run ended before it could be killed"
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert journal_lines(out) < count  # it really was stopped half-way
    resumed = start_batch(inbox, out, "--jobs", "2")
    _, err = resumed.communicate(timeout=600)
    done = int(err.decode().splitlines()[0].split(", ")[1].split()[0])
    assert 0 < done < count, err.decode()  # resumed: some results kept, the rest redone
    assert resumed.returncode == 1
    assert outputs(out) == outputs(tmp_path / "reference")
    assert len(list(out.glob("*.findings.json"))) == count
    journal = (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    inputs = [line.split('"input":', 1)[1].split(",", 1)[0] for line in journal if line.startswith('{"input":')]
    assert len(inputs) == len(set(inputs)) == count


KILLED_AT = """
import os, signal, sys
from disclosure_core import _batch_index
from disclosure_core.cli import main

where, count = sys.argv[1].split(":")
owner = _batch_index.BatchIndex if hasattr(_batch_index.BatchIndex, where) else _batch_index
real, calls = getattr(owner, where), [0]

def killing(*args):
    calls[0] += 1
    if calls[0] == int(count):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args)

setattr(owner, where, killing)
sys.exit(main(sys.argv[2:]))
"""


@linux_only
def test_killed_while_its_index_is_written_and_resumed_every_result_is_there_once(
    write_reports: WriteReports, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    count = 300
    write_reports(inbox, count)
    assert main(["batch", str(inbox), "-o", str(tmp_path / "reference")]) == 1
    out = tmp_path / "out"
    argv = [sys.executable, "-c", KILLED_AT]
    batch = ["batch", str(inbox), "-o", str(out), "--jobs", "2"]
    # Killed while the walk files the inputs; then with 100 offsets recorded and not written; then while a
    # resumed run reads the journal into its index. Each time the index is left half-written on disk.
    for kill in ["key:150", "record:100", "learn:50"]:
        killed = subprocess.run([*argv, kill, *batch], stdout=subprocess.DEVNULL, timeout=600)
        assert killed.returncode == -signal.SIGKILL
        assert (out / INDEX).exists()
        # Header, list of rules and at most 99 results: those whose lines had left the process's buffer.
        assert journal_lines(out) <= 101
    resumed = start_batch(inbox, out, "--jobs", "2")
    _, err = resumed.communicate(timeout=600)
    done = int(err.decode().splitlines()[0].split(", ")[1].split()[0])
    assert 0 < done < 100, err.decode()  # resumed: the results whose lines reached the journal kept
    assert resumed.returncode == 1
    assert outputs(out) == outputs(tmp_path / "reference")  # the index is gone too
    journal = (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    inputs = [line.split('"input":', 1)[1].split(",", 1)[0] for line in journal if line.startswith('{"input":')]
    assert len(inputs) == len(set(inputs)) == count


def test_a_torn_journal_line_is_cut_off_and_its_report_redone(
    write_reports: WriteReports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_reports(tmp_path / "in", 3)
    out = tmp_path / "out"
    main(["batch", str(tmp_path / "in"), "-o", str(out)])
    reference = outputs(out)
    journal = out / JOURNAL
    whole = journal.read_bytes()
    journal.write_bytes(whole[: whole.rindex(b"\n", 0, len(whole) - 1) + 40])  # the last line half-written
    next(out.glob("report-00001.*.findings.json")).write_bytes(b'{"input"')  # a result file cut short
    capsys.readouterr()
    main(["batch", str(tmp_path / "in"), "-o", str(out)])
    assert capsys.readouterr().err.splitlines()[0] == "3 reports, 1 already done, 2 to check"
    assert outputs(out) == reference


@linux_only
def test_the_workers_die_with_a_killed_batch(write_reports: WriteReports, tmp_path: Path) -> None:
    write_reports(tmp_path / "inbox", 600)
    run = start_batch(tmp_path / "inbox", tmp_path / "out", "--jobs", "2")
    wait_for(lambda: journal_lines(tmp_path / "out") > 20 or run.poll() is not None, "results")
    workers = children(run.pid)
    assert run.poll() is None
    assert len(workers) == 2, workers
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to exit", seconds=30)
