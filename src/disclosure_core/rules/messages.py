"""Words for findings: cells named by their printed labels, the arithmetic written out, templates filled.

Templates use ``{name}`` placeholders only — no attribute access, no format specs — so a rule file can
never reach into Python objects.

>>> from disclosure_core.layouts import builtin_layout
>>> cell_label(builtin_layout("gov-2019"), CellAddress.parse("appeals.review.total"), "zh")
'行政复议·总计'
>>> fill("{a} = {b}", {"a": "7", "b": ("七", "seven")}, "en")
'7 = seven'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from disclosure_core.catalogue import show
from disclosure_core.findings import CellUse
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.text import Text
from disclosure_core.values import AbsenceKind, Absent, CellValue, Money

Words = str | tuple[str, str]
"""A template value: the same text in both languages, or (zh, en)."""

show_number = show
"""A number as every output shows it (the one number display: :func:`disclosure_core.catalogue.show`)."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, Words], lang: str) -> str:
    """``template`` with each ``{name}`` replaced by its value in ``lang`` (unknown names stay as written)."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        return value if isinstance(value, str) else value[1 if lang == "en" else 0]

    return _PLACEHOLDER.sub(replace, template)


def placeholders(template: str) -> set[str]:
    """The names a template uses.

    >>> sorted(placeholders("{lhs} ≠ {rhs}"))
    ['lhs', 'rhs']
    """
    return set(_PLACEHOLDER.findall(template))


def message(template: Text, values: Mapping[str, Words]) -> Text:
    """A bilingual template filled in both languages."""
    return Text(fill(template.zh, values, "zh"), fill(template.en, values, "en"))


def cell_label(layout: Layout, address: CellAddress, lang: str = "zh", *, row: bool = True, column: bool = True) -> str:
    """A cell named as printed: row label · column label (either may be left out)."""
    key = (id(layout), address, lang, row, column)
    kept = _LABELS.get(key)
    if kept is not None and kept[0] is layout:  # the layout is kept with its labels: its id is not reused
        return kept[1]
    try:
        table = layout.table(address.table)
        parts = [table.row(address.row).label.text(lang)] if row else []
        if column:
            parts.append(table.column(address.column).label.text(lang))
        label = "·".join(parts)
    except KeyError:
        label = str(address)
    if len(_LABELS) > 50_000:  # many layouts in one process: keep memory bounded
        _LABELS.clear()
    _LABELS[key] = (layout, label)
    return label


_LABELS: dict[tuple[int, CellAddress, str, bool, bool], tuple[Layout, str]] = {}
"""Labels made, by layout (its id), cell, language and parts: every arithmetic line names its cells again, and
a layout's rows and columns are found by a search."""


def both(function: object, *args: object) -> tuple[str, str]:
    """Call a ``(…, lang)`` function in both languages."""
    assert callable(function)
    return function(*args, "zh"), function(*args, "en")


def show_value(value: CellValue, lang: str = "zh") -> str:
    """A cell value as a reader wants to see it: 7, 43101万元, (blank), (placeholder "-").

    >>> show_value(Absent(AbsenceKind.PLACEHOLDER, "-"), "en")
    '(placeholder "-")'
    """
    if isinstance(value, Absent):
        if value.kind is AbsenceKind.BLANK:
            return "（空白）" if lang == "zh" else "(blank)"
        if value.kind is AbsenceKind.PLACEHOLDER:
            return f"（填写“{value.text}”）" if lang == "zh" else f'(placeholder "{value.text}")'
        return "（不适用）" if lang == "zh" else "(not applicable)"
    if isinstance(value, Money):
        return f"{show_number(value.amount)}{value.unit or ''}"
    return show_number(value.number)


def labels(layout: Layout, addresses: Sequence[CellAddress | str], lang: str) -> str:
    """Several cells named in ``lang``, joined with the language's list separator (a fact by its path)."""
    names = [a if isinstance(a, str) else cell_label(layout, a, lang) for a in addresses]
    return ("、" if lang == "zh" else ", ").join(names)


_SHOWN = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}
_BROKEN = {"==": "≠", "!=": "=", "<=": ">", ">=": "<", "<": "≥", ">": "≤"}


def arithmetic(
    layout: Layout, uses: Sequence[CellUse], op: str, lang: str, left: str = "", *, held: bool = True
) -> str:
    """The relation written out with labels and values, e.g. ``总计 （空白） = 自然人 7 + 商业企业 （空白）``.

    When every cell shares its column (or its row) that label is said once, in front. ``left`` stands
    for a left side that is not made of cells (a figure stated in the text). A relation that does not
    hold is written with the operator that does (``18 > 12``), so the line never states a falsehood.
    """
    current = [u.cell for u in uses]
    distinct = len(set(current)) > 1  # one cell this year and last year: name it in full
    same_column = distinct and len({(a.table, a.column) for a in current}) == 1
    same_row = distinct and len({(a.table, a.row) for a in current}) == 1
    prefix = ""
    if same_column:
        prefix = cell_label(layout, current[0], lang, row=False) + ": "
    elif same_row:
        prefix = cell_label(layout, current[0], lang, column=False) + ": "
    sides: dict[str, list[str]] = {"lhs": [], "rhs": []}
    for use, address in zip(uses, current, strict=True):
        name = cell_label(layout, address, lang, row=not same_row, column=not same_column)
        if use.report == "previous":
            name = ("上年" if lang == "zh" else "last year's ") + name
        term = f"{name} {show_value(use.value, lang)}"
        side = sides["rhs" if use.side == "rhs" else "lhs"]
        if use.weight < 0:
            side.append(f"− {term}")
        else:
            side.append(f"+ {term}" if side else term)
    left = left or " ".join(sides["lhs"]).removeprefix("+ ") or "0"
    right = " ".join(sides["rhs"]).removeprefix("+ ") or "0"
    shown = _SHOWN.get(op, op) if held else _BROKEN.get(op, op)
    return f"{prefix}{left} {shown} {right}"
