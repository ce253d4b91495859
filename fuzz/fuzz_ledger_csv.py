"""Fuzz the request ledger's CSV registers with atheris: any bytes give a report or a LoadError naming the file (see harness.py).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_ledger_csv.py --write-corpus fuzz/corpus/ledger_csv
    nice -n 19 python fuzz/fuzz_ledger_csv.py -runs=100000 -timeout=10 -rss_limit_mb=1024 fuzz/corpus/ledger_csv

Runs and their results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import atheris  # type: ignore[import-not-found]
import scope

with atheris.instrument_imports(include=scope.INCLUDE):  # the plugins are imported (lazily) in here too
    import harness

    READ = harness.source_reader("ledger")


def one_input(data: bytes) -> None:
    harness.survives(READ, data)


if __name__ == "__main__":
    harness.main("ledger-csv", one_input)
