"""The DOCX source reads back what the renderer writes — for any report — and reports what it cannot trust."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from disclosure_docx import DocxRenderer, DocxSource
from hypothesis import HealthCheck, given, settings

from disclosure_core import (
    NOT_APPLICABLE,
    AbsenceKind,
    Absent,
    CellValue,
    LoadError,
    Money,
    Provenance,
    Registry,
    RenderOptions,
    Report,
    builtin_layout,
    official_layouts,
    to_dict,
)
from disclosure_core.rendering import printed_texts
from disclosure_core.testing import daixian_report, numbered_report, strategies


@pytest.fixture(scope="module")
def daixian() -> Report:
    """The Dai County 2020 report (fixtures live in each module: plugin test directories share no conftest)."""
    return daixian_report()


def render(report: Report) -> bytes:
    return DocxRenderer().render(report, RenderOptions(builtin_layout(report.format)))


def read(data: bytes, origin: str = "report.docx") -> Report:
    return DocxSource().load(data, origin=origin, layouts=official_layouts()).report


def canonical(report: Report) -> dict[str, Any]:
    """Everything but provenance, which a reader sets to where it read each value."""
    data = to_dict(report)
    data.pop("provenance", None)
    return data


def printable(report: Report) -> bool:
    return not any(
        0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE for _, text in printed_texts(report) for ch in text
    )


def test_dai_county_round_trips(daixian: Report) -> None:
    loaded = DocxSource().load(render(daixian), origin="daixian.docx", layouts=official_layouts())
    assert canonical(loaded.report) == canonical(daixian)
    assert loaded.diagnostics == ()
    assert loaded.report.cell("requests.new.natural_person").provenance == Provenance("daixian.docx", cell="表2 R4C4")


@pytest.mark.parametrize("layout_id", ["gov-2019", "gov-2021"])
def test_numbered_reports_round_trip(layout_id: str) -> None:
    report = numbered_report(layout_id)
    assert canonical(read(render(report))) == canonical(report)


@pytest.mark.parametrize(
    "value",
    [
        Money(Decimal("12.5"), None),
        Money(Decimal("251000"), "元"),
        Absent(AbsenceKind.NOT_APPLICABLE, "/"),
        NOT_APPLICABLE,
    ],
    ids=["unitless money", "money in yuan", "not applicable with text", "not applicable"],
)
def test_values_the_page_cannot_tell_apart_round_trip(value: CellValue) -> None:
    report = numbered_report("gov-2021").with_cells(
        {"proactive.fees.amount": value, "requests.new.total": NOT_APPLICABLE}
    )
    loaded = read(render(report))
    assert loaded.cell("proactive.fees.amount") == value
    assert loaded.cell("requests.new.total") == NOT_APPLICABLE


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports())
def test_any_report_round_trips(report: Report) -> None:
    if printable(report):
        assert canonical(read(render(report))) == canonical(report)


def test_the_registry_picks_the_source_for_docx_files(daixian: Report, tmp_path: Any) -> None:
    path = tmp_path / "daixian.docx"
    path.write_bytes(render(daixian))
    registry = Registry()
    chosen = registry.source_for(str(path), path.read_bytes()[:4096])
    assert isinstance(chosen.implementation(), DocxSource)  # type: ignore[attr-defined]
    assert (chosen.name, chosen.suffixes, chosen.description) == (
        DocxSource.name,
        DocxSource.suffixes,
        DocxSource.description,
    )
    assert registry.load(path).report == read(path.read_bytes())
    assert not DocxSource().sniff(b"PK\x03\x04", "book.xlsx")


def rewrite(data: bytes, name: str, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            target.writestr(info, change(blob) if info.filename == name else blob)
    return out.getvalue()


def test_an_edited_value_is_read_and_an_edited_label_is_reported(daixian: Report) -> None:
    data = rewrite(
        render(daixian),
        "word/document.xml",
        lambda xml: xml.replace(b">10125<", b">10215<").replace("行政强制".encode(), "行政强迫".encode()),
    )
    loaded = DocxSource().load(data, origin="edited.docx", layouts=official_layouts())
    assert loaded.report.number("proactive.licensing.decisions") == 10215
    assert [str(d) for d in loaded.diagnostics] == [
        "edited.docx, cell 表1 R12C1: warning: label '行政强迫' where the format has '行政强制'"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("docProps/custom.xml", lambda xml: xml.replace(b"disclosure-core", b"other")), "no disclosure-core metadata"),
        (
            ("docProps/custom.xml", lambda xml: xml.replace(b"gov-2019", b"gov-1999")),
            "unknown format version 'gov-1999'",
        ),
        (
            ("word/document.xml", lambda xml: xml.replace(b'w:val="Heading1"', b'w:val="Normal"', 1)),
            "found 5 section headings",
        ),
    ],
)
def test_documents_that_cannot_be_read_back_are_refused_with_the_place(
    daixian: Report, change: tuple[str, Any], message: str
) -> None:
    with pytest.raises(LoadError, match=f"^edited.docx: .*{message}"):
        read(rewrite(render(daixian), *change), "edited.docx")


def test_a_file_that_is_not_a_docx_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^x\.docx: not a ZIP container"):
        read(b"PK\x03\x04 not really", "x.docx")


def test_a_zip_bomb_is_refused_before_any_xml_parser_sees_it() -> None:
    report = daixian_report()
    good = DocxRenderer().render(report, RenderOptions(builtin_layout("gov-2019")))
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as original, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 12_000_000)  # 72 MB of paragraphs
            out.writestr(item, data)
    with pytest.raises(LoadError, match=r"^bomb\.docx: word/document\.xml: \d+ bytes expanded"):
        DocxSource().load(bomb.getvalue(), origin="bomb.docx", layouts=official_layouts())
