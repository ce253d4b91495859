"""`make look`: pictures of every output of the Dai County example, as a reader sees them, in out/look/.

Needs LibreOffice, Chromium and poppler (pdftoppm) — what `.ci/run` installs; `make demo` needs none of them.
Writes PNGs of the DOCX's pages (as LibreOffice lays them out), the PDF's pages, the HTML page at 1280 and
390 px wide and printed to A4 by Chromium, and the workbook's sheets as LibreOffice prints them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from disclosure_docx.libreoffice import convert

from disclosure_core import Registry, check, load
from disclosure_core.testing.chromium import chromium as run_chromium

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
RESOLUTION = "70"  # dots per inch: an A4 page is 579 x 819 px, readable and small


def program(name: str) -> str:
    found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
    if found is None:
        raise SystemExit(f"make look: {name} not found (install it: see .ci/run)")
    return found


def pages(pdf: bytes, out: Path, stem: str) -> list[Path]:
    """Each page of ``pdf`` as out/{stem}-page-N.png."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        command = [program("pdftoppm"), "-r", RESOLUTION, "-png", str(source), str(out / f"{stem}-page")]
        subprocess.run(command, check=True, timeout=300)
    return sorted(out.glob(f"{stem}-page-*.png"))


def chromium(profile: Path, *args: str) -> None:
    program("chromium")
    run_chromium(profile, *args, timeout=300)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    registry = Registry()
    report = load(EXAMPLE).report
    made: list[Path] = []
    docx = registry.render(report, "docx")
    made += pages(convert(docx, suffix=".docx", target="pdf"), out, "docx")
    made += pages(registry.render(report, "pdf"), out, "pdf")
    workbook = registry.render(report, "xlsx")
    made += pages(convert(workbook, suffix=".xlsx", target="pdf"), out, "xlsx")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        page = work / "daixian-2020.html"
        page.write_bytes(registry.render(report, "html", findings=check(report)))
        for width in (1280, 390):
            shot = out / f"html-{width}px.png"
            chromium(
                work / "profile",
                "--hide-scrollbars",
                f"--window-size={width},2400",
                f"--screenshot={shot}",
                page.as_uri(),
            )
            made.append(shot)
        printed = work / "printed.pdf"
        chromium(work / "profile", "--no-pdf-header-footer", f"--print-to-pdf={printed}", page.as_uri())
        made += pages(printed.read_bytes(), out, "html-print")
    for path in made:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/look")))
