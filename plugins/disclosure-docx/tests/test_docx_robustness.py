"""Robustness of our own DOCX source: documents written by disclosure-docx, mutated (bytes, members, the
metadata property), give a report with diagnostics or one line naming the file — never another exception."""

from __future__ import annotations

from disclosure_docx import DocxSource
from hypothesis import given

from disclosure_core import Registry
from disclosure_core.testing import daixian_report
from disclosure_core.testing.robustness import members, mutated, mutated_packages, robust_settings, survives, zipped

DOCUMENT = Registry().render(daixian_report(), "docx")
LAYOUTS = Registry(entry_points=False).layouts()
PIECES = [b"<w:tc>", b"</w:tr>", b'<w:gridSpan w:val="99999"/>', b"&quot;", b'"-1"', b"<!DOCTYPE", b"9" * 4400]


def read(data: bytes) -> None:
    assert DocxSource().load(data, origin="in.docx", layouts=LAYOUTS).report.year > 0


@robust_settings(30)
@given(mutated(DOCUMENT, [b"PK\x03\x04", b"PK\x01\x02"]))
def test_flipped_and_truncated_bytes(data: bytes) -> None:
    survives(read, data, origin="in.docx")


@robust_settings(30)
@given(mutated_packages(DOCUMENT, PIECES))
def test_mutated_members(data: bytes) -> None:
    survives(read, data, origin="in.docx")


@robust_settings(30)
@given(mutated(members(DOCUMENT)["docProps/custom.xml"], PIECES))
def test_mutated_metadata_property(custom: bytes) -> None:
    """The JSON in docProps/custom.xml is what the page does not show: damage there is a LoadError too."""
    parts = members(DOCUMENT)
    parts["docProps/custom.xml"] = custom
    survives(read, zipped(parts), origin="in.docx")
