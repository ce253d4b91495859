"""One ``disclosure batch`` run as a library call: find the inputs, skip what is already done, check the
rest on the chosen executor with checkpoints, and write the summaries. The caller draws progress.

Workers write the result files themselves and send back only each one's journal line; this process appends
the lines, so a result counts once its file is whole and its line is there, wherever it was checked.

>>> import tempfile
>>> from disclosure_core._api import default_registry
>>> out = Path(tempfile.mkdtemp()) / "out"
>>> with BatchRun.open([Path("examples/daixian-2020.json")], out, registry=default_registry()) as run:
...     len(run.todo), run.execute().failing
(1, 1)
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from disclosure_core._batch_index import BatchIndex
from disclosure_core._batch_inputs import check_items, input_groups
from disclosure_core._batch_names import ResultNames
from disclosure_core._batch_output import BatchDirectory, Totals
from disclosure_core._batch_plugins import tell
from disclosure_core._batch_readahead import read_ahead
from disclosure_core._batch_record import Task, Work, failed, record_chunk, record_one, warm
from disclosure_core._batch_workers import open_executor, run_many
from disclosure_core.batch import CheckOptions
from disclosure_core.errors import UsageError
from disclosure_core.registry import Registry

CHECKPOINT_SECONDS = 5.0
"""How much work a run killed at the worst moment (or a power cut) can lose: at most this long."""

LOCAL_EXECUTORS = frozenset({"process", "dask-local"})
"""The executors whose workers read the inputs from this machine's disks."""

Progress = Callable[[int, int], None]
"""Told ``(done, total)`` after each result of the inputs to check."""


@attrs.define
class BatchRun:
    """A batch over the inputs found under the items given into one output directory; :attr:`todo` are those
    without a current result. The inputs are in the directory's index on disk, not in memory."""

    directory: BatchDirectory
    options: CheckOptions
    told: set[tuple[str, ...]] = attrs.field(factory=set)
    """The plugin problems already told (by the registry that opened the run): workers' are told once, here."""
    plugins: tuple[bool, tuple[str, ...]] = (False, ())
    """The opening registry's ``strict`` and ``blocked``: the workers check with the same plugins."""

    @classmethod
    def open(
        cls, items: Iterable[Path], output: Path, *, registry: Registry, options: CheckOptions | None = None
    ) -> BatchRun:
        """Find the inputs under ``items`` (files or directories; never inside ``output``) and open ``output``."""
        items = list(items)
        options = options or CheckOptions()
        for item in items:
            if not item.exists():
                raise UsageError(f"{item}: no such file or directory")
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output}: is not a directory")
        output.mkdir(parents=True, exist_ok=True)  # first, so that the walk knows it under every name
        check_items(items, output)  # before the directory is opened: a refused batch leaves it as it was
        suffixes = {suffix for source in registry.sources().values() for suffix in source.suffixes}
        rules_key = hashlib.sha256(repr(registry.rule_set().rules).encode()).hexdigest()
        directory = BatchDirectory.open(output, options, rules_key)
        try:
            directory.take_inputs(input_groups(items, suffixes, output, directory.index))
        except BaseException:
            directory.close()
            raise
        told = {problem.subject for problem in registry.problems}
        return cls(directory, options, told, (registry.strict, registry.blocked))

    @property
    def inputs(self) -> Inputs:
        """Every input, in summary order."""
        return Inputs(self.directory.index, todo=False)

    @property
    def todo(self) -> Inputs:
        """The inputs this run checks, in summary order."""
        return Inputs(self.directory.index, todo=True)

    def __enter__(self) -> BatchRun:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.directory.close()

    def execute(self, executor: str = "process", jobs: int = 1, progress: Progress | None = None) -> Totals:
        """Check :attr:`todo` (see :func:`~disclosure_core._batch_workers.open_executor` for ``executor``),
        recording each result as it comes, then write the summaries of every input."""
        total = len(self.todo)
        index = self.directory.index
        first = self._work()
        if executor in LOCAL_EXECUTORS:  # a scheduler elsewhere: its workers read from disks of their own
            first = read_ahead(first, _input_path)
        # An absolute path: a worker of a Dask scheduler elsewhere finds the directory as this process does.
        task = Task(self.options, os.path.abspath(self.directory.root), *self.plugins)
        if executor == "process" and jobs > 1 and total > 1 and multiprocessing.get_start_method() == "fork":
            warm(task)
        self.directory.begin()
        with open_executor(executor, jobs if total > 1 else 1) as (pool, chunk):
            saved = time.monotonic()
            records = run_many(
                record_chunk,
                first,
                task,
                executor=pool,
                failed=lambda work, error: failed(work, task, error),
                # Bigger tasks for a big batch, but never so few that one worker is left with the tail alone.
                chunk=max(1, min(chunk * BATCH_CHUNK_FACTOR, -(-total // (jobs * 8)))),
            )
            # Inputs whose result name another input already has go after, in this process and in order, so
            # that no two processes ever write one file (all are put off once ``first`` is consumed, and the
            # index is asked for them only then).
            later = (record_one(path, name, task) for path, name in index.put_off_inputs())
            for done, recorded in enumerate(itertools.chain(records, later), start=1):
                self.directory.add(recorded)
                tell(recorded.problems, self.told)
                if time.monotonic() - saved > CHECKPOINT_SECONDS:
                    self.directory.checkpoint(wait=False)
                    saved = time.monotonic()
                if progress is not None:
                    progress(done, total)
        return self.directory.finish()

    def _work(self) -> Iterator[Work]:
        """Every input to check with its result name, named a page at a time as the executor asks for more: the
        first with each name; any other one is put off (see :meth:`BatchIndex.named`)."""
        return self.directory.index.named(ResultNames())


def _input_path(work: Work) -> str:
    return work[0]


@attrs.frozen
class Inputs:
    """Inputs of a batch as the index on disk holds them: counted and iterated (in summary order), never
    held."""

    index: BatchIndex
    todo: bool

    def __len__(self) -> int:
        return self.index.todo_count() if self.todo else self.index.count()

    def __iter__(self) -> Iterator[str]:
        return self.index.inputs(todo=self.todo)


BATCH_CHUNK_FACTOR = 4
"""A batch sends a worker this many times the executor's usual chunk per task: what comes back is a line per
input, and fewer, bigger tasks cost less of this process's time (the one process that more workers do not
multiply)."""
