"""The short path for Python users: build, load and render reports with a registry of plugins.

>>> report = new_report("gov-2021", 2025, Body("某县人民政府", "county"), cells={"appeals.review.total": 1})
>>> render(report, "json")[:1]
b'{'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from disclosure_core._formats import Loaded
from disclosure_core._serialize import cell_problem
from disclosure_core.errors import UsageError
from disclosure_core.findings import Findings
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import Body, CellUpdates, Report
from disclosure_core.registry import Registry
from disclosure_core.rules.spec import RuleSet
from disclosure_core.values import CellValue, as_value


@functools.cache
def default_registry() -> Registry:
    """The registry used when none is passed: built-ins plus installed plugins, created on first use.

    Embedders who need isolation create their own :class:`Registry` and pass it everywhere.
    """
    return Registry()


def new_report(
    format: str,
    year: int,
    body: Body,
    *,
    cells: CellUpdates | None = None,
    registry: Registry | None = None,
    **fields: Any,
) -> Report:
    """A report of ``format`` with the given cells (the rest blank), checked against the layout.

    >>> new_report("gov-2021", 2025, Body("某县", "county"), cells={"requests.new.bogus": 1})
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: requests.new.bogus: no such cell in gov-2021
    >>> new_report("gov-2021", 2025, Body("某县", "county"), cells={"proactive.fees.amount": 1.5})
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: proactive.fees.amount: 1.5 is a float: give a count as int, money as Decimal
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise UsageError.keyed("json.year_number", got=repr(year))
    if not isinstance(body, Body):
        raise UsageError.keyed("json.body_object", kind=type(body).__name__)
    layout = _layout(format, registry)
    values: dict[str | CellAddress, CellValue] = {}
    for key, raw in (cells or {}).items():
        values[CellAddress.parse(key) if isinstance(key, str) else key] = as_value(raw, key)
    for key, value in values.items():
        address = CellAddress.parse(key) if isinstance(key, str) else key
        problem = cell_problem(layout, address, value)
        if problem:
            raise UsageError.said(problem, where=str(address))
    return Report(format, year, body, **fields).with_cells(values)


def load(path: str | Path, *, source: str | None = None, registry: Registry | None = None) -> Loaded:
    """Read a report (and the reader's diagnostics) from a file of any registered source.

    >>> load("no-such-file.json")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: no-such-file.json: cannot read: No such file or directory
    """
    return (registry or default_registry()).load(path, source=source)


def check(
    report: Report,
    *,
    previous: Report | None = None,
    rules: RuleSet | None = None,
    blank_as_zero: bool = False,
    disabled: Iterable[str] = (),
    registry: Registry | None = None,
) -> Findings:
    """Check a report with a registry's rule set and layouts (the default registry unless one is given).

    ``rules`` replaces the registry's rule set; the pure engine is :func:`disclosure_core.rules.engine.check`.

    >>> findings = check(load("examples/daixian-2020.json").report)
    >>> sorted({f.base_rule for f in findings if f.outcome.value == "fail"})
    ['proactive.pattern.items', 'proactive.published_within_total', 'requests.results_classified', 'sections.numbered']
    """
    return (registry or default_registry()).check(
        report, previous=previous, rules=rules, blank_as_zero=blank_as_zero, disabled=disabled
    )


def render(
    report: Report, to: str, *, findings: Any = None, lang: str = "zh", registry: Registry | None = None
) -> bytes:
    """Render a report with the renderer called ``to`` ("json", and "html", "docx" … when installed).

    >>> html = render(new_report("gov-2021", 2025, Body("某县人民政府", "county")), "html")  # with disclosure-html
    >>> html.startswith(b"<!DOCTYPE html>")
    True
    """
    return (registry or default_registry()).render(report, to, findings=findings, lang=lang)


def _layout(format: str, registry: Registry | None) -> Layout:
    return (registry or default_registry()).layout(format)
