"""PDF parse time per page, on the committed fixtures printed by Chromium and LibreOffice.

    .venv/bin/python benchmarks/bench_pdf.py [fixture folder]

Prints, per fixture, its pages and the CPU time (``time.process_time``: steadier than wall time on a shared
machine) of one ``PdfSource.load`` (bytes to report) per page: median and range of the repetitions, which
go round the fixtures in turn so that a burst of load on the machine spreads over all of them. A reader that
refuses a fixture (older versions could not read framed pages) is timed up to its refusal, marked
``refused``. Record results in docs/performance.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type hints
from disclosure_published import PdfSource

from disclosure_core import LoadError, Registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "plugins" / "disclosure-published" / "tests" / "pdfs"


def timed(data: bytes) -> tuple[float, bool]:
    """CPU seconds of one load, and whether the reader refused the file."""
    lookup = Registry(entry_points=False).layouts()
    started = time.process_time()
    try:
        PdfSource().load(data, origin="bench.pdf", layouts=lookup)
    except LoadError:
        return time.process_time() - started, True
    return time.process_time() - started, False


def main(runs: int = 7) -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    files = {path.name: path.read_bytes() for path in sorted(folder.glob("*.pdf"))}
    pages = {name: len(pdfium.PdfDocument(data)) for name, data in files.items()}
    samples: dict[str, list[float]] = {name: [] for name in files}
    refused: set[str] = set()
    for run in range(runs + 1):
        for name, data in files.items():
            seconds, refusal = timed(data)
            if refusal:
                refused.add(name)
            if run:  # the first round warms caches and imports
                samples[name].append(seconds * 1000 / pages[name])
    print(f"{'fixture':28} {'pages':>5} {'median ms/page':>15} {'range':>13}")
    for name, times in samples.items():
        mark = "  refused" if name in refused else ""
        spread = f"{min(times):.0f}–{max(times):.0f}"
        print(f"{name:28} {pages[name]:5d} {statistics.median(times):15.1f} {spread:>13}{mark}")


if __name__ == "__main__":
    main()
