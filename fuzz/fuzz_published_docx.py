"""Fuzz the published-Word source (DOCX made in Word) with atheris: any bytes give a report or a LoadError naming the file (see harness.py).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_published_docx.py --write-corpus fuzz/corpus/published_docx
    nice -n 19 python fuzz/fuzz_published_docx.py -runs=100000 -timeout=10 -rss_limit_mb=1024 fuzz/corpus/published_docx

Runs and their results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import atheris  # type: ignore[import-not-found]
import scope

with atheris.instrument_imports(include=scope.INCLUDE):  # the plugins are imported (lazily) in here too
    import harness

    READ = harness.source_reader("published-docx")
    SEED = harness.seeds("published-docx")[0]


def one_input(data: bytes) -> None:
    harness.survives(lambda d: READ(harness.repacked(SEED, d)), data)


if __name__ == "__main__":
    harness.main("published-docx", one_input)
