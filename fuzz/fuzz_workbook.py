"""Fuzz the workbook source (XLSX written by disclosure-xlsx) with atheris: any bytes give a report or a LoadError naming the file (see harness.py).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_workbook.py --write-corpus fuzz/corpus/workbook
    nice -n 19 python fuzz/fuzz_workbook.py -runs=100000 -timeout=10 -rss_limit_mb=1024 fuzz/corpus/workbook

Runs and their results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import atheris  # type: ignore[import-not-found]
import scope

with atheris.instrument_imports(include=scope.INCLUDE):  # the plugins are imported (lazily) in here too
    import harness

    READ = harness.source_reader("xlsx")
    SEED = harness.seeds("xlsx")[0]


def one_input(data: bytes) -> None:
    harness.survives(lambda d: READ(harness.repacked(SEED, d)), data)


if __name__ == "__main__":
    harness.main("xlsx", one_input)
