"""What the batch process itself spends per input, without its workers: CPU time and peak memory of finding the
inputs, choosing those to check, naming their results, recording each result's journal line, writing the
summaries and compacting the journal, for N inputs of a real walk (the workers' part is replaced by a journal line
made from a template, the same bytes whatever the code measured).

    .venv/bin/python benchmarks/bench_batch_process.py [FOLDER [N ...]]

FOLDER/in holds the corpus of bench_batch_corpus.py (written there when missing; default /tmp/disclosure-scale);
each N runs in a fresh subprocess, so that its peak RSS is its own. Without arguments (as `make bench` runs it):
1 000 inputs. Run it with PYTHONPATH pointing at another checkout's src to measure that code the same way.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench_batch_corpus import write_inputs  # same directory


def simulate(folders: list[Path], output: Path) -> dict[str, float]:
    """One batch's work in this process, phase by phase: CPU seconds of each, and the peak RSS in MB."""
    from disclosure_core._api import default_registry
    from disclosure_core._batch_record import Recorded, rules_key
    from disclosure_core._batch_run import BatchRun

    rules = tuple(f"rule.{i}" for i in range(40))
    key, rule_list = rules_key(rules)
    from disclosure_core._batch_record import REPORT_COLUMNS

    row = {**dict.fromkeys(REPORT_COLUMNS, 0), "body": "某县人民政府", "year": 2025, "format": "gov-2021", "error": ""}
    entry = {"input": "@", "sha256": "0" * 64, "size": 1, "mtime_ns": 1, "result": "@", "bytes": 15000, "row": row}
    entry.update(rules=key, failing=["rule.3"], not_verifiable=[], rule_error=[], reading=[], doubtful=False)
    template = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    times: dict[str, float] = {}
    started = time.process_time()
    run = BatchRun.open(folders, output, registry=default_registry())
    times["open: walk, journal, choose"] = time.process_time() - started
    started = time.process_time()
    directory = run.directory
    clashing: list[tuple[str, str]] = []
    try:
        work = run._work(clashing)  # type: ignore[call-arg]  # the code before the index
        directory.begin(run.inputs, run.todo)  # type: ignore[call-arg]
        finish = lambda: directory.finish(run.inputs)  # type: ignore[call-arg]  # noqa: E731
    except TypeError:
        work = run._work()
        directory.begin()
        finish = directory.finish
    for path, name in work:
        line = (template.replace('"@"', json.dumps(path, ensure_ascii=False), 1) + "\n").encode()
        directory.add(Recorded(path, line, "0" * 64, 1, 1, name, 15000, key, rule_list))
    times["results: name, record, summarise"] = time.process_time() - started
    started = time.process_time()
    finish()
    times["finish: summaries, compaction"] = time.process_time() - started
    times["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/disclosure-scale")
    if sys.argv[2:3] == ["-1"]:  # the child: one simulation, its figures as JSON
        count = int(sys.argv[3])
        output = root / f"process-{count}"
        shutil.rmtree(output, ignore_errors=True)
        figures = simulate(write_inputs(root / "in", count), output)
        shutil.rmtree(output, ignore_errors=True)
        print(json.dumps(figures))
        return
    sizes = [int(n) for n in sys.argv[2:]] or [1000]
    for count in sizes:
        write_inputs(root / "in", count)
        argv = [sys.executable, __file__, str(root), "-1", str(count)]
        figures = json.loads(subprocess.run(argv, check=True, capture_output=True).stdout)
        cpu = sum(v for k, v in figures.items() if not k.startswith("peak"))
        phases = ", ".join(f"{k} {v / count * 1e6:.1f} µs" for k, v in figures.items() if not k.startswith("peak"))
        print(
            f"{count:7d} inputs: {cpu / count * 1e6:5.1f} µs of CPU per input ({phases});"
            f" peak RSS {figures['peak RSS MB']:.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
