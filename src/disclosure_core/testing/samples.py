"""Sample reports for tests: the Dai County example, and every cell filled with a distinct, findable value.

>>> report = numbered_report("gov-2021")
>>> report.number("proactive.regulations.issued"), report.cell("requests.carried_over.research").text
(1001, '——')
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources

from disclosure_core._serialize import loads
from disclosure_core.layouts import CellKind, Layout, builtin_layout
from disclosure_core.model import Body, Report, Section, Sections
from disclosure_core.values import CellValue, Count, Money, placeholder


def numbered_report(layout: str | Layout) -> Report:
    """A report whose every cell holds a distinct value — counts 1001, 1002 … in printed order, money
    ``n.25`` in the column's unit — except one placeholder ("——"), so that each value can be found in an
    output and checked to sit in its place. Two sections are given; the rest are missing.

    >>> numbered_report("gov-2019").cell("proactive.procurement.amount")
    Money(amount=Decimal('22.25'), unit=None)
    """
    spec = builtin_layout(layout) if isinstance(layout, str) else layout
    cells: dict[str, CellValue] = {}
    for index, address in enumerate(spec.addresses(), start=1):
        column = spec.column_of(address)
        cells[str(address)] = (
            Money(Decimal(f"{index}.25"), column.unit) if column.kind is CellKind.MONEY else Count(1000 + index)
        )
    cells["requests.carried_over.research"] = placeholder("——")
    return Report(
        spec.id,
        spec.last_year or spec.first_year + 2,
        Body("某县人民政府", "county"),
        publisher="某县人民政府办公室",
        sections=Sections(overview=Section("一、总体情况", ("总体情况正文。",)), other=Section(None, ("无。",))),
    ).with_cells(cells)


def daixian_report() -> Report:
    """The Dai County 2020 report (``examples/daixian-2020.json``, shipped with the package), defects included.

    >>> report = daixian_report()
    >>> report.body.name, report.number("requests.new.natural_person"), report.number("requests.new.total")
    ('代县人民政府', 7, None)
    """
    text = resources.files(__package__).joinpath("daixian-2020.json").read_text(encoding="utf-8")
    return loads(text, origin="disclosure_core/testing/daixian-2020.json")
