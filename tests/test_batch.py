"""Batch checking: in process, on a process pool and on a Dask cluster, with failures kept per input."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from disclosure_core import Body, Report, dumps
from disclosure_core.batch import BatchResult, CheckOptions, check_many, check_one
from disclosure_core.findings import Outcome

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "gov-2019", "year": "2020"}', encoding="utf-8")
    other = tmp_path / "other.json"
    report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.upheld": 1})
    other.write_text(dumps(report), encoding="utf-8")
    return [str(EXAMPLE), str(broken), str(other), str(tmp_path / "missing.json")]


def summary(results: list[BatchResult]) -> dict[str, tuple[str | None, int]]:
    return {Path(r.input).name: (r.error and r.error.split(": ", 1)[1], len(list(r.findings or ()))) for r in results}


def test_in_process_results_come_in_input_order_and_failures_do_not_stop_the_batch(inputs: list[str]) -> None:
    results = list(check_many(inputs))
    assert [Path(r.input).name for r in results] == ["daixian-2020.json", "broken.json", "other.json", "missing.json"]
    assert [r.ok for r in results] == [True, False, True, False]
    assert results[1].error == f'{inputs[1]}: $.year: expected an integer, got "2020"'
    assert results[3].error is not None
    assert "cannot read" in results[3].error
    daixian = results[0].findings
    assert daixian is not None
    assert daixian.by_outcome()[Outcome.FAIL] > 0
    assert results[0].body == "代县人民政府"  # the report itself no longer travels back (issue 13)


def test_a_process_pool_gives_the_same_results(inputs: list[str]) -> None:
    expected = summary(list(check_many(inputs)))
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert summary(list(check_many(inputs, executor=pool, chunk=1, window=2))) == expected


def test_a_dask_cluster_gives_the_same_results(inputs: list[str]) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is the optional 'dask' extra")
    expected = summary(list(check_many(inputs)))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert summary(list(check_many(inputs, executor=client.get_executor()))) == expected


def test_reports_can_be_checked_without_files() -> None:
    report = Report("gov-2021", 2025, Body("某县人民政府", "county"))
    result = check_one(report, CheckOptions(disabled=("sections.present",)))
    assert result.ok
    assert result.input == "某县人民政府 2025"


def test_what_travels_back_is_compact_counts_and_non_pass_findings_never_the_report() -> None:
    import pickle

    from disclosure_core import check, load
    from disclosure_core.batch import FindingRecord

    result = check_one(str(EXAMPLE))
    travelled = pickle.dumps(result)
    assert b"disclosure_core.model" not in travelled  # no Report, Body or Tables inside
    assert b"CellUse" not in travelled
    assert b"Message" not in travelled
    full = check(load(EXAMPLE).report)
    assert result.findings is not None
    assert result.findings.by_outcome() == +full.by_outcome()
    assert [f.rule for f in result.findings] == [f.rule for f in full]
    within = next(f for f in result.findings if f.rule == "proactive.published_within_total.normative_documents")
    assert within == FindingRecord(
        "proactive.published_within_total.normative_documents",
        "proactive.published_within_total",
        Outcome.FAIL,
        within.severity,
        "proactive",
        ("proactive.normative_documents.published", "proactive.normative_documents.total_published"),
        18,
        12,
        6,
        within.culprits,
        False,
    )
    assert pickle.loads(travelled) == result
