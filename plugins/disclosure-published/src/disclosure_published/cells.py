"""Reading one printed table cell into a value: counts, money with its unit, placeholders and blanks.

Published cells hold more than digits: "43101万元", "7件", "１２", "-", "——", "无". Every cell becomes a
:class:`~disclosure_core.values.CellValue` that keeps what was printed, plus a note when the text needed
interpreting. Nothing is turned into 0: a placeholder stays a placeholder, a blank stays blank.

>>> from disclosure_core.layouts import builtin_layout, CellAddress
>>> column = builtin_layout("gov-2019").column_of(CellAddress.parse("proactive.procurement.amount"))
>>> value, notes = read_cell("43101万元", column)
>>> value, notes[0].en, notes[0].zh
(Money(amount=Decimal('43101'), unit='万元'), 'unit typed into the cell: 43101万元', '单元格中填写了单位：43101万元')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from disclosure_core import AbsenceKind, Absent, CellValue, Count, Money, placeholder
from disclosure_core.catalogue import Text, words
from disclosure_core.layouts import CellKind, ColumnSpec
from disclosure_published.normalize import clean

PLACEHOLDERS = frozenset({"-", "--", "---", "—", "——", "———", "/", "//", "\\", "无", "無", "空", "N/A", "n/a", "×"})
"""Texts that stand for "nothing here" (after width folding): they become placeholders, never 0."""

NOT_APPLICABLE_TEXTS = frozenset({"不适用", "不涉及", "不适用本单位"})
"""Texts that say the cell does not apply to this body: they become not-applicable absences."""

MONEY_UNITS = ("亿元", "万元", "元")
COUNT_UNITS = ("人次", "件", "个", "项", "条", "次", "份", "宗", "起", "家", "人")
_MAX_DIGITS = 24  # far beyond any real count; keeps int() away from pathological inputs
_NUMBER = re.compile(rf"([+-]?)(\d{{1,3}}(?:,\d{{3}})+|\d{{1,{_MAX_DIGITS}}})(\.\d{{1,6}})?")
_UNITS = "|".join(MONEY_UNITS + COUNT_UNITS)
_VALUE = re.compile(rf"[+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,{_MAX_DIGITS}}})(?:\.\d{{1,6}})?(?:{_UNITS})?")


def looks_like_value(text: str) -> bool:
    """Whether printed text is a cell value (a number, perhaps with a unit, a placeholder, or nothing).

    >>> [looks_like_value(t) for t in ("0 ", "251000元", "——", "", "规章", "2020年")]
    [True, True, True, True, False, False]
    """
    folded = clean(text).replace(" ", "")
    return (
        not folded or folded in PLACEHOLDERS or folded in NOT_APPLICABLE_TEXTS or _VALUE.fullmatch(folded) is not None
    )


NEGATIVE = "published.cell.negative"
"""The key of the note on a negative count (an error: the number is not kept)."""


@attrs.frozen
class CellNote(Text):
    """A note on a cell's printed text: its words in both languages, and the catalogue ``key`` that says which
    note it is, so what follows from a note (its level) never depends on its words.

    >>> from disclosure_core.layouts import Label
    >>> value, (note,) = read_cell("-8", ColumnSpec("n", Label("数", "n")))
    >>> note.key == NEGATIVE, note.en.startswith("negative number '-8'")
    (True, True)
    """

    key: str = ""

    @classmethod
    def keyed(cls, key: str, /, **values: object) -> CellNote:
        """The note the catalogue's ``key`` says with ``values``."""
        said = words(key, **values)
        return cls(said.zh, said.en, key)


def is_placeholder(value: CellValue) -> bool:
    """Whether a cell holds one of the usual placeholders ("-", "/", "——", "无"): worth a note, not a warning.

    >>> from disclosure_core.layouts import Label
    >>> is_placeholder(read_cell("——", ColumnSpec("n", Label("数", "n")))[0]), is_placeholder(Absent())
    (True, False)
    """
    return (
        isinstance(value, Absent)
        and value.kind is AbsenceKind.PLACEHOLDER
        and clean(value.text).replace(" ", "") in PLACEHOLDERS
    )


def read_cell(text: str, column: ColumnSpec) -> tuple[CellValue, list[CellNote]]:
    """The value of a printed cell in ``column``, and notes on anything that needed interpreting."""
    folded = clean(text).replace(" ", "")
    if not folded:
        return Absent(AbsenceKind.BLANK, ""), []
    printed = clean(text)
    if folded in NOT_APPLICABLE_TEXTS:
        return Absent(AbsenceKind.NOT_APPLICABLE, printed), []
    if folded in PLACEHOLDERS:
        return placeholder(printed), [CellNote.keyed("published.cell.placeholder", printed=repr(printed))]
    unit = next((u for u in MONEY_UNITS + COUNT_UNITS if folded.endswith(u)), None)
    digits = folded[: -len(unit)] if unit else folded
    match = _NUMBER.fullmatch(digits)
    if match is None:
        return placeholder(printed), [CellNote.keyed("published.cell.not_number", printed=repr(printed))]
    sign, whole, fraction = match.groups()
    notes: list[CellNote] = []
    if "," in whole:
        notes.append(CellNote.keyed("published.cell.thousands", printed=repr(printed)))
    number = Decimal(sign + whole.replace(",", "") + (fraction or ""))
    if column.kind is CellKind.MONEY:
        return _money(number, unit, column, printed, notes)
    if unit in MONEY_UNITS:
        return placeholder(printed), [*notes, CellNote.keyed("published.cell.money_in_count", printed=repr(printed))]
    if unit is not None:
        notes.append(CellNote.keyed("published.cell.unit", printed=printed))
    if fraction and number != number.to_integral_value():
        return placeholder(printed), [*notes, CellNote.keyed("published.cell.not_whole", printed=repr(printed))]
    if fraction:
        notes.append(CellNote.keyed("published.cell.decimal_point", printed=repr(printed)))
    value = int(number)
    if value < 0 and column.kind is CellKind.COUNT:  # a report never holds one: see docs/robustness.md
        return placeholder(printed), [*notes, CellNote.keyed("published.cell.negative", printed=repr(printed))]
    return Count(value), notes


def _money(
    number: Decimal, unit: str | None, column: ColumnSpec, printed: str, notes: list[CellNote]
) -> tuple[CellValue, list[CellNote]]:
    try:
        amount = number.normalize() if number == number.to_integral_value() else number
        amount = amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount
    except InvalidOperation:
        return placeholder(printed), [*notes, CellNote.keyed("published.cell.not_amount", printed=repr(printed))]
    if unit in COUNT_UNITS:
        notes.append(CellNote.keyed("published.cell.count_unit", printed=repr(printed)))
        return Money(amount, column.unit), notes
    if unit is None:
        return Money(amount, column.unit), notes
    if column.unit is not None and unit != column.unit:
        notes.append(CellNote.keyed("published.cell.other_unit", unit=unit, expected=column.unit, printed=printed))
    else:
        notes.append(CellNote.keyed("published.cell.unit", printed=printed))
    return Money(amount, unit), notes
