"""Print one Markdown table row per libFuzzer log: the figures docs/fuzzing.md records for each run.

    python fuzz/summarise.py fuzz/logs/*.log

A log holds what ``fuzz/run.sh`` captured (``-print_final_stats=1``); a crash or hang shows as its libFuzzer
banner (``ERROR: libFuzzer`` / ``Uncaught Python exception`` / ``timeout``), counted in the last column.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.MULTILINE)
DONE = re.compile(r"^Done (\d+) runs in (\d+) second", re.MULTILINE)
PROGRESS = re.compile(r"^#\d+\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/", re.MULTILINE)
FAILURES = ("ERROR: libFuzzer", "Uncaught Python exception", "==ERROR", "ALARM: working on the last Unit")


def row(log: Path) -> str:
    """The table row of one log.

    >>> import tempfile
    >>> text = "#9\\tDONE   cov: 3 ft: 4 corp: 2/1b\\nDone 9 runs in 2 second(s)\\nstat::peak_rss_mb: 50\\n"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "json.log"
    ...     _ = path.write_text(text)
    ...     row(path)
    '| json | 9 | 2 s | 4 | 3 / 4 | 2 | 50 MB | — s | 0 |'
    """
    text = log.read_text(errors="replace")
    stats = {name: int(value) for name, value in STAT.findall(text)}
    done = DONE.search(text)
    runs, seconds = (int(done[1]), int(done[2])) if done else (stats.get("number_of_executed_units", 0), 0)
    progress = PROGRESS.findall(text)
    edges, features, corpus = progress[-1] if progress else ("—", "—", "—")
    rate = runs // seconds if seconds else "—"
    failures = sum(text.count(banner) for banner in FAILURES)
    return (
        f"| {log.stem} | {runs} | {seconds} s | {rate} | {edges} / {features} | {corpus} "
        f"| {stats.get('peak_rss_mb', '—')} MB | {stats.get('slowest_unit_time_sec', '—')} s | {failures} |"
    )


if __name__ == "__main__":
    print(
        "| target | inputs | time | inputs/s | coverage (edges / features) | corpus | peak memory | slowest | failures |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in sys.argv[1:]:
        print(row(Path(name)))
