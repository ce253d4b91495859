"""Fuzz the published-text source with atheris: any bytes must give a report or a LoadError naming the file.

    pip install atheris
    python fuzz/fuzz_published_text.py -max_total_time=300 -max_len=20000 fuzz/corpus/text

The seed corpus is the real reports in ../shared/reports; results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    from disclosure_published import TextSource

    from disclosure_core import LoadError, Registry

LOOKUP = Registry(entry_points=False).layout
SOURCE = TextSource()


def one_input(data: bytes) -> None:
    try:
        loaded = SOURCE.load(data, origin="fuzz.txt", layouts=LOOKUP)
    except LoadError as error:
        if not str(error).startswith("fuzz.txt: "):
            raise AssertionError(f"LoadError without the file's name: {error}") from None
        return
    assert loaded.report.year > 0


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
