"""Cell values: exact counts, money with its unit, and the three kinds of absence — never confused with 0.

>>> Count(7).number, Money(Decimal("43101"), "万元").number, BLANK.number
(7, Decimal('43101'), None)
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs


class Reading(enum.StrEnum):
    """How confidently a source read a cell: the document showed it, or the reader had to decide.

    ``EXACT``: printed in its place, label matched exactly. ``CHOSEN``: several readings were possible
    (a shifted row, a continued table, digits run together) and the layout's arithmetic chose this one.
    ``FUZZY_LABEL``: the row or column label was printed differently (a typo, the other format's
    wording) and matched with tolerance. ``UNCERTAIN``: the reader could not decide; the value kept is
    one of ``Provenance.alternatives``.

    >>> Reading.UNCERTAIN.is_exact, Reading.EXACT.is_exact
    (False, True)
    """

    EXACT = "exact"
    CHOSEN = "chosen"
    FUZZY_LABEL = "fuzzy_label"
    UNCERTAIN = "uncertain"

    @property
    def is_exact(self) -> bool:
        """True only for a cell the document showed unambiguously."""
        return self is Reading.EXACT


@attrs.frozen
class Provenance:
    """Where a value was read: file, page, line and the table cell as printed (e.g. "R5C3"), and how surely.

    Provenance never takes part in equality: the same number read from two files is the same number.
    ``reading`` says how the cell was read; ``alternatives`` lists the other values the document admits
    (as printed, e.g. ``("81", "8")``) and ``reason`` says why in a few words ("read from a table
    continued on page 4").

    >>> a = Count(7, provenance=Provenance("daixian.txt", line=63, cell="R5C2"))
    >>> str(a.provenance), a == Count(7)
    ('daixian.txt, line 63, cell R5C2', True)
    >>> Provenance("a.txt", reading=Reading.UNCERTAIN, alternatives=("1", "11")).reading.is_exact
    False
    """

    source: str | None = None
    page: int | None = None
    line: int | None = None
    cell: str | None = None
    reading: Reading = Reading.EXACT
    alternatives: tuple[str, ...] = ()
    reason: str | None = None

    def __str__(self) -> str:
        parts = [self.source or "<input>"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts)


_provenance = attrs.field(default=None, eq=False, kw_only=True, repr=False)


@attrs.frozen
class Count:
    """A whole number of documents, decisions, requests or cases (signed only where the layout allows).

    >>> Count(7) == Count(7, provenance=Provenance("a.txt", line=3))
    True
    """

    value: int = attrs.field(validator=attrs.validators.instance_of(int))
    provenance: Provenance | None = _provenance

    def __attrs_post_init__(self) -> None:
        if isinstance(self.value, bool):  # a bool is an int to Python, never a count to a report
            raise TypeError(f"'value' must be a whole number, not a bool ({self.value!r})")

    @property
    def number(self) -> int:
        """The number this cell holds."""
        return self.value

    @property
    def is_absent(self) -> bool:
        """False: a count is present."""
        return False


@attrs.frozen
class Money:
    """An exact amount with the unit it was given in ("万元", "元"), or None where no unit was stated.

    >>> Money(Decimal("251000"), "元").in_wan_yuan()
    Decimal('25.1')
    """

    amount: Decimal = attrs.field(validator=attrs.validators.instance_of(Decimal))
    unit: str | None = None
    provenance: Provenance | None = _provenance

    @property
    def number(self) -> Decimal:
        """The amount, in its own unit."""
        return self.amount

    @property
    def is_absent(self) -> bool:
        """False: an amount is present."""
        return False

    def in_wan_yuan(self) -> Decimal | None:
        """The amount in 万元 (10 000 yuan), or None when the unit is unknown."""
        if self.unit == "万元":
            return self.amount
        if self.unit == "元":
            return (self.amount / 10000).normalize()
        return None


class AbsenceKind(enum.StrEnum):
    """Why a cell has no number: left blank, filled with a placeholder ("-", "/", "无"), or not applicable.

    >>> placeholder("/").kind, BLANK.kind
    (<AbsenceKind.PLACEHOLDER: 'placeholder'>, <AbsenceKind.BLANK: 'blank'>)
    """

    BLANK = "blank"
    PLACEHOLDER = "placeholder"
    NOT_APPLICABLE = "not_applicable"


@attrs.frozen
class Absent:
    """A cell without a number; ``text`` keeps what was printed (e.g. "—").

    >>> Absent(AbsenceKind.PLACEHOLDER, "/").number is None
    True
    """

    kind: AbsenceKind = AbsenceKind.BLANK
    text: str = ""
    provenance: Provenance | None = _provenance

    @property
    def number(self) -> None:
        """None: there is no number."""
        return None

    @property
    def is_absent(self) -> bool:
        """True."""
        return True


CellValue = Count | Money | Absent
Number = int | Decimal

BLANK = Absent()
NOT_APPLICABLE = Absent(AbsenceKind.NOT_APPLICABLE)


def placeholder(text: str) -> Absent:
    """A placeholder cell keeping its printed text.

    >>> placeholder("-")
    Absent(kind=<AbsenceKind.PLACEHOLDER: 'placeholder'>, text='-')
    """
    return Absent(AbsenceKind.PLACEHOLDER, text)


def located(value: CellValue, where: Provenance | None) -> CellValue:
    """The same value, now saying where it was read.

    >>> located(Count(3), Provenance("a.txt", line=9)).provenance.line
    9
    """
    return attrs.evolve(value, provenance=where)


def as_value(value: CellValue | int | Decimal | None, where: object = None) -> CellValue:
    """Coerce a Python number (or None for blank) into a cell value; cell values pass through.

    Anything else — a float, a bool, a string of digits — is refused with a :class:`UsageError` naming the
    cell (``where``): a report holds counts as ``int`` and money as ``Decimal``, exactly.

    >>> as_value(3), as_value(None)
    (Count(value=3), Absent(kind=<AbsenceKind.BLANK: 'blank'>, text=''))
    >>> as_value(1.5, "requests.new.total")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: requests.new.total: 1.5 is a float: give a count as int, money as Decimal
    """
    if value is None:
        return BLANK
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Count | Money | Absent):
        from disclosure_core.errors import UsageError

        kind = type(value).__name__
        shown = "" if where is None else str(where)
        raise UsageError.keyed("json.value_kind", where=shown, value=repr(value), kind=kind)
    if isinstance(value, int):
        return Count(value)
    if isinstance(value, Decimal):
        return Money(value)
    return value
