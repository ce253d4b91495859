"""Problem documents in the request's language: ``?lang=`` or ``Accept-Language`` choose zh or en for
``title`` and ``detail``; ``key`` names the catalogue message whatever the language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from disclosure_service import Settings, create_app
from disclosure_service.testing import InProcessClient

from disclosure_core.catalogue import entry
from disclosure_core.testing.data import daixian_json, published_reports
from disclosure_core.testing.language import chinese_runs, english_words

HOSTILE = published_reports().parent / "hostile"
JSON = {"content-type": "application/json"}
ZH = {"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}

Request = Callable[[InProcessClient, dict[str, str], str], Any]


def _upload(name: str) -> Request:
    def send(client: InProcessClient, headers: dict[str, str], query: str) -> Any:
        files = {"report": (name, (HOSTILE / name).read_bytes(), "application/octet-stream")}
        return client.post(f"/v1/check{query}", files=files, headers=headers)

    return send


def _post(path: str, body: bytes, content_type: str = "application/json") -> Request:
    def send(client: InProcessClient, headers: dict[str, str], query: str) -> Any:
        joined = f"{path}{'&' if '?' in path else '?'}{query[1:]}" if query else path
        return client.post(joined, content=body, headers={"content-type": content_type, **headers})

    return send


def _get(path: str) -> Request:
    return lambda client, headers, query: client.get(f"{path}{query}", headers=headers)


REQUESTS: dict[str, Request] = {
    "malformed json": _post("/v1/check", b'{"schema": '),
    "4301 digits": _upload("C1-json-4301-digits.json"),
    "docx custom malformed": _upload("C2-docx-custom-malformed.docx"),
    "zip version 9.8": _upload("C4-zip-version-98.xlsx"),
    "unknown kind of file": _post("/v1/check?filename=notes.bin", b"\x00\x01 nothing", "application/octet-stream"),
    "no such rule to disable": _post("/v1/check?disable=nope", daixian_json()),
    "not a flag": _post("/v1/check?blank_as_zero=maybe", daixian_json()),
    "unknown renderer": _post("/v1/render?to=odt", daixian_json()),
    "empty body": _post("/v1/check", b""),
    "new without a year": _post("/v1/new", b'{"year": "soon"}'),
    "new with a bad level": _post("/v1/new", '{"year": 2025, "body": "某县", "level": "village"}'.encode()),
    "multipart without boundary": _post("/v1/check", b"x", "multipart/form-data"),
    "no such rule": _get("/v1/rules/no.such"),
    "no such path": _get("/v2/nothing"),
    "unknown format filter": _get("/v1/rules?format=gov-2099"),
}


@pytest.fixture(scope="module")
def client() -> Iterator[InProcessClient]:
    with InProcessClient(create_app(Settings(parse_workers=1))) as in_process:
        yield in_process


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_a_chinese_request_gets_a_chinese_problem_with_its_key(client: InProcessClient, name: str) -> None:
    response = REQUESTS[name](client, ZH, "")
    assert 400 <= response.status_code < 500, response.text
    document = response.json()
    assert entry(document["key"]).zh, document  # a key of the catalogue (UnknownMessage otherwise)
    for field in ("title", "detail"):
        assert english_words(str(document[field])) == set(), (field, document)
    english = REQUESTS[name](client, {}, "?lang=en").json()
    assert english["key"] == document["key"]
    assert english["type"] == document["type"]
    assert english["detail"] != document["detail"]
    assert chinese_runs(english["title"]) == []
    assert chinese_runs(english["detail"], allowed=["某县"]) == [], english


def test_lang_in_the_query_wins_over_accept_language(client: InProcessClient) -> None:
    chinese = client.get("/v1/rules/no.such?lang=zh", headers={"accept-language": "en"}).json()
    assert chinese["detail"] == "没有规则 'no.such'（见 `/v1/rules`）"
    assert chinese["title"] == "没有这个资源"
    english = client.get("/v1/rules/no.such").json()  # a program that asks for nothing reads English
    assert english["detail"] == "no rule 'no.such' (see /v1/rules)"
