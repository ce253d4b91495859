"""How the workbook looks and what it allows: named cell styles, their stylesheet, and data validation.

Labels are locked and the sheets protected without a password, so a label cannot be overtyped by accident
while an office that must adapt the sheet can still unprotect it (the reader verifies labels anyway).
Value cells are unlocked, tinted, and validated by the kind of their column.

Every cell takes one of the named styles of :data:`NAMED_STYLES` (they also show in the spreadsheet's
style list). Style *n* is the *n*-th cell format and the *n*-th named one of :data:`STYLESHEET`, written
once: a cell only carries its number (``s="n"``), as a spreadsheet program's own files do.

>>> NAMED_STYLES[INPUT_MONEY], NAMED_STYLES[CHECK]
('disclosure input money', 'disclosure check')
>>> b'formatCode="yyyy-mm-dd"' in STYLESHEET
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from disclosure_core.layouts import CellKind
from disclosure_xlsx.spreadsheetml import MAIN_NS, Validation

_FONTS = (
    '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>',
    '<font><name val="黑体"/><b val="1"/><sz val="14"/></font>',
    '<font><name val="宋体"/><color rgb="00595959"/><sz val="10"/></font>',
    '<font><name val="宋体"/><b val="1"/><sz val="11"/></font>',
    '<font><name val="宋体"/><sz val="11"/></font>',
    '<font><name val="宋体"/><i val="1"/><color rgb="001F4E79"/><sz val="10"/></font>',
)
DEFAULT_FONT, TITLE_FONT, HINT_FONT, BOLD, FONT, CHECK_FONT = range(len(_FONTS))
_FILLS = (
    "<fill><patternFill/></fill>",
    '<fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="00EDEDED"/></patternFill></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="00FFF2CC"/></patternFill></fill>',
)
NO_FILL, _GRAY125, CHECK_FILL, INPUT_FILL = range(len(_FILLS))
_THIN = '<color rgb="00000000"/>'
_BORDERS = (
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
    "<border/>",
    "<border>" + "".join(f'<{side} style="thin">{_THIN}</{side}>' for side in ("left", "right", "top", "bottom"))
    + "</border>",
)  # fmt: skip
_DEFAULT_BORDER, NO_BORDER, BORDER = range(len(_BORDERS))
CENTERED = '<alignment horizontal="center" vertical="center" wrapText="1"/>'
LEFT = '<alignment horizontal="left" vertical="center" wrapText="1"/>'
TOP_LEFT = '<alignment horizontal="left" vertical="top" wrapText="1"/>'
DATE_FORMAT = 164
_NUMBER_FORMATS = {CellKind.COUNT: 1, CellKind.SIGNED_COUNT: 1, CellKind.MONEY: 2}
"""Built-in number formats: 1 is "0", 2 is "0.00"."""

# (name, font, fill, border, alignment, unlocked, number format): the named styles, by what a cell is for.
_STYLES: tuple[tuple[str, int, int, int, str | None, bool, int], ...] = (
    ("Normal", DEFAULT_FONT, NO_FILL, _DEFAULT_BORDER, None, False, 0),
    ("disclosure title", TITLE_FONT, NO_FILL, NO_BORDER, None, False, 0),
    ("disclosure hint", HINT_FONT, NO_FILL, NO_BORDER, None, False, 0),
    ("disclosure note", HINT_FONT, NO_FILL, NO_BORDER, TOP_LEFT, False, 0),
    ("disclosure heading", BOLD, NO_FILL, BORDER, CENTERED, False, 0),
    ("disclosure label", FONT, NO_FILL, BORDER, CENTERED, False, 0),
    ("disclosure row label", FONT, NO_FILL, BORDER, LEFT, False, 0),
    ("disclosure field", BOLD, NO_FILL, BORDER, LEFT, False, 0),
    ("disclosure group", BOLD, CHECK_FILL, BORDER, None, False, 0),
    ("disclosure group field", BOLD, CHECK_FILL, BORDER, LEFT, False, 0),
    ("disclosure fixed value", FONT, NO_FILL, BORDER, None, False, 0),
    ("disclosure frame", DEFAULT_FONT, NO_FILL, BORDER, None, False, 0),
    ("disclosure input", FONT, INPUT_FILL, BORDER, CENTERED, True, 0),
    ("disclosure input count", FONT, INPUT_FILL, BORDER, CENTERED, True, _NUMBER_FORMATS[CellKind.COUNT]),
    ("disclosure input money", FONT, INPUT_FILL, BORDER, CENTERED, True, _NUMBER_FORMATS[CellKind.MONEY]),
    ("disclosure input text", FONT, INPUT_FILL, BORDER, TOP_LEFT, True, 0),
    ("disclosure input date", FONT, INPUT_FILL, BORDER, TOP_LEFT, True, DATE_FORMAT),
    ("disclosure check", CHECK_FONT, CHECK_FILL, BORDER, CENTERED, False, 0),
)
NAMED_STYLES = tuple(style[0] for style in _STYLES)
"""The names of the styles a rendered workbook uses, by style number (0 is the spreadsheet's own "Normal")."""

(
    _NORMAL, TITLE, HINT, NOTE, HEADING, LABEL, ROW_LABEL, FIELD, GROUP, GROUP_FIELD, FIXED, FRAME,
    INPUT, INPUT_COUNT, INPUT_MONEY, INPUT_TEXT, INPUT_DATE, CHECK,
) = range(len(_STYLES))  # fmt: skip
# What each is for: NOTE a hint beside a field of the information sheet (small grey text, top-aligned);
# HEADING a table's heading or column header (bold, bordered, centred); FIELD the name of a field of the
# information sheet; GROUP the opening row of a group of fields (bold on grey), GROUP_FIELD one that is also
# a field; FIXED a value not to be changed (the format version); FRAME a cell covered by a merged label (only
# its border shows); INPUT… the cells people fill in (tinted, unlocked); CHECK the formula checks.

INPUT_BY_KIND = {CellKind.COUNT: INPUT_COUNT, CellKind.SIGNED_COUNT: INPUT_COUNT, CellKind.MONEY: INPUT_MONEY}
"""The style of a value cell by the kind of its column (its number format)."""


def _xf(
    font: int, fill: int, border: int, alignment: str | None, unlocked: bool, number_format: int
) -> tuple[str, str]:
    """The start of a style's ``<xf>`` element (open) and what goes inside it."""
    applies = (' applyAlignment="1"' if alignment else "") + (' applyProtection="1"' if unlocked else "")
    inner = (alignment or "") + ('<protection locked="0" hidden="0"/>' if unlocked else "")
    return f'<xf numFmtId="{number_format}" fontId="{font}" fillId="{fill}" borderId="{border}"{applies}', inner


def _stylesheet() -> bytes:
    named, cells, names = [], [], []
    for number, (name, font, fill, border, alignment, unlocked, number_format) in enumerate(_STYLES):
        start, inner = _xf(font, fill, border, alignment, unlocked, number_format)
        named.append(f"{start}>{inner}</xf>" if inner else f"{start}/>")
        start += f' pivotButton="0" quotePrefix="0" xfId="{number}"'
        cells.append(f"{start}>{inner}</xf>" if inner else f"{start}/>")
        builtin = ' builtinId="0"' if number == _NORMAL else ""
        names.append(f'<cellStyle name="{name}" xfId="{number}"{builtin} hidden="0"/>')
    count = len(_STYLES)
    return (
        f'<styleSheet xmlns="{MAIN_NS}"><numFmts count="1"><numFmt numFmtId="{DATE_FORMAT}" formatCode="yyyy-mm-dd"/>'
        f'</numFmts><fonts count="{len(_FONTS)}">{"".join(_FONTS)}</fonts><fills count="{len(_FILLS)}">'
        f'{"".join(_FILLS)}</fills><borders count="{len(_BORDERS)}">{"".join(_BORDERS)}</borders>'
        f'<cellStyleXfs count="{count}">{"".join(named)}</cellStyleXfs><cellXfs count="{count}">{"".join(cells)}'
        f'</cellXfs><cellStyles count="{count}">{"".join(names)}</cellStyles>'
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
        "</styleSheet>"
    ).encode()


STYLESHEET = _stylesheet()
"""The ``xl/styles.xml`` part every rendered workbook carries."""


def count_validation(kind: CellKind, cells: Iterable[str]) -> Validation:
    """Whole numbers ≥ 0 in ``cells``, or any whole number for a signed column (本年增/减).

    >>> count_validation(CellKind.COUNT, ["D7", "C18:D18"]).xml()[:40]
    '<dataValidation sqref="D7 C18:D18" showD'
    """
    if kind is CellKind.SIGNED_COUNT:
        error = "请填写整数（减少用负数表示，如 -8）。"
        return Validation("whole", tuple(cells), "-1000000000", "1000000000", "between", error)
    error = "请填写不小于 0 的整数；没有发生的填 0，不要留空。"
    return Validation("whole", tuple(cells), "0", None, "greaterThanOrEqual", error)


def money_validation(coordinate: str) -> Validation:
    """An amount ≥ 0 with at most two decimals, for the one cell at ``coordinate``.

    >>> money_validation("C21").formula1
    'AND(ISNUMBER(C21),C21>=0,ROUND(C21,2)=C21)'
    """
    formula = f"AND(ISNUMBER({coordinate}),{coordinate}>=0,ROUND({coordinate},2)={coordinate})"
    return Validation("custom", (coordinate,), formula, error="请填写不小于 0 的金额，最多两位小数。")


def list_validation(choices: Iterable[str], coordinate: str) -> Validation:
    """One of a few fixed texts, offered as a drop-down list, for the cell at ``coordinate``.

    >>> list_validation(["是", "否"], "B20").formula1
    '"是,否"'
    """
    # "warning" rather than "stop" for every validation: a preparer who must record a placeholder ("-") can
    # still do so after being told, and the reader reports it; a stop would push them to paste around it.
    return Validation("list", (coordinate,), '"' + ",".join(choices) + '"')


def text_width(text: str) -> float:
    """Display width of ``text`` in character units: CJK characters count double.

    >>> text_width("ab"), text_width("总计")
    (2.2, 4.0)
    """
    return sum(2.0 if ord(char) > 0x2E7F else 1.1 for char in text)


def lines_needed(text: str, width: float) -> int:
    """How many wrapped lines ``text`` takes in a column ``width`` characters wide.

    >>> lines_needed("政府信息公开", 6)
    3
    """
    return max(1, math.ceil(text_width(text) / max(width - 1.0, 1.0)))
