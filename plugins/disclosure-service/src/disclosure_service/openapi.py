"""The OpenAPI 3.1 contract, built from the JSON Schemas the core exports (one source of truth).

The report and findings schemas are the ones ``disclosure schema`` and ``docs/findings.schema.json`` publish;
their ``$defs`` are lifted into ``components/schemas`` so every reference resolves inside this document.
The examples are the Dai County report and its findings, computed when the document is built.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib.metadata import version
from typing import Any

from disclosure_core import Registry, dump_findings, findings_json_schema, report_json_schema
from disclosure_core.testing.data import daixian_json

PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "the one line `disclosure` prints after `error:`"},
        "file": {"type": "string", "description": "the file the message names, when it names one"},
    },
}
RULE = {
    "type": "object",
    "required": ["id", "kind", "severity", "title", "basis", "formats", "origin"],
    "properties": {
        "id": {"type": "string"},
        "kind": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "title": {"$ref": "#/components/schemas/Text"},
        "basis": {"type": "string"},
        "formats": {"type": "array", "items": {"type": "string"}},
        "origin": {"type": "string"},
    },
}
TEXT = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,
    "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
}
EXAMPLE = {
    "type": "object",
    "required": ["instance", "outcome", "message"],
    "properties": {
        "instance": {"type": "string"},
        "outcome": {"type": "string"},
        "message": {"$ref": "#/components/schemas/Text"},
    },
}
RULE_DETAIL = {
    "allOf": [{"$ref": "#/components/schemas/Rule"}],
    "type": "object",
    "required": ["examples"],
    "unevaluatedProperties": False,
    "properties": {
        "examples": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/RuleExample"}}
    },
}
PLUGINS = {
    "type": "object",
    "required": ["plugins", "layouts", "sources", "renderers"],
    "properties": {
        "plugins": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "version", "builtin", "hooks"],
                "properties": {
                    "name": {"type": "string"},
                    "version": {"type": ["string", "null"]},
                    "builtin": {"type": "boolean"},
                    "hooks": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "layouts": {"type": "array", "items": {"type": "string"}},
        "sources": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "renderers": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}
STATUS = {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}

_PROBLEMS = {
    "400": "a parameter or the form is not valid",
    "401": "the bearer token is missing or wrong (only when the service has one)",
    "413": "the request body is larger than the limit",
    "415": "no source reads this kind of file",
    "422": "the report could not be read",
    "504": "reading the upload took longer than the time limit",
}


def lift(schema: dict[str, Any], prefix: str, into: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without ``$schema``/``$id``, its ``$defs`` moved into ``into`` as ``prefix + name``.

    >>> into = {}
    >>> lift({"$id": "x", "$defs": {"a": {"type": "string"}}, "items": {"$ref": "#/$defs/a"}}, "F", into)
    {'items': {'$ref': '#/components/schemas/Fa'}}
    >>> into
    {'Fa': {'type': 'string'}}
    """
    schema = copy.deepcopy(schema)
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    defs = schema.pop("$defs", {})

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    "#/components/schemas/" + prefix + value.removeprefix("#/$defs/")
                    if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                    else rewrite(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    for name, definition in defs.items():
        into[prefix + name] = rewrite(definition)
    lifted: dict[str, Any] = rewrite(schema)
    return lifted


def _upload_body(description: str) -> dict[str, Any]:
    return {
        "required": True,
        "description": description,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Report"},
                "examples": {"daixian-2020": {"$ref": "#/components/examples/DaixianReport"}},
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["report"],
                    "properties": {
                        "report": {"type": "string", "contentMediaType": "application/octet-stream"},
                        "previous": {"type": "string", "contentMediaType": "application/octet-stream"},
                    },
                }
            },
            "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
        },
    }


def _parameter(name: str, description: str, schema: dict[str, Any], *, many: bool = False) -> dict[str, Any]:
    if many:
        schema = {"type": "array", "items": schema}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _problems(*statuses: str) -> dict[str, Any]:
    return {
        status: {
            "description": _PROBLEMS[status],
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


HINTS = [
    _parameter("body", "name of the reporting body (overrides what the source reads)", {"type": "string"}),
    _parameter("level", "administrative level", {"type": "string"}),
    _parameter("region", "region, e.g. 山西省忻州市代县", {"type": "string"}),
    _parameter("year", "report year", {"type": "integer"}),
    _parameter("from", "source to read with (default: detected)", {"type": "string"}),
    _parameter("filename", "name of a plain (non-form) upload, for choosing its source", {"type": "string"}),
]


@functools.cache
def _examples() -> tuple[Any, Any]:
    registry = Registry(entry_points=False)
    report = registry.load_bytes(daixian_json(), origin="daixian-2020.json").report
    findings = dump_findings(report, registry.check(report), layout=registry.layout(report.format))
    return json.loads(daixian_json()), json.loads(findings)


def openapi_document(registry: Registry) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service for ``registry``'s layouts and renderers.

    >>> document = openapi_document(Registry(entry_points=False))
    >>> document["openapi"], sorted(document["paths"])[:3]
    ('3.1.0', ['/healthz', '/readyz', '/v1/check'])
    """
    schemas: dict[str, Any] = {}
    schemas["Report"] = lift(report_json_schema(registry.layouts().values()), "Report_", schemas)
    schemas["Findings"] = lift(findings_json_schema(), "Findings_", schemas)
    schemas.update(Problem=PROBLEM, Rule=RULE, Text=TEXT, RuleExample=EXAMPLE, RuleDetail=RULE_DETAIL)
    schemas.update(Plugins=PLUGINS, Status=STATUS)
    report_example, findings_example = _examples()
    renderers = sorted(registry.renderers())
    binary = {"type": "string", "contentMediaType": "application/octet-stream"}
    file_response = {
        "200": {
            "description": "the rendering, with a Content-Disposition file name",
            "content": {"*/*": {"schema": binary}},
        }
    }

    def get(summary: str, schema: str, *errors: str) -> dict[str, Any]:
        ok = {
            "description": summary,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
        return {"get": {"summary": summary, "responses": {"200": ok, **_problems(*errors)}}}

    paths: dict[str, Any] = {
        "/healthz": {
            "get": {
                "summary": "the process answers",
                "security": [],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}},
                    }
                },
            }
        },
        "/readyz": {
            "get": {
                "summary": "plugins loaded and parse workers running",
                "security": [],
                "responses": {
                    "200": {
                        "description": "ready",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}},
                    },
                    "503": {"description": "starting"},
                },
            }
        },
        "/v1/check": {
            "post": {
                "summary": "check a report: the findings document of `disclosure check --format json`",
                "parameters": [
                    _parameter(
                        "lang",
                        "accepted as by `disclosure check`; findings/1 carries both languages",
                        {"enum": ["zh", "en"]},
                    ),
                    _parameter("blank_as_zero", "read blank cells as 0", {"type": "boolean"}),
                    _parameter("disable", "switch off a rule (or one instance) by id", {"type": "string"}, many=True),
                    *HINTS,
                ],
                "requestBody": _upload_body(
                    "a canonical JSON report, or any supported file (form part `report`, and `previous` for last year's)"
                ),
                "responses": {
                    "200": {
                        "description": "the findings",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Findings"},
                                "examples": {"daixian-2020": {"$ref": "#/components/examples/DaixianFindings"}},
                            }
                        },
                    },
                    **_problems("400", "401", "413", "415", "422", "504"),
                },
            }
        },
        "/v1/render": {
            "post": {
                "summary": "render a report",
                "parameters": [
                    _parameter("to", "renderer", {"enum": renderers}),
                    _parameter("with_findings", "mark the findings on the rendering", {"type": "boolean"}),
                    _parameter("lang", "language of the findings", {"enum": ["zh", "en"]}),
                    *HINTS,
                ],
                "requestBody": _upload_body("the report to render"),
                "responses": {**file_response, **_problems("400", "401", "413", "415", "422", "504")},
            }
        },
        "/v1/convert": {
            "post": {
                "summary": "read any supported file and write it as `to` (canonical JSON by default)",
                "parameters": [_parameter("to", "renderer", {"enum": renderers}), *HINTS],
                "requestBody": _upload_body("the file to convert"),
                "responses": {**file_response, **_problems("400", "401", "413", "415", "422", "504")},
            }
        },
        "/v1/new": {
            "post": {
                "summary": "a blank report (a fill-in workbook by default) for a body and year",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["year", "body", "level"],
                                "properties": {
                                    "year": {"type": "integer"},
                                    "body": {"type": "string"},
                                    "level": {"type": "string"},
                                    "region": {"type": "string"},
                                    "format": {"enum": sorted(registry.layouts())},
                                    "to": {"enum": renderers},
                                },
                            },
                            "example": {
                                "year": 2025,
                                "body": "代县人民政府",
                                "level": "county",
                                "region": "山西省忻州市代县",
                            },
                        }
                    },
                },
                "responses": {**file_response, **_problems("400", "401", "413")},
            }
        },
        "/v1/rules": get("the rules, shipped and from plugins", "RuleList", "400", "401"),
        "/v1/rules/{rule_id}": {
            "get": {
                "summary": "one rule with its basis and a passing and a failing example",
                "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "the rule",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleDetail"}}},
                    },
                    "404": {
                        "description": "no such rule",
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    },
                    **_problems("401"),
                },
            }
        },
        "/v1/schema/report": {
            "get": {
                "summary": "JSON Schema of canonical report JSON",
                "responses": {
                    "200": {
                        "description": "a JSON Schema (draft 2020-12)",
                        "content": {"application/schema+json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/v1/schema/findings": {
            "get": {
                "summary": "JSON Schema of the findings document",
                "responses": {
                    "200": {
                        "description": "a JSON Schema (draft 2020-12)",
                        "content": {"application/schema+json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/v1/plugins": get("plugins and what they provide", "Plugins", "401"),
    }
    paths["/v1/rules"]["get"]["parameters"] = [
        _parameter("format", "only the rules of this format version", {"type": "string"})
    ]
    schemas["RuleList"] = {
        "type": "object",
        "required": ["rules"],
        "properties": {"rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "disclosure-core service",
            "version": version("disclosure-service"),
            "summary": "check, render and convert 政府信息公开工作年度报告",
            "description": "Errors are RFC 9457 problem documents (application/problem+json).",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "examples": {
                "DaixianReport": {"summary": "代县人民政府 2020", "value": report_example},
                "DaixianFindings": {"summary": "its findings", "value": findings_example},
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "only when the service is started with DISCLOSURE_TOKEN",
                }
            },
        },
        "security": [{"bearer": []}],
    }
