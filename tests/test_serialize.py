"""Canonical JSON: exact round trips, strict loading with JSON-path errors, and the JSON Schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from disclosure_core import (
    Body,
    CellValue,
    LoadError,
    Report,
    builtin_layout,
    dumps,
    loads,
    new_report,
    placeholder,
    report_json_schema,
    to_dict,
)
from disclosure_core.testing import strategies

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SCHEMA = report_json_schema([builtin_layout("gov-2019"), builtin_layout("gov-2021")])
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)  # built once: validate() would re-check the schema every call


@given(strategies.reports())
def test_round_trip_is_exact(report: Report) -> None:
    text = dumps(report)
    again = loads(text)
    assert again == report
    assert dumps(again) == text
    assert [(a, v.provenance) for a, v in again.tables] == [(a, v.provenance) for a, v in report.tables]


@given(strategies.reports())
def test_every_written_report_validates_against_the_json_schema(report: Report) -> None:
    VALIDATOR.validate(to_dict(report))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_cells_are_written_at_table_row_column() -> None:
    cells: dict[str, CellValue | int | Decimal] = {
        "requests.new.natural_person": 7,
        "requests.new.total": placeholder("-"),
        "proactive.procurement.amount": Decimal("43101"),
    }
    report = new_report("gov-2019", 2020, Body("代县人民政府", "county"), cells=cells)
    tables = to_dict(report)["tables"]
    assert tables["requests"]["new"]["natural_person"] == 7
    assert tables["requests"]["new"]["total"] == {"absent": "placeholder", "text": "-"}
    assert tables["requests"]["new"]["commercial"] is None
    assert tables["proactive"]["procurement"]["amount"] == "43101"


def _base(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "daixian-2020.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _with_cell(table: str, row: str, column: str, value: Any) -> dict[str, Any]:
    data = _base()
    data["tables"][table].setdefault(row, {})[column] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_with_cell("requests", "new", "total", "7件"), '$.tables.requests.new.total: expected an integer, got "7件"'),
        (
            _with_cell("requests", "new", "total", -1),
            "$.tables.requests.new.total: expected a non-negative integer, got -1",
        ),
        (_with_cell("requests", "new", "total", 1.0), "$.tables.requests.new.total: expected an integer, got 1.0"),
        (_with_cell("requests", "new", "total", True), "$.tables.requests.new.total: expected an integer, got true"),
        (
            _with_cell("requests", "neu", "total", 1),
            "$.tables.requests.neu: no row 'neu' in table 'requests' of gov-2019",
        ),
        (_with_cell("requests", "new", "sum", 1), "$.tables.requests.new.sum: no cell requests.new.sum in gov-2019"),
        (
            _with_cell("proactive", "fees", "amount", "1"),
            "$.tables.proactive.fees.amount: no cell proactive.fees.amount",
        ),
        (_with_cell("proactive", "procurement", "amount", 1.5), "expected a decimal string, got 1.5"),
        (_with_cell("requests", "new", "total", {"absent": "maybe"}), 'unknown kind of absence "maybe"'),
        (_base(format="gov-2030"), "$.format: unknown format version 'gov-2030'"),
        (_base(year="2020"), '$.year: expected an integer, got "2020"'),
        (_base(colour="red"), "$: unknown key(s): colour"),
        (_base(year=10**30), f"$.year: expected a report year from 2000 to 2999, got {10**30}"),
        (_base(published="2021-02-30"), '$.published: expected a date (YYYY-MM-DD), got "2021-02-30"'),
        (_base(body={"name": "代县", "level": "village"}), '$.body.level: unknown level "village"'),
        (_base(schema="other/1"), "$.schema: unsupported schema 'other/1'"),
        (_base(sections={"overview": {"paragraphs": "x"}}), '$.sections.overview.paragraphs: expected a list, got "x"'),
        ([1, 2], "$: expected a JSON object"),
    ],
)
def test_bad_input_names_the_file_and_the_json_path(data: Any, message: str) -> None:
    with pytest.raises(LoadError) as error:
        loads(json.dumps(data, ensure_ascii=False), origin="report.json")
    assert str(error.value).startswith("report.json: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"format": "gov-2019",', "report.json: line 1 column 23: malformed JSON"),
        (b"\xff\xfe{}", "report.json: not UTF-8 text"),
        (b"", "report.json: line 1 column 1: malformed JSON"),
    ],
)
def test_malformed_json_is_a_one_line_load_error(text: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        loads(text, origin="report.json")


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(_with_cell("requests", "new", "total", "7件"))
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(_with_cell("proactive", "fees", "amount", "1"))
    VALIDATOR.validate(_base())


def test_the_bundled_example_is_already_canonical(tmp_path: Path) -> None:
    text = (EXAMPLES / "daixian-2020.json").read_text(encoding="utf-8")
    assert dumps(loads(text)) == text
