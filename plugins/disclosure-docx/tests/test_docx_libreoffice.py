"""Checked in a real client: LibreOffice (headless) converts each rendered DOCX to PDF, and the PDF's text holds
every table label and every value, in table order. One conversion run covers both format versions."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from disclosure_docx import DocxRenderer
from disclosure_docx.tables import table_plan

from disclosure_core import RenderOptions, builtin_layout
from disclosure_core.rendering import cell_text
from disclosure_core.testing import numbered_report

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
LAYOUTS = ("gov-2019", "gov-2021")


def program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: install it (see .ci/run)")
    return found


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Render a numbered report of each version and convert both to PDF in one LibreOffice run."""
    work = tmp_path_factory.mktemp("libreoffice")
    documents = []
    for layout_id in LAYOUTS:
        path = work / f"numbered-{layout_id}.docx"
        path.write_bytes(DocxRenderer().render(numbered_report(layout_id), RenderOptions(builtin_layout(layout_id))))
        documents.append(str(path))
    profile = (work / "profile").as_uri()  # a private profile: no state shared with other runs
    command = [program("soffice"), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(work), *documents], check=True, capture_output=True, timeout=240)
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    for layout_id in LAYOUTS:
        pdf = work / f"numbered-{layout_id}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no {pdf.name}"
        shutil.copy(pdf, ARTIFACTS / pdf.name)
        found[layout_id] = pdf
    return found


def pdftotext(pdf: Path, mode: str) -> str:
    done = subprocess.run([program("pdftotext"), mode, str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("layout_id", LAYOUTS)
def test_layout_text_shows_every_value_in_table_order(pdfs: dict[str, Path], layout_id: str) -> None:
    layout = builtin_layout(layout_id)
    report = numbered_report(layout_id)
    expected = [cell_text(report.cell(a), layout.column_of(a)) for a in layout.addresses()]
    wanted = set(expected)
    tokens = re.findall(r"\d+(?:\.\d+)?|——", pdftotext(pdfs[layout_id], "-layout"))
    assert [token for token in tokens if token in wanted] == expected


@pytest.mark.parametrize("layout_id", LAYOUTS)
def test_text_holds_every_label_and_value_in_table_order(pdfs: dict[str, Path], layout_id: str) -> None:
    """In content order (``pdftotext -raw``) each cell's text is contiguous even where it wraps: walk every
    printed cell of every table — headings, headers, row labels, values — and find each after the last."""
    layout = builtin_layout(layout_id)
    report = numbered_report(layout_id)
    text = re.sub(r"\s+", "", pdftotext(pdfs[layout_id], "-raw"))
    position = 0
    for table in layout.tables:
        for planned in table_plan(layout, table.id).rows:
            cells = [planned.heading.zh] if planned.heading else []
            for column, cell in enumerate(planned.slots):
                if cell.row == planned.row and cell.column == column:
                    if cell.address is not None:
                        cells.append(cell_text(report.cell(cell.address), layout.column_of(cell.address)))
                    elif cell.label is not None:
                        cells.append(cell.label.zh)
            for expected in filter(None, cells):
                found = text.find(re.sub(r"\s+", "", expected), position)
                assert found >= 0, f"{table.id}: {expected!r} missing after position {position}"
                position = found + len(expected)
