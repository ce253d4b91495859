"""What a batch worker makes of its inputs: each one's findings document written as its result file, and the
journal line that records it, so that only that line (a few hundred bytes) travels back to the batch.

>>> import tempfile
>>> root = tempfile.mkdtemp()
>>> recorded = record_chunk([("examples/daixian-2020.json", "daixian.json")], Task(CheckOptions(), root))
>>> entry = json.loads(recorded[0].line)
>>> entry["row"]["body"], entry["row"]["fail"], "sections.numbered" in entry["failing"], entry["result"]
('代县人民政府', 4, True, 'daixian.json')
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple

from disclosure_core._files import os_reason
from disclosure_core.batch import CheckOptions, error_line
from disclosure_core.errors import LoadError, UsageError
from disclosure_core.findings import Outcome, Severity

if TYPE_CHECKING:
    from disclosure_core._isolation import PluginProblem
    from disclosure_core.rules.output import RuleCounts

OUTCOMES = [o.value for o in Outcome]
SEVERITIES = [s.value for s in Severity]
REPORT_COLUMNS = [
    "input",
    "body",
    "year",
    "format",
    "error",
    *OUTCOMES,
    *(f"failing_{s}" for s in SEVERITIES),
    "reading_concerns",
    "read_with_confidence",
]
"""The columns of ``summary.csv``, one row per report."""

Work = tuple[str, str]
"""One input for a worker: its path, and the name of its result file in the output directory."""


class Task(NamedTuple):
    """What every task of a batch is told: how to check, and where to write."""

    options: CheckOptions
    root: str
    """The output directory."""
    strict_plugins: bool = False
    blocked_plugins: tuple[str, ...] = ()
    """The plugin settings of the registry that opened the batch: every worker's registry has the same, so a
    plugin the user left out (``DISCLOSURE_LOAD_PLUGINS``) is never loaded to check an input."""


class Recorded(NamedTuple):
    """One input's result, written: what the batch keeps of it and the journal line it appends."""

    input: str
    line: bytes
    """The journal entry (compact JSON and a newline): the input, its size, time and hash, the result file,
    the summary row and which rules fail in it."""
    sha256: str | None
    """Of the bytes that were checked; None when the file could not be read (it is checked again next time)."""
    size: int
    mtime_ns: int
    result: str
    length: int
    """The result file's size in bytes (a shorter file was torn, and is redone)."""
    rules: str
    """The key of the list of rules checked in this report."""
    rule_list: tuple[str, ...]
    """That list: one object for every report of a process that checks the same rules, so that a chunk's
    pickle carries it once."""
    problems: tuple[PluginProblem, ...] = ()
    """The plugin problems the process that checked it found since its last result (see :mod:`._batch_plugins`)."""


def record_chunk(work: list[Work], task: Task) -> list[Recorded]:
    """Read, check and write the result of every input of ``work`` into the output directory (one task for a
    worker); never raises for bad input (an error becomes that input's result)."""
    return [record_one(path, result, task) for path, result in work]


def record_one(path: str, result: str, task: Task) -> Recorded:
    """One input of :func:`record_chunk`."""
    from disclosure_core._batch_plugins import batch_registry, unsent
    from disclosure_core._files import MAX_INPUT_BYTES
    from disclosure_core.rules.output import findings_parts

    options = task.options
    digest, size, mtime = None, 0, 0
    rows: list[RuleCounts] | None = None
    try:
        data, size, mtime = _read(path, MAX_INPUT_BYTES)
        digest = hashlib.sha256(data).hexdigest()
        registry = batch_registry(task.strict_plugins, task.blocked_plugins)
        loaded = registry.load_bytes(data, origin=path, source=options.source, hints=options.hints)
        findings = registry.check(loaded.report, blank_as_zero=options.blank_as_zero, disabled=options.disabled)
        document, rows = findings_parts(loaded.report, findings, blank_as_zero=options.blank_as_zero)
        document["input"] = path
        document["diagnostics"] = [str(d) for d in loaded.diagnostics]
    except Exception as exc:  # a bug must cost one input, not the batch
        document, rows = {"input": path, "error": error_line(exc)}, None
    recorded = written(path, result, task.root, document, digest, size, mtime, rows)
    # This process's plugin problems, for the batch to tell once (the registry is made once per process).
    problems = unsent(batch_registry(task.strict_plugins, task.blocked_plugins))
    return recorded._replace(problems=problems) if problems else recorded


def warm(task: Task) -> None:
    """Do once, in the batch process before it forks its workers, what each worker would otherwise do for its
    first report of each official format: compile the rules for that layout (a third of a second each). The
    forked workers inherit the compiled rules."""
    from disclosure_core._batch_plugins import batch_registry
    from disclosure_core.layouts import official_layouts
    from disclosure_core.rules.examples import consistent_report
    from disclosure_core.rules.output import findings_json

    registry = batch_registry(task.strict_plugins, task.blocked_plugins)
    for layout in official_layouts().values():
        try:
            report = consistent_report(layout)
            findings_json(report, registry.check(report))
        except Exception:  # only an optimisation: the workers will say what is wrong, per input
            continue


def failed(work: Work, task: Task, error: str) -> Recorded:
    """The result of an input whose worker broke, written by the batch itself (it is checked again next run).

    >>> import tempfile
    >>> json.loads(failed(("x.json", "x.findings.json"), Task(CheckOptions(), tempfile.mkdtemp()), "worker failed").line)["row"]["error"]
    'worker failed'
    """
    path, result = work
    return written(path, result, task.root, {"input": path, "error": error}, None, 0, 0)


def written(
    path: str,
    result: str,
    root: str,
    document: dict[str, Any],
    digest: str | None,
    size: int,
    mtime: int,
    rows: list[RuleCounts] | None = None,
) -> Recorded:
    """Write ``document`` as the result file ``result`` in ``root`` and make the journal line recording it.
    With ``rows``, ``document`` is a findings document made by :func:`~disclosure_core.rules.output.findings_parts`,
    written with its rule rows and labels put in (the same bytes as the whole document encoded)."""
    encoded = utf8_json(document) if rows is None else findings_line(document, rows)
    # O_NOFOLLOW: a symlink planted under a result's name is not followed out of the directory. No fsync:
    # the batch's checkpoints make the files durable, a whole file system at a time.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    target = os.path.join(root, result)
    try:
        handle = os.open(target, flags, 0o666)
        try:
            view = memoryview(encoded)
            while view:  # one write but for a short one
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
    except OSError as exc:  # the output cannot be written (full, read-only, a symlink planted): the batch stops
        raise UsageError(f"{target}: cannot write the result: {exc.strerror or exc}") from None
    rules, failing, not_verifiable, rule_error, reading, doubtful = _rule_sets(document, rows)
    key, rules = rules_key(rules)
    entry = {
        "input": path,
        "sha256": digest,
        "size": size,
        "mtime_ns": mtime,
        "result": result,
        "bytes": len(encoded),
        "row": report_row(document),
        "rules": key,
        "failing": failing,
        "not_verifiable": not_verifiable,
        "rule_error": rule_error,
        "reading": reading,
        "doubtful": doubtful,
    }
    return Recorded(path, utf8_json(entry), digest, size, mtime, result, len(encoded), key, rules)


def utf8_json(value: Any) -> bytes:
    """``value`` as one line of compact JSON in UTF-8, through the C encoder (an indent would select the
    pure-Python one, several times slower).

    Text that UTF-8 cannot hold (a lone surrogate, escaped as ``\\ud800`` in a JSON input, or an undecodable
    byte of a file name) is written escaped: the line is then all ASCII, and reads back as the same text.

    >>> utf8_json({"input": "某.json", "size": 3}), utf8_json(["\\ud800"])
    (b'{"input":"\\xe6\\x9f\\x90.json","size":3}\\n', b'["\\\\ud800"]\\n')
    """
    try:
        return (_COMPACT.encode(value) + "\n").encode()
    except UnicodeEncodeError:
        return (_ESCAPED.encode(value) + "\n").encode()


# What json.dumps(value, ensure_ascii=False, separators=(",", ":")) makes, without the check for cycles (the
# values are fresh trees of dicts and lists: none holds itself), which costs a tenth of the time.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_ESCAPED = json.JSONEncoder(separators=(",", ":"), check_circular=False)


_RULE_KEYS: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}


def rules_key(rules: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The short key a journal names a list of rules by, and the one object of that list in this process
    (the same few lists recur in every report).

    >>> rules_key(("a", "b"))[0] == rules_key(("a", "b"))[0] != rules_key(("a",))[0]
    True
    """
    known = _RULE_KEYS.get(rules)
    if known is None:
        if len(_RULE_KEYS) > 256:  # plugins' rule sets could vary per report; the cache must stay small
            _RULE_KEYS.clear()
        known = _RULE_KEYS[rules] = (hashlib.sha256("\n".join(rules).encode()).hexdigest()[:16], rules)
    return known


def _read(path: str, limit: int) -> tuple[bytes, int, int]:
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_size > limit:
                raise LoadError.keyed("error.too_large", where=path, size=status.st_size, limit=limit)
            return handle.read(), status.st_size, status.st_mtime_ns
    except OSError as exc:
        raise LoadError.keyed("error.unreadable", where=path, reason=os_reason(exc)) from None


def report_row(document: dict[str, Any]) -> dict[str, Any]:
    """A findings document's row of ``summary.csv`` / ``summary.json``.

    >>> report_row({"input": "x.json", "error": "x.json: broken"})["error"]
    'x.json: broken'
    """
    row: dict[str, Any] = dict.fromkeys(REPORT_COLUMNS, "")
    row["input"] = document["input"]
    if "error" in document:
        row["error"] = document["error"]
        return row
    report, summary = document["report"], document["summary"]
    row.update(body=report["body"], year=report["year"], format=report["format"])
    row.update({outcome: summary.get(outcome, 0) for outcome in OUTCOMES})
    listed = document["findings"]
    failing = Counter(f["severity"] for f in listed if f["outcome"] in {"fail", "rule_error"} and "reading" not in f)
    row.update({f"failing_{s}": failing[s] for s in SEVERITIES})
    row["reading_concerns"] = sum(1 for f in listed if "reading" in f)
    row["read_with_confidence"] = document.get("reading", {}).get("confident", True)
    return row


Names = tuple[str, ...]


def _rule_sets(
    document: dict[str, Any], rows: list[RuleCounts] | None = None
) -> tuple[Names, Names, Names, Names, Names, bool]:
    listed = document.get("findings", [])
    if rows is None:  # the rule rows as numbers, from a whole document's summary
        rules = document.get("summary", {}).get("rules", [])
        rows = [(r["rule"], [r.get(outcome, 0) for outcome in OUTCOMES]) for r in rules]
    failing = {f["base"] for f in listed if f["outcome"] == "fail" and "reading" not in f}
    reading = {f["base"] for f in listed if "reading" in f}
    doubtful = any(
        "reading" in f and f["severity"] != "info" and f["outcome"] in {"fail", "rule_error"} for f in listed
    )
    ids = tuple(rule for rule, _ in rows)
    return (
        ids,
        tuple(r for r in ids if r in failing),
        tuple(rule for rule, counts in rows if counts[_NOT_VERIFIABLE]),
        tuple(rule for rule, counts in rows if counts[_RULE_ERROR]),
        tuple(r for r in ids if r in reading),
        doubtful,
    )


_NOT_VERIFIABLE = OUTCOMES.index(Outcome.NOT_VERIFIABLE.value)
_RULE_ERROR = OUTCOMES.index(Outcome.RULE_ERROR.value)
"""Where a rule's count of each outcome is in its :data:`~disclosure_core.rules.output.RuleCounts`."""


def findings_line(document: dict[str, Any], rows: list[RuleCounts]) -> bytes:
    """A document of :func:`~disclosure_core.rules.output.findings_parts` (with anything added after its
    findings) as :func:`utf8_json` writes the whole one: its rule rows and labels, which recur from report to
    report, are encoded once per process and put in.

    >>> from disclosure_core import check, load
    >>> from disclosure_core.rules.output import findings_json, findings_parts
    >>> report = load("examples/daixian-2020.json").report
    >>> findings_line(*findings_parts(report, check(report))) == utf8_json(findings_json(report, check(report)))
    True
    """
    from disclosure_core.rules.output import EncodedFinding
    from disclosure_core.rules.output import compact_json as encode  # _COMPACT's, its C encoder made once

    text = encode({**document, "findings": []})
    rules = ",".join(_ROWS.get((rule, *counts)) or _row(rule, counts) for rule, counts in rows)
    # A finding whose words recur comes encoded (EncodedFinding); the others are encoded one by one.
    listed = ",".join(f.encoded if type(f) is EncodedFinding else encode(f) for f in document["findings"])
    # The places are found by their keys: every quote inside a string value is escaped, so the first
    # ``,"rules":[],``, ``,"labels":{},`` and ``,"findings":[]`` of the text are the summary's and the document's.
    text = text.replace(_EMPTY_RULES, f',"rules":[{rules}],', 1).replace(_EMPTY_LABELS, _labels(), 1)
    text = text.replace(_EMPTY_FINDINGS, f',"findings":[{listed}]', 1)
    try:
        return (text + "\n").encode()
    except UnicodeEncodeError:  # a lone surrogate: the whole document, escaped as utf8_json writes it
        from disclosure_core.rules.output import labels_json, rule_row

        whole = {**document, "summary": {**document["summary"], "rules": [rule_row(*row) for row in rows]}}
        return utf8_json({**whole, "labels": labels_json()})


_EMPTY_RULES = ',"rules":[],'
_EMPTY_LABELS = ',"labels":{},'
_EMPTY_FINDINGS = ',"findings":[]'
_ROWS: dict[tuple[Any, ...], str] = {}
"""Rule rows encoded, by rule and counts: in a batch most reports repeat most rows."""
_LABELS: list[str] = []


def _row(rule: str, counts: list[int]) -> str:
    from disclosure_core.rules.output import rule_row

    if len(_ROWS) > 8192:  # counts vary with the data: the cache must stay small
        _ROWS.clear()
    text = _ROWS[(rule, *counts)] = _COMPACT.encode(rule_row(rule, counts))
    return text


def _labels() -> str:
    if not _LABELS:
        from disclosure_core.rules.output import labels_json

        _LABELS.append(f',"labels":{_COMPACT.encode(labels_json())},')
    return _LABELS[0]
