"""The batch's index on disk: the inputs in the order (and with the duplicates dropped) the in-memory list of
`batch_inputs` gives them, whatever the names; journal offsets and result names as before; and a killed run's
index, whatever state it was left in, is never trusted."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core._batch_index import INDEX, BatchIndex, key
from disclosure_core._batch_inputs import batch_inputs, input_groups
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

# Names whose order differs between UTF-8 bytes, code points and path parts: a separator against '-' and '.',
# an undecodable byte (a lone surrogate) against letters above U+0080, fullwidth punctuation, case.
_PIECES = ["a", "b", "B", "a-b", "a.b", "é", "中", "（", "\udcff", "\udc80", " "]
_NAMES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=2).map("".join)
_TREES = st.lists(st.tuples(st.lists(_NAMES, max_size=2), _NAMES, st.sampled_from([".json", ".JSON", ".txt"])))


def _plant(root: Path, tree: list[tuple[list[str], str, str]]) -> None:
    for folders, name, suffix in tree:
        folder = root.joinpath(*folders)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / (name + suffix)).write_bytes(b"{}")
        except OSError:  # a file where a folder would go, or the other way round: that shape is left out
            continue


@pytest.mark.skipif(os.name == "nt", reason="makes file names that are not UTF-8")
@given(_TREES, st.booleans(), st.booleans())
def test_the_index_lists_the_inputs_as_the_sorted_list_does(
    tree: list[tuple[list[str], str, str]], linked: bool, twice: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder, "in")
        root.mkdir()
        _plant(root, tree)
        if linked:  # a folder reached twice, through a symlink: its files come once, under the name met first
            (root / "b-link").symlink_to(root)
        items = [root]
        files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        if twice:  # an item given again, a file of a folder given before it, and one given alone
            items = [*files[-1:], root, *files[:1], root]
        expected = list(map(str, batch_inputs(items, {".json"})))
        index = BatchIndex(Path(folder))
        try:
            index.add_inputs(input_groups(items, {".json"}, None, index))
            assert list(index.inputs()) == expected
            assert index.count() == len(expected)
        finally:
            index.close()
        assert not Path(folder, INDEX).exists()


@given(st.lists(st.sampled_from(["a/b", "a/b.json", "a-b", "a/\udcff", "a/é", "中/（", "A"]), unique=True))
def test_keys_sort_as_paths_do_and_give_the_path_back(paths: list[str]) -> None:
    from disclosure_core._batch_index import _path

    assert sorted(paths, key=key) == [str(p) for p in sorted(map(Path, paths))]
    assert [_path(key(p)) for p in paths] == paths


def test_journal_offsets_and_result_names_as_a_dict_and_a_set_would_keep_them(tmp_path: Path) -> None:
    index = BatchIndex(tmp_path)
    for path, offset in [("y.json", 10), ("gone.json", 20), ("y.json", 30), ("x.json", 40)]:
        index.learn(path, offset)  # the journal as a run finds it: the last line for an input wins
    index.add_inputs([(False, iter(["x.json", "y.json", "z.json", "w.json"]))])
    asked: list[tuple[str, int]] = []

    def current(path: str, offset: int) -> bool:
        asked.append((path, offset))
        return path == "y.json"

    index.choose(current)
    assert asked == [("x.json", 40), ("y.json", 30)]  # only inputs with a line are asked about
    assert (index.count(), index.todo_count(), list(index.inputs(todo=True))) == (4, 3, ["x.json", "z.json", "w.json"])
    names = {"x.json": "r.json", "z.json": "s.json", "w.json": "r.json"}
    assert list(index.named(names.__getitem__)) == [("x.json", "r.json"), ("z.json", "s.json")]
    assert list(index.put_off_inputs()) == [("w.json", "r.json")]  # its name was given to x.json
    for path, offset in [("z.json", 50), ("w.json", 60), ("elsewhere.json", 70), ("y.json", 80)]:
        index.record(path, offset)
    assert index.offset_at(3) == 50
    rows = [("x.json", True, 40), ("y.json", False, 80), ("z.json", True, 50), ("w.json", True, 60)]
    assert [row[1:] for row in index.summary_rows()] == rows
    assert list(index.others()) == [20, 70]  # recorded, and not among the inputs: in the order first recorded
    index.close()


@pytest.mark.parametrize("leftover", [b"", b"SQLite format 3\x00" + bytes(100), os.urandom(5000), "a symlink"])
def test_an_index_a_killed_run_left_is_deleted_and_built_afresh(
    write_reports: object, tmp_path: Path, leftover: bytes | str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import _write_reports

    _write_reports(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "in"), "-o", str(out)]) == 1
    reference = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "batch.lock"}
    # What a run killed at some moment could leave: a stale index (the last run's, copied) is built over too.
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    if leftover == "a symlink":
        (out / INDEX).symlink_to(victim)  # planted: deleted, never written through
    else:
        assert isinstance(leftover, bytes)
        (out / INDEX).write_bytes(leftover)
    next(out.glob("report-00002.*.findings.json")).unlink()
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "in"), "-o", str(out)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "4 reports, 3 already done, 1 to check"
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "batch.lock"} == reference
    assert victim.read_bytes() == b"keep me"
    shutil.rmtree(out)


def test_an_index_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    from disclosure_core.errors import UsageError

    (tmp_path / INDEX).mkdir()  # a folder where the index goes: it cannot be deleted or opened as a file
    (tmp_path / INDEX / "x").write_bytes(b"")
    with pytest.raises(UsageError, match=f"^{tmp_path / INDEX}: cannot write the batch's index: "):
        BatchIndex(tmp_path)
