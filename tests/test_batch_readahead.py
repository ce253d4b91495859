"""A batch asks the kernel to read each input ahead of the worker that checks it (`_batch_readahead.py`): the
request really brings a file's pages into memory, and every input is asked for before it is read, a chunk ahead
even when the batch checks in its own process."""

from __future__ import annotations

import ctypes
import functools
import mmap
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from disclosure_core import Report, _batch_readahead, _batch_record, batch, load
from disclosure_core._api import default_registry
from disclosure_core._batch_run import BatchRun

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
linux = pytest.mark.skipif(sys.platform != "linux", reason="mincore and posix_fadvise as Linux has them")


def resident_pages(path: Path) -> int:
    """How many of ``path``'s pages are in the page cache (``mincore`` of a mapping, which reads nothing: a
    private one, for ctypes to take its address; nothing is written to it)."""
    size = path.stat().st_size
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_COPY) as mapped:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]
        pages = -(-size // mmap.PAGESIZE)
        vector = ctypes.create_string_buffer(pages)
        # The address outlives the ctypes object taken of the buffer: it stays valid while the mapping is open.
        address = ctypes.addressof(ctypes.c_char.from_buffer(mapped))
        assert libc.mincore(ctypes.c_void_p(address), size, vector) == 0, os.strerror(ctypes.get_errno())
        return sum(byte & 1 for byte in vector.raw)


def evicted(path: Path) -> Path:
    """``path`` written to disk and dropped from the page cache (clean pages go at once)."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return path


@linux
def test_will_need_brings_an_evicted_report_into_memory(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_bytes(EXAMPLE.read_bytes() * 8)  # several pages
    pages = -(-report.stat().st_size // mmap.PAGESIZE)
    if resident_pages(evicted(report)) != 0:
        pytest.skip("this file system keeps the pages of a clean file it was told are not needed")
    _batch_readahead.will_need(str(report))
    deadline = time.monotonic() + 5
    while resident_pages(report) < pages and time.monotonic() < deadline:
        time.sleep(0.01)  # the read is the kernel's, in the background
    if resident_pages(report) == 0:
        pytest.skip("this file system reads nothing ahead when asked (read-ahead off, or a FUSE or 9p mount)")
    assert resident_pages(report) == pages


def finishes(call: Callable[[], object], seconds: float = 5) -> bool:
    """Whether ``call()`` returns, without raising, within ``seconds`` (run in a thread: a call that blocks must
    fail the test, not hang it)."""
    returned: list[object] = []
    worker = threading.Thread(target=lambda: returned.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    return bool(returned)


@linux
def test_will_need_never_opens_a_fifo(tmp_path: Path) -> None:
    """Opening it would wait for a writer, or release one that waits for a reader (which then writes to
    nobody): a FIFO is left alone, with or without a writer waiting."""
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert finishes(lambda: _batch_readahead.will_need(str(fifo)))
    writer = threading.Thread(target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True)
    writer.start()  # waits in open() for a reader
    assert finishes(lambda: _batch_readahead.will_need(str(fifo)))
    writer.join(0.5)
    assert writer.is_alive()  # still waiting: nobody opened the FIFO to read
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # let it go
    writer.join(5)
    os.close(reader)
    assert not writer.is_alive()


def test_will_need_leaves_what_it_cannot_read_to_the_worker(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * _batch_readahead.READ_AHEAD_BYTES)
    for path in (str(tmp_path), str(tmp_path / "missing.json"), "bad\0name.json", "\ud800.json", str(big)):
        assert finishes(functools.partial(_batch_readahead.will_need, path))


def test_check_many_still_makes_an_error_result_of_a_path_no_file_can_have() -> None:
    results = list(batch.check_many(["bad\0name.json", "\ud800.json"]))
    assert [r.ok for r in results] == [False, False]
    assert all(r.error is not None and r.error.startswith("internal error: ") for r in results)  # as before


Events = list[tuple[str, str]]


def copies(folder: Path, count: int = 40) -> list[Path]:
    folder.mkdir()
    inputs = [folder / f"report-{i:02d}.json" for i in range(count)]
    for each in inputs:
        shutil.copyfile(EXAMPLE, each)
    return inputs


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> Events:
    """What is asked ahead (``ask``) in order, with what the worker checks (``check``, by the patch a test adds)."""
    happened: Events = []
    asked = _batch_readahead.will_need

    def ask(path: str) -> None:
        happened.append(("ask", path))
        asked(path)

    monkeypatch.setattr(_batch_readahead, "will_need", ask)
    return happened


def assert_asked_ahead(events: Events, inputs: list[Path]) -> None:
    """Each input asked for once, before it is checked, and so are the few after it (a chunk is taken ahead)."""
    order = [path for kind, path in events if kind == "ask"]
    assert sorted(order) == sorted(map(str, inputs))
    checked = [place for place, (kind, _) in enumerate(events) if kind == "check"]
    assert len(checked) == len(inputs)
    for place in checked:
        path = events[place][1]
        ahead = {p for k, p in events[:place] if k == "ask"}
        following = order[order.index(path) + 1 : order.index(path) + 4]  # fewer for the last chunk's
        assert {path, *following} <= ahead


@linux  # elsewhere nothing is asked for (no posix_fadvise)
def test_every_input_is_asked_for_a_chunk_before_it_is_read(
    tmp_path: Path, events: Events, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = copies(tmp_path / "in")
    read = _batch_record._read

    def reading(path: str, limit: int) -> tuple[bytes, int, int]:
        events.append(("check", path))
        return read(path, limit)

    monkeypatch.setattr(_batch_record, "_read", reading)
    with BatchRun.open([tmp_path / "in"], tmp_path / "out", registry=default_registry()) as run:
        totals = run.execute(jobs=1)
    assert totals.reports == 40
    assert_asked_ahead(events, inputs)


@linux
def test_check_many_asks_for_each_file_a_chunk_before_checking_it(
    tmp_path: Path, events: Events, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = copies(tmp_path / "in")
    report = load(EXAMPLE).report  # no file: nothing to ask for
    one = batch.check_one

    def checking(item: batch.BatchInput, options: batch.CheckOptions) -> batch.BatchResult:
        if not isinstance(item, Report):
            events.append(("check", str(item)))
        return one(item, options)

    monkeypatch.setattr(batch, "check_one", checking)
    results = list(batch.check_many([*inputs, report]))
    assert [r.ok for r in results] == [True] * 41
    assert_asked_ahead(events, inputs)
