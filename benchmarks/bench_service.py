"""Load test of disclosure-service on loopback: `POST /v1/check` of the Dai County JSON report at 1, 4 and 16
concurrent clients against `disclosure serve --workers 2`; the same at 16 while one more client keeps sending a
hostile upload; and the service's memory before and after many requests. Bounded in count and time.

    .venv/bin/python benchmarks/bench_service.py [REQUESTS_PER_LEVEL] [MEMORY_REQUESTS]

The reference is the same work done in one process without HTTP (read the JSON, check, write the findings
document): what `check_many` does per report in process. The clients run on the same two cores as the server
(httpx, asyncio), so their CPU is part of what is measured: the ratio is a floor for a separate client machine.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from disclosure_core import Registry, dump_findings
from disclosure_core.testing.data import daixian_json, published_reports

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = published_reports().parent / "hostile" / "H3-pdf-200-pages-33KB.pdf"
LEVELS = (1, 4, 16)
TIME_CAP = 120.0  # seconds per phase at most, whatever the request count


def in_process_rate(seconds: float = 5.0) -> float:
    """Reports per second for load + check + findings document in one process (the reference)."""
    registry = Registry()
    data = daixian_json()
    registry.check(registry.load_bytes(data, origin="r.json").report)
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        report = registry.load_bytes(data, origin="r.json").report
        dump_findings(report, registry.check(report), layout=registry.layout(report.format))
        done += 1
    return done / (time.perf_counter() - started)


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DISCLOSURE_PARSE_WORKERS": "1", "DISCLOSURE_PARSE_TIMEOUT": "5"}
    disclosure = Path(sys.executable).parent / "disclosure"
    server = subprocess.Popen(
        [str(disclosure), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("the server did not become ready")


def service_rss(server: subprocess.Popen[bytes]) -> int:
    """Resident memory of the server and all its descendants (uvicorn workers, parse workers), in bytes."""
    pids = [server.pid]
    total = 0
    while pids:
        pid = pids.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
        pids.extend(int(child) for child in children)
    return total


async def clients(base: str, concurrency: int, requests: int) -> tuple[float, list[float]]:
    """``requests`` checks from ``concurrency`` clients: (requests per second, latencies in seconds)."""
    body, headers = daixian_json(), {"content-type": "application/json"}
    latencies: list[float] = []
    remaining = requests
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_connections=concurrency)) as c:

        async def one_client() -> None:
            nonlocal remaining
            while remaining > 0 and time.perf_counter() - started < TIME_CAP:
                remaining -= 1
                sent = time.perf_counter()
                response = await c.post("/v1/check", content=body, headers=headers)
                latencies.append(time.perf_counter() - sent)
                assert response.status_code == 200, response.text

        await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return len(latencies) / (time.perf_counter() - started), latencies


async def with_hostile(base: str, concurrency: int, requests: int) -> tuple[float, list[float], int]:
    """The same, while one more client keeps uploading the hostile 200-page PDF."""
    stop = asyncio.Event()
    hostile_sent = 0

    async def hostile() -> None:
        nonlocal hostile_sent
        async with httpx.AsyncClient(base_url=base, timeout=120) as c:
            while not stop.is_set():
                files = {"report": (HOSTILE.name, HOSTILE.read_bytes(), "application/pdf")}
                response = await c.post("/v1/check", files=files)
                assert response.status_code in {422, 504}, response.text
                hostile_sent += 1

    task = asyncio.create_task(hostile())
    await asyncio.sleep(1.0)  # the upload is being read when the measured clients start
    rate, latencies = await clients(base, concurrency, requests)
    stop.set()
    await task
    return rate, latencies, hostile_sent


def p(latencies: list[float], q: float) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    per_level = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    memory_requests = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    reference = in_process_rate()
    print(f"reference: load + check + findings in one process: {reference:.0f} reports/s")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        asyncio.run(clients(base, 4, 200))  # warm-up: plugins imported, rules compiled in both workers
        rss_start = service_rss(server)
        quiet_p99 = 0.0
        for level in LEVELS:
            rate, latencies = asyncio.run(clients(base, level, per_level))
            print(
                f"{level:>2} clients: {rate:6.0f} req/s  p50 {p(latencies, 0.5):6.1f} ms  p99 {p(latencies, 0.99):6.1f} ms"
                f"  ({len(latencies)} requests; {rate / reference:.0%} of the in-process reference)"
            )
            quiet_p99 = p(latencies, 0.99)
        if HOSTILE.is_file():
            rate, latencies, sent = asyncio.run(with_hostile(base, LEVELS[-1], per_level))
            hostile_p99 = p(latencies, 0.99)
            print(
                f"16 clients + hostile PDF uploads ({sent} sent): {rate:6.0f} req/s  p50 {p(latencies, 0.5):6.1f} ms"
                f"  p99 {hostile_p99:6.1f} ms  (p99 {hostile_p99 / quiet_p99:.2f}x the quiet figure)"
            )
        done = 0
        memory_started = time.perf_counter()
        while done < memory_requests and time.perf_counter() - memory_started < 10 * TIME_CAP:
            batch = min(5000, memory_requests - done)
            _, latencies = asyncio.run(clients(base, 16, batch))
            done += len(latencies)
            print(f"  after {done:>6} more requests: {service_rss(server) / 2**20:.0f} MB", flush=True)
        rss_end = service_rss(server)
        print(
            f"memory of the service (all processes): {rss_start / 2**20:.0f} MB after warm-up, "
            f"{rss_end / 2**20:.0f} MB after {done} more requests"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
