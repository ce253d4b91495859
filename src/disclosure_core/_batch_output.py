"""A batch run's output directory: per-report findings, the journal that makes a run resumable, and the
summaries written from it.

Layout of ``OUTDIR``::

    <stem>.<hash>.findings.json   one per input: the findings document, or {"input", "error"} (compact JSON)
    summary.csv, summary.json     one row per report (counts by outcome and by failing severity)
    rules.csv                     one row per rule: how many reports fail it, how many cannot verify it
    batch-journal.jsonl           options, then one line per result: input, its size, time and hash,
                                  result file and summary row
    batch.lock                    held while a batch writes here (a second one is refused)
    batch-index.sqlite            while a batch runs: its inputs and where each one's journal line is (scratch:
                                  rebuilt by every run from the journal, deleted when the run ends)

Reading concerns (findings resting on a cell not read exactly) are counted apart: ``failing_*`` and
``reports_failing`` count only the others; ``reading_concerns`` and ``reports_reading_concerns`` count them,
and ``read_with_confidence`` says whether the report's tables were read with confidence.

The journal is the one record of what is done: a result counts once its line is there, and a result
file is written whole (by the worker that checked it, plainly, no per-file sync) before the batch process
appends its line. Every few seconds a checkpoint makes the journal and the files before it durable (one sync
of the file system, beside the run, not one per file). A run killed
at any point resumes from its journal: a torn last line is cut off, a line whose result file is missing
or short is redone, and the last line for an input wins, so nothing is lost and nothing counts twice.
Re-running with the same options skips every input whose bytes, options and rules are unchanged.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import re
import sys
import threading
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import attrs

from disclosure_core._batch_index import BatchIndex, SummaryRow
from disclosure_core._batch_inputs import Group
from disclosure_core._batch_record import Recorded, utf8_json
from disclosure_core._batch_summary import SummaryWriter, atomic_file
from disclosure_core.batch import CheckOptions
from disclosure_core.errors import UsageError

JOURNAL = "batch-journal.jsonl"
JOURNAL_SCHEMA = "disclosure-core/batch-journal/1"
LOCK = "batch.lock"
_OUR_PART = re.compile(r"^\..+\.[0-9a-f]{12}\.part$")
"""What :func:`~disclosure_core._files.write_atomic` and :func:`atomic_file` name their temporary files."""


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (what decides whether a result is still current)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@attrs.frozen
class Totals:
    """What a batch's summaries counted."""

    reports: int
    unreadable: int
    failing: int
    """Reports with a failing error or warning on exactly read cells."""
    doubtful: int
    """Reports with a reading concern."""
    unsure: int
    """Reports whose tables were not read with confidence."""
    failing_rules: int
    doubtful_failures: bool
    """Whether a reading concern fails at error or warning level somewhere."""


@attrs.define
class BatchDirectory:
    """The output directory of one batch run, its journal, its lock and its index of inputs (use as a context
    manager). What it holds in memory does not grow with the number of inputs: they, and where each one's last
    journal line is, are in the index on disk (:mod:`~disclosure_core._batch_index`)."""

    root: Path
    options_key: str
    _journal: IO[bytes]
    _lock: int
    index: BatchIndex
    _rule_lists: dict[str, list[str]] = attrs.field(factory=dict)
    _end: int = 0
    """Where the journal's next line goes."""
    _syncing: threading.Thread | None = None
    _summaries: SummaryWriter | None = None
    """Open from :meth:`begin` to :meth:`finish`: the summaries, written as results come."""
    _cursor: int = 0
    """The place of the last input summarised."""
    _started: int | None = None
    """Where this run's first journal line went: an input it checks is waited for until it has a line from
    there on (an earlier result is no longer its own). None once every input of the run has its result."""
    _waiting: str | None = None
    """The input the summaries wait for (nothing can be summarised before it has its result)."""
    _ahead: deque[SummaryRow] = attrs.field(factory=deque)
    """The inputs after the last one summarised, as a page of the index gave them."""
    _reader: IO[bytes] = attrs.field(default=None)
    _recent: dict[str, bytes] = attrs.field(factory=dict)
    """Journal lines of this run not yet summarised (so that summarising them reads nothing back)."""
    _forgot: bool = False
    """Whether lines of ``_recent`` were dropped (then whether an input has its line is asked of the index)."""

    @classmethod
    def open(cls, root: Path, options: CheckOptions, rules_key: str) -> BatchDirectory:
        """Open (or create) ``root``; earlier results are kept only for the same options and rules."""
        root.mkdir(parents=True, exist_ok=True)
        lock = _lock(root)
        for leftover in os.scandir(root):  # ours, left by a run that was killed; no other run is writing here
            if _OUR_PART.match(leftover.name) and leftover.is_file(follow_symlinks=False):
                os.unlink(leftover.path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / "batch-state.json")  # the state file of earlier versions: the journal replaces it
        key = hashlib.sha256(repr((attrs.asdict(options), rules_key)).encode()).hexdigest()
        try:
            index = BatchIndex(root)  # the one a killed run left, if any, is deleted: this one is built afresh
        except BaseException:
            os.close(lock)
            raise
        journal = open(root / JOURNAL, "a+b")  # noqa: SIM115  # held open for the whole run
        directory = cls(root, key, journal, lock, index)
        directory._replay()
        # Lines are read back through a handle of their own: reads and appends mixed in one buffered file
        # can read a stale buffer.
        directory._reader = open(root / JOURNAL, "rb")  # noqa: SIM115  # held open with the journal
        return directory

    def __enter__(self) -> BatchDirectory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Checkpoint and release the directory (summaries begun and not finished are dropped: the previous
        ones stay)."""
        self.close_summaries()
        if not self._journal.closed:
            self.checkpoint()
            self._journal.close()
            self._reader.close()
            self.index.close()
            os.close(self._lock)

    def _replay(self) -> None:
        self._journal.seek(0)
        offset, header = 0, None
        for line in self._journal:
            try:
                entry = json.loads(line) if line.endswith(b"\n") else None
            except ValueError:
                entry = None
            if not isinstance(entry, dict) or (header is None and entry.get("options") != self.options_key):
                break  # a torn line (the run was killed while writing it), or results for other options
            header = header or entry
            self._learn(entry, offset)
            offset += len(line)
        self._journal.truncate(offset)
        self._journal.seek(offset)
        self._end = offset
        if offset == 0:
            self._append({"schema": JOURNAL_SCHEMA, "options": self.options_key})

    def _learn(self, entry: dict[str, Any], offset: int) -> None:
        if "rule_list" in entry:
            self._rule_lists[entry["rule_list"]] = entry["rules"]
        elif "input" in entry:
            self.index.learn(entry["input"], offset)

    def _append(self, entry: dict[str, Any]) -> None:
        line = utf8_json(entry)
        self._journal.write(line)
        self._end += len(line)  # kept here: asking the file (a seek) would flush its buffer for every line

    def take_inputs(self, groups: Iterable[Group]) -> None:
        """Take the inputs (see :meth:`BatchIndex.add_inputs`): this run checks those without a current result."""
        self.index.add_inputs(groups)
        self.index.choose(self._current)

    def _current(self, path: str, offset: int) -> bool:
        """Whether ``path`` has a whole result for its present bytes, by its journal line at ``offset``."""
        done = json.loads(self._line(offset))  # its line: the input's size, time and hash, the result's size
        if done["sha256"] is None:
            return False
        try:
            status = os.stat(path)
            whole = (self.root / done["result"]).stat().st_size == done["bytes"]
        except OSError:
            return False
        if not whole or status.st_size != done["size"]:
            return False
        return bool(status.st_mtime_ns == done["mtime_ns"] or file_digest(Path(path)) == done["sha256"])

    def begin(self) -> None:
        """Start the summaries of the inputs, written as results come: each input's row as soon as every input
        before it has its result, so that little is left to write at the end. Those the run checks are waited
        for (their earlier results are not theirs any more)."""
        self._summaries = SummaryWriter(self.root, self._rule_lists).__enter__()
        self._cursor, self._started, self._waiting, self._forgot = 0, self._end, None, False
        self._ahead.clear()
        self._advance()

    def add(self, recorded: Recorded) -> None:
        """Record one input whose result file is written (by a worker, or :func:`~disclosure_core._batch_record.failed`):
        append its journal line, after the list of its rules the first time that list is seen."""
        if recorded.rules not in self._rule_lists:
            self._rule_lists[recorded.rules] = list(recorded.rule_list)
            self._append({"rule_list": recorded.rules, "rules": list(recorded.rule_list)})
        self.index.record(recorded.input, self._end)
        self._journal.write(recorded.line)
        self._end += len(recorded.line)
        if self._summaries is not None:
            if len(self._recent) >= _RECENT:  # far out of order (a slow input holds the others back)
                self._recent.clear()  # they are in the journal: read back when their turn comes
                self._forgot = True
            self._recent[recorded.input] = recorded.line
            if self._waiting is None or self._waiting == recorded.input:
                self._advance()

    def _advance(self) -> None:
        """Summarise the inputs, in order, up to the first one whose result has not come yet."""
        assert self._summaries is not None
        self._waiting = None
        ahead = self._ahead
        while ahead or self._read_ahead():
            place, name, todo, offset = ahead[0]
            line = self._recent.pop(name, None)
            if todo and line is None and (self._forgot or self._started is None):
                offset = self.index.offset_at(place)  # recorded since its page was read, perhaps
            if todo and line is None and self._started is not None and (offset is None or offset < self._started):
                self._waiting = name  # its result of this run has not come
                return
            ahead.popleft()
            if line is None and offset is not None:
                line = self._line(offset)
            if line is not None:
                self._summaries.add(json.loads(line))
            self._cursor = place

    def _read_ahead(self) -> bool:
        self._ahead.extend(self.index.summary_page(self._cursor))
        return bool(self._ahead)

    def checkpoint(self, *, wait: bool = True) -> None:
        """Make every result recorded so far durable: the journal and the files it names.

        Without ``wait``, the sync runs beside the batch (a sync of many files can take a while, and the
        batch must keep its workers fed meanwhile); one already under way is left to finish, and the next
        checkpoint covers what it did not.
        """
        self._journal.flush()
        if self._syncing is not None and self._syncing.is_alive():
            if not wait:
                return
            self._syncing.join()
        if wait:
            _sync_file_system(self._journal.fileno())
            return
        descriptor = os.dup(self._journal.fileno())  # its own: the journal may be closed before the sync ends
        self._syncing = threading.Thread(target=_sync_and_close, args=(descriptor,), daemon=True, name="checkpoint")
        self._syncing.start()

    def finish(self) -> Totals:
        """Complete the summaries of the inputs (begun with :meth:`begin`, or now), compact the journal to one
        line per input, and close the directory."""
        self.checkpoint()
        if self._summaries is None:
            self.begin()
        self._started = None  # every input of this run has its result (a failed one included)
        self._advance()
        summaries = self._summaries
        assert summaries is not None
        try:
            with atomic_file(self.root / JOURNAL) as journal:
                journal.write(utf8_json({"schema": JOURNAL_SCHEMA, "options": self.options_key}))
                for key, rules in self._rule_lists.items():
                    journal.write(utf8_json({"rule_list": key, "rules": rules}))
                for _, _, _, offset in self.index.summary_rows():
                    if offset is not None:
                        journal.write(self._line(offset))  # the line as it was written: nothing to encode again
                for offset in self.index.others():  # inputs of earlier runs: kept for when they come back
                    journal.write(self._line(offset))
        except BaseException:
            self.close_summaries()
            raise
        self._summaries = None
        summaries.__exit__(None, None, None)  # the summaries appear, whole
        failing_rules = summaries.failing_rules()
        self._journal.close()  # the compacted journal has replaced it: this directory is done with
        self._reader.close()
        self.index.close()
        os.close(self._lock)
        return Totals(**summaries.counts, failing_rules=failing_rules, doubtful_failures=summaries.doubtful_failures)

    def close_summaries(self) -> None:
        """Drop summaries begun and not finished (the previous ones stay)."""
        if self._summaries is not None:
            stopped = RuntimeError("the batch stopped")
            self._summaries.__exit__(RuntimeError, stopped, None)
            self._summaries = None

    def _line(self, offset: int) -> bytes:
        self._journal.flush()  # a line still in the buffer is read from the file
        self._reader.seek(offset)
        return self._reader.readline()


_RECENT = 4096
"""How many journal lines of this run wait, at most, to be summarised without reading them back."""


def _lock(root: Path) -> int:
    handle = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        import fcntl
    except ImportError:  # no advisory locks here (Windows): two runs into one directory are the user's care
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        raise UsageError(f"{root}: another batch is writing into this directory") from None
    return handle


def _sync_and_close(descriptor: int) -> None:
    try:
        _sync_file_system(descriptor)
    finally:
        os.close(descriptor)


def _sync_file_system(descriptor: int) -> None:
    """Flush to disk everything written on the file system holding ``descriptor``: one call instead of one
    ``fsync`` per result file (``syncfs`` on Linux, ``sync`` elsewhere)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            if ctypes.CDLL(None, use_errno=True).syncfs(descriptor) == 0:
                return
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows: the journal at least
        os.fsync(descriptor)
