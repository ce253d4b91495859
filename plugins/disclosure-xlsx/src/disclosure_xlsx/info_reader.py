"""Reading the 报告信息 sheet back: fields found by their labels in column A, values from column B.

Without a format, year, body or level there is no report, so those are load errors naming the cell; every
other field that cannot be read becomes a diagnostic and is left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from disclosure_core import (
    AssessmentWeight,
    Body,
    BodyLevel,
    Diagnostic,
    DiagnosticLevel,
    Facts,
    FeesCharged,
    Money,
    Provenance,
    Report,
    Section,
    Sections,
)
from disclosure_core.catalogue import Text, words
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout, unknown_layout
from disclosure_core.sources import fold
from disclosure_xlsx import info_sheet as f
from disclosure_xlsx.cells import parse_decimal
from disclosure_xlsx.workbook_reader import Grid, normalize

_TOP = {
    normalize(label): label
    for label in (f.FORMAT, f.YEAR, f.BODY, f.LEVEL, f.REGION, f.PUBLISHED, f.PUBLISHER, f.CONTACT, f.TITLE)
}


@functools.cache
def _sections() -> dict[str, str]:
    return {normalize(name): section_id for section_id, name in f.section_names().items()}


_GROUP_FIELDS = {
    "weight": {normalize(x): x for x in (f.SENTENCE, f.PERCENT, f.AT_LEAST, f.POINTS, f.BASE)},
    "fees": {normalize(x): x for x in (f.FEE_COUNT, f.FEE_AMOUNT, f.FEE_UNIT, f.SENTENCE)},
}
_LEVELS = {normalize(name): level for level, name in f.LEVEL_NAMES.items()} | {
    level.value: level for level in BodyLevel
}
_YES = {"是", "有", "yes", "y", "true", "1"}
_NO = {"否", "无", "no", "n", "false", "0"}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


@attrs.define
class _Group:
    row: int
    marker: object = None
    fields: dict[str, tuple[int, object]] = attrs.field(factory=dict)
    paragraphs: list[str] = attrs.field(factory=list)

    def has_content(self) -> bool:
        return bool(self.paragraphs) or any(value not in (None, "") for _, value in self.fields.values())


class _Reader:
    def __init__(self, grid: Grid, origin: str) -> None:
        self.grid, self.origin = grid, origin
        self.notes: list[Diagnostic] = []
        self.top: dict[str, tuple[int, object]] = {}
        self.groups: dict[str, _Group] = {}

    def where(self, row: int, column: str = "B") -> Provenance:
        return Provenance(self.origin, cell=f"{f.INFO_SHEET}!{column}{row}")

    def note(self, row: int, key: str, level: DiagnosticLevel = DiagnosticLevel.WARNING, **values: object) -> None:
        """A diagnostic on row ``row`` of the information sheet: the catalogue's ``key`` filled with ``values``."""
        said = words(key, **values)
        place = f"{f.INFO_SHEET}!B{row}"
        message = Text(f"{place}：{said.zh}", f"{place}: {said.en}")
        self.notes.append(Diagnostic(message.en, level, self.where(row), "info-sheet", message, key))

    def scan(self) -> None:
        current: str | None = None
        for row in range(1, self.grid.last_row + 1):
            label, value = self.grid.text(row, 1), self.grid.get(row, 2)
            if label in _TOP and current is None:
                self.top[_TOP[label]] = (row, value)
            elif label == normalize(f.LEAD):
                current = "lead"
                self.groups[current] = _Group(row)
            elif label in _sections() or label in (normalize(f.WEIGHT), normalize(f.FEES)):
                current = _sections().get(label) or ("weight" if label == normalize(f.WEIGHT) else "fees")
                self.groups[current] = _Group(row, marker=value)
            elif current is None or value in (None, ""):
                if value not in (None, ""):
                    self.note(row, "xlsx.info.unknown_row", label=repr(self.grid.get(row, 1)))
            elif current in _GROUP_FIELDS and label in _GROUP_FIELDS[current]:
                self.groups[current].fields[_GROUP_FIELDS[current][label]] = (row, value)
            elif current not in _GROUP_FIELDS and label == normalize(f.HEADING):
                self.groups[current].fields[f.HEADING] = (row, value)
            elif current not in _GROUP_FIELDS and label in ("", normalize(f.PARAGRAPH)):
                self.groups[current].paragraphs.append(_text(value))
            else:
                first = self.grid.get(row, 1)
                shown = Text(str(first), str(first)) if first else words("xlsx.info.unlabelled")
                self.note(row, "xlsx.info.not_in_group", label=shown)

    def required(self, label: str) -> tuple[int, object]:
        row, value = self.top.get(label, (0, None))
        if value in (None, ""):
            place = f"{f.INFO_SHEET}!B{row}" if row else f.INFO_SHEET
            raise LoadError.keyed("xlsx.info.missing", where=f"{self.origin}: {place}", label=label)
        return row, value

    def text(self, label: str) -> str | None:
        value = self.top.get(label, (0, None))[1]
        return None if value in (None, "") else _text(value)

    def present(self, group_id: str) -> _Group | None:
        group = self.groups.get(group_id)
        if group is None:
            return None
        marker = normalize(group.marker).lower()
        if marker in _NO:
            if group.has_content():
                self.note(group.row, "xlsx.info.marked_no")
                return group
            return None
        if marker and marker not in _YES:
            self.note(group.row, "xlsx.info.marker", got=repr(group.marker))
        return group if marker in _YES or group.has_content() else None


def read_info(grid: Grid, origin: str, layouts: Mapping[str, Layout]) -> tuple[Report, list[Diagnostic]]:
    """The report's metadata, sections and facts (tables empty), with what was noticed on the way."""
    reader = _Reader(grid, origin)
    reader.scan()
    row, format_id = reader.required(f.FORMAT)
    format_id = normalize(format_id)
    if format_id not in layouts:
        raise LoadError.said(unknown_layout(format_id, layouts), where=f"{origin}: {f.INFO_SHEET}!B{row}")
    row, year_value = reader.required(f.YEAR)
    year = _year(year_value)
    if year is None:
        raise LoadError.keyed("xlsx.info.year", where=f"{origin}: {f.INFO_SHEET}!B{row}", got=repr(year_value))
    row, level_value = reader.required(f.LEVEL)
    level = _LEVELS.get(normalize(level_value))
    if level is None:
        allowed = "、".join(f.LEVEL_NAMES.values())
        raise LoadError.keyed(
            "xlsx.info.level", where=f"{origin}: {f.INFO_SHEET}!B{row}", got=repr(level_value), allowed=allowed
        )
    row, name = reader.required(f.BODY)
    published = None
    if (value := reader.top.get(f.PUBLISHED, (0, None)))[1] not in (None, ""):
        published = _date(value[1])
        if published is None:
            reader.note(value[0], "xlsx.info.date", DiagnosticLevel.ERROR, got=repr(value[1]))
    lead = reader.groups.get("lead")
    report = Report(
        format=format_id,
        year=year,
        body=Body(_text(name), level, reader.text(f.REGION)),
        published=published,
        publisher=reader.text(f.PUBLISHER),
        contact=reader.text(f.CONTACT),
        title=reader.text(f.TITLE),
        lead=tuple(lead.paragraphs) if lead else (),
        sections=Sections(**{section_id: _section(reader, section_id) for section_id in f.section_names()}),
        facts=Facts(_weight(reader), _fees(reader)),
        provenance=Provenance(origin),
    )
    return report, reader.notes


def _section(reader: _Reader, section_id: str) -> Section | None:
    group = reader.present(section_id)
    if group is None:
        return None
    heading = group.fields.get(f.HEADING, (0, None))[1]
    return Section(None if heading in (None, "") else _text(heading), tuple(group.paragraphs))


def _weight(reader: _Reader) -> AssessmentWeight | None:
    group = reader.present("weight")
    if group is None:
        return None
    at_least = normalize(group.fields.get(f.AT_LEAST, (0, None))[1]).lower() in _YES
    sentence = group.fields.get(f.SENTENCE, (0, None))[1]
    return AssessmentWeight(
        "" if sentence in (None, "") else _text(sentence),
        _decimal(reader, group, f.PERCENT),
        at_least,
        _decimal(reader, group, f.POINTS),
        _decimal(reader, group, f.BASE),
    )


def _fees(reader: _Reader) -> FeesCharged | None:
    group = reader.present("fees")
    if group is None:
        return None
    count = _decimal(reader, group, f.FEE_COUNT)
    if count is not None and count != count.to_integral_value():
        reader.note(group.fields[f.FEE_COUNT][0], "xlsx.info.not_whole", DiagnosticLevel.ERROR, number=count)
        count = None
    amount = _decimal(reader, group, f.FEE_AMOUNT)
    unit = normalize(group.fields.get(f.FEE_UNIT, (0, None))[1]) or None
    sentence = group.fields.get(f.SENTENCE, (0, None))[1]
    return FeesCharged(
        None if count is None else int(count),
        None if amount is None else Money(amount, unit),
        None if sentence in (None, "") else _text(sentence),
    )


def _decimal(reader: _Reader, group: _Group, label: str) -> Decimal | None:
    row, value = group.fields.get(label, (0, None))
    if value in (None, ""):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    number = parse_decimal(str(value))
    if number is None:
        reader.note(row, "xlsx.info.not_number", DiagnosticLevel.ERROR, label=label, got=repr(value))
    return number


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 1900 < value < 3000 else None
    text = fold(str(value)).strip().removesuffix("年")
    return int(text) if text.isdigit() and 1900 < int(text) < 3000 else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.fullmatch(fold(str(value)).strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
