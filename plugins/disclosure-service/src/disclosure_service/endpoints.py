"""The handlers of ``/v1``: each reads its request, calls the library, and answers with bytes or JSON."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from disclosure_core import (
    Body,
    BodyLevel,
    Findings,
    Report,
    UsageError,
    dump_findings,
    findings_json_schema,
    report_json_schema,
    rule_examples,
)
from disclosure_core.catalogue import choices
from disclosure_service.inputs import read_body, uploads
from disclosure_service.options import CheckOptions, choice, flag, hints
from disclosure_service.problems import Problem
from disclosure_service.service import Service

MEDIA_TYPES = {
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}
"""Media type of a rendering, by its renderer's file suffix."""

FINDINGS_JSON = "application/json"


async def healthz(service: Service, request: Request) -> Response:
    """The process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(service: Service, request: Request) -> Response:
    """Plugins loaded, rules compiled and parse workers running: 200; otherwise 503."""
    if not service.ready:
        return JSONResponse({"status": "starting"}, status_code=503)
    return JSONResponse({"status": "ready", "parse_workers": service.settings.parse_workers})


async def check(service: Service, request: Request) -> Response:
    """``disclosure check``: the findings document, the same bytes as ``--format json`` for the same input."""
    options = CheckOptions.from_query(request.query_params)
    files = await uploads(request, service.settings.max_body_bytes)
    if "report" not in files:
        raise UsageError.keyed("service.no_report_part")
    report = (await service.read(files["report"], source=options.source, hints=options.hints)).report
    previous = (await service.read(files["previous"])).report if "previous" in files else None
    registry = service.registry

    def run() -> bytes:
        findings: Findings = registry.check(
            report, previous=previous, blank_as_zero=options.blank_as_zero, disabled=options.disabled
        )
        layout = registry.layout(report.format)
        return dump_findings(
            report, findings, blank_as_zero=options.blank_as_zero, previous=previous is not None, layout=layout
        )

    return Response(await run_in_threadpool(run), media_type=FINDINGS_JSON)


async def render(service: Service, request: Request) -> Response:
    """``disclosure render``: the report as ``?to=`` (html, docx, xlsx, json, …), optionally with findings."""
    params = request.query_params
    to = params.get("to", "html")
    renderer = service.registry.renderer(to)  # a UsageError listing the renderers when unknown
    with_findings = flag(params, "with_findings")
    lang = choice(params, "lang", ("zh", "en"), "zh")
    files = await uploads(request, service.settings.max_body_bytes)
    if "report" not in files:
        raise UsageError.keyed("service.no_report_part")
    report = (await service.read(files["report"], source=params.get("from"), hints=hints(params))).report

    def run() -> bytes:
        findings = service.registry.check(report) if with_findings else None
        return service.registry.render(report, to, findings=findings, lang=lang)

    return _file(await run_in_threadpool(run), report, renderer.suffix)


async def convert(service: Service, request: Request) -> Response:
    """``disclosure convert``: any source in, ``?to=`` out (canonical JSON by default)."""
    params = request.query_params
    to = params.get("to", "json")
    renderer = service.registry.renderer(to)
    files = await uploads(request, service.settings.max_body_bytes)
    if "report" not in files:
        raise UsageError.keyed("service.no_report_part")
    report = (await service.read(files["report"], source=params.get("from"), hints=hints(params))).report
    data = await run_in_threadpool(service.registry.render, report, to)
    return _file(data, report, renderer.suffix)


async def new(service: Service, request: Request) -> Response:
    """``disclosure new``: a blank report for a body and year (a workbook unless ``to`` says otherwise).

    The body is JSON: ``{"year": 2025, "body": "某县人民政府", "level": "county", "region": …, "format": …}``.
    """
    raw = await read_body(request, service.settings.max_body_bytes)
    try:
        given = json.loads(raw or b"{}")
    except (ValueError, RecursionError) as exc:
        raise UsageError.keyed("service.body_not_json", reason=exc) from None
    if not isinstance(given, dict):
        raise UsageError.keyed("service.body_object")
    year, name, level = given.get("year"), given.get("body"), given.get("level")
    if not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999:
        raise UsageError.keyed("service.year", field="$.year")
    if not isinstance(name, str) or not name.strip():
        raise UsageError.keyed("service.body_name", field="$.body")
    if level not in {lv.value for lv in BodyLevel}:
        raise UsageError.keyed("service.one_of", field="$.level", allowed=choices(lv.value for lv in BodyLevel))
    region = given.get("region")
    if region is not None and not isinstance(region, str):
        raise UsageError.keyed("service.string", field="$.region")
    registry = service.registry
    format_id = given.get("format")
    if format_id is None:
        format_id = registry.layout_for_year(year).id
    elif not isinstance(format_id, str):
        raise UsageError.keyed("service.format_id", field="$.format")
    else:
        registry.layout(format_id)
    to = given.get("to", "xlsx")
    if not isinstance(to, str):
        raise UsageError.keyed("service.renderer_name", field="$.to")
    renderer = registry.renderer(to)
    report = Report(format_id, year, Body(name, BodyLevel(level), region))
    return _file(await run_in_threadpool(registry.render, report, to), report, renderer.suffix)


async def rules(service: Service, request: Request) -> Response:
    """The rules (shipped and from plugins), optionally only those for ``?format=``."""
    format_id = request.query_params.get("format")
    if format_id is not None:
        service.registry.layout(format_id)
    listed = [
        _rule(rule)
        for rule in service.registry.rule_set().rules
        if not (format_id and rule.applies.formats and format_id not in rule.applies.formats)
    ]
    return JSONResponse({"rules": listed})


async def rule(service: Service, request: Request) -> Response:
    """One rule, with its basis and a passing and a failing example."""
    rule_id = request.path_params["rule_id"]
    try:
        found = service.registry.rule_set().rule(rule_id)
    except KeyError:
        raise Problem.keyed(404, "not-found", "service.no_rule", rule=repr(rule_id)) from None
    examples = await run_in_threadpool(rule_examples, found, service.registry.layouts())
    data = _rule(found)
    data["examples"] = {
        label: {
            "instance": example.instance,
            "outcome": example.finding.outcome.value,
            "message": {"zh": example.finding.message.zh, "en": example.finding.message.en},
        }
        for label, example in examples.items()
    }
    return JSONResponse(data)


async def report_schema(service: Service, request: Request) -> Response:
    """The JSON Schema of canonical report JSON for the registered format versions."""
    return JSONResponse(report_json_schema(service.registry.layouts().values()))


async def findings_schema(service: Service, request: Request) -> Response:
    """The JSON Schema of the findings document."""
    return JSONResponse(findings_json_schema())


async def plugins(service: Service, request: Request) -> Response:
    """The plugins, and the layouts, sources and renderers they provide."""
    return JSONResponse(service.registry.describe())


def _rule(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "severity": rule.severity.value,
        "title": {"zh": rule.title.zh, "en": rule.title.en},
        "basis": rule.basis,
        "formats": list(rule.applies.formats),
        "origin": rule.origin,
    }


def _file(data: bytes, report: Report, suffix: str) -> Response:
    """A rendering as a download named after the body and year (RFC 6266, UTF-8 name for Chinese)."""
    name = f"{report.body.name}-{report.year}{suffix}"
    ascii_name = f"report-{report.year}{suffix}"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    media = MEDIA_TYPES.get(suffix, "application/octet-stream")
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})
