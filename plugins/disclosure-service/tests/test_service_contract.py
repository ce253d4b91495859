"""The other endpoints, and every real response validated against the OpenAPI document the service publishes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
import referencing
from disclosure_service import Settings, create_app
from disclosure_service.testing import InProcessClient
from openapi_spec_validator import validate

from disclosure_core.testing.data import daixian_json

JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client() -> Iterator[InProcessClient]:
    with InProcessClient(create_app(Settings(parse_workers=1))) as in_process:
        yield in_process


@pytest.fixture(scope="module")
def contract(client: InProcessClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/openapi.json").json()
    return document


def conforms(contract: dict[str, Any], path: str, method: str, response: Any, media: str = "application/json") -> None:
    """``response`` matches what the contract says ``method path`` answers with its status and media type."""
    declared = contract["paths"][path][method]["responses"][str(response.status_code)]
    schema = declared["content"][media]["schema"]
    resource = referencing.Resource.from_contents(contract, default_specification=referencing.jsonschema.DRAFT202012)
    registry: referencing.Registry[Any] = referencing.Registry().with_resource("urn:contract", resource)
    validator = jsonschema.Draft202012Validator(
        {"$ref": "urn:contract#" + _pointer(schema)}
        if "$ref" not in schema
        else {"$ref": "urn:contract" + schema["$ref"]},
        registry=registry,
    )
    validator.validate(response.json())


def _pointer(schema: dict[str, Any]) -> str:
    raise AssertionError(f"inline schema in the contract's responses: {schema}")


def test_the_contract_is_valid_openapi_3_1(contract: dict[str, Any]) -> None:
    validate(contract)
    assert contract["openapi"] == "3.1.0"
    assert set(contract["paths"]) >= {"/v1/check", "/v1/render", "/v1/convert", "/v1/new", "/v1/rules", "/healthz"}
    example = contract["components"]["examples"]["DaixianFindings"]["value"]
    assert example["report"]["body"] == "代县人民政府"
    assert example["summary"]["fail"] >= 3


def test_check_findings_and_problems_conform(client: InProcessClient, contract: dict[str, Any]) -> None:
    conforms(contract, "/v1/check", "post", client.post("/v1/check", content=daixian_json(), headers=JSON))
    bad = client.post("/v1/check", content=b"[", headers=JSON)
    assert bad.status_code == 422
    conforms(contract, "/v1/check", "post", bad, "application/problem+json")


def test_the_example_in_the_contract_is_what_check_answers(client: InProcessClient, contract: dict[str, Any]) -> None:
    answered = client.post("/v1/check?filename=daixian-2020.json", content=daixian_json(), headers=JSON).json()
    assert answered == contract["components"]["examples"]["DaixianFindings"]["value"]


def test_rules_conform_and_carry_basis_and_examples(client: InProcessClient, contract: dict[str, Any]) -> None:
    listed = client.get("/v1/rules")
    conforms(contract, "/v1/rules", "get", listed)
    ids = [rule["id"] for rule in listed.json()["rules"]]
    assert "requests.balance" in ids
    assert len(ids) >= 40
    one = client.get("/v1/rules/requests.balance")
    conforms(contract, "/v1/rules/{rule_id}", "get", one)
    assert one.json()["basis"]
    assert one.json()["examples"]["pass"]["outcome"] == "pass"
    assert one.json()["examples"]["fail"]["outcome"] == "fail"
    only_2019 = client.get("/v1/rules?format=gov-2019").json()["rules"]
    assert all(not r["formats"] or "gov-2019" in r["formats"] for r in only_2019)


def test_plugins_and_probes_conform(client: InProcessClient, contract: dict[str, Any]) -> None:
    plugins = client.get("/v1/plugins")
    conforms(contract, "/v1/plugins", "get", plugins)
    assert {"html", "docx", "xlsx", "json"} <= set(plugins.json()["renderers"])
    conforms(contract, "/healthz", "get", client.get("/healthz"))
    conforms(contract, "/readyz", "get", client.get("/readyz"))


def test_the_schemas_are_the_cores(client: InProcessClient) -> None:
    from disclosure_core import Registry, findings_json_schema, report_json_schema

    assert client.get("/v1/schema/findings").json() == findings_json_schema()
    assert client.get("/v1/schema/report").json() == report_json_schema(Registry().layouts().values())
    findings = client.post("/v1/check", content=daixian_json(), headers=JSON).json()
    jsonschema.validate(findings, findings_json_schema())


@pytest.mark.parametrize(
    ("to", "media", "magic"),
    [
        ("html", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("json", "application/json", b"{"),
    ],
)
def test_render_answers_the_file_with_its_type_and_name(
    client: InProcessClient, to: str, media: str, magic: bytes
) -> None:
    response = client.post(f"/v1/render?to={to}", content=daixian_json(), headers=JSON)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media
    assert response.content.startswith(magic)
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="report-2020.')
    assert unquote(disposition.split("UTF-8''")[1]) == f"代县人民政府-2020.{to}"
    if magic == b"PK":
        assert zipfile.ZipFile(io.BytesIO(response.content)).testzip() is None


def test_render_with_findings_marks_them(client: InProcessClient) -> None:
    plain = client.post("/v1/render?to=html", content=daixian_json(), headers=JSON).text
    marked = client.post("/v1/render?to=html&with_findings=true", content=daixian_json(), headers=JSON).text
    assert len(marked) > len(plain)


def test_new_then_convert_round_trips_a_blank_workbook(client: InProcessClient) -> None:
    asked = {"year": 2025, "body": "某县人民政府", "level": "county", "region": "某省某市某县"}
    workbook = client.post("/v1/new", content=json.dumps(asked).encode(), headers=JSON)
    assert workbook.status_code == 200, workbook.text
    assert workbook.headers["content-type"].endswith("spreadsheetml.sheet")
    files = {"report": ("blank.xlsx", workbook.content, "application/octet-stream")}
    converted = client.post("/v1/convert", files=files)
    assert converted.status_code == 200, converted.text
    report = converted.json()
    assert (report["year"], report["format"], report["body"]["name"]) == (2025, "gov-2021", "某县人民政府")
