"""Whole-process time of ``disclosure --version`` and ``disclosure check`` on the example: start-up included.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_startup.py [RUNS]``); results are recorded in
docs/performance.md. The commands run interleaved (one of each per round), so a burst of load from other
jobs on the machine hits both alike; each line gives the median and the range over the rounds. Aims
(issue 13): ``--version`` ≤ 120 ms, ``check`` of the example ≤ 300 ms.

Byte-compiled modules are what an installed package runs from: with ``PYTHONDONTWRITEBYTECODE`` set (as on
the project's shared machines) nothing is cached, every run compiles every module again, and that is
measured separately (``--no-bytecode``) rather than mixed in. ``--against DIR`` runs the same commands with
the sources of another checkout of the project first on the path (``git worktree add DIR main``), interleaved
with these, for a before/after in one run.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISCLOSURE = Path(sys.executable).with_name("disclosure")
COMMANDS = {
    "disclosure --version": [str(DISCLOSURE), "--version"],
    "disclosure check examples/daixian-2020.json": [str(DISCLOSURE), "check", "examples/daixian-2020.json"],
}


def source_path(checkout: Path) -> str:
    """The PYTHONPATH that puts ``checkout``'s packages before the installed (editable) ones."""
    parts = [checkout / "src", *sorted(checkout.glob("plugins/*/src")), *sorted(checkout.glob("examples/*/src"))]
    return os.pathsep.join(str(part) for part in parts)


def run_ms(command: list[str], environ: dict[str, str]) -> float:
    """Wall time of one run of ``command``, in milliseconds (its exit status is that of the check)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> None:
    runs = int(next((arg for arg in argv if arg.isdigit()), "21"))
    environ = dict(os.environ)
    if "--no-bytecode" in argv:
        environ["PYTHONDONTWRITEBYTECODE"] = "1"
        environ["PYTHONPYCACHEPREFIX"] = str(ROOT / ".bench-empty-pycache")  # nothing found, nothing written
    else:
        for where in (ROOT / "src", *ROOT.glob("plugins/*/src"), *ROOT.glob("examples/*/src")):
            compileall.compile_dir(where, quiet=1)
    variants = {"": environ}
    if "--against" in argv:
        other = Path(argv[argv.index("--against") + 1]).resolve()
        compileall.compile_dir(other, quiet=1)
        variants = {" (this)": environ, f" ({other.name})": {**environ, "PYTHONPATH": source_path(other)}}
    runs_of = {name + label: (command, env) for label, env in variants.items() for name, command in COMMANDS.items()}
    samples: dict[str, list[float]] = {name: [] for name in runs_of}
    for command, env in runs_of.values():  # warm the file cache once
        run_ms(command, env)
    for _ in range(runs):
        for name, (command, env) in runs_of.items():
            samples[name].append(run_ms(command, env))
    load = os.getloadavg()[0]
    print(f"{runs} interleaved runs each, load average {load:.2f} at the end")
    for name, values in samples.items():
        print(f"{name:56} median {statistics.median(values):6.1f} ms  range {min(values):6.1f}–{max(values):6.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
