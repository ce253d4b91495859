"""The DOCX package around the document: metadata the page does not print, written and read back.

What a reader of the printed page cannot see — the format version, the body's level and region, the contact,
structured facts, which headings were supplied by the layout, which empty cells are "not applicable" — is kept
as one JSON custom document property (``docProps/custom.xml``, shown by Word under File › Properties › Custom),
so that :mod:`disclosure_docx.source` can read the document back without loss.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

import docx.document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from disclosure_core.catalogue import reason, words
from disclosure_core.sources import DOCX_PROPERTY as PROPERTY

METADATA_SCHEMA = "disclosure-core/docx/1"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# Word's own format id for user-defined properties.
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def write_metadata(document: docx.document.Document, metadata: dict[str, Any]) -> None:
    """Attach ``metadata`` as the custom document property "disclosure-core" (JSON text)."""
    text = escape(json.dumps({"schema": METADATA_SCHEMA, **metadata}, ensure_ascii=False, sort_keys=True))
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">'
        f'<property fmtid="{_FMTID}" pid="2" name="{PROPERTY}"><vt:lpwstr>{text}</vt:lpwstr></property></Properties>'
    )
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
"""Parses the custom properties part: entities are never expanded nor DTDs loaded (as python-docx's own parser)."""


class MetadataError(ValueError):
    """The custom properties part is not what this plugin writes: the catalogue's ``key`` says why, in both
    languages (``words``).

    >>> MetadataError("docx.custom_nested", name="'x'").words.zh
    "自定义属性 'x'：JSON 嵌套过深"
    """

    def __init__(self, key: str, /, **values: object) -> None:
        said = words(key, **values)
        super().__init__(said.en)
        self.words, self.key = said, key


def read_metadata(document: docx.document.Document) -> dict[str, Any] | None:
    """The "disclosure-core" custom property as a dict, or None when the document has none.

    Raises :class:`MetadataError` (a ValueError) when the part is not well-formed XML or the property is not the
    JSON this plugin writes.
    """
    for rel in document.part.package.rels.values():
        if rel.reltype != RT.CUSTOM_PROPERTIES or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise MetadataError("docx.custom_xml", reason=reason(exc)) from None
        for prop in root.iter(f"{{{_CUSTOM_NS}}}property"):
            if prop.get("name") == PROPERTY:
                try:
                    value = json.loads(prop.findtext(f"{{{_VT_NS}}}lpwstr") or "null")
                except RecursionError:  # ValueError (malformed JSON, over-long integers) is the caller's already
                    raise MetadataError("docx.custom_nested", name=repr(PROPERTY)) from None
                if not isinstance(value, dict) or value.get("schema") != METADATA_SCHEMA:
                    raise MetadataError("docx.custom_schema", name=repr(PROPERTY), schema=METADATA_SCHEMA)
                return value
    return None
