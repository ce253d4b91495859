"""Parse time per report: canonical JSON, and published text (Dai County, Shanghai), HTML, DOCX, PDF.

    .venv/bin/python benchmarks/bench_parse.py

Prints the median of several runs per input; record results in docs/performance.md. The PDF input is
printed by Chromium when it is installed (skipped otherwise).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from disclosure_published import DocxSource, HtmlSource, PdfSource, TextSource
from disclosure_published.testing import layout_page, word_document, word_page

from disclosure_core import Registry, load
from disclosure_core.layouts import builtin_layout
from disclosure_core.sources import Source

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "reports"
LOOKUP = Registry(entry_points=False).layouts()
EXAMPLE = "examples/daixian-2020.json"


def timed(read: Callable[[], object], runs: int) -> float:
    read()  # warm up caches (vocabularies, imports)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        read()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def pdf_of(page: bytes) -> bytes | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        source, target = Path(directory) / "p.html", Path(directory) / "p.pdf"
        source.write_bytes(page)
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
        subprocess.run([chromium, *flags, f"--print-to-pdf={target}", source.as_uri()], check=True, capture_output=True)
        return target.read_bytes()


def main(only: str = "") -> None:
    """Every input, or those whose name contains ``only``."""
    daixian = load(ROOT / EXAMPLE).report
    layout = builtin_layout("gov-2019")
    inputs: list[tuple[str, Source, bytes, int]] = [
        ("json  daixian-2020.json (canonical)", Registry().source("json"), (ROOT / EXAMPLE).read_bytes(), 500),
        ("text  daixian-2020.txt", TextSource(), (REPORTS / "daixian-2020.txt").read_bytes(), 50),
        (
            "text  shanghai-gov-office-2019.txt",
            TextSource(),
            (REPORTS / "shanghai-gov-office-2019.txt").read_bytes(),
            50,
        ),
        ("html  daixian, generic tables", HtmlSource(), layout_page(daixian, layout), 50),
        ("html  daixian, Word-shaped page", HtmlSource(), word_page(daixian, layout), 50),
        ("docx  daixian, made in Word style", DocxSource(), word_document(daixian, layout), 30),
        ("docx  daixian, our renderer's page", DocxSource(), Registry().render(daixian, "docx"), 30),
    ]
    pdf = pdf_of(layout_page(daixian, layout))
    if pdf is not None:
        inputs.append(("pdf   daixian, printed by Chromium", PdfSource(), pdf, 5))
    print(f"{'input':40} {'bytes':>8} {'median ms':>10}")
    for name, source, data, runs in inputs:
        if only not in name:
            continue
        seconds = timed(lambda s=source, d=data: s.load(d, origin="bench", layouts=LOOKUP), runs)
        print(f"{name:40} {len(data):8d} {seconds * 1000:10.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
