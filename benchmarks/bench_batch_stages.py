"""Where a batch worker's CPU goes, per report: reading the file (and its hash), loading it (JSON decode and
structure), checking it (the rules engine), the details of each listed finding (what the engine makes of a finding
only when it is shown: its cells, numbers, message and fingerprint), the rest of the findings document, encoding it,
writing the result file, and the summary row with the journal line: CPU time (time.process_time) of each stage, the
median of ROUNDS rounds over the same files, so that load from other programs falls on every stage alike.

    .venv/bin/python benchmarks/bench_batch_stages.py [COUNT] [ROUNDS]

The reports are those of bench_batch_corpus.py (written to a temporary folder). What the batch process itself spends
per report is measured by bench_batch_scale.py (the whole run, parent and workers apart).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_batch_corpus import generated  # same directory

from disclosure_core import dumps
from disclosure_core._api import default_registry
from disclosure_core._batch_record import _rule_sets, findings_line, report_row, rules_key, utf8_json
from disclosure_core.rules.output import findings_parts

STAGES = [
    "read + hash",
    "load",
    "check",
    "finding details",
    "findings document",
    "encode",
    "write file",
    "row + journal line",
]


def one_round(paths: list[str], out: str) -> dict[str, float]:
    """CPU seconds per report of each stage, over ``paths`` (the same steps as _batch_record.record_one)."""
    registry = default_registry()
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    for i, path in enumerate(paths):
        t0 = clock()
        with open(path, "rb") as handle:
            data = handle.read()
        hashlib.sha256(data).hexdigest()
        t1 = clock()
        loaded = registry.load_bytes(data, origin=path)
        t2 = clock()
        findings = registry.check(loaded.report)
        t3 = clock()
        for finding in findings:  # what the engine makes of a listed finding only when it is shown
            finding.cells, finding.message  # noqa: B018
        t3b = clock()
        document, rows = findings_parts(loaded.report, findings)
        document["input"] = path
        document["diagnostics"] = [str(d) for d in loaded.diagnostics]
        t4 = clock()
        encoded = findings_line(document, rows)
        t5 = clock()
        descriptor = os.open(os.path.join(out, f"r{i}.json"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(descriptor, encoded)
        os.close(descriptor)
        t6 = clock()
        rules, failing, not_verifiable, rule_error, reading, doubtful = _rule_sets(document, rows)
        entry = {"input": path, "row": report_row(document), "rules": rules_key(rules)[0], "failing": failing}
        utf8_json({**entry, "nv": not_verifiable, "re": rule_error, "r": reading, "d": doubtful})
        t7 = clock()
        for stage, seconds in zip(
            STAGES, (t1 - t0, t2 - t1, t3 - t2, t3b - t3, t4 - t3b, t5 - t4, t6 - t5, t7 - t6), strict=True
        ):
            spent[stage] += seconds
    return {stage: seconds / len(paths) for stage, seconds in spent.items()}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, report in enumerate(generated(count)):
            path = Path(folder, f"report-{i:05d}.json")
            path.write_text(dumps(report), encoding="utf-8")
            paths.append(str(path))
        one_round(paths[:50], tempfile.mkdtemp(dir=folder))  # rules compiled, caches warm
        # Each round writes new files, as a batch does: truncating the last round's would cost far more.
        runs = [one_round(paths, tempfile.mkdtemp(dir=folder)) for _ in range(rounds)]
    print(f"CPU per report of a batch worker, {count} reports, median of {rounds} rounds (range):")
    for stage in STAGES:
        values = sorted(run[stage] * 1e3 for run in runs)
        print(f"  {stage:20} {statistics.median(values):6.3f} ms ({values[0]:.3f}-{values[-1]:.3f})")
    totals = sorted(sum(run.values()) * 1e3 for run in runs)
    print(f"  {'all':20} {statistics.median(totals):6.3f} ms ({totals[0]:.3f}-{totals[-1]:.3f})")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
