"""No XML parser of the DOCX sources expands an entity or loads a DTD, even past the archive guard; and the
guard refuses a DTD in a UTF-16 metadata part or a member named in capitals before any parser sees it."""

from __future__ import annotations

import pytest
from disclosure_docx import DocxSource
from disclosure_docx.package import _PARSER
from docx.oxml import parse_xml
from lxml import etree

from disclosure_core import LoadError, Registry
from disclosure_core.testing import daixian_report
from disclosure_core.testing.robustness import members, zipped

DOCUMENT = Registry().render(daixian_report(), "docx")
LAYOUTS = Registry(entry_points=False).layouts()
ENTITY = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "EXPANDED">]><p>&e;</p>'
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/hostname">]><p>&e;</p>'


@pytest.mark.parametrize("parse", [lambda xml: etree.fromstring(xml, _PARSER), parse_xml], ids=["metadata", "oxml"])
@pytest.mark.parametrize("xml", [ENTITY, EXTERNAL], ids=["internal", "external"])
def test_the_parsers_expand_no_entity(parse: object, xml: bytes) -> None:
    root = parse(xml)  # type: ignore[operator]
    assert "".join(root.itertext()) == "&e;"  # the reference stays a reference
    assert b"EXPANDED" not in etree.tostring(root)


def test_a_utf16_metadata_part_with_an_entity_is_refused() -> None:
    parts = members(DOCUMENT)
    parts["docProps/custom.xml"] = (
        parts["docProps/custom.xml"]
        .decode("utf-8")
        .replace("<Properties", '<!DOCTYPE Properties [<!ENTITY e "x">]><Properties', 1)
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")
    )
    with pytest.raises(LoadError, match=r"^in\.docx: docProps/custom\.xml: XML with a DTD or entities; refusing it$"):
        DocxSource().load(zipped(parts), origin="in.docx", layouts=LAYOUTS)


def test_a_main_part_named_in_capitals_is_checked_too() -> None:
    parts = members(DOCUMENT)
    parts["word/document.XML"] = ENTITY
    with pytest.raises(LoadError, match=r"^in\.docx: word/document\.XML: XML with a DTD or entities; refusing it$"):
        DocxSource().load(zipped(parts), origin="in.docx", layouts=LAYOUTS)
