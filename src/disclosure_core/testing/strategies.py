"""Hypothesis strategies for reports: any valid report, one whose tables add up, or one with a single defect.

Plugin authors use these in their own tests::

    from hypothesis import given
    from disclosure_core.testing import strategies as st_dc

    @given(st_dc.reports(consistent=True))
    def test_my_renderer_never_fails(report): ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from disclosure_core.layouts import CellAddress, CellKind, ColumnSpec, Layout, builtin_layout
from disclosure_core.model import (
    SECTION_IDS,
    AssessmentWeight,
    Body,
    BodyLevel,
    Facts,
    FeesCharged,
    Report,
    Section,
    Sections,
)
from disclosure_core.values import AbsenceKind, Absent, CellValue, Count, Money, Provenance, located

PLACEHOLDERS = ("-", "/", "——", "无", "—")

_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("政府信息公开，。、0123456789"),
    min_size=1,
    max_size=30,
)


def money(unit: str | None = None) -> st.SearchStrategy[Money]:
    """Exact amounts with up to two decimals, in ``unit``.

    >>> from hypothesis import find
    >>> find(money("万元"), lambda m: m.amount >= 1)
    Money(amount=Decimal('1.00'), unit='万元')
    """
    cents = st.integers(min_value=0, max_value=10**9)
    return cents.map(lambda c: Money((Decimal(c) / 100).quantize(Decimal("0.01")), unit))


def absences() -> st.SearchStrategy[Absent]:
    """Blank, placeholder (with its printed text) or not-applicable cells.

    >>> from hypothesis import find
    >>> find(absences(), lambda a: a.kind is AbsenceKind.PLACEHOLDER).text
    '-'
    """
    return st.one_of(
        st.just(Absent()),
        st.sampled_from(PLACEHOLDERS).map(lambda t: Absent(AbsenceKind.PLACEHOLDER, t)),
        st.just(Absent(AbsenceKind.NOT_APPLICABLE)),
    )


def cell_values(column: ColumnSpec, *, absent: bool = True) -> st.SearchStrategy[CellValue]:
    """Any value a cell of ``column`` may hold (absences included unless ``absent`` is False).

    >>> from hypothesis import find
    >>> change = builtin_layout("gov-2019").column_of(CellAddress.parse("proactive.licensing.change"))
    >>> find(cell_values(change), lambda v: v.number is not None and v.number < 0)
    Count(value=-1)
    """
    present: st.SearchStrategy[CellValue]
    if column.kind is CellKind.MONEY:
        present = money(column.unit) | money("元") if column.unit is None else money(column.unit)
    elif column.kind is CellKind.SIGNED_COUNT:
        present = st.integers(min_value=-(10**6), max_value=10**6).map(Count)
    else:
        present = st.integers(min_value=0, max_value=10**6).map(Count)
    return st.one_of(absences(), present) if absent else present


def bodies() -> st.SearchStrategy[Body]:
    """Reporting bodies at any level.

    >>> from hypothesis import find
    >>> find(bodies(), lambda b: b.level is BodyLevel.TOWNSHIP).level
    <BodyLevel.TOWNSHIP: 'township'>
    """
    return st.builds(Body, _text, st.sampled_from(list(BodyLevel)), st.none() | _text)


def sections() -> st.SearchStrategy[Sections]:
    """Six sections, each present or missing, with arbitrary text.

    >>> from hypothesis import find
    >>> find(sections(), lambda s: s.other is not None).other
    Section(heading=None, paragraphs=())
    """
    section = st.none() | st.builds(Section, st.none() | _text, st.lists(_text, max_size=3).map(tuple))
    return st.fixed_dictionaries(dict.fromkeys(SECTION_IDS, section)).map(lambda kw: Sections(**kw))


def facts() -> st.SearchStrategy[Facts]:
    """Assessment weight and fees, each present or not.

    >>> from hypothesis import find
    >>> find(facts(), lambda f: f.fees is not None).fees
    FeesCharged(count=None, amount=None, sentence=None)
    """
    weight = st.builds(
        AssessmentWeight,
        _text,
        st.none() | st.integers(0, 20).map(Decimal),
        st.booleans(),
    )
    fees = st.builds(FeesCharged, st.none() | st.integers(0, 100), st.none() | money("万元"), st.none() | _text)
    return st.builds(Facts, st.none() | weight, st.none() | fees)


def _count(cells: dict[CellAddress, CellValue], address: CellAddress) -> int:
    value = cells[address]
    assert isinstance(value, Count)
    return value.value


@st.composite
def _consistent_cells(draw: st.DrawFn, layout: Layout, max_count: int) -> dict[CellAddress, CellValue]:
    """Cells that satisfy every arithmetic relationship of FORMAT.md (balance, totals, plausibility)."""
    cells: dict[CellAddress, CellValue] = {}
    small = st.integers(min_value=0, max_value=max_count)
    requests = layout.table("requests")
    results = [row.id for row in requests.rows if row.id not in {"new", "carried_over", "total", "carried_forward"}]
    columns = [column.id for column in requests.columns if column.id != "total"]
    totals: dict[str, int] = {}
    for row in ["carried_over", "carried_forward", *results]:
        values = {column: draw(small) for column in columns}
        for column, value in values.items():
            cells[CellAddress("requests", row, column)] = Count(value)
        totals[row] = sum(values.values())
        cells[CellAddress("requests", row, "total")] = Count(totals[row])
    for column in columns:
        handled = sum(_count(cells, CellAddress("requests", row, column)) for row in results)
        cells[CellAddress("requests", "total", column)] = Count(handled)
        before = _count(cells, CellAddress("requests", "carried_over", column))
        after = _count(cells, CellAddress("requests", "carried_forward", column))
        if before > handled + after:  # new requests cannot be negative: carry less over
            before = handled + after
            cells[CellAddress("requests", "carried_over", column)] = Count(before)
        cells[CellAddress("requests", "new", column)] = Count(handled + after - before)
    for row in ("new", "carried_over", "total"):
        parts_total = sum(_count(cells, CellAddress("requests", row, column)) for column in columns)
        cells[CellAddress("requests", row, "total")] = Count(parts_total)
    for appeal in layout.table("appeals").rows:
        parts = [draw(small) for _ in range(4)]
        for column, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            cells[CellAddress("appeals", appeal.id, column)] = Count(value)
        cells[CellAddress("appeals", appeal.id, "total")] = Count(sum(parts))
    proactive = layout.table("proactive")
    for address in proactive.addresses():
        cells[address] = draw(cell_values(layout.column_of(address), absent=False))
    for row in ("regulations", "normative_documents"):
        if layout.id == "gov-2019":
            published = _count(cells, CellAddress("proactive", row, "published"))
            total = CellAddress("proactive", row, "total_published")
            cells[total] = Count(max(published, _count(cells, total)))
        elif layout.has_cell(CellAddress("proactive", row, "issued")):
            issued = _count(cells, CellAddress("proactive", row, "issued"))
            in_force = CellAddress("proactive", row, "in_force")
            cells[in_force] = Count(max(issued, _count(cells, in_force)))
    return cells


@st.composite
def reports(
    draw: st.DrawFn,
    formats: Sequence[str] = ("gov-2019", "gov-2021"),
    *,
    consistent: bool = False,
    max_count: int = 50,
) -> Report:
    """Valid reports: every cell holds a value its column allows.

    With ``consistent=True`` the tables satisfy every relationship of FORMAT.md, 规章 are zero unless
    the body can make them, and the year matches the format.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(reports(["gov-2021"], consistent=True))
    ... def test_table_2_balances(report):
    ...     n = report.number
    ...     assert n("requests.new.total") + n("requests.carried_over.total") == (
    ...         n("requests.total.total") + n("requests.carried_forward.total")
    ...     )
    >>> test_table_2_balances()
    """
    layout = builtin_layout(draw(st.sampled_from(list(formats))))
    last = layout.last_year or layout.first_year + 4
    year = draw(st.integers(layout.first_year, last))
    body = draw(bodies())
    if consistent:
        cells = draw(_consistent_cells(layout, max_count))
        if body.level not in {BodyLevel.STATE_COUNCIL_DEPARTMENT, BodyLevel.PROVINCE, BodyLevel.CITY}:
            for address in layout.table("proactive").addresses():
                if address.row == "regulations":
                    cells[address] = Count(0)
    else:
        cells = {
            address: draw(cell_values(layout.column_of(address)))
            for address in layout.addresses()
            if draw(st.booleans())
        }
        if draw(st.booleans()):
            cells = {
                a: located(v, Provenance("in.txt", line=i + 1, cell=str(a))) for i, (a, v) in enumerate(cells.items())
            }
    published = draw(st.none() | st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)))
    return Report(
        format=layout.id,
        year=year,
        body=body,
        published=published,
        publisher=draw(st.none() | _text),
        contact=draw(st.none() | _text),
        title=draw(st.none() | _text),
        lead=tuple(draw(st.lists(_text, max_size=2))),
        sections=draw(sections()),
        facts=draw(facts()),
    ).with_cells(cells)


DEFECT_KINDS = ("off_by", "transposition", "blank")


@attrs.frozen
class Defect:
    """A consistent report with one cell changed: the cell, its value before and after, and how.

    ``kind`` is ``off_by`` (a count moved by 1–9), ``transposition`` (two neighbouring digits swapped)
    or ``blank`` (a number left out).

    >>> Defect(report=Report("gov-2021", 2025, Body("x", "county")), cell=CellAddress.parse("appeals.review.total"),
    ...        before=Count(12), after=Count(21), kind="transposition").cell.table
    'appeals'
    """

    report: Report
    cell: CellAddress
    before: CellValue
    after: CellValue
    kind: str


def _transposed(value: int, position: int) -> int | None:
    digits = str(value)
    if len(digits) < 2:
        return None
    i = position % (len(digits) - 1)
    if digits[i] == digits[i + 1] or (i == 0 and digits[1] == "0"):
        return None  # swapping equal digits changes nothing; a leading zero would change the length
    return int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])


@st.composite
def defective_reports(
    draw: st.DrawFn,
    formats: Sequence[str] = ("gov-2019", "gov-2021"),
    *,
    kinds: Sequence[str] = DEFECT_KINDS,
    tables: Sequence[str] = ("requests", "appeals"),
) -> Defect:
    """A report from ``reports(consistent=True)`` with one defect in a cell of ``tables``.

    Every Table 2 and Table 3 cell takes part in a sum, so an ``off_by`` or ``transposition`` defect
    there always breaks an arithmetic rule, and a ``blank`` one makes a rule not verifiable: the
    contract a checker (or a plugin's rules) can be tested against::

        @given(strategies.defective_reports(kinds=["transposition"]))
        def test_my_checker_flags_the_changed_cell(defect): ...
    """
    unknown = sorted(set(kinds) - set(DEFECT_KINDS))
    if unknown:
        raise ValueError(f"unknown defect kind {unknown[0]!r} (known: {', '.join(DEFECT_KINDS)})")
    report = draw(reports(formats, consistent=True, max_count=300))
    layout = builtin_layout(report.format)
    candidates = [a for table in tables for a in layout.table(table).addresses()]
    kind = draw(st.sampled_from(list(kinds)))
    if kind == "transposition":  # only numbers with two different neighbouring digits can be transposed
        candidates = [a for a in candidates if any(_transposed(_number(report, a), i) for i in range(6))]
        assume(candidates)  # rare with counts up to 300 in some 180 cells
    cell = draw(st.sampled_from(candidates))
    before = report.cell(cell)
    value = _number(report, cell)
    after: CellValue
    if kind == "blank":
        after = Absent()
    elif kind == "transposition":
        after = Count(draw(st.sampled_from(sorted({t for i in range(6) if (t := _transposed(value, i)) is not None}))))
    else:
        delta = draw(st.integers(1, 9))
        after = Count(value + delta if value < delta or draw(st.booleans()) else value - delta)
    return Defect(report.with_cells({cell: after}), cell, before, after, kind)


def _number(report: Report, address: CellAddress) -> int:
    value = report.number(address)
    assert isinstance(value, int)
    return value


__all__ = [
    "DEFECT_KINDS",
    "PLACEHOLDERS",
    "Defect",
    "absences",
    "bodies",
    "cell_values",
    "defective_reports",
    "facts",
    "money",
    "reports",
    "sections",
]
