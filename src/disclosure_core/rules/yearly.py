"""Year over year: which cells carry over from last year's report, and the arithmetic of a yearly rule written
with both years' terms (``去年现行有效件数 12 + 本年制发件数 3 − 本年废止件数 1 = 14 ≠ 本年现行有效件数 15``).

Within one format every table carries over; across the 2019 → 2021 format change only Tables 2 and 3 do
(FORMAT.md: Table 1 was redesigned, items became documents and decisions), so a yearly rule on Table 1
does not apply across it. A blank cell of either year is shown as blank, never as 0.

>>> from disclosure_core.layouts import builtin_layout
>>> old, new = builtin_layout("gov-2019"), builtin_layout("gov-2021")
>>> carries_over(old, new, CellAddress.parse("requests.carried_forward.total"))
True
>>> carries_over(old, new, CellAddress.parse("proactive.regulations.in_force"))
False
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from disclosure_core.findings import CellUse
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.rules.messages import cell_label, show_number, show_value

CARRIED_ACROSS_FORMATS = ("requests", "appeals")
"""The tables that carry over across a change of format version (FORMAT.md: Tables 2 and 3)."""

WORDS = {
    "zh": {"previous": "去年{label}", "current": "本年{label}", "this_year": "本年", "and": "、"},
    "en": {"previous": "{label} (last year)", "current": "{label} (this year)", "this_year": "this year", "and": ", "},
}
"""The words of the yearly arithmetic, in the two languages (the message catalogue may take them over)."""


def marked(label: str, report: str, lang: str) -> str:
    """A cell label marked with its year; a label of this year's that already says so stays as it is.

    >>> marked("现行有效件数", "previous", "zh"), marked("本年制发件数", "current", "zh"), marked("In force", "current", "en")
    ('去年现行有效件数', '本年制发件数', 'In force (this year)')
    """
    words = WORDS["en" if lang == "en" else "zh"]
    if report != "previous" and words["this_year"] in label.lower():
        return label
    return words["previous" if report == "previous" else "current"].format(label=label)


_SHOWN = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}
_BROKEN = {"==": "≠", "!=": "=", "<=": ">", ">=": "<", "<": "≥", ">": "≤"}
_MIRRORED = {"==": "==", "!=": "!=", "<=": ">=", ">=": "<=", "<": ">", ">": "<"}


def family(layout: Layout) -> str:
    """The official format a layout belongs to (a provincial variant belongs to the one it extends)."""
    return layout.extends or layout.id


def carries_over(previous: Layout, current: Layout, address: CellAddress) -> bool:
    """Whether last year's ``address`` (in the ``previous`` layout) is this year's cell of the same meaning.

    Within one format family every cell the previous layout has; across a format change only Tables 2 and 3.
    """
    if not previous.has_cell(address):
        return False
    return family(previous) == family(current) or address.table in CARRIED_ACROSS_FORMATS


def yearly_arithmetic(layout: Layout, uses: Sequence[CellUse], op: str, lang: str, *, held: bool = True) -> str:
    """A yearly relation written out: the side with last year's cells first, its total when it has more than
    one term and all are numbers, then this year's side — every term marked 去年 or 本年.

    >>> from disclosure_core.layouts import builtin_layout
    >>> from disclosure_core.values import BLANK, Count
    >>> in_force, issued, repealed = (CellAddress("proactive", "regulations", c) for c in ("in_force", "issued", "repealed"))
    >>> uses = [CellUse(in_force, Count(15), "current", "lhs", 1), CellUse(in_force, Count(12), "previous", "rhs", 1),
    ...         CellUse(issued, Count(3), "current", "rhs", 1), CellUse(repealed, Count(1), "current", "rhs", -1)]
    >>> yearly_arithmetic(builtin_layout("gov-2021"), uses, "==", "zh", held=False)
    '去年现行有效件数 12 + 本年制发件数 3 − 本年废止件数 1 = 14 ≠ 本年现行有效件数 15'
    >>> blank = [uses[0], CellUse(in_force, BLANK, "previous", "rhs", 1), *uses[2:]]
    >>> yearly_arithmetic(builtin_layout("gov-2021"), blank, "==", "en")
    'In force (last year) (blank) + Issued this year 3 − Repealed this year 1 = In force (this year) 15'
    """
    addresses = [u.cell for u in uses]
    same_row = len({(a.table, a.row) for a in addresses}) == 1
    same_column = not same_row and len({(a.table, a.column) for a in addresses}) == 1
    sides: dict[str, list[CellUse]] = {"lhs": [], "rhs": []}
    for use in uses:
        sides["rhs" if use.side == "rhs" else "lhs"].append(use)
    first, second, shown_op = sides["rhs"], sides["lhs"], _MIRRORED.get(op, op)
    if not any(u.report == "previous" for u in first):  # last year's cells on the left of the rule
        first, second, shown_op = sides["lhs"], sides["rhs"], op

    def term(use: CellUse) -> str:
        name = cell_label(layout, use.cell, lang, row=not same_row, column=not same_column)
        return f"{marked(name, use.report, lang)} {_value(use, lang)}"

    def side(part: list[CellUse]) -> str:
        text = ""
        for use in part:
            shown = term(use)
            text += (
                (f" − {shown}" if use.weight < 0 else f" + {shown}")
                if text
                else (f"− {shown}" if use.weight < 0 else shown)
            )
        numbers = [u.value.number for u in part]
        if len(part) > 1 and None not in numbers:
            total = sum(
                (Decimal(n) * u.weight for n, u in zip(numbers, part, strict=True) if n is not None), Decimal(0)
            )
            text += f" = {show_number(total)}"
        return text or "0"

    relation = _SHOWN.get(shown_op, shown_op) if held else _BROKEN.get(shown_op, shown_op)
    return f"{side(first)} {relation} {side(second)}"


def _value(use: CellUse, lang: str) -> str:
    return show_value(use.value, "en" if lang == "en" else "zh")


def previous_label(layout: Layout, address: CellAddress, lang: str) -> str:
    """Last year's cell as 缺少 names it: ``去年四、结转下年度继续办理·总计``.

    >>> from disclosure_core.layouts import builtin_layout
    >>> previous_label(builtin_layout("gov-2019"), CellAddress.parse("requests.carried_forward.total"), "zh")
    '去年四、结转下年度继续办理·总计'
    """
    return marked(cell_label(layout, address, lang), "previous", lang)


def shown_arithmetic(layout: Layout, uses: Sequence[CellUse], op: str, lang: str, *, held: bool = True) -> str:
    """The arithmetic line of a finding: with both years' terms when it read last year's cells."""
    from disclosure_core.rules.messages import arithmetic

    if any(u.report == "previous" for u in uses):
        return yearly_arithmetic(layout, uses, op, lang, held=held)
    return arithmetic(layout, [u for u in uses if u.report == "current"], op, lang, held=held)
