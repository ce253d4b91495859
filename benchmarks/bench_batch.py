"""Throughput of check_many on 1 and 2 worker processes (and on a local Dask cluster): generated reports in
memory, and the same reports as canonical JSON files. Repetitions are interleaved (1 worker, 2 workers,
Dask, 1 worker, ...) so that load from other programs on the machine falls on every variant alike; each
figure is the median with the range, and the load average is printed before and after.

    .venv/bin/python benchmarks/bench_batch.py [COUNT] [REPETITIONS] [VARIANTS, e.g. 1,2,dask]

The scaling ratio (2 workers over 1) is what issue 13 asks to be at least 1.7 on a 2-core machine: what
travels back from a worker is a compact result, so the parent's share is small beside the checking.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import NamedTuple

from bench_batch_corpus import generated  # same directory: the reports the batch benchmarks check

from disclosure_core import dumps
from disclosure_core._batch_workers import PROCESS_CHUNK, open_executor, process_pool
from disclosure_core.batch import BatchInput, check_many


@contextlib.contextmanager
def pool(kind: str) -> Iterator[tuple[Executor, int]]:
    if kind == "dask":  # as `disclosure batch --executor dask-local -j 2` makes it
        with open_executor("dask-local", 2) as (executor, chunk):
            assert executor is not None
            yield executor, chunk
        return
    with process_pool(int(kind)) as executor:
        yield executor, PROCESS_CHUNK


class Run(NamedTuple):
    wall: float
    parent_cpu: float
    worker_cpu: float


def workers_cpu() -> float:
    """CPU seconds used so far by every process below this one (the pool's workers, Dask's)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def timed(inputs: list[BatchInput], kind: str) -> Run:
    """Wall and CPU time of checking every input (the pool is started, and warmed, outside the timing)."""
    with pool(kind) as (executor, chunk):
        list(check_many(inputs[: chunk * 8], executor=executor, chunk=chunk))  # workers up, rules compiled
        started, parent, workers = time.perf_counter(), time.process_time(), workers_cpu()
        results = list(check_many(inputs, executor=executor, chunk=chunk))
        run = Run(time.perf_counter() - started, time.process_time() - parent, workers_cpu() - workers)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
    return run


def interleaved(inputs: list[BatchInput], kinds: list[str], repetitions: int) -> dict[str, list[Run]]:
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    for _ in range(repetitions):
        for kind in kinds:
            runs[kind].append(timed(inputs, kind))
    return runs


def show(label: str, count: int, runs: dict[str, list[Run]]) -> None:
    print(f"{label} ({count} inputs)")
    for kind, values in runs.items():
        rates = sorted(count / r.wall for r in values)
        parent = statistics.median(r.parent_cpu for r in values) / count * 1e6
        workers = statistics.median(r.worker_cpu for r in values) / count * 1e6
        name = {"1": "1 worker", "2": "2 workers", "dask": "Dask, 2 workers"}[kind]
        print(
            f"  {name:16} {statistics.median(rates):7.0f} reports/s (range {rates[0]:.0f}-{rates[-1]:.0f});"
            f" CPU per report: parent {parent:5.0f} µs, workers {workers:5.0f} µs"
        )
    if "1" in runs and "2" in runs:
        _scaling(runs)
    if "dask" in runs and "2" in runs:
        print(f"  Dask wall over the process pool's: {_spread(_ratios(runs['dask'], runs['2']))}")
        cpu = sorted(
            (d.worker_cpu + d.parent_cpu) / (p.worker_cpu + p.parent_cpu)
            for d, p in zip(runs["dask"], runs["2"], strict=True)
        )
        print(f"  Dask CPU per report over the process pool's: {_spread(cpu)}")


def _scaling(runs: dict[str, list[Run]]) -> None:
    scaling = _ratios(runs["1"], runs["2"])
    print(f"  scaling 2 vs 1 worker, wall: {_spread(scaling)}")
    # What the same work would give on two idle cores: one worker's CPU per report, against two workers
    # sharing theirs and the parent's. A shared machine hands each session a share, not a core per process.
    idle = sorted(
        one.worker_cpu / ((two.worker_cpu + two.parent_cpu) / 2) for one, two in zip(runs["1"], runs["2"], strict=True)
    )
    print(f"  scaling 2 vs 1 worker, CPU-bound (two idle cores): {_spread(idle)}")


def _ratios(slow: list[Run], fast: list[Run]) -> list[float]:
    return sorted(s.wall / f.wall for s, f in zip(slow, fast, strict=True))


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}x (range {values[0]:.2f}-{values[-1]:.2f})"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    kinds = ["1", "2"]
    with contextlib.suppress(ImportError):
        import distributed  # noqa: F401

        kinds.append("dask")
    if len(sys.argv) > 3:  # e.g. "2,dask": only those variants
        kinds = sys.argv[3].split(",")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    reports = generated(count)
    show("reports in memory", count, interleaved(list(reports), kinds, repetitions))
    with tempfile.TemporaryDirectory() as folder:
        files: list[BatchInput] = []
        for i, report in enumerate(reports):
            path = Path(folder) / f"report-{i:05d}.json"
            path.write_text(dumps(report), encoding="utf-8")
            files.append(str(path))
        show("canonical JSON files", count, interleaved(files, kinds, repetitions))
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
