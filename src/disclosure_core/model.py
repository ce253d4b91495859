"""The report model: a reporting body, its year and format, six sections, structured facts and three tables.

Everything is frozen (attrs); change a report with :meth:`Report.evolve` or :meth:`Report.with_cells`.

>>> report = Report("gov-2021", 2025, Body("某县人民政府", BodyLevel.COUNTY))
>>> report.with_cells({"requests.new.natural_person": 3}).number("requests.new.natural_person")
3
>>> report.cell("requests.new.total").is_absent   # unspecified cells are blank, never 0
True
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from disclosure_core.layouts.spec import CellAddress
from disclosure_core.values import BLANK, CellValue, Money, Number, Provenance, as_value


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


CellInput = CellValue | int | Decimal | None
CellUpdates = Mapping[str, CellInput] | Mapping[CellAddress, CellInput] | Mapping[str | CellAddress, CellInput]
"""Cells to set, by address (``"requests.new.total"`` or a :class:`CellAddress`); None makes a cell blank."""


class BodyLevel(enum.StrEnum):
    """The administrative level of the reporting body (a government, or a department of one).

    >>> BodyLevel("county").is_government, BodyLevel("county_department").is_government
    (True, False)
    """

    STATE_COUNCIL_DEPARTMENT = "state_council_department"
    PROVINCE = "province"
    PROVINCE_DEPARTMENT = "province_department"
    CITY = "city"
    CITY_DEPARTMENT = "city_department"
    COUNTY = "county"
    COUNTY_DEPARTMENT = "county_department"
    TOWNSHIP = "township"

    @property
    def is_government(self) -> bool:
        """Whether the body is a people's government (not one of its departments).

        >>> BodyLevel.COUNTY.is_government, BodyLevel.COUNTY_DEPARTMENT.is_government
        (True, False)
        """
        return self in {BodyLevel.PROVINCE, BodyLevel.CITY, BodyLevel.COUNTY, BodyLevel.TOWNSHIP}


@attrs.frozen
class Body:
    """The reporting body: its name, administrative level and (optionally) its region.

    >>> Body("代县人民政府", "county", "山西省忻州市代县").level
    <BodyLevel.COUNTY: 'county'>
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    level: BodyLevel = attrs.field(converter=BodyLevel)
    region: str | None = None


@attrs.frozen
class Section:
    """One of the six sections: the heading as printed (None when missing) and its paragraphs.

    >>> Section("五、存在的主要问题及改进情况", ["一是……", "二是……"]).text
    '一是……\\n二是……'
    """

    heading: str | None = None
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def text(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


SECTION_IDS = ("overview", "proactive", "requests", "appeals", "problems", "other")


@attrs.frozen
class Sections:
    """The six sections in official order; a section the report lacks is None.

    >>> [section_id for section_id, section in Sections(other=Section(None, ["无。"])).items() if section]
    ['other']
    """

    overview: Section | None = None
    proactive: Section | None = None
    requests: Section | None = None
    appeals: Section | None = None
    problems: Section | None = None
    other: Section | None = None

    def items(self) -> Iterator[tuple[str, Section | None]]:
        """(section id, section or None), in official order."""
        for section_id in SECTION_IDS:
            yield section_id, getattr(self, section_id)


@attrs.frozen
class AssessmentWeight:
    """The weight of disclosure work in performance assessment, as stated in 一、总体情况.

    ``percent`` is None when the sentence gives points without a base; ``at_least`` records "不低于".

    >>> from decimal import Decimal
    >>> AssessmentWeight("所占分值权重不低于4%", Decimal(4), at_least=True).percent
    Decimal('4')
    """

    sentence: str
    percent: Decimal | None = None
    at_least: bool = False
    points: Decimal | None = None
    base: Decimal | None = None


@attrs.frozen
class FeesCharged:
    """Information-processing fees charged (《政府信息公开信息处理费管理办法》): count and amount.

    >>> from decimal import Decimal
    >>> FeesCharged(count=0, amount=Money(Decimal("0"), "万元")).amount.unit
    '万元'
    """

    count: int | None = None
    amount: Money | None = None
    sentence: str | None = None


@attrs.frozen
class Facts:
    """Structured facts that rules need and that live in the narrative.

    >>> Facts(fees=FeesCharged(count=2)).fees.count
    2
    """

    assessment_weight: AssessmentWeight | None = None
    fees: FeesCharged | None = None


def _address(key: str | CellAddress) -> CellAddress:
    return key if isinstance(key, CellAddress) else CellAddress.parse(key)


def _cells_converter(values: Mapping[Any, Any]) -> dict[CellAddress, CellValue]:
    cells: dict[CellAddress, CellValue] = {}
    for key, value in values.items():
        cell = as_value(value, key)
        # A blank that carries no provenance says nothing: dropping it keeps one spelling of "blank".
        if cell == BLANK and cell.provenance is None:
            continue
        cells[_address(key)] = cell
    return cells


@attrs.frozen(eq=False)
class Tables:
    """The values of the three tables, by cell address; cells never set are blank.

    Two tables are equal when every cell holds the same value; a blank that only records where it was
    read equals a cell never set.

    >>> Tables({"appeals.review.total": 1}).number("appeals.review.total")
    1
    """

    cells: Mapping[CellAddress, CellValue] = attrs.field(factory=dict, converter=_cells_converter)

    @classmethod
    def of_values(cls, cells: dict[CellAddress, CellValue]) -> Tables:
        """Tables holding ``cells`` as they are: for a reader whose cells are already keyed by address and hold
        cell values, no plain blank among them (what the converter would make of them), so that reading a report
        does not check each of its 200 cells twice.

        >>> from disclosure_core.values import Count
        >>> Tables.of_values({CellAddress.parse("appeals.review.total"): Count(1)}) == Tables({"appeals.review.total": 1})
        True
        """
        tables = cls.__new__(cls)
        object.__setattr__(tables, "cells", cells)  # what attrs' own __init__ does for a frozen class
        return tables

    def value(self, address: str | CellAddress) -> CellValue:
        """The value of a cell (blank when never set)."""
        return self.cells.get(_address(address), BLANK)

    def number(self, address: str | CellAddress) -> Number | None:
        """The number in a cell, or None when it is blank, a placeholder or not applicable."""
        return self.value(address).number

    def __iter__(self) -> Iterator[tuple[CellAddress, CellValue]]:
        return iter(self.cells.items())

    def _content(self) -> dict[CellAddress, CellValue]:
        return {address: value for address, value in self.cells.items() if value != BLANK}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tables) and self._content() == other._content()

    def __hash__(self) -> int:
        return hash(frozenset(self._content().items()))

    def updated(self, values: CellUpdates) -> Tables:
        """A copy with some cells replaced (None makes a cell blank)."""
        merged: dict[Any, Any] = dict(self.cells)
        merged.update({_address(k): as_value(v, k) for k, v in values.items()})
        return Tables(merged)


@attrs.frozen
class Report:
    """One annual report on government information disclosure.

    Build one from partial data — every unspecified cell is blank — and change it with :meth:`evolve`.

    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.upheld": 2})
    >>> report.number("appeals.review.upheld"), report.cell("appeals.review.total")
    (2, Absent(kind=<AbsenceKind.BLANK: 'blank'>, text=''))
    >>> report.evolve(year=2026).year
    2026
    """

    format: str
    year: int
    body: Body
    published: dt.date | None = None
    publisher: str | None = None
    contact: str | None = None
    title: str | None = None
    lead: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sections: Sections = attrs.field(factory=Sections)
    facts: Facts = attrs.field(factory=Facts)
    tables: Tables = attrs.field(factory=Tables)
    provenance: Provenance | None = attrs.field(default=None, eq=False)

    def cell(self, address: str | CellAddress) -> CellValue:
        """The value of a cell, e.g. ``report.cell("requests.new.total")``."""
        return self.tables.value(address)

    def number(self, address: str | CellAddress) -> Number | None:
        """The number in a cell, or None when the cell holds no number."""
        return self.tables.number(address)

    def with_cells(self, values: CellUpdates) -> Report:
        """A copy with some cells changed.

        >>> r = Report("gov-2019", 2020, Body("代县人民政府", "county"))
        >>> r.with_cells({"appeals.review.total": 1}).number("appeals.review.total")
        1
        """
        return attrs.evolve(self, tables=self.tables.updated(values))

    def evolve(self, **changes: Any) -> Report:
        """A copy with some fields changed (``attrs.evolve``)."""
        return attrs.evolve(self, **changes)

    def addresses(self) -> Iterable[CellAddress]:
        """The addresses of every cell that holds something other than a plain blank."""
        return self.tables.cells.keys()
