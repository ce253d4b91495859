"""A real `disclosure serve` (uvicorn, two processes) on 127.0.0.1, and the Java client example against it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from disclosure_core.testing.data import daixian_json

JAVA_CLIENT = Path(__file__).resolve().parent.parent / "clients" / "CheckClient.java"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    port = free_port()
    disclosure = Path(sys.executable).parent / "disclosure"
    env = {**os.environ, "DISCLOSURE_TOKEN": "s3cret", "DISCLOSURE_PARSE_WORKERS": "1"}
    server = subprocess.Popen(
        [str(disclosure), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode() if server.stdout else ""
                pytest.fail(f"disclosure serve did not become ready:\n{output}")
            time.sleep(0.3)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:  # it did not stop on SIGTERM: take its worker processes down too
                os.killpg(server.pid, signal.SIGKILL)


def test_a_real_server_checks_with_the_token(served: str) -> None:
    headers = {"authorization": "Bearer s3cret", "content-type": "application/json"}
    answered = httpx.post(f"{served}/v1/check", content=daixian_json(), headers=headers, timeout=60)
    assert answered.status_code == 200
    assert answered.json()["report"]["body"] == "代县人民政府"
    refused = httpx.post(f"{served}/v1/check", content=daixian_json(), timeout=60)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"


def test_both_server_processes_answer_many_requests(served: str) -> None:
    headers = {"authorization": "Bearer s3cret"}
    with httpx.Client(base_url=served, headers=headers, timeout=60) as client:
        statuses = {client.get("/v1/rules").status_code for _ in range(20)}
    assert statuses == {200}


@pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK on this machine: the Java example is not compiled")
def test_the_java_client_example_gets_the_findings(served: str, tmp_path: Path) -> None:
    subprocess.run(["javac", "-d", str(tmp_path), str(JAVA_CLIENT)], check=True, timeout=180)
    report = tmp_path / "daixian-2020.json"
    report.write_bytes(daixian_json())
    ran = subprocess.run(
        ["java", "-cp", str(tmp_path), "CheckClient", served, str(report)],
        env={**os.environ, "DISCLOSURE_TOKEN": "s3cret"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert "HTTP 200" in ran.stdout
    assert '"body": "代县人民政府"' in ran.stdout
