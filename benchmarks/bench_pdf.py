"""PDF parse time per page, on the committed fixtures printed by Chromium and LibreOffice.

    .venv/bin/python benchmarks/bench_pdf.py [fixture folder]

Prints, per fixture, its pages and the median CPU time (``time.process_time``: steadier than wall time on a
shared machine) of one ``PdfSource.load`` (bytes to report), in total and per page. A reader that refuses a fixture (older versions could not read framed pages) is timed up to
its refusal, marked ``refused``. Record results in docs/performance.md.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

import pdfplumber
from disclosure_published import PdfSource

from disclosure_core import LoadError, Registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "plugins" / "disclosure-published" / "tests" / "pdfs"


def timed(data: bytes, runs: int) -> tuple[float, bool]:
    lookup = Registry(entry_points=False).layouts()
    samples, refused = [], False
    for _ in range(runs + 1):  # the first run warms caches and imports
        started = time.process_time()
        try:
            PdfSource().load(data, origin="bench.pdf", layouts=lookup)
        except LoadError:
            refused = True
        samples.append(time.process_time() - started)
    return statistics.median(samples[1:]), refused


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    print(f"{'fixture':28} {'pages':>5} {'median CPU ms':>14} {'ms/page':>8}")
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as document:
            pages = len(document.pages)
        seconds, refused = timed(data, runs=5)
        mark = "  refused" if refused else ""
        print(f"{path.name:28} {pages:5d} {seconds * 1000:14.0f} {seconds * 1000 / pages:8.0f}{mark}")


if __name__ == "__main__":
    main()
