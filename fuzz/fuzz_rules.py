"""Fuzz rule files (TOML) with atheris: any bytes give a rule set that checks the example report, or a
RuleSetError naming the file (see harness.py).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_rules.py --write-corpus fuzz/corpus/rules
    nice -n 19 python fuzz/fuzz_rules.py -runs=100000 -timeout=10 -rss_limit_mb=1024 fuzz/corpus/rules

Runs and their results are recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import atheris  # type: ignore[import-not-found]
import scope

with atheris.instrument_imports(include=scope.INCLUDE):  # the plugins are imported (lazily) in here too
    import harness

    READ = harness.rule_reader(Path(tempfile.mkdtemp(prefix="fuzz-rules-")))


def one_input(data: bytes) -> None:
    harness.survives(READ, data)


if __name__ == "__main__":
    harness.main("rules", one_input)
