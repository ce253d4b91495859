"""Result files of `disclosure batch`, written by the workers: the names they get (as before, without resolving
every path), the same bytes on one worker or two, inputs that share a result name, text UTF-8 cannot hold, and a
symlink planted under a result's name."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core._batch_names import ResultNames, result_name
from disclosure_core._batch_output import JOURNAL
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics
WriteReports = Callable[..., list[Path]]
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"


def results(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name not in {JOURNAL, "batch.lock"}}


def test_result_names_are_those_of_result_name_for_files_links_and_linked_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    for name in ("a.json", "a.", ".json", "b.c.json"):
        (real / name).write_text("{}", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)  # a folder reached through a symlink
    (real / "link.json").symlink_to(real / "a.json")  # a file that is a symlink: named after its target's path
    monkeypatch.chdir(tmp_path)
    names = ResultNames()
    paths = [
        str(p)
        for folder in ("real", "linked", str(real), "linked/../real")
        for p in [Path(folder, n) for n in ("a.json", "a.", ".json", "b.c.json", "link.json", "gone.json")]
    ]
    assert [names(p) for p in paths] == [result_name(Path(p)) for p in paths]
    assert names("linked/a.json") == names("real/a.json") != names("real/b.c.json")


@given(
    st.lists(st.text(st.characters(blacklist_characters="/\0", blacklist_categories=["Cs"]), min_size=1), max_size=4)
)
def test_any_file_name_gets_the_name_result_name_gives(parts: list[str]) -> None:
    name = "-".join(parts)
    if name in {".", ".."}:
        return
    path = os.path.join("examples", name)
    assert ResultNames()(path) == result_name(Path(path))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_worker_or_two_write_the_same_bytes(write_reports: WriteReports, tmp_path: Path, jobs: str) -> None:
    write_reports(tmp_path / "in", 40)
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "reference"), "-j", "1"]) == 1
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs]) == 1
    assert results(tmp_path / "out") == results(tmp_path / "reference")
    assert len(results(tmp_path / "out")) == 40 + 3  # a result per report, and the three summaries


def test_inputs_sharing_a_result_name_are_written_one_after_the_other(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(20):
        (inbox / f"r{i:02d}.json").write_bytes(EXAMPLE.read_bytes())
    (inbox / "sub").mkdir()
    # The same file under another folder's name and the same stem: one result name for both inputs.
    (inbox / "sub" / "r05.json").symlink_to(inbox / "r05.json")
    twice = [str(inbox), str(inbox / "sub" / "r05.json")]
    assert main(["batch", *twice, "-o", str(tmp_path / "out"), "-j", "2"]) == 1
    shared = list((tmp_path / "out").glob("r05.*.findings.json"))
    assert len(shared) == 1
    document = json.loads(shared[0].read_bytes())  # whole: never two processes writing it at once
    assert document["input"] == str(inbox / "sub" / "r05.json")  # the later input, as one process would leave it
    rows = json.loads((tmp_path / "out" / "summary.json").read_bytes())["reports"]
    assert len(rows) == 21


def test_text_utf8_cannot_hold_is_escaped_not_fatal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8").replace("代县人民政府", "代县\\ud800人民政府", 1)
    (inbox / "surrogate.json").write_text(text, encoding="utf-8")
    if sys.platform == "linux":  # a file name that is not UTF-8 (other systems refuse to make one)
        with open(os.path.join(os.fsencode(inbox), b"bad-\xff.json"), "wb") as handle:
            handle.write(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    assert main(["batch", str(inbox), "-o", str(out), "-j", "2"]) == 1
    assert "2 reports: 0 could not be read" in capsys.readouterr().err
    documents = {p.name: json.loads(p.read_bytes()) for p in out.glob("*.findings.json")}  # valid UTF-8 JSON
    bodies = sorted(d["report"]["body"] for d in documents.values())
    assert bodies[-1] == "代县\ud800人民政府"  # the text as it came, escaped in the file
    summary = json.loads((out / "summary.json").read_bytes())
    assert sorted(r["body"] for r in summary["reports"]) == bodies
    assert "代县\\ud800人民政府" in (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert main(["batch", str(inbox), "-o", str(out), "-j", "2"]) == 1  # the journal reads back: all done
    assert f"{len(documents)} already done, 0 to check" in capsys.readouterr().err


def test_a_symlink_planted_under_a_result_name_stops_the_batch_and_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "daixian.json").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (out / result_name(inbox / "daixian.json")).symlink_to(victim)
    assert main(["batch", str(inbox), "-o", str(out)]) == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith(f"error: {out / result_name(inbox / 'daixian.json')}: cannot write the result: ")
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts descriptors in /proc")
def test_checkpoints_beside_the_run_are_waited_for_and_leave_no_descriptor_open(tmp_path: Path) -> None:
    from disclosure_core._batch_output import BatchDirectory
    from disclosure_core.batch import CheckOptions

    before = len(os.listdir("/proc/self/fd"))
    directory = BatchDirectory.open(tmp_path, CheckOptions(), "rules")
    for _ in range(5):
        directory.checkpoint(wait=False)
    directory.close()  # waits for the sync under way, then syncs once more
    assert len(os.listdir("/proc/self/fd")) == before
    assert (tmp_path / JOURNAL).read_bytes().startswith(b'{"schema":"disclosure-core/batch-journal/1"')


@given(st.permutations(range(12)), st.integers(1, 4))
def test_summaries_follow_the_inputs_whatever_order_results_come_in(order: list[int], recent: int) -> None:
    import tempfile

    from disclosure_core import _batch_output
    from disclosure_core._batch_output import BatchDirectory
    from disclosure_core._batch_record import Task, failed
    from disclosure_core.batch import CheckOptions

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = [root / f"in-{i:02d}.json" for i in range(12)]
        directory = BatchDirectory.open(root, CheckOptions(), "rules")
        kept, _batch_output._RECENT = _batch_output._RECENT, recent  # lines read back as well as kept
        try:
            # The last two: no result, neither earlier nor now.
            directory.take_inputs([(False, iter(map(str, inputs)))])
            directory.begin()
            for i in [i for i in order if i < 10]:
                directory.add(failed((str(inputs[i]), f"r{i}.json"), Task(CheckOptions(), folder), f"error {i}"))
            totals = directory.finish()
        finally:
            _batch_output._RECENT = kept
        rows = json.loads((root / "summary.json").read_bytes())["reports"]
        assert [r["error"] for r in rows] == [f"error {i}" for i in range(10)]
        assert totals.reports == totals.unreadable == 10


_CHANGED = st.lists(st.tuples(st.integers(0, 199), st.integers(-3, 9)), max_size=6)
_READINGS = st.lists(
    st.tuples(st.integers(0, 199), st.sampled_from(["chosen", "uncertain", "fuzzy_label"])), max_size=5
)


@given(
    st.sampled_from(["gov-2019", "gov-2021"]),
    _CHANGED,
    _READINGS,
    st.sampled_from(["某县人民政府", "\ud800县"]),
    st.booleans(),
)
def test_a_result_file_is_the_whole_findings_document_encoded(
    layout_id: str, changed: list[tuple[int, int]], readings: list[tuple[int, str]], body: str, blank_as_zero: bool
) -> None:
    # A worker writes the document with its rule rows and labels put in from encodings it keeps: the bytes must
    # be those of the whole document (findings_json with the input and diagnostics) encoded, whatever the
    # numbers, the readings, and text UTF-8 cannot hold (a lone surrogate: written escaped).
    import attrs

    from disclosure_core import Count, Provenance, Reading, check
    from disclosure_core._batch_record import _rule_sets, findings_line, utf8_json
    from disclosure_core.layouts import CellAddress, builtin_layout
    from disclosure_core.model import Body
    from disclosure_core.rules.examples import consistent_report
    from disclosure_core.rules.output import findings_json, findings_parts
    from disclosure_core.values import CellValue

    report = consistent_report(builtin_layout(layout_id))
    cells = sorted(report.tables.cells)
    updates: dict[CellAddress, CellValue | None] = {
        cells[i % len(cells)]: None if delta < 0 else Count(delta) for i, delta in changed
    }
    for i, reading in readings:
        number = report.number(cells[i % len(cells)])
        if isinstance(number, int):
            where = Provenance("a.pdf", page=1, reading=Reading(reading))
            updates[cells[i % len(cells)]] = Count(number, provenance=where)
    report = attrs.evolve(report.with_cells(updates), body=Body(body, "county"))
    extra = {"input": "in/x.json", "diagnostics": ["a note"]}
    whole = {**findings_json(report, check(report, blank_as_zero=blank_as_zero), blank_as_zero=blank_as_zero), **extra}
    document, rows = findings_parts(report, check(report, blank_as_zero=blank_as_zero), blank_as_zero=blank_as_zero)
    assert findings_line({**document, **extra}, rows) == utf8_json(whole)
    assert _rule_sets({**document, **extra}, rows) == _rule_sets(whole)
