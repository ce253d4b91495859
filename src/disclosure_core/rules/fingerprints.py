"""The fingerprint of a finding: a stable id made from its rule instance, its outcome and the values it read.

The same finding on the same data has the same fingerprint in every run and process. It is made from the
numbers (and absences) themselves, written in one fixed form, not from the value objects' reprs.

>>> from disclosure_core.findings import CellUse, Outcome
>>> from disclosure_core.layouts import CellAddress
>>> from disclosure_core.values import Count
>>> uses = (CellUse(CellAddress("a", "b", "d"), Count(2)), CellUse(CellAddress("a", "b", "c"), Count(3)))
>>> [name for _, name in order(uses)]
['current:a.b.c=', 'current:a.b.d=']
>>> fingerprint("a.b", Outcome.FAIL, uses, 3, 2) == fingerprint("a.b", Outcome.FAIL, uses[::-1], 3, 2)
True
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Sequence

from disclosure_core.findings import CellUse, Number, Outcome
from disclosure_core.values import BLANK, Absent, CellValue, Count, Money

Order = tuple[tuple[int, str], ...]
"""Where each cell goes in a fingerprint: its position among a finding's cells and its ``report:cell=``, in the
fingerprint's order."""


def fingerprint(
    instance_id: str, outcome: Outcome, uses: Sequence[CellUse], lhs: Number | None, rhs: Number | None
) -> str:
    """The fingerprint (16 hex digits) of a finding of ``instance_id`` that ended ``outcome`` reading ``uses``.

    >>> from disclosure_core.layouts import CellAddress
    >>> fingerprint("a.b", Outcome.FAIL, (CellUse(CellAddress("a", "b", "c"), Count(3)),), 3, 2)
    '61fa45e6b4dd2c7b'
    """
    return digest(instance_id, outcome, [name + stated(uses[i].value) for i, name in order(uses)], lhs, rhs)


def order(uses: Sequence[CellUse]) -> Order:
    """The cells of ``uses`` in a fingerprint's order: by report and written address, as fingerprints were first
    defined (a stable sort: equal ones keep their order)."""
    named = [(use.report, str(use.cell), i) for i, use in enumerate(uses)]
    named.sort(key=_report_and_cell)
    return tuple((i, f"{report}:{cell}=") for report, cell, i in named)


def digest(instance_id: str, outcome: Outcome, cells: list[str], lhs: Number | None, rhs: Number | None) -> str:
    """The fingerprint from its parts: ``cells`` are the cells written ``report:cell=value``, in :func:`order`."""
    parts = [instance_id, _OUTCOME_VALUE[outcome], *cells, str(lhs), str(rhs)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


_report_and_cell = operator.itemgetter(0, 1)
_OUTCOME_VALUE = {outcome: outcome.value for outcome in Outcome}


def stated(value: CellValue) -> str:
    """A cell value in the fixed form fingerprints hash (the form they were first defined with, kept stable).

    >>> from disclosure_core.values import BLANK
    >>> stated(Count(3)), stated(BLANK)
    ('Count(value=3)', "Absent(kind=<AbsenceKind.BLANK: 'blank'>, text='')")
    """
    kind = type(value)
    if value is BLANK:  # last year's cells when there is no last year's report: the commonest absence
        return _BLANK
    if kind is Count:
        return f"Count(value={int.__repr__(value.value)})"  # type: ignore[union-attr]
    if kind is Money:
        return f"Money(amount={value.amount!r}, unit={value.unit!r})"  # type: ignore[union-attr]
    if kind is Absent:
        return f"Absent(kind={value.kind!r}, text={value.text!r})"  # type: ignore[union-attr]
    return repr(value)


_BLANK = f"Absent(kind={BLANK.kind!r}, text={BLANK.text!r})"
