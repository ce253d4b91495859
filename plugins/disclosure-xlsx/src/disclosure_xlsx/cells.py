"""One value cell, both ways: a cell value to what the sheet holds, and what a person typed back to a value.

Reading tolerates what people type into a workbook — numbers as text, "7件", full-width digits, spaces,
thousands separators, placeholders — and says what it did in a diagnostic. Anything that is not a number
stays an absence that keeps its text; nothing is turned into 0.

>>> from disclosure_core.layouts import builtin_layout
>>> column = builtin_layout("gov-2021").table("requests").column("total")
>>> value, notes = read_value("７件 ", column, Provenance("a.xlsx", cell="表2!J7"))
>>> value, notes[0].message
(Count(value=7), "表2!J7: read '７件 ' as 7 (typed as text, full-width characters, unit typed into the cell, spaces around it)")
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from disclosure_core import AbsenceKind, Absent, CellValue, Count, Diagnostic, DiagnosticLevel, Money, Provenance
from disclosure_core.catalogue import Text, join, words
from disclosure_core.layouts import CellKind, ColumnSpec
from disclosure_core.sources import fold, located

Content = int | Decimal | str | None
"""What a value cell holds in the workbook: a number, a text, or nothing."""

NOT_APPLICABLE_TEXT = "不适用"
PLACEHOLDER_TEXTS = frozenset({"-", "--", "/", "—", "——", "―", "─", "无", "空", "×", "x", "X", "/-"})
NOT_APPLICABLE_TEXTS = frozenset({NOT_APPLICABLE_TEXT, "不涉及"})
COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "宗", "起", "家", "份", "例")
MONEY_UNITS = ("万元", "元")
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?(?P<unit>"
    + "|".join(COUNT_UNITS + MONEY_UNITS)
    + ")?"
)
_EXACT_FLOAT_LIMIT = 10**15


def cell_content(value: CellValue) -> Content:
    """What to write into the sheet for ``value``: numbers as numbers, absences as their text.

    >>> cell_content(Count(7)), cell_content(Absent(AbsenceKind.NOT_APPLICABLE))
    (7, '不适用')
    """
    if isinstance(value, Count):
        # Spreadsheets hold numbers as doubles: a count too large for one stays exact as text.
        return value.value if abs(value.value) < _EXACT_FLOAT_LIMIT else str(value.value)
    if isinstance(value, Money):
        exact = abs(value.amount) < _EXACT_FLOAT_LIMIT and Decimal(repr(float(value.amount))) == value.amount
        return value.amount if exact else str(value.amount)
    if value.kind is AbsenceKind.NOT_APPLICABLE:
        return value.text or NOT_APPLICABLE_TEXT
    return value.text or None


def read_value(
    raw: object, column: ColumnSpec, where: Provenance, unit: str | None = None
) -> tuple[CellValue, list[Diagnostic]]:
    """Interpret what a value cell holds; ``unit`` is the money unit given beside the cell, if any."""
    cell = where.cell or "cell"
    if raw is None:
        return located(Absent(), where), []
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        text = raw.isoformat() if isinstance(raw, dt.date | dt.time) else str(raw).upper()
        return _not_a_number(text, where, "xlsx.cell.date", cell=cell, text=text)
    if isinstance(raw, int | float | Decimal):
        return _from_number(Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw)), column, where, unit, [])
    if not isinstance(raw, str):
        return _not_a_number(str(raw), where, "xlsx.cell.unreadable", cell=cell, raw=repr(raw))
    return _from_text(raw, column, where, unit)


def _from_text(raw: str, column: ColumnSpec, where: Provenance, unit: str | None) -> tuple[CellValue, list[Diagnostic]]:
    cell = where.cell or "cell"
    stripped = raw.strip()
    if not stripped:
        note = Diagnostic.keyed("xlsx.cell.spaces", DiagnosticLevel.INFO, where, "blank-spaces", cell=cell)
        return located(Absent(AbsenceKind.BLANK, raw), where), [note]
    normal = fold(stripped).replace("\u2212", "-").replace(" ", "")
    if normal in NOT_APPLICABLE_TEXTS:
        text = "" if stripped == NOT_APPLICABLE_TEXT else stripped
        return located(Absent(AbsenceKind.NOT_APPLICABLE, text), where), []
    if normal in PLACEHOLDER_TEXTS:
        note = Diagnostic.keyed(
            "xlsx.cell.placeholder", DiagnosticLevel.INFO, where, "placeholder", cell=cell, text=repr(stripped)
        )
        return located(Absent(AbsenceKind.PLACEHOLDER, stripped), where), [note]
    match = _NUMBER.fullmatch(normal)
    if match is None:
        return _not_a_number(stripped, where, "xlsx.cell.not_number", cell=cell, text=repr(stripped))
    how = [words("xlsx.how.text")]
    if normal != stripped.replace(" ", ""):
        how.append(words("xlsx.how.full_width"))
    if "," in match["digits"]:
        how.append(words("xlsx.how.thousands"))
    typed_unit = match["unit"]
    if typed_unit:
        how.append(words("xlsx.how.unit"))
    if stripped != raw:
        how.append(words("xlsx.how.spaces"))
    number = Decimal(match["sign"] + match["digits"].replace(",", "") + (match["fraction"] or ""))
    if typed_unit in MONEY_UNITS:
        if column.kind is not CellKind.MONEY:
            return _not_a_number(stripped, where, "xlsx.cell.money_in_count", cell=cell, text=repr(stripped))
        if unit is not None and unit != typed_unit:
            how.append(words("xlsx.how.overrides", typed=typed_unit, unit=unit))
        unit = typed_unit
    elif typed_unit and column.kind is CellKind.MONEY:
        return _not_a_number(stripped, where, "xlsx.cell.count_in_money", cell=cell, text=repr(stripped))
    value, notes = _from_number(number, column, where, unit, [])
    if not value.is_absent:
        level = DiagnosticLevel.WARNING if typed_unit else DiagnosticLevel.INFO
        code = "unit-in-cell" if typed_unit else "number-as-text"
        shown = Text(join([h.zh for h in how]), join([h.en for h in how], "en"))
        notes.insert(
            0,
            Diagnostic.keyed(
                "xlsx.cell.read_as", level, where, code, cell=cell, raw=repr(raw), value=value.number, how=shown
            ),
        )
    return value, notes


def _from_number(
    number: Decimal, column: ColumnSpec, where: Provenance, unit: str | None, notes: list[Diagnostic]
) -> tuple[CellValue, list[Diagnostic]]:
    cell = where.cell or "cell"
    if column.kind is CellKind.MONEY:
        if number < 0:
            notes.append(
                Diagnostic.keyed(
                    "xlsx.cell.negative_amount", DiagnosticLevel.WARNING, where, "negative", cell=cell, number=number
                )
            )
        return located(Money(number, unit), where), notes
    if number != number.to_integral_value():
        return _not_a_number(str(number), where, "xlsx.cell.not_whole", cell=cell, number=number)
    count = int(number)
    if count < 0 and column.kind is CellKind.COUNT:  # a report never holds one: see docs/robustness.md
        notes.append(
            Diagnostic.keyed("xlsx.cell.negative", DiagnosticLevel.ERROR, where, "negative", cell=cell, count=count)
        )
        return located(Absent(AbsenceKind.PLACEHOLDER, str(count)), where), notes
    return located(Count(count), where), notes


def _not_a_number(text: str, where: Provenance, key: str, /, **values: object) -> tuple[CellValue, list[Diagnostic]]:
    note = Diagnostic.keyed(key, DiagnosticLevel.ERROR, where, "not-a-number", **values)
    return located(Absent(AbsenceKind.PLACEHOLDER, text), where), [note]


def parse_decimal(text: str) -> Decimal | None:
    """A plain decimal number in ``text`` (full-width digits and spaces tolerated), or None.

    >>> parse_decimal(" ４.５ "), parse_decimal("四")
    (Decimal('4.5'), None)
    """
    normal = fold(text).strip().replace(",", "")
    try:
        number = Decimal(normal)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
