"""JSON Schema of canonical report JSON, derived from the layouts (so it cannot drift from them).

>>> from disclosure_core.layouts import builtin_layout
>>> schema = report_json_schema([builtin_layout("gov-2019")])
>>> schema["properties"]["format"]["enum"]
['gov-2019']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from disclosure_core._serialize import REPORT_SCHEMA_ID
from disclosure_core.layouts import CellKind, ColumnSpec, Layout
from disclosure_core.model import SECTION_IDS, BodyLevel
from disclosure_core.values import AbsenceKind, Reading

_DECIMAL = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_ABSENT = {
    "type": "object",
    "properties": {"absent": {"enum": [k.value for k in AbsenceKind]}, "text": {"type": "string"}},
    "required": ["absent"],
    "additionalProperties": False,
}
_MONEY_OBJECT = {
    "type": "object",
    "properties": {"amount": _DECIMAL, "unit": _TEXT_OR_NULL},
    "required": ["amount", "unit"],
    "additionalProperties": False,
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [{"type": "null"}, schema]}


def _obj(properties: dict[str, Any], required: Iterable[str] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


def cell_schema(column: ColumnSpec) -> dict[str, Any]:
    """The schema of one cell of ``column``."""
    if column.kind is CellKind.MONEY:
        present: dict[str, Any] = {"anyOf": [_DECIMAL, _MONEY_OBJECT]}
    elif column.kind is CellKind.SIGNED_COUNT:
        present = {"type": "integer"}
    else:
        present = {"type": "integer", "minimum": 0}
    return {"anyOf": [{"type": "null"}, _ABSENT, present], "description": column.label.zh}


def tables_schema(layout: Layout) -> dict[str, Any]:
    """The schema of ``tables`` for one format version."""
    tables = {}
    for table in layout.tables:
        rows = {}
        for row in table.rows:
            columns = {column.id: cell_schema(column) for column in table.columns_of(row.id)}
            rows[row.id] = {**_obj(columns), "description": row.label.zh}
        tables[table.id] = {**_obj(rows), "description": table.label.zh}
    return _obj(tables)


def report_json_schema(layouts: Iterable[Layout]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of canonical report JSON for the given format versions.

    >>> from disclosure_core import builtin_layout
    >>> schema = report_json_schema([builtin_layout("gov-2021")])
    >>> schema["$id"], schema["properties"]["format"]
    ('disclosure-core/report/1', {'enum': ['gov-2021']})
    """
    layouts = list(layouts)
    section = _nullable(_obj({"heading": _TEXT_OR_NULL, "paragraphs": {"type": "array", "items": {"type": "string"}}}))
    provenance = _obj(
        {
            "source": _TEXT_OR_NULL,
            "page": {"type": ["integer", "null"]},
            "line": {"type": ["integer", "null"]},
            "cell": _TEXT_OR_NULL,
            "reading": {"enum": [reading.value for reading in Reading]},
            "alternatives": {"type": "array", "items": {"type": "string"}},
            "reason": _TEXT_OR_NULL,
        }
    )
    facts = _obj(
        {
            "assessment_weight": _nullable(
                _obj(
                    {
                        "sentence": {"type": "string"},
                        "percent": _nullable(_DECIMAL),
                        "at_least": {"type": "boolean"},
                        "points": _nullable(_DECIMAL),
                        "base": _nullable(_DECIMAL),
                    },
                    ["sentence"],
                )
            ),
            "fees": _nullable(
                _obj(
                    {
                        "count": {"type": ["integer", "null"]},
                        "amount": _nullable(_MONEY_OBJECT),
                        "sentence": _TEXT_OR_NULL,
                    }
                )
            ),
        }
    )
    properties = {
        "schema": {"const": REPORT_SCHEMA_ID},
        "format": {"enum": [layout.id for layout in layouts]},
        "year": {"type": "integer"},
        "body": _obj(
            {"name": {"type": "string"}, "level": {"enum": [lv.value for lv in BodyLevel]}, "region": _TEXT_OR_NULL},
            ["name", "level"],
        ),
        "published": _nullable({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
        "publisher": _TEXT_OR_NULL,
        "contact": _TEXT_OR_NULL,
        "title": _TEXT_OR_NULL,
        "lead": {"type": "array", "items": {"type": "string"}},
        "sections": _obj(dict.fromkeys(SECTION_IDS, section)),
        "facts": facts,
        "tables": {"type": "object"},
        "provenance": {"type": "object", "additionalProperties": provenance},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REPORT_SCHEMA_ID,
        "title": "政府信息公开工作年度报告 (canonical JSON)",
        **_obj(properties, ["format", "year", "body"]),
        "allOf": [
            {
                "if": {"properties": {"format": {"const": layout.id}}},
                "then": {"properties": {"tables": tables_schema(layout)}},
            }
            for layout in layouts
        ],
    }
