"""Throughput of check_many: generated reports in process and on 1 and 2 worker processes, and the real
reports in ../shared/reports read through the parsers. Prints reports per second, the scaling ratio, and
what a national year (100 000 reports) would take on one 2-core machine.

    .venv/bin/python benchmarks/bench_batch.py [COUNT]
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench_check import generated  # same directory: the generated reports of the check benchmark

from disclosure_core.batch import check_many

ROOT = Path(__file__).resolve().parents[1]
NATIONAL_YEAR = 100_000


def rate(inputs: list, workers: int | None) -> float:  # type: ignore[type-arg]
    started = time.perf_counter()
    if workers is None:
        results = list(check_many(inputs))
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(check_many(inputs, executor=pool))
    elapsed = time.perf_counter() - started
    assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
    return len(inputs) / elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    reports = generated(count)
    print(f"check_many on {count} generated reports")
    in_process = rate(reports, None)
    one = rate(reports, 1)
    two = rate(reports, 2)
    print(f"  in process:   {in_process:8.0f} reports/s")
    print(f"  1 worker:     {one:8.0f} reports/s")
    print(f"  2 workers:    {two:8.0f} reports/s   (scaling 2 vs 1 worker: {two / one:.2f}x)")
    real = [
        *sorted(str(p) for p in (ROOT.parent / "shared" / "reports").glob("*.txt")),
        str(ROOT / "examples" / "daixian-2020.json"),
    ]
    files = real * max(1, 400 // len(real))
    parsed_one = rate(files, 1)
    parsed_two = rate(files, 2)
    print(f"real reports through the parsers ({len(real)} files, {len(files)} inputs)")
    print(f"  1 worker:     {parsed_one:8.0f} reports/s")
    print(f"  2 workers:    {parsed_two:8.0f} reports/s   (scaling: {parsed_two / parsed_one:.2f}x)")
    print(f"a national year ({NATIONAL_YEAR} reports) on one 2-core machine:")
    print(f"  already as data (JSON): {NATIONAL_YEAR / two / 60:6.1f} min")
    print(f"  parsed from published text: {NATIONAL_YEAR / parsed_two / 60:6.1f} min")


if __name__ == "__main__":
    main()
