"""A batch's summary tables, written as the results stream past (one row at a time, never a list of them):
``summary.csv`` and ``summary.json`` (one row per report) and ``rules.csv`` (one row per rule).

Text in the CSV files comes from untrusted reports (body names, paths, error messages): a cell that a
spreadsheet would take for a formula (starting with ``= + - @``, a tab or a carriage return) is prefixed
with an apostrophe, as OWASP recommends against CSV injection. ``summary.json`` keeps the text as it is.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from disclosure_core._batch_record import REPORT_COLUMNS

RULE_COLUMNS = ["rule", "reports_failing", "reports_not_verifiable", "reports_rule_error", "reports_reading_concerns"]
SUMMARY_SCHEMA = "disclosure-core/batch-summary/1"
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet evaluates: text that could start a formula gets a leading
    apostrophe; numbers and other text are unchanged.

    >>> neutralised("=2+3"), neutralised("-1"), neutralised("某县"), neutralised(-1)
    ("'=2+3", "'-1", '某县', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A file written in pieces that appears at ``path`` whole (synced) when the block ends, and not at all
    when it fails; meanwhile it is a ``.part`` file beside it, as :func:`~disclosure_core._files.write_atomic`
    names them."""
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
    handle = open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb")  # noqa: SIM115
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


class SummaryWriter:
    """Writes the three summary files into ``root`` row by row, and counts what the batch says at the end.
    ``rule_lists`` are the lists of rules checked, by the key a journal entry names its list with (a mapping
    that may grow as the run goes: a list is looked up when a report first names it).

    Use as a context manager: leaving with an exception leaves the previous summaries in place.
    """

    def __init__(self, root: Path, rule_lists: Mapping[str, Iterable[str]]) -> None:
        self._stack = contextlib.ExitStack()
        self._root = root
        self._lists = rule_lists
        self._rule_lists: dict[str, frozenset[str]] = {}
        self._checked: set[str] = set()
        self.counts = dict.fromkeys(("reports", "unreadable", "failing", "doubtful", "unsure"), 0)
        """Reports; unreadable ones; failing (an error or warning on exactly read cells); doubtful (a reading
        concern); unsure (tables not read with confidence)."""
        self.doubtful_failures = False
        """Whether a reading concern fails at error or warning level somewhere."""
        self._per_rule: dict[str, Counter[str]] = {}
        self._first = True
        self._line = io.StringIO()
        self._writer = csv.writer(self._line, lineterminator="\n")

    def __enter__(self) -> SummaryWriter:
        stack = self._stack.__enter__()
        self._csv = stack.enter_context(atomic_file(self._root / "summary.csv"))
        self._json = stack.enter_context(atomic_file(self._root / "summary.json"))
        self._rules = stack.enter_context(atomic_file(self._root / "rules.csv"))
        # A BOM so that Excel, which most offices will open this with, reads the Chinese names as UTF-8.
        self._csv.write(("\ufeff" + _csv_line(REPORT_COLUMNS)).encode())
        self._json.write(f'{{"schema": {json.dumps(SUMMARY_SCHEMA)}, "reports": ['.encode())
        return self

    def add(self, entry: dict[str, Any]) -> None:
        """One report: its journal entry (row, the key of its list of rules, and the rules failing in it)."""
        row = entry["row"]
        self._writer.writerow([neutralised(row[c]) for c in REPORT_COLUMNS])
        self._csv.write(_text(self._line.getvalue()))
        self._line.seek(0)
        self._line.truncate()
        prefix = "\n" if self._first else ",\n"
        self._json.write(prefix.encode() + _json_text(row))
        self._first = False
        self._count(entry)
        key = entry["rules"]
        checked = self._rule_lists.get(key)
        if checked is None:  # a rule checked somewhere gets its row, though no report fails it
            checked = self._rule_lists[key] = frozenset(self._lists.get(key, ()))
            self._checked.update(checked)
        # Only the few rules a report lists are counted: a rule it merely passes adds nothing.
        for kind, column in _COUNTED:
            for rule in entry[kind]:
                if rule in checked:
                    self._per_rule.setdefault(rule, Counter())[column] += 1

    def _count(self, entry: dict[str, Any]) -> None:
        row, counts = entry["row"], self.counts
        counts["reports"] += 1
        counts["unreadable"] += bool(row["error"])
        if not row["error"]:
            counts["failing"] += bool(row["failing_error"] or row["failing_warning"])
            counts["doubtful"] += bool(row["reading_concerns"])
            counts["unsure"] += not row["read_with_confidence"]
            self.doubtful_failures = self.doubtful_failures or entry["doubtful"]

    def failing_rules(self) -> int:
        """How many rules fail in at least one report so far."""
        return sum(1 for counts in self._per_rule.values() if counts["reports_failing"])

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            rules: list[dict[str, Any]] = [
                {"rule": rule, **{c: self._per_rule.get(rule, Counter())[c] for c in RULE_COLUMNS[1:]}}
                for rule in sorted(self._checked)
            ]
            self._rules.write(("\ufeff" + _csv_line(RULE_COLUMNS)).encode())
            for rule_row in rules:
                self._rules.write(_text(_csv_line([neutralised(rule_row[c]) for c in RULE_COLUMNS])))
            listed = b",\n".join(_json_text(r) for r in rules)
            self._json.write(b'\n], "rules": [\n' + listed + b"\n]}\n")
        self._stack.__exit__(*exc_info)  # type: ignore[arg-type]


_COUNTED = [
    ("failing", "reports_failing"),
    ("not_verifiable", "reports_not_verifiable"),
    ("rule_error", "reports_rule_error"),
    ("reading", "reports_reading_concerns"),
]
"""Which rules of a journal entry count towards which column of ``rules.csv``."""


def _json_text(value: Any) -> bytes:
    # The text as it is; all escaped where UTF-8 cannot hold it (a lone surrogate): the same text read back.
    try:
        return json.dumps(value, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(value).encode()


def _text(text: str) -> bytes:
    # A lone surrogate (from an escaped JSON input or an undecodable file name) is shown, not fatal.
    return text.encode(errors="backslashreplace")


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()
