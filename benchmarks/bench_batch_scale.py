"""`disclosure batch -j 2` over 1 000, 10 000 and 100 000 canonical JSON files: wall time, CPU time per report (the
batch process and its workers apart) and peak memory (RSS of the batch process; PSS of it with its workers, so that
shared pages count once), to show that time grows with N and memory does not.

    .venv/bin/python benchmarks/bench_batch_scale.py [--right-after-delete] [FOLDER] [1000 10000 100000]

The reports (bench_batch_corpus.py) are written in folders of 1 000 under FOLDER/in (default /tmp/disclosure-scale,
kept for the next run: writing 100 000 files takes minutes); each size is a fresh output directory. Needs psutil (the
dask extra brings it) to sample memory and CPU every 0.2 s.

**What else ran** is measured, not guessed: the CPU time every other process on the machine used during each run
(from /proc/stat, less the batch's own), shown as the cores it held on average. The projection to two idle cores is
the batch's CPU time over two, which is what the 2-minute target of issue 13 is about on a shared machine.

**Freed inodes.** Each run starts after the file system has settled from the removal of the previous output (a sync,
then 6 s). ext4 without a journal, as this machine's root file system is, does not give out an inode freed in the last
5 s (300 s while its inode-table block is not yet written back): creating a file walks past every such inode of the
group (``find_inode_bit``, ``recently_deleted`` in the kernel), up to about 8 000 of them. Started right after
``rm -rf`` of 10 000 results, a 10 000-report batch took 8.4 s of system time instead of 3.0 s. ``--right-after-delete``
measures that case: each size runs twice into the same folder, the second time straight after removing the first's
output, as a user re-running into a folder just emptied would.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import psutil
from bench_batch_corpus import write_inputs  # same directory


class Run(NamedTuple):
    wall: float
    parent_rss: float
    """Peak RSS of the batch process, MB."""
    tree_pss: float
    """Peak PSS of the batch process and its workers, MB."""
    cpu: float
    """CPU seconds of the batch and all its workers."""
    workers: float
    """CPU seconds of the workers alone (last seen alive)."""
    others: float
    """CPU seconds every other process on the machine used meanwhile."""


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (every core, every process)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(folders: list[Path], output: Path) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = busy_seconds()
    argv = [sys.executable, "-m", "disclosure_core", "batch", *map(str, folders), "-o", str(output), "-j", "2"]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent_peak = tree_peak = 0.0
    watched = psutil.Process(process.pid)
    workers: dict[int, float] = {}
    shown = time.monotonic()
    while process.poll() is None:
        try:
            parent = watched.memory_info().rss
            # PSS: pages the forked workers share with the batch are counted once, not once per process.
            tree = watched.memory_full_info().pss
            for child in watched.children(recursive=True):
                tree += child.memory_full_info().pss
                times = child.cpu_times()
                workers[child.pid] = times.user + times.system
        except psutil.Error:
            continue  # a worker ended between listing and reading it; the next sample sees the rest
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
    others = busy_seconds() - busy - cpu
    return Run(elapsed, parent_peak / 2**20, tree_peak / 2**20, cpu, sum(workers.values()), max(others, 0.0))


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0


def settle(output: Path) -> None:
    """Remove ``output`` and wait until the inodes it held can be given out again without a walk past them."""
    shutil.rmtree(output, ignore_errors=True)
    os.sync()  # the inode-table blocks written back: a freed inode is then skipped for 5 s only, not 300
    time.sleep(6)


def main() -> None:
    arguments = sys.argv[1:]
    right_after_delete = "--right-after-delete" in arguments
    arguments = [a for a in arguments if a != "--right-after-delete"]
    root = Path(arguments[0]) if arguments else Path("/tmp/disclosure-scale")
    sizes = [int(n) for n in arguments[1:]] or [1000, 10_000, 100_000]
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    for count in sizes:
        started = time.perf_counter()
        folders = write_inputs(root / "in", count)
        print(f"{count} files ready in {time.perf_counter() - started:.0f} s", flush=True)
        output = root / f"out-{count}"
        settle(output)
        if right_after_delete:
            run(folders, output)
            shutil.rmtree(output)  # and straight on: the inodes just freed are in the way of the run timed
        r = run(folders, output)
        print(
            f"  {count:6d} reports: {r.wall:7.1f} s ({count / r.wall:5.0f} reports/s);"
            f" peak RSS of batch {r.parent_rss:5.0f} MB, PSS with workers {r.tree_pss:5.0f} MB;"
            f" CPU per report {r.cpu / count * 1e3:.2f} ms (workers {r.workers / count * 1e3:.2f},"
            f" batch process {(r.cpu - r.workers) / count * 1e3:.2f}); on two idle cores: {r.cpu / 2:.0f} s;"
            f" other processes held {r.others / r.wall:.2f} cores; load average {os.getloadavg()[0]:.1f}"
            f"{'; right after removing an output as large' if right_after_delete else ''}",
            flush=True,
        )
        settle(output)


if __name__ == "__main__":
    main()
