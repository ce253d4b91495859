"""How many of our own outputs read back exactly: per path (renderer → [PDF printer →] source), generated reports
(disclosure_published.roundtrip.printed_reports, derandomized) read back with every cell and the metadata, and the
time the path took (rendering, printing and reading).

    .venv/bin/python benchmarks/bench_readback.py [COUNT] [--pdf]

``--pdf`` adds LibreOffice (DOCX, XLSX) and Chromium (HTML, with and without findings) PDFs, COUNT // 10 of them
(at least 3): one start of either program costs seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from disclosure_published.roundtrip import cell_differences, printed_differences, printed_reports
from hypothesis import HealthCheck, Phase, given, settings

from disclosure_core import Registry, Report, check

REGISTRY = Registry()


def generated(count: int) -> list[Report]:
    drawn: list[Report] = []

    quiet = list(HealthCheck)

    @settings(max_examples=count, database=None, derandomize=True, phases=[Phase.generate], suppress_health_check=quiet)
    @given(printed_reports())
    def collect(report: Report) -> None:
        drawn.append(report)

    collect()
    return drawn


def html_findings(report: Report) -> bytes:
    return REGISTRY.render(report, "html", findings=check(report, registry=REGISTRY))


RENDERERS: dict[str, Callable[[Report], bytes]] = {
    "html": lambda r: REGISTRY.render(r, "html"),
    "html+findings": html_findings,
    "docx": lambda r: REGISTRY.render(r, "docx"),
    "xlsx": lambda r: REGISTRY.render(r, "xlsx"),
}
FAST = [("html", "published-html"), ("html+findings", "published-html"), ("docx", "published-docx")]
EXACT = [("docx", "docx"), ("xlsx", "xlsx")]


def libreoffice(documents: list[bytes], suffix: str, directory: Path) -> list[bytes]:
    paths = []
    for index, document in enumerate(documents):
        paths.append(directory / f"r{index}{suffix}")
        paths[-1].write_bytes(document)
    profile = (directory / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(directory), *map(str, paths)], check=True, capture_output=True)
    return [(directory / f"r{index}.pdf").read_bytes() for index in range(len(documents))]


def chromium(pages: list[bytes], directory: Path) -> list[bytes]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"]
    flags += ["--disable-background-networking", "--disable-component-update", "--no-pdf-header-footer"]
    flags.append(f"--user-data-dir={directory / 'profile'}")
    pdfs = []
    for index, page in enumerate(pages):
        source, target = directory / f"r{index}.html", directory / f"r{index}.pdf"
        source.write_bytes(page)
        subprocess.run(
            ["chromium", *flags, f"--print-to-pdf={target}", source.as_uri()], check=True, capture_output=True
        )
        pdfs.append(target.read_bytes())
    return pdfs


def report_line(name: str, reports: list[Report], problems: list[list[str]], cells: list[bool], seconds: float) -> None:
    exact = sum(not p for p in problems)
    print(f"{name:46} {exact:3}/{len(reports)} exact, {sum(cells):3} with every cell, {seconds:6.1f} s")
    kinds = Counter(p.split(":")[0].split(" ")[0] for found in problems for p in dict.fromkeys(found))
    if kinds:
        print(f"{'':46} what differed: {', '.join(f'{k} ×{n}' for k, n in kinds.most_common(6))}")


def read_all(reports: list[Report], data: list[bytes], source: str) -> tuple[list[list[str]], list[bool]]:
    problems, cells = [], []
    for index, (report, datum) in enumerate(zip(reports, data, strict=True)):
        try:
            read = REGISTRY.load_bytes(datum, origin=f"r{index}", source=source).report
        except Exception as exc:  # a failed reading is a result here, not the end of the benchmark
            problems.append([f"error: {type(exc).__name__}"])
            cells.append(False)
            continue
        found = (
            printed_differences(report, read)
            if source.startswith("published")
            else ([] if read == report else ["unequal"])
        )
        problems.append(found)
        # the page readers can only give back what is printed; the package readers must give back every value
        cells.append(
            not cell_differences(report, read) if source.startswith("published") else read.tables == report.tables
        )
    return problems, cells


def main() -> None:
    count = int(next((a for a in sys.argv[1:] if a.isdigit()), "50"))
    reports = generated(count)
    for renderer, source in FAST + EXACT:
        started = time.perf_counter()
        data = [RENDERERS[renderer](r) for r in reports]
        problems, cells = read_all(reports, data, source)
        report_line(f"{renderer} → {source}", reports, problems, cells, time.perf_counter() - started)
    if "--pdf" not in sys.argv:
        return
    few = reports[: max(3, count // 10)]
    with tempfile.TemporaryDirectory() as temporary:
        for renderer, printer in [
            ("docx", "libreoffice"),
            ("xlsx", "libreoffice"),
            ("html", "chromium"),
            ("html+findings", "chromium"),
        ]:
            directory = Path(temporary) / f"{renderer}-{printer}"
            os.makedirs(directory)
            started = time.perf_counter()
            data = [RENDERERS[renderer](r) for r in few]
            pdfs = (
                libreoffice(data, f".{renderer}", directory) if printer == "libreoffice" else chromium(data, directory)
            )
            problems, cells = read_all(few, pdfs, "published-pdf")
            report_line(
                f"{renderer} → {printer} PDF → published-pdf", few, problems, cells, time.perf_counter() - started
            )


if __name__ == "__main__":
    main()
