"""`disclosure batch -j 2` over 1 000, 10 000 and 100 000 canonical JSON files: wall time and peak memory
(RSS of the batch process; PSS of it with its workers, so that shared pages count once), to show that
time grows with N and memory hardly does.

    .venv/bin/python benchmarks/bench_batch_scale.py [FOLDER] [1000 10000 100000]

The reports (generated as in bench_check.py) are written in folders of 1 000 under FOLDER (default
/tmp/disclosure-scale, deleted afterwards); each size is a fresh output directory. Needs psutil (the dask
extra brings it) to sample memory every 0.2 s.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
from bench_check import generated  # same directory

from disclosure_core import dumps

PER_FOLDER = 1000


def write_inputs(root: Path, count: int) -> list[Path]:
    """Folders of PER_FOLDER reports under ``root``, enough for ``count``; reused when already there."""
    folders = []
    reports = generated(PER_FOLDER)
    for number in range(count // PER_FOLDER):
        folder = root / f"{number:03d}"
        if not folder.exists():
            staging = root / f".{number:03d}"
            staging.mkdir(parents=True, exist_ok=True)
            for i, report in enumerate(reports):
                # A different body per file, so no two inputs are the same bytes.
                text = dumps(report).replace('"name": "', f'"name": "{number:03d}-{i:04d} ', 1)
                (staging / f"report-{i:04d}.json").write_text(text, encoding="utf-8")
            staging.rename(folder)
        folders.append(folder)
    return folders


def run(folders: list[Path], output: Path) -> tuple[float, float, float, float]:
    """Wall seconds, peak RSS of the batch process, peak PSS of it with its workers (MB), and the CPU seconds of
    all of them (the batch and its workers, reaped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    argv = [sys.executable, "-m", "disclosure_core", "batch", *map(str, folders), "-o", str(output), "-j", "2"]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent_peak = tree_peak = 0.0
    watched = psutil.Process(process.pid)
    shown = time.monotonic()
    while process.poll() is None:
        try:
            parent = watched.memory_info().rss
            # PSS: pages the forked workers share with the batch are counted once, not once per process.
            tree = watched.memory_full_info().pss + sum(
                c.memory_full_info().pss for c in watched.children(recursive=True)
            )
        except psutil.Error:
            break
        parent_peak, tree_peak = max(parent_peak, parent), max(tree_peak, tree)
        if time.monotonic() - shown > 60:  # so that a run stopped early still says how far it got
            shown = time.monotonic()
            done = _lines(output / "batch-journal.jsonl")
            print(
                f"    {time.perf_counter() - started:6.0f} s: {done} journal lines; so far peak RSS of batch"
                f" {parent_peak / 2**20:.0f} MB, PSS with workers {tree_peak / 2**20:.0f} MB",
                flush=True,
            )
        time.sleep(0.2)
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    print("   ", err.decode().strip().splitlines()[-1][:150])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, parent_peak / 2**20, tree_peak / 2**20, cpu


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/disclosure-scale")
    sizes = [int(n) for n in sys.argv[2:]] or [1000, 10_000, 100_000]
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    try:
        for count in sizes:
            started = time.perf_counter()
            folders = write_inputs(root / "in", count)
            print(f"{count} files ready in {time.perf_counter() - started:.0f} s", flush=True)
            output = root / f"out-{count}"
            shutil.rmtree(output, ignore_errors=True)
            elapsed, parent, tree, cpu = run(folders, output)
            print(
                f"  {count:6d} reports: {elapsed:7.1f} s ({count / elapsed:5.0f} reports/s);"
                f" peak RSS of batch {parent:5.0f} MB, PSS with workers {tree:5.0f} MB;"
                f" CPU {cpu / count * 1e3:.2f} ms per report (on two idle cores: {cpu / 2:.0f} s);"
                f" load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            shutil.rmtree(output, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
