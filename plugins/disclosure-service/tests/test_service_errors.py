"""Hostile and wrong requests end as RFC 9457 problem documents with the CLI's one line, and the service lives on."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from disclosure_service import Settings, create_app
from disclosure_service.pool import ParsePool
from disclosure_service.problems import Problem
from disclosure_service.testing import InProcessClient, allocate, echo, slow_registry

from disclosure_core import LoadError
from disclosure_core.testing.data import daixian_json, published_reports

HOSTILE = published_reports().parent / "hostile"
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client() -> Iterator[InProcessClient]:
    """One app per test module (starting a parse worker costs about a second)."""
    with InProcessClient(create_app(Settings(parse_workers=1))) as in_process:
        yield in_process


def problem(response: object, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == "application/problem+json"  # type: ignore[attr-defined]
    document: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert document["status"] == status
    assert "Traceback" not in response.text  # type: ignore[attr-defined]
    assert 'File "' not in response.text  # type: ignore[attr-defined]
    assert "\n" not in str(document["detail"])
    return document


def test_malformed_json_is_422_naming_the_file_and_place(client: InProcessClient) -> None:
    document = problem(client.post("/v1/check", content=b'{"schema": ', headers=JSON), 422)
    assert str(document["detail"]).startswith("report.json: ")
    assert document["file"] == "report.json"
    assert document["type"] == "https://disclosure-core.example/problems/not-readable"


@pytest.mark.parametrize(
    "name",
    [
        "C1-json-4301-digits.json",
        "C2-docx-custom-malformed.docx",
        "C3-docx-main-part-not-document.docx",
        "C4-zip-version-98.xlsx",
    ],
)
def test_hostile_uploads_are_422_and_the_next_request_is_served(client: InProcessClient, name: str) -> None:
    files = {"report": (name, (HOSTILE / name).read_bytes(), "application/octet-stream")}
    document = problem(client.post("/v1/check", files=files), 422)
    assert str(document["detail"]).startswith(f"{name}: ")
    assert client.post("/v1/check", content=daixian_json(), headers=JSON).status_code == 200


def test_an_unknown_kind_of_file_is_415(client: InProcessClient) -> None:
    files = {"report": ("notes.bin", b"\x00\x01 nothing we read", "application/octet-stream")}
    document = problem(client.post("/v1/check", files=files), 415)
    assert "no source reads this kind of file" in str(document["detail"])


def test_wrong_parameters_are_400(client: InProcessClient) -> None:
    assert "no such rule" in str(
        problem(client.post("/v1/check?disable=nope", content=daixian_json(), headers=JSON), 400)["detail"]
    )
    assert "give true or false" in str(
        problem(client.post("/v1/check?blank_as_zero=maybe", content=daixian_json(), headers=JSON), 400)["detail"]
    )
    assert "unknown renderer" in str(
        problem(client.post("/v1/render?to=odt", content=daixian_json(), headers=JSON), 400)["detail"]
    )
    problem(client.post("/v1/check", content=b"", headers=JSON), 400)
    problem(client.post("/v1/new", content=b'{"year": "soon"}', headers=JSON), 400)


def test_unknown_paths_and_methods_are_problems_too(client: InProcessClient) -> None:
    problem(client.get("/v2/check"), 404)
    problem(client.get("/v1/check"), 405)
    problem(client.get("/v1/rules/no.such.rule"), 404)


def test_a_body_over_the_limit_is_413_before_it_is_read() -> None:
    with InProcessClient(create_app(Settings(parse_workers=1, max_body_bytes=1000))) as small:
        document = problem(small.post("/v1/check", content=daixian_json(), headers=JSON), 413)
        assert "larger than" in str(document["detail"])
        assert small.get("/healthz").status_code == 200


@pytest.fixture(scope="module")
def slow_client() -> Iterator[InProcessClient]:
    with InProcessClient(create_app(Settings(parse_workers=1, parse_timeout=1.0), registry=slow_registry)) as c:
        yield c


def test_an_upload_that_takes_too_long_is_504_and_its_worker_replaced(slow_client: InProcessClient) -> None:
    files = {"report": ("forever.slow", b"60\n", "application/octet-stream")}
    document = problem(slow_client.post("/v1/check", files=files), 504)
    assert "longer than 1 s" in str(document["detail"])
    # The killed worker's replacement reads the next upload; JSON was never blocked.
    quick = {"report": ("quick.slow", b"0\n", "application/octet-stream")}
    assert "slept, and read nothing" in str(problem(slow_client.post("/v1/check", files=quick), 422)["detail"])
    assert slow_client.post("/v1/check", content=daixian_json(), headers=JSON).status_code == 200


def test_the_bearer_token_guards_v1_but_not_the_probes() -> None:
    with InProcessClient(create_app(Settings(parse_workers=1, token="s3cret"))) as guarded:
        assert problem(guarded.get("/v1/rules"), 401)["type"] == "https://disclosure-core.example/problems/unauthorized"
        assert guarded.get("/v1/rules").headers["www-authenticate"] == "Bearer"
        problem(guarded.get("/v1/rules", headers={"authorization": "Bearer s3cre"}), 401)
        assert guarded.get("/v1/rules", headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert guarded.get("/healthz").status_code == 200
        assert guarded.get("/openapi.json").status_code == 200


def test_cors_is_off_unless_an_origin_is_given() -> None:
    preflight = {"origin": "https://oa.example.gov.cn", "access-control-request-method": "POST"}
    with InProcessClient(create_app(Settings(parse_workers=1))) as plain:
        assert "access-control-allow-origin" not in plain.request("OPTIONS", "/v1/check", headers=preflight).headers
    with InProcessClient(create_app(Settings(parse_workers=1, cors_origins=("https://oa.example.gov.cn",)))) as cors:
        allowed = cors.request("OPTIONS", "/v1/check", headers=preflight).headers
        assert allowed["access-control-allow-origin"] == "https://oa.example.gov.cn"


def test_the_access_log_never_records_report_contents(
    client: InProcessClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="disclosure_service.access")
    client.post("/v1/check?body=代县人民政府", content=daixian_json(), headers=JSON)
    lines = [r.getMessage() for r in caplog.records if r.name == "disclosure_service.access"]
    assert any('"POST /v1/check" 200' in line for line in lines)
    assert not any("代县" in line or "body=" in line for line in lines)


def test_a_worker_that_dies_costs_one_request() -> None:
    async def run() -> None:
        pool = ParsePool(workers=1, timeout=30, memory_bytes=1024 * 1024 * 1024)
        try:
            with pytest.raises(LoadError, match=r"ran out of memory"):
                await pool.run(allocate, 8 * 1024 * 1024 * 1024)
            assert await pool.run(echo, "next") == "next"
        finally:
            pool.close()

    asyncio.run(run())


def test_problem_documents_name_the_file_only_when_the_message_does() -> None:
    assert "file" not in Problem(400, "usage", "?lang=fr: give one of zh, en").document()
