"""The reports the batch benchmarks check: consistent reports of both formats, one cell changed in one report in
three and one blanked in one in ten (so some fail, some cannot be verified, most pass), as canonical JSON files.

    .venv/bin/python benchmarks/bench_batch_corpus.py FOLDER COUNT    # writes COUNT files under FOLDER

The files go in folders of 1 000 (``000/report-0000.json`` ...), each with its own body name, so that no two
inputs are the same bytes; an existing folder is reused.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from disclosure_core import Report, dumps
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules.examples import consistent_report
from disclosure_core.values import Count

PER_FOLDER = 1000


def generated(count: int, seed: int = 2020) -> list[Report]:
    """Reports that add up, with one cell in three reports changed and one in ten blanked."""
    rnd = random.Random(seed)
    bases = [consistent_report(builtin_layout(f)) for f in ("gov-2019", "gov-2021")]
    reports = []
    for i in range(count):
        report = bases[i % 2]
        cells = [a for a in report.tables.cells if a.table in {"requests", "appeals"}]
        if i % 3 == 0:
            cell = rnd.choice(cells)
            report = report.with_cells({cell: Count((report.number(cell) or 0) + rnd.randint(1, 9))})
        if i % 10 == 0:
            report = report.with_cells({rnd.choice(cells): None})
        reports.append(report)
    return reports


def write_inputs(root: Path, count: int) -> list[Path]:
    """Folders of PER_FOLDER reports under ``root``, enough for ``count``; reused when already there."""
    folders = []
    reports = generated(PER_FOLDER)
    for number in range(max(1, count // PER_FOLDER)):
        folder = root / f"{number:03d}"
        if not folder.exists():
            staging = root / f".{number:03d}"
            staging.mkdir(parents=True, exist_ok=True)
            for i, report in enumerate(reports):
                text = dumps(report).replace('"name": "', f'"name": "{number:03d}-{i:04d} ', 1)
                (staging / f"report-{i:04d}.json").write_text(text, encoding="utf-8")
            staging.rename(folder)
        folders.append(folder)
    return folders


if __name__ == "__main__":
    if len(sys.argv) != 3:  # `make bench` runs every script without arguments: this one is a helper
        print("usage: bench_batch_corpus.py FOLDER COUNT")
    else:
        print(*write_inputs(Path(sys.argv[1]), int(sys.argv[2])), sep="\n")
