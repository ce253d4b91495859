"""Reading a register of requests (CSV or XLSX) into entries, reporting bad lines by their line numbers.

A CSV file may be UTF-8 (with or without BOM) or GB18030 (what Excel saves on a Chinese system), separated
by commas, tabs or semicolons. An XLSX file is read from its first sheet that has the needed headers; it
needs openpyxl: the extra ``disclosure-core[xlsx]`` (the disclosure-xlsx plugin brings it too). The header row is the first non-empty row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Generator, Iterator
from typing import Any

import attrs

from disclosure_core._archives import check_archive
from disclosure_core._formats import Diagnostic, DiagnosticLevel
from disclosure_core.catalogue import place_of, reason, words
from disclosure_core.errors import LoadError, UsageError
from disclosure_core.folding import fold
from disclosure_core.layouts import Layout
from disclosure_core.ledger.vocabulary import (
    COLUMNS,
    REQUIRED_COLUMNS,
    applicant_names,
    lookup,
    name_key,
    outcome_names,
)
from disclosure_core.text import Text
from disclosure_core.values import Provenance

_HEADERS = {name_key(header): column for column, headers in COLUMNS.items() for header in headers}
_DATE = re.compile(r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))")
_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_MAX_ROWS = 200_000
_HEADER_SEARCH = 10
"""How many non-empty rows may precede the header row (a title, a note)."""


@attrs.frozen
class LedgerEntry:
    """One request of the register: when it came, from whom, and (once closed) how and when it ended."""

    id: str
    received: dt.date
    applicant: str
    outcome: str | None
    closed: dt.date | None
    line: int


@attrs.frozen
class Register:
    """The entries read from a register file and what was wrong with the lines left out."""

    entries: tuple[LedgerEntry, ...]
    diagnostics: tuple[Diagnostic, ...]


def read_register(data: bytes, *, origin: str, layout: Layout) -> Register:
    """Read a register; outcome names are those of ``layout`` (the format of the year being counted).

    >>> text = "编号,收到日期,申请人类型,办理结果,办结日期\\nA1,2024-12-20,自然人,予以公开,2025-01-06\\n"
    >>> from disclosure_core.layouts import builtin_layout
    >>> read_register(text.encode(), origin="r.csv", layout=builtin_layout("gov-2021")).entries[0].outcome
    'granted'
    """
    notes: list[Diagnostic] = []
    rows = _xlsx_rows(data, origin) if data.startswith(b"PK\x03\x04") else _csv_rows(data, origin, notes)
    applicants, outcomes = applicant_names(layout), outcome_names(layout)
    columns: dict[str, int] | None = None
    entries: list[LedgerEntry] = []
    refused: LoadError | None = None
    for seen, (line, cells) in enumerate(rows):
        if columns is None:
            try:
                columns = _header(cells, origin, line)
            except LoadError as error:  # a title or a note may stand above the header row
                refused = refused or error
                if seen >= _HEADER_SEARCH:
                    raise refused from None
            continue
        entry = _entry(cells, columns, line, origin, applicants, outcomes, notes)
        if entry is not None:
            entries.append(entry)
    if columns is None:
        raise refused or LoadError.keyed("ledger.no_header", where=origin)
    _report_duplicates(entries, origin, notes)
    return Register(tuple(entries), tuple(notes))


def _header(cells: list[str], origin: str, line: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = _HEADERS.get(name_key(cell))
        if column is not None and column not in columns:
            columns[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        headers = {column: "/".join([h for h in COLUMNS[column] if not h.isascii()][:2]) for column in missing}
        # In Chinese the headers a register prints; in English the column's id with them.
        wanted = Text("；".join(headers.values()), "; ".join(f"{column} ({headers[column]})" for column in missing))
        raise LoadError.keyed("ledger.missing_columns", where=place_of(origin, line=line), columns=wanted)
    return columns


def _entry(
    cells: list[str],
    columns: dict[str, int],
    line: int,
    origin: str,
    applicants: dict[str, str],
    outcomes: dict[str, str],
    notes: list[Diagnostic],
) -> LedgerEntry | None:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def fail(key: str, **values: object) -> None:
        where = Provenance(origin, line=line)
        problem = words(key, **values)
        notes.append(Diagnostic.keyed("ledger.not_counted", DiagnosticLevel.ERROR, where, "ledger", problem=problem))

    received, closed = _date(cell("received")), _date(cell("closed"))
    applicant = lookup(applicants, cell("applicant")) if cell("applicant") else None
    outcome = lookup(outcomes, cell("outcome")) if cell("outcome") else None
    if isinstance(received, str):
        fail("ledger.received_date", date=repr(received))
    elif isinstance(closed, str):
        fail("ledger.closing_date", date=repr(closed))
    elif received is None:
        fail("ledger.no_received")
    elif applicant is None:
        fail("ledger.applicant", applicant=repr(cell("applicant")))
    elif cell("outcome") and outcome is None:
        fail("ledger.outcome", outcome=repr(cell("outcome")))
    elif closed is not None and closed < received:
        fail("ledger.closed_before", closed=closed, received=received)
    elif (closed is None) != (outcome is None):
        fail("ledger.outcome_and_date")
    else:
        return LedgerEntry(cell("id") or f"line {line}", received, applicant, outcome, closed, line)
    return None


def _date(text: str) -> dt.date | str | None:
    """A date, None for an empty cell, or the text itself when it is no possible date."""
    if not text:
        return None
    normal = _TIME.sub("", fold(text).strip())  # "2024-12-20 00:00:00" from a spreadsheet
    match = _DATE.fullmatch(normal)
    if match is None:
        return text
    year = int(match[1])
    month, day = (int(match[2]), int(match[3])) if match[2] else (int(match[4]), int(match[5]))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return text
    return date if 1990 <= year <= 2100 else text


def _report_duplicates(entries: list[LedgerEntry], origin: str, notes: list[Diagnostic]) -> None:
    first: dict[str, int] = {}
    for entry in entries:
        if entry.id in first:
            where = Provenance(origin, line=entry.line)
            note = Diagnostic.keyed(
                "ledger.duplicate", DiagnosticLevel.WARNING, where, "ledger", id=repr(entry.id), line=first[entry.id]
            )
            notes.append(note)
        else:
            first[entry.id] = entry.line


def _csv_rows(data: bytes, origin: str, notes: list[Diagnostic]) -> Iterator[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise LoadError.keyed("published.encoding", where=place_of(origin, byte=exc.start)) from None
        notes.append(Diagnostic.keyed("reader.gb18030", DiagnosticLevel.INFO, Provenance(origin), "encoding"))
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", "\t", ";", "，"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            if reader.line_num > _MAX_ROWS:
                raise LoadError.keyed("ledger.too_long", where=origin, limit=_MAX_ROWS)
            if any(cell.strip() for cell in cells):
                yield reader.line_num, cells
    except csv.Error as exc:
        raise LoadError.keyed("ledger.csv", where=place_of(origin, line=reader.line_num), reason=reason(exc)) from None


def _xlsx_rows(data: bytes, origin: str) -> Iterator[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:
        raise UsageError.keyed("ledger.openpyxl", where=origin) from None
    check_archive(data, origin=origin)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files; each is a load error here
        raise LoadError.keyed("xlsx.unreadable", where=origin, reason=reason(exc, kind=True)) from None
    try:
        sheets = workbook.worksheets
        chosen = next((sheet for sheet in sheets if _has_header(sheet)), sheets[0] if sheets else None)
        if chosen is not None:
            yield from _sheet_rows(chosen)
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError.keyed("xlsx.damaged", where=origin, reason=reason(exc, kind=True)) from None
    finally:
        workbook.close()


_MAX_COLUMNS = 64
"""A register has a dozen columns; a sheet may declare 16 384 (``A1:XFD1048576``), and openpyxl would pad every
row to its declared width. Rows and columns past these bounds are never read."""


def _sheet_rows(sheet: Any) -> Generator[tuple[int, list[str]], None, None]:
    """The non-empty rows of a sheet with their row numbers, trailing empty cells dropped, one at a time."""
    sheet.reset_dimensions()  # the declared dimension may be anything; read what is there, within the bounds
    rows = sheet.iter_rows(min_row=1, max_row=_MAX_ROWS, max_col=_MAX_COLUMNS, values_only=True)
    for number, row in enumerate(rows, start=1):
        cells = _texts(row)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield number, cells


def _has_header(sheet: Any) -> bool:
    """Whether one of the sheet's first non-empty rows names every required column."""
    rows = _sheet_rows(sheet)
    try:
        heads = [{_HEADERS.get(name_key(c)) for c in cells} for _, cells in itertools.islice(rows, _HEADER_SEARCH + 1)]
    finally:
        rows.close()  # the sheet's XML stream is closed now, not when the generator is collected
    return any(all(column in head for column in REQUIRED_COLUMNS) for head in heads)


def _texts(row: tuple[object, ...]) -> list[str]:
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    return [text(value) for value in row]
