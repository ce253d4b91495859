"""The PDF renderer, with the real LibreOffice: `render --to pdf` gives a PDF/A-2b file with the document's
properties, the official faces drawn with distinct open fonts, the same bytes twice, and tables that read back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from disclosure_docx import PdfRenderer
from disclosure_docx.libreoffice import FONT_ALIASES, fontconfig

from disclosure_core import Registry, RenderError, RenderOptions, builtin_layout
from disclosure_core.cli import main
from disclosure_core.testing import daixian_report, data

ARTIFACTS = data.artifacts()


def example(folder: Path) -> Path:
    """The Dai County report as a file the command can read."""
    path = folder / "daixian-2020.json"
    path.write_bytes(data.daixian_json())
    return path


def program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: install it (see .ci/run)")
    return found


def run(*command: str) -> str:
    return subprocess.run(
        [program(command[0]), *command[1:]], check=True, capture_output=True, timeout=60
    ).stdout.decode()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dai County rendered to PDF through the command line."""
    path = tmp_path_factory.mktemp("pdf") / "daixian-2020.pdf"
    assert main(["render", str(example(path.parent)), "-o", str(path)]) == 0
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / path.name)
    return path


@pytest.mark.slow
def test_the_pdf_carries_the_document_properties(pdf: Path) -> None:
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(pdf)).splitlines() if ":" in line)
    info = {key: value.strip() for key, value in info.items()}
    assert info["Title"] == "代县2020年政府信息公开工作年度报告"
    assert info["Author"] == "代县人民政府办公室"
    assert info["Subject"] == "代县人民政府 2020"
    assert info["Keywords"] == "政府信息公开工作年度报告"
    assert info["Page size"].startswith("595.")  # A4: 595.3 x 841.9 pt
    assert "841." in info["Page size"]
    assert info["CreationDate"].endswith("2021 UTC")  # the publication date, not the time of rendering
    assert "Feb  3" in info["CreationDate"]


@pytest.mark.slow
def test_the_pdf_declares_pdf_a_2b_and_embeds_every_font(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in data
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column


@pytest.mark.slow
def test_title_body_and_both_heading_styles_are_drawn_with_distinct_faces(pdf: Path, tmp_path: Path) -> None:
    """What the mapping gives depends on the fonts installed, so ask fontconfig (with the renderer's own file)
    which face each official name becomes, then find those faces embedded in the PDF."""
    config = tmp_path / "fonts.conf"
    config.write_text(fontconfig(), encoding="utf-8")
    environment = {**os.environ, "FONTCONFIG_FILE": str(config)}

    def face(name: str) -> str:
        done = subprocess.run(
            [program("fc-match"), "-f", "%{family[0]}:%{weight}", name],
            check=True,
            capture_output=True,
            timeout=60,
            env=environment,
        )
        return done.stdout.decode()

    faces = {name: face(name) for name in ("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312")}
    assert len(set(faces.values())) == 4, f"install fonts-noto-cjk and fonts-arphic-ukai (see .ci/run): {faces}"
    assert set(FONT_ALIASES) >= set(faces)
    embedded = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in run("pdffonts", str(pdf)).splitlines()[2:]}
    assert len(embedded) >= 4, embedded  # title (bold serif), body (serif), 黑体 (sans), 楷体 (kai) at least


@pytest.mark.slow
def test_the_same_report_gives_the_same_pdf(pdf: Path) -> None:
    again = PdfRenderer().render(daixian_report(), RenderOptions(builtin_layout("gov-2019")))
    assert again == pdf.read_bytes()


@pytest.mark.slow
def test_the_pdf_reads_back_to_the_same_tables(pdf: Path) -> None:
    report = daixian_report()
    layout = builtin_layout(report.format)
    read = Registry().load(pdf).report
    assert read.format == report.format
    assert [read.cell(address) for address in layout.addresses()] == [
        report.cell(address) for address in layout.addresses()
    ]


@pytest.mark.slow
def test_a_conversion_over_its_time_limit_is_abandoned_with_a_render_error() -> None:
    with pytest.raises(RenderError, match=r"LibreOffice did not finish within 0\.01 s"):
        PdfRenderer(timeout=0.01).render(daixian_report(), RenderOptions(builtin_layout("gov-2019")))


def test_without_libreoffice_the_pdf_renderer_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLOSURE_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(
        RenderError, match=r"LibreOffice is needed to make a PDF but /nonexistent/soffice was not found"
    ):
        PdfRenderer().render(daixian_report(), RenderOptions(builtin_layout("gov-2019")))


@pytest.mark.usefixtures("english")
def test_without_libreoffice_the_command_fails_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCLOSURE_SOFFICE", "/nonexistent/soffice")
    assert main(["render", str(example(tmp_path)), "-o", str(tmp_path / "out.pdf")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "LibreOffice is needed to make a PDF" in error
    assert not (tmp_path / "out.pdf").exists()
