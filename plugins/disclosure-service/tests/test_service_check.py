"""POST /v1/check answers what `disclosure check --format json` prints, byte for byte, for every kind of input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from disclosure_service import Settings, create_app
from disclosure_service.testing import InProcessClient

from disclosure_core.cli import main
from disclosure_core.testing.data import daixian_json, published_reports

REPORTS = published_reports()


@pytest.fixture(scope="module")
def client() -> Iterator[InProcessClient]:
    """One app per test module (starting a parse worker costs about a second)."""
    with InProcessClient(create_app(Settings(parse_workers=1))) as in_process:
        yield in_process


def cli_json(path: Path, *args: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """What the CLI writes for ``path``, run from its folder so the file is named as the upload is."""
    out = tmp_path / "findings.json"
    monkeypatch.chdir(path.parent)
    assert main(["check", path.name, "--format", "json", "-o", str(out), *args]) in {0, 1, 3}
    return out.read_bytes()


def test_a_json_report_gets_the_cli_findings_byte_for_byte(
    client: InProcessClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.json"
    report.write_bytes(daixian_json())
    expected = cli_json(report, tmp_path=tmp_path, monkeypatch=monkeypatch)
    response = client.post("/v1/check", content=daixian_json(), headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == expected
    summary = response.json()["summary"]
    assert summary["fail"] == json.loads(expected)["summary"]["fail"] >= 3


def test_options_travel_as_in_the_cli(client: InProcessClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "report.json"
    report.write_bytes(daixian_json())
    expected = cli_json(
        report, "--blank-as-zero", "--disable", "requests.balance", tmp_path=tmp_path, monkeypatch=monkeypatch
    )
    response = client.post(
        "/v1/check?blank_as_zero=true&disable=requests.balance",
        content=daixian_json(),
        headers={"content-type": "application/json"},
    )
    assert response.content == expected
    assert response.json()["options"]["blank_as_zero"] is True
    assert all(f["base"] != "requests.balance" for f in response.json()["findings"])


def test_a_published_text_upload_is_read_by_a_worker_and_checked(
    client: InProcessClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = REPORTS / "daixian-2020.txt"
    expected = cli_json(text, tmp_path=tmp_path, monkeypatch=monkeypatch)
    files = {"report": ("daixian-2020.txt", text.read_bytes(), "text/plain")}
    response = client.post("/v1/check", files=files)
    assert response.status_code == 200, response.text
    assert response.content == expected
    assert response.json()["report"]["body"] == "代县人民政府"


def test_a_previous_report_is_a_second_form_part(client: InProcessClient) -> None:
    previous = json.loads(daixian_json())
    previous["year"] = 2019
    previous["format"] = "gov-2019"
    files = {
        "report": ("daixian-2020.json", daixian_json(), "application/json"),
        "previous": ("daixian-2019.json", json.dumps(previous).encode(), "application/json"),
    }
    response = client.post("/v1/check", files=files)
    # A 2020 report against a 2019 one in the old format: whatever the findings, the option is recorded.
    assert response.status_code in {200, 422}, response.text
    if response.status_code == 200:
        assert response.json()["options"]["previous"] is True


def test_a_body_without_a_content_type_is_read_by_its_content(client: InProcessClient) -> None:
    """``curl --data-binary @report.txt`` sends no type: the body is neither refused as malformed JSON (as when it
    was named ``report.json``) nor read differently from the same body named by ``?filename=``."""
    text = (REPORTS / "shanghai-gov-office-2019.txt").read_bytes()
    for body, named in ((text, "report.txt"), (daixian_json(), "report.json")):
        untyped = client.post("/v1/check", content=body)
        assert untyped.status_code == 200, untyped.text
        named_response = client.post(f"/v1/check?filename={named}", content=body).json()
        for part in ("report", "summary"):  # the findings differ only in the file name their cells' places give
            assert untyped.json()[part] == named_response[part]
