"""What a ``disclosure`` run imports: a command pays for the formats it reads and writes, not for every plugin.

Time is measured by ``benchmarks/bench_startup.py`` (no timed assertions here); these tests pin the cause of
a slow start instead: which modules a whole process has imported when it ends.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "daixian-2020.json"

# Run the CLI in a fresh interpreter and write the names of every module it imported, when it exits.
PROBE = """
import atexit, json, sys
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules))))
from disclosure_core.cli import main
sys.exit(main(sys.argv[2:]))
"""

RENDERING_AND_READING = ("openpyxl", "docx", "jinja2", "pdfplumber", "pdfminer", "lxml", "markupsafe")
"""The libraries behind the XLSX, DOCX, HTML and PDF plugins: imported only when their format is used."""


def imported_by(tmp_path: Path, *args: str) -> set[str]:
    """The top-level and dotted names of the modules a ``disclosure`` process imported."""
    names = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", PROBE, str(names), *args], cwd=ROOT, capture_output=True, check=False)
    found: list[str] = json.loads(names.read_text(encoding="utf-8"))
    return set(found)


def test_checking_canonical_json_imports_no_plugin_library(tmp_path: Path) -> None:
    modules = imported_by(tmp_path, "check", str(EXAMPLE))
    assert "disclosure_core.rules.engine" in modules  # it did check
    assert {name.split(".")[0] for name in modules} & set(RENDERING_AND_READING) == set()
    # Nor the published-report reader's token core, nor the metadata machinery behind entry points.
    assert {"disclosure_published.parse", "disclosure_published.sources", "importlib.metadata"} & modules == set()


def test_version_imports_neither_the_registry_nor_the_plugins(tmp_path: Path) -> None:
    modules = imported_by(tmp_path, "--version")
    assert "click" in modules
    assert {"disclosure_core.registry", "pluggy", "attrs", "disclosure_published"} & modules == set()


# The XLSX renderer writes SpreadsheetML itself (disclosure_xlsx.spreadsheetml); openpyxl is for reading workbooks.
@pytest.mark.parametrize(("suffix", "library"), [(".xlsx", "disclosure_xlsx.spreadsheetml"), (".html", "jinja2")])
def test_a_renderer_library_is_imported_when_that_format_is_written(tmp_path: Path, suffix: str, library: str) -> None:
    target = tmp_path / f"out{suffix}"
    modules = imported_by(tmp_path, "render", str(EXAMPLE), "-o", str(target))
    assert target.stat().st_size > 0
    assert library in modules
    assert {"pdfplumber", "pdfminer"} & modules == set()


def test_writing_a_workbook_does_not_import_openpyxl(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    modules = imported_by(tmp_path, "render", str(EXAMPLE), "-o", str(target))
    assert target.read_bytes().startswith(b"PK")
    assert "disclosure_xlsx.renderer" in modules
    assert {"openpyxl", "lxml"} & {name.split(".")[0] for name in modules} == set()
