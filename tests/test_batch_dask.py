"""`disclosure batch --executor`: a local Dask cluster, or a Dask scheduler by address, gives the results a
process pool gives, byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics
WriteReports = Callable[..., list[Path]]


def results(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in {".json", ".csv"}}


@pytest.fixture
def inbox(write_reports: WriteReports, tmp_path: Path) -> Path:
    write_reports(tmp_path / "inbox", 40)
    return tmp_path / "inbox"


def test_dask_local_gives_what_the_process_pool_gives(inbox: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="Dask is the optional 'dask' extra")
    assert main(["batch", str(inbox), "-o", str(tmp_path / "pool"), "-j", "2"]) == 1
    assert main(["batch", str(inbox), "-o", str(tmp_path / "dask"), "-j", "2", "--executor", "dask-local"]) == 1
    assert results(tmp_path / "dask") == results(tmp_path / "pool")
    assert len(list((tmp_path / "dask").glob("*.findings.json"))) == 40


def test_a_dask_scheduler_by_address(inbox: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is the optional 'dask' extra")
    assert main(["batch", str(inbox), "-o", str(tmp_path / "pool")]) == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        assert main(["batch", str(inbox), "-o", str(tmp_path / "remote"), "--executor", address]) == 1
    assert results(tmp_path / "remote") == results(tmp_path / "pool")


def test_an_unknown_executor_is_a_usage_error(inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(inbox), "-o", str(tmp_path / "out"), "--executor", "threads"]) == 2
    assert capsys.readouterr().err == (
        "error: --executor threads: expected process, dask-local or a scheduler address tcp://host:port\n"
    )
