"""Reading crawler text whose table cells ran together: the real run-together captures in
../shared/reports/real, per file the time to solve the digit runs and to read the whole report, the cells
read exact / chosen / uncertain, and the worst case; then pathological digit strings (bounded time).

    .venv/bin/python benchmarks/bench_runon.py [REPEAT]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from disclosure_published import TextSource
from disclosure_published.digit_runs import Run, _count, _enumerate, solve
from disclosure_published.runon import runon_tokens
from disclosure_published.text import decode

from disclosure_core import Registry, builtin_layout
from disclosure_core.layouts import CellKind, Layout

HERE = Path(__file__).resolve()
REAL = next(p / "shared" / "reports" / "real" for p in HERE.parents if (p / "shared" / "reports" / "real").is_dir())
RUN_TOGETHER = ["hebei-kjt-2020", "hebei-kjt-2021", "hebei-kjt-2022", "hebei-kjt-2023", "hebei-gxt-2020"]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def measure(
    name: str, repeat: int, catalog: Mapping[str, Layout], layouts: list[Layout]
) -> tuple[float, float, Counter[str]]:
    data = (REAL / f"{name}.txt").read_bytes()
    text = decode(data, origin=name)
    solving = best_of(repeat, partial(runon_tokens, text, origin=name, layouts=layouts))
    whole = best_of(repeat, partial(TextSource().load, data, origin=name, layouts=catalog))
    report = TextSource().load(data, origin=name, layouts=catalog).report
    readings = Counter(v.provenance.reading.value for v in report.tables.cells.values() if v.provenance is not None)
    return solving, whole, readings


def _fresh_solve(run: Run) -> None:
    _count.cache_clear()  # time the first reading of the run, not a memoised one
    _enumerate.cache_clear()
    solve([run], [])


def main(repeat: int) -> None:
    catalog = Registry(entry_points=False).layouts()
    layouts = [builtin_layout("gov-2019"), builtin_layout("gov-2021")]
    worst = 0.0
    print(f"{'file':<16} {'tokens+solve':>13} {'whole read':>11}  exact chosen uncertain")
    for name in RUN_TOGETHER:
        solving, whole, readings = measure(name, repeat, catalog, layouts)
        worst = max(worst, whole)
        print(
            f"{name:<16} {solving:>10.1f} ms {whole:>8.1f} ms  "
            f"{readings['exact']:>5} {readings['chosen']:>6} {readings['uncertain']:>9}"
        )
    print(f"worst whole read: {worst:.1f} ms")
    appeals = tuple(builtin_layout("gov-2021").table("appeals").addresses())
    for digits in ("1" * 120, "7" * 300, "123456789" * 100):
        elapsed = best_of(repeat, partial(_fresh_solve, Run(appeals, (CellKind.COUNT,) * 15, digits)))
        print(f"pathological run of {len(digits)} digits into 15 cells: {elapsed:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
