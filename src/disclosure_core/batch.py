"""Checking many reports: in process, or on any ``concurrent.futures.Executor``.

The library ships no scheduler: a process pool on one machine, or a distributed engine's executor (Dask's
``client.get_executor()``, Ray's) beyond it. A file that fails to load becomes a result carrying its error;
it never stops the batch.

>>> from disclosure_core.model import Body, Report
>>> [r.error for r in check_many([Report("gov-2021", 2025, Body("某县人民政府", "county"))])]
[None]
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from pathlib import Path

import attrs

from disclosure_core._formats import Diagnostic
from disclosure_core._hints import ReportHints
from disclosure_core.errors import DisclosureError, UsageError
from disclosure_core.findings import Findings
from disclosure_core.model import Report

BatchInput = str | Path | Report


@attrs.frozen
class CheckOptions:
    """How each report of a batch is read and checked (the same for all of them)."""

    blank_as_zero: bool = False
    disabled: tuple[str, ...] = ()
    source: str | None = None
    hints: ReportHints | None = None
    """What every input's reader is told (``--body --level --region --year``), overriding what is read."""


@attrs.frozen
class BatchResult:
    """One input's result: its report and findings, or the one-line error that stopped it."""

    input: str
    report: Report | None = None
    findings: Findings | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the input was read and checked."""
        return self.error is None


def check_one(item: BatchInput, options: CheckOptions = CheckOptions()) -> BatchResult:
    """Read (when given a path) and check one report; never raises for bad input.

    Runs in worker processes too, so it takes only picklable arguments and uses the worker's own
    default registry (built-ins plus installed plugins).
    """
    from disclosure_core._api import default_registry

    name = _name(item)
    started = time.perf_counter()
    try:
        diagnostics: tuple[Diagnostic, ...] = ()
        if isinstance(item, Report):
            report = item
        else:
            loaded = default_registry().load(item, source=options.source, hints=options.hints)
            report, diagnostics = loaded.report, loaded.diagnostics
        findings = default_registry().check(report, blank_as_zero=options.blank_as_zero, disabled=options.disabled)
    except DisclosureError as exc:
        return BatchResult(name, error=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # a bug must cost one input, not the batch
        return BatchResult(
            name, error=f"internal error: {type(exc).__name__}: {exc}", seconds=time.perf_counter() - started
        )
    return BatchResult(name, report, findings, diagnostics, None, time.perf_counter() - started)


def check_chunk(items: list[BatchInput], options: CheckOptions) -> list[BatchResult]:
    """:func:`check_one` over several inputs: one round trip to a worker for many reports."""
    return [check_one(item, options) for item in items]


def check_many(
    inputs: Iterable[BatchInput],
    *,
    executor: Executor | None = None,
    options: CheckOptions = CheckOptions(),
    chunk: int = 16,
    window: int = 16,
) -> Iterator[BatchResult]:
    """Check every input, yielding results as they finish (in input order when no executor is given).

    Inputs go to the executor ``chunk`` at a time (a task per report would spend more time shipping
    work than doing it), with at most ``window`` chunks in flight, so a national year (100 000 reports)
    streams through bounded memory. An executor that breaks (a killed worker) turns the inputs it held
    into error results; the batch goes on.
    """
    if executor is None:
        for item in inputs:
            yield check_one(item, options)
        return
    pending: dict[Future[list[BatchResult]], list[str]] = {}
    remaining = iter(inputs)

    def fill() -> None:
        while len(pending) < window:
            items = list(itertools.islice(remaining, chunk))
            if not items:
                return
            pending[executor.submit(check_chunk, items, options)] = [_name(item) for item in items]

    fill()
    while pending:
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for future in done:
            names = pending.pop(future)
            try:
                yield from future.result()
            except Exception as exc:
                for name in names:
                    yield BatchResult(name, error=f"worker failed: {type(exc).__name__}: {exc}")
        fill()


def batch_inputs(items: Iterable[Path], suffixes: Iterable[str], output: Path | None = None) -> list[Path]:
    """Files given, plus every file under given directories that some source reads (sorted, without
    duplicates, and nothing under ``output``); :class:`UsageError` for an item that does not exist.

    >>> batch_inputs([Path("examples")], {".json"})[:1]
    [PosixPath('examples/daixian-2020.json')]
    """
    wanted = {suffix.lower() for suffix in suffixes}
    found: list[Path] = []
    for item in items:
        if item.is_dir():
            found.extend(
                p
                for p in sorted(item.rglob("*"))
                if p.is_file() and p.suffix.lower() in wanted and (output is None or output not in p.parents)
            )
        elif item.exists():
            found.append(item)
        else:
            raise UsageError(f"{item}: no such file or directory")
    return list(dict.fromkeys(found))


def _name(item: BatchInput) -> str:
    if isinstance(item, Report):
        return f"{item.body.name} {item.year}"
    return str(item)
