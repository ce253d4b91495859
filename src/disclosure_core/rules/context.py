"""What evaluating one report needs (its cells, the previous report, options) and what a check returns.

Reading values goes through :func:`gather`, the one place that applies the missing-value policy: blank,
placeholder and not-applicable cells are never silently 0.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Protocol

import attrs

from disclosure_core.findings import NO_PREVIOUS, CellUse, Note, NoteKind, Outcome, Suggestion
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import Report, Sections
from disclosure_core.rules.compile import FACTS, Key, Linear, Number
from disclosure_core.rules.messages import Words
from disclosure_core.rules.narrative import Figure, report_figures
from disclosure_core.rules.spec import MissingPolicy
from disclosure_core.rules.yearly import carries_over, family
from disclosure_core.values import BLANK, AbsenceKind, Absent, CellValue


@attrs.define
class Context:
    """One evaluation: the report and its layout, the previous report (if any) and the options."""

    report: Report
    layout: Layout
    cells: Mapping[CellAddress, CellValue]
    layouts: Mapping[str, Layout]
    previous: Report | None = None
    previous_layout: Layout | None = None
    blank_as_zero: bool = False
    _figures: dict[str, Figure] | None = None

    @property
    def previous_cells(self) -> Mapping[CellAddress, CellValue]:
        """The previous report's cells (empty when there is none)."""
        return self.previous.tables.cells if self.previous else {}

    @property
    def figures(self) -> dict[str, Figure]:
        """Figures stated in the report's text, extracted once per report (:func:`figures_of`)."""
        if self._figures is None:
            self._figures = figures_of(self.report)
        return self._figures

    def value(self, key: Key) -> CellValue | None:
        """The value behind a key: a cell value, or None for a fact (read with :meth:`fact`)."""
        previous, name = key
        if isinstance(name, str):
            return None
        return (self.previous_cells if previous else self.cells).get(name, BLANK)

    def fact(self, key: Key) -> Number | None:
        """A fact of the current (or previous) report, None when not stated."""
        report = self.previous if key[0] else self.report
        return FACTS[str(key[1])](report) if report else None

    def with_cell(self, address: CellAddress, value: CellValue) -> Context:
        """The same evaluation with one cell of the current report changed (for locating culprits)."""
        cells = dict(self.cells)
        cells[address] = value
        return attrs.evolve(self, cells=cells, figures=self._figures)


_FIGURES: dict[int, tuple[weakref.ref[Sections], dict[str, Figure]]] = {}


def figures_of(report: Report) -> dict[str, Figure]:
    """The figures a report's text states, extracted on first use and kept while its sections live.

    Keyed by the sections object (frozen: the same object always says the same), so checking a report
    again, or a copy with other cells, extracts nothing.
    """
    sections = report.sections
    key = id(sections)
    kept = _FIGURES.get(key)
    if kept is not None and kept[0]() is sections:
        return kept[1]
    figures = report_figures(report)

    def forget(
        _: object, kept: dict[int, tuple[weakref.ref[Sections], dict[str, Figure]]] = _FIGURES
    ) -> None:  # bound now: module globals go at exit
        kept.pop(key, None)

    _FIGURES[key] = (weakref.ref(sections, forget), figures)
    return figures


@attrs.frozen
class Result:
    """What a check found when it did not simply pass."""

    outcome: Outcome
    uses: tuple[CellUse, ...] = ()
    lhs: Number | None = None
    rhs: Number | None = None
    difference: Number | None = None
    op: str | None = None
    words: Mapping[str, Words] = attrs.field(factory=dict)
    notes: tuple[Note, ...] = ()
    missing: tuple[str, ...] = ()
    assumed_zero: bool = False
    linear: Linear | None = None
    values: Mapping[Key, Number] = attrs.field(factory=dict)
    suggestions: tuple[Suggestion, ...] = ()
    culprits: tuple[CellAddress, ...] = ()
    later: Callable[[], Mapping[str, Words]] | None = None
    """More words, made only when the finding's message is (the arithmetic written out, say)."""


EMPTY = Result(Outcome.EMPTY)
"""The result of every check that finds the report states nothing it could test (shared: nothing is built)."""


class Check(Protocol):
    """A compiled rule instance: ``evaluate`` returns None for a pass (the common case, kept cheap).

    A check may also define ``outcome(ctx) -> Outcome | None``: the outcome ``evaluate`` would give (None for
    a pass), found without building its result; the engine then evaluates it only when its finding is shown.
    """

    def evaluate(self, ctx: Context) -> Result | None:
        """Evaluate against one report."""
        ...


@attrs.frozen
class Gathered:
    """Values read for a check, after the missing-value policy: either numbers to compute with or an outcome."""

    values: dict[Key, Number]
    outcome: Outcome | None = None
    missing: tuple[Key, ...] = ()
    assumed_zero: bool = False
    note: Note | None = None


def gather(ctx: Context, keys: tuple[Key, ...], policy: MissingPolicy, *, claimed: bool = False) -> Gathered:
    """Read ``keys`` and apply ``policy`` (and the blank-as-zero option) to the absent ones.

    The outcome is ``empty`` when the report states nothing the keys could test (only blanks, or zeros
    beside blanks) and nothing else is ``claimed`` about them (a figure in the text is a claim),
    ``not_verifiable`` when a needed number is missing, else None with the values.
    """
    values: dict[Key, Number] = {}
    absent: list[tuple[Key, CellValue | None]] = []
    for key in keys:
        previous, name = key
        if previous and ctx.previous is None:
            return Gathered({}, Outcome.NOT_VERIFIABLE, (key,), note=NO_PREVIOUS)
        if isinstance(name, str):
            fact = ctx.fact(key)
            if fact is None:
                absent.append((key, None))
            else:
                values[key] = fact
            continue
        if previous and ctx.previous_layout is not None and not carries_over(ctx.previous_layout, ctx.layout, name):
            if family(ctx.previous_layout) != family(ctx.layout):
                # Across the format change only Tables 2 and 3 carry over (FORMAT.md): nothing to check.
                return Gathered({}, Outcome.EMPTY, (key,))
            note = Note.of(NoteKind.PREVIOUS_LACKS_CELL, format=ctx.previous_layout.id, cell=name)
            return Gathered({}, Outcome.NOT_VERIFIABLE, (key,), note=note)
        value = (ctx.previous_cells if previous else ctx.cells).get(name, BLANK)
        number = value.number
        if number is None:
            absent.append((key, value))
        else:
            values[key] = number
    if not absent:
        return Gathered(values)
    missing = tuple(key for key, _ in absent)
    if policy is MissingPolicy.SKIP:
        return Gathered(values, None if values else Outcome.EMPTY, missing)
    only_blank = all(isinstance(v, Absent) and v.kind is not AbsenceKind.PLACEHOLDER for _, v in absent)
    zero_mode = policy is MissingPolicy.ZERO or ctx.blank_as_zero
    if only_blank and all(n == 0 for n in values.values()) and not (zero_mode and (values or claimed)):
        return Gathered(values, Outcome.EMPTY, missing)
    if zero_mode and only_blank:
        values.update(dict.fromkeys(missing, 0))
        return Gathered(values, None, missing, assumed_zero=True)
    return Gathered(values, Outcome.NOT_VERIFIABLE, missing)


def integral(number: Number) -> int | Decimal:
    """An integral Decimal as int (weights and differences read better so)."""
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number
