"""Checking many reports: in process, or on any ``concurrent.futures.Executor``, with compact results.

The library ships no scheduler: a process pool on one machine (:func:`process_pool` makes
one whose workers die with their parent), or a distributed engine's executor (Dask's
``client.get_executor(pure=False)``, Ray's) beyond it. A file that fails to load becomes a result carrying its error;
it never stops the batch. What comes back from a worker is a :class:`BatchResult`: outcome counts and the
non-pass findings in compact form, never the report (a pickled report with its findings costs more to send
than checking it does).

>>> from disclosure_core.model import Body, Report
>>> [(r.error, r.body) for r in check_many([Report("gov-2021", 2025, Body("某县人民政府", "county"))])]
[(None, '某县人民政府')]
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import attrs

from disclosure_core._batch_readahead import read_ahead
from disclosure_core._batch_workers import process_pool, run_many
from disclosure_core._hints import ReportHints
from disclosure_core.errors import DisclosureError
from disclosure_core.findings import Finding, Findings, Outcome, Severity
from disclosure_core.model import Report

__all__ = [
    "BatchInput",
    "BatchResult",
    "CheckOptions",
    "CompactFindings",
    "FindingRecord",
    "check_chunk",
    "check_many",
    "check_one",
    "error_line",
    "input_name",
    "process_pool",
]

BatchInput = str | Path | Report


@attrs.frozen
class CheckOptions:
    """How each report of a batch is read and checked (the same for all of them)."""

    blank_as_zero: bool = False
    disabled: tuple[str, ...] = ()
    source: str | None = None
    hints: ReportHints | None = None
    """What every input's reader is told (``--body --level --region --year``), overriding what is read."""


class FindingRecord(NamedTuple):
    """A non-pass finding in compact form: which instance, how it ended, the numbers; no message.

    The message, arithmetic text and fingerprint are built from the report, which stays where it was
    checked: ``disclosure check FILE`` shows them for one report.
    """

    rule: str
    base: str
    outcome: Outcome
    severity: Severity
    table: str | None
    cells: tuple[str, ...]
    """Addresses of the current report's cells the finding involves."""
    lhs: int | Decimal | None
    rhs: int | Decimal | None
    difference: int | Decimal | None
    culprits: tuple[str, ...]
    reading: bool
    """Whether it rests on a cell not read exactly (a reading concern)."""

    @classmethod
    def of(cls, finding: Finding) -> FindingRecord:
        """The compact form of one finding."""
        return cls(
            finding.rule,
            finding.base_rule,
            finding.outcome,
            finding.severity,
            finding.table,
            tuple(map(str, finding.addresses)),  # written out, as in the findings JSON: compact to send
            finding.lhs,
            finding.rhs,
            finding.difference,
            tuple(map(str, finding.culprits)),
            finding.reading is not None,
        )


@attrs.frozen
class CompactFindings:
    """One report's findings as they travel back from a worker: counts of every outcome, and the listed
    (non-pass) findings as :class:`FindingRecord`. Iterating yields the listed ones, as for :class:`Findings`.

    >>> from disclosure_core import check, load
    >>> compact = CompactFindings.of(check(load("examples/daixian-2020.json").report))
    >>> compact.by_outcome()[Outcome.FAIL], compact.worst(), len(compact) == len(list(compact))
    (4, <Severity.ERROR: 'error'>, True)
    """

    counts: tuple[tuple[Outcome, int], ...]
    listed: tuple[FindingRecord, ...]

    @classmethod
    def of(cls, findings: Findings) -> CompactFindings:
        """The compact form of a report's findings."""
        counts = findings.by_outcome()
        return cls(tuple((o, counts[o]) for o in Outcome if counts[o]), tuple(map(FindingRecord.of, findings)))

    def __iter__(self) -> Iterator[FindingRecord]:
        return iter(self.listed)

    def __len__(self) -> int:
        return len(self.listed)

    def by_outcome(self) -> Counter[Outcome]:
        """How many rule instances ended in each outcome (passes included)."""
        return Counter(dict(self.counts))

    def reading_concerns(self) -> Counter[Outcome]:
        """How many listed findings of each outcome rest on a cell not read exactly."""
        return Counter(f.outcome for f in self.listed if f.reading)

    def worst(self, outcomes: Iterable[Outcome] = (Outcome.FAIL, Outcome.RULE_ERROR)) -> Severity | None:
        """The worst severity among listed findings with the given outcomes, or None."""
        wanted = set(outcomes)
        severities = [f.severity for f in self.listed if f.outcome in wanted]
        return max(severities, key=lambda s: s.rank) if severities else None


@attrs.frozen
class BatchResult:
    """One input's result: who reported, the compact findings and the reader's diagnostics, or the one-line
    error that stopped it."""

    input: str
    body: str | None = None
    year: int | None = None
    format: str | None = None
    findings: CompactFindings | None = None
    diagnostics: tuple[str, ...] = ()
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

    >>> check_one("examples/daixian-2020.json").findings.by_outcome()[Outcome.FAIL]
    4
    """
    from disclosure_core._api import default_registry

    name = input_name(item)
    started = time.perf_counter()
    try:
        registry = default_registry()
        diagnostics: tuple[str, ...] = ()
        if isinstance(item, Report):
            report = item
        else:
            loaded = registry.load(item, source=options.source, hints=options.hints)
            report, diagnostics = loaded.report, tuple(map(str, loaded.diagnostics))
        findings = registry.check(report, blank_as_zero=options.blank_as_zero, disabled=options.disabled)
        compact = CompactFindings.of(findings)
    except Exception as exc:  # a bug must cost one input, not the batch
        return BatchResult(name, error=error_line(exc), seconds=time.perf_counter() - started)
    seconds = time.perf_counter() - started
    return BatchResult(name, report.body.name, report.year, report.format, compact, diagnostics, None, seconds)


def error_line(exc: Exception) -> str:
    """The one line a batch shows for an input that stopped: the error's own text, or an internal error.

    >>> error_line(ValueError("bad")), error_line(DisclosureError("x.json: broken"))
    ('internal error: ValueError: bad', 'x.json: broken')
    """
    return str(exc) if isinstance(exc, DisclosureError) else f"internal error: {type(exc).__name__}: {exc}"


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
    """Check every input, yielding results a chunk at a time as chunks finish (in input order when no executor
    is given).

    Inputs go to the executor ``chunk`` at a time (a task per report would spend more time shipping
    work than doing it; give a distributed executor more, e.g. 64), with at most ``window`` chunks in
    flight, so a national year (100 000 reports) streams through bounded memory. An executor that breaks
    (a killed worker) turns the inputs it held into error results; the batch goes on.

    In this process or on a local pool, each input that is a file is asked of the system as it is taken
    (:mod:`~disclosure_core._batch_readahead`; in process, a chunk ahead of the one checked), so that it is read
    into memory while the inputs before it are checked.
    """
    if executor is None or isinstance(executor, ProcessPoolExecutor | ThreadPoolExecutor):  # on this machine
        inputs = read_ahead(inputs, _file_of)
    yield from run_many(
        check_chunk,
        inputs,
        options,
        executor=executor,
        failed=lambda item, error: BatchResult(input_name(item), error=error),
        chunk=chunk,
        window=window,
    )


def _file_of(item: BatchInput) -> str | None:
    return None if isinstance(item, Report) else str(item)


def input_name(item: BatchInput) -> str:
    """How a result names its input: the path as given, or a report's body and year.

    >>> from disclosure_core.model import Body
    >>> input_name(Path("a/b.json")), input_name(Report("gov-2021", 2025, Body("某县人民政府", "county")))
    ('a/b.json', '某县人民政府 2025')
    """
    if isinstance(item, Report):
        return f"{item.body.name} {item.year}"
    return str(item)
