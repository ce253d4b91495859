"""Fuzz the request ledger's XLSX registers with atheris: any bytes give a report or a LoadError naming the file (see harness.py).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_ledger_xlsx.py --write-corpus fuzz/corpus/ledger_xlsx
    nice -n 19 python fuzz/fuzz_ledger_xlsx.py -runs=100000 -timeout=10 -rss_limit_mb=1024 fuzz/corpus/ledger_xlsx

Runs and their results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import atheris  # type: ignore[import-not-found]
import scope

with atheris.instrument_imports(include=scope.INCLUDE):  # the plugins are imported (lazily) in here too
    import harness

    READ = harness.source_reader("ledger")
    SEED = harness.seeds("ledger-xlsx")[0]


def one_input(data: bytes) -> None:
    harness.survives(lambda d: READ(harness.repacked(SEED, d)), data)


if __name__ == "__main__":
    harness.main("ledger-xlsx", one_input)
