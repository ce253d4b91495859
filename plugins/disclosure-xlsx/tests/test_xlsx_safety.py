"""Hostile or broken files: zip bombs, XML entities, random and mutated bytes — a LoadError, never a crash."""

from __future__ import annotations

import io
import zipfile

import pytest
from disclosure_xlsx import XlsxSource
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Body, LoadError, Registry, Report, official_layouts
from disclosure_core.testing.robustness import mutated_packages, robust_settings, survives

_SOURCE = XlsxSource()


def _load(data: bytes) -> object:
    return _SOURCE.load(data, origin="hostile.xlsx", layouts=official_layouts())


def _rendered(registry: Registry) -> bytes:
    return registry.render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "xlsx")


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.namelist():
            target.writestr(member, content if member == name else source.read(member))
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_parsing(xlsx_registry: Registry) -> None:
    bomb = _replace_member(_rendered(xlsx_registry), "xl/worksheets/sheet2.xml", b" " * 50_000_000)
    assert len(bomb) < 200_000
    with pytest.raises(LoadError, match=r"^hostile\.xlsx: xl/worksheets/sheet2\.xml: expands \d+ times"):
        _load(bomb)


def test_an_entity_expansion_attack_is_refused(xlsx_registry: Registry) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x>&lol2;</x></workbook>'
    )
    hostile = _replace_member(_rendered(xlsx_registry), "xl/workbook.xml", laughs)
    with pytest.raises(LoadError, match=r"^hostile\.xlsx: xl/workbook\.xml: XML with a DTD or entities"):
        _load(hostile)


def test_a_workbook_without_the_info_sheet_says_what_it_is_not() -> None:
    import openpyxl

    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    with pytest.raises(LoadError, match=r"^hostile\.xlsx: no sheet '报告信息': not a disclosure workbook"):
        _load(buffer.getvalue())


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"not a zip at all", b"PK\x05\x06" + b"\x00" * 18])
def test_garbage_is_a_load_error(data: bytes) -> None:
    with pytest.raises(LoadError, match=r"^hostile\.xlsx: "):
        _load(data)


@robust_settings(40)  # 40 under the ci profile, proportionally more under `make test-long`
@given(st.data())
def test_mutated_workbooks_load_or_fail_cleanly(xlsx_registry: Registry, data: st.DataObject) -> None:
    original = bytearray(_rendered(xlsx_registry))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    problem = None
    try:
        _load(bytes(original[:cut]))
    except LoadError as error:
        problem = str(error)
    assert problem is None or (problem.startswith("hostile.xlsx: ") and "\n" not in problem)


_MEMBER_PIECES = [b'<dimension ref="A1:XFD1048576"/>', b'<c r="XFD9"><v>1</v></c>', b"<row r=", b"<!DOCTYPE", b"&lt;"]


@robust_settings(25)
@given(st.data())
def test_workbooks_with_mutated_members_load_or_fail_cleanly(xlsx_registry: Registry, data: st.DataObject) -> None:
    """Sound ZIPs whose sheets, styles or relationships are damaged, renamed or dropped reach openpyxl and the
    reader: a report or one line naming the file."""
    package = data.draw(mutated_packages(_rendered(xlsx_registry), _MEMBER_PIECES))
    survives(_load, package, origin="hostile.xlsx")


_ENTITY = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "EXPANDED">]><p>&e;</p>'


def test_openpyxl_parses_without_expanding_entities() -> None:
    """Past the archive guard, openpyxl's parsers still expand nothing: lxml without entities, defusedxml's
    iterparse (the read-only sheets) refusing them."""
    import defusedxml  # type: ignore[import-untyped]
    from openpyxl.xml.functions import fromstring, iterparse

    assert b"EXPANDED" not in __import__("lxml.etree").etree.tostring(fromstring(_ENTITY))
    with pytest.raises(defusedxml.EntitiesForbidden):
        list(iterparse(io.BytesIO(_ENTITY)))
