"""The JSON Schema of a rule file (read as JSON, for editors), generated from the kinds so it cannot drift.

``docs/rules.schema.json`` is this schema; ``make schemas`` rewrites it (through :func:`main`) and a test
checks the committed file is current.

>>> schema = rule_file_schema()
>>> schema["$defs"]["rule"]["properties"]["kind"]["enum"][:3]
['sum', 'balance', 'compare']
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from disclosure_core.findings import Severity
from disclosure_core.model import BodyLevel

_TEXT = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,
    "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
}
_DIMENSION = {
    "oneOf": [
        {"type": "string", "pattern": "^[a-z_]+\\.(rows|columns)$"},
        {"type": "array", "minItems": 1, "items": {"type": "string"}},
        {
            "type": "object",
            "required": ["of"],
            "additionalProperties": False,
            "properties": {"of": {"type": "string"}, "except": {"type": "array", "items": {"type": "string"}}},
        },
    ]
}

COMMON: Mapping[str, Any] = {
    "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"},
    "kind": None,  # the kinds' words, filled in by rule_file_schema()
    "severity": {"enum": [s.value for s in Severity]},
    "title": _TEXT,
    "message": _TEXT,
    "basis": {"type": "string", "minLength": 1},
    "explanation": {"oneOf": [_TEXT, {"type": "string", "minLength": 1}]},
    "formats": {"type": "array", "items": {"type": "string"}},
    "years": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": ["integer", "null"]}},
    "levels": {"type": "array", "items": {"enum": [level.value for level in BodyLevel]}},
    "expand": {"type": "object", "additionalProperties": _DIMENSION},
    "missing": {"enum": ["not_verifiable", "zero", "skip"]},
    "table": {"type": "string"},
}
"""The keys every rule may have, whatever its kind, with their schemas."""

COMMON_KEYS = frozenset(COMMON)
_REQUIRED = ["id", "kind", "severity", "title", "message", "basis"]


def rule_file_schema() -> dict[str, Any]:
    """The schema: the common keys, then one ``if kind = word then …`` block per form of every kind."""
    from disclosure_core.rules import kinds

    forms = [form for kind in kinds.KINDS for form in kind.forms]
    body_keys = {key: True for form in forms for key in form.keys}
    properties = {**COMMON, "kind": {"enum": [form.word for form in forms]}, **body_keys}
    branches = [
        {
            "if": {"properties": {"kind": {"const": form.word}}},
            "then": {
                "properties": {**dict.fromkeys(COMMON, True), **form.keys},
                "required": list(form.required),
                "additionalProperties": False,
            },
        }
        for form in forms
    ]
    rule = {"type": "object", "required": _REQUIRED, "properties": properties, "allOf": branches}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://disclosure-core.example/schemas/rules-1.json",
        "title": "disclosure-core rule file (TOML, read as JSON for editors)",
        "type": "object",
        "additionalProperties": False,
        "properties": {"title": {"type": "string"}, "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}}},
        "$defs": {"rule": rule},
    }


def schema_text() -> str:
    """The schema as ``docs/rules.schema.json`` holds it (indented, non-ASCII kept, a final newline)."""
    return json.dumps(rule_file_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """Write the schema to the file named, or print it."""
    if argv:
        Path(argv[0]).write_text(schema_text(), encoding="utf-8")
    else:
        sys.stdout.write(schema_text())
    return 0
