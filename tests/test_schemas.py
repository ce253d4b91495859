"""The schemas the docs site publishes are the ones the package ships."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from disclosure_core import findings_json_schema

ROOT = Path(__file__).resolve().parents[1]


def test_the_docs_copy_of_the_findings_schema_is_the_packaged_one() -> None:
    committed = json.loads((ROOT / "docs" / "findings.schema.json").read_text(encoding="utf-8"))
    assert committed == findings_json_schema(), "docs/findings.schema.json is stale: run `make schemas`"


def test_the_findings_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(findings_json_schema())
