"""The words a register of requests may use: column headers, applicant types and outcome categories.

Applicant types are Table 2's columns and outcomes its result rows, so both are taken from the layout:
the canonical id, the verbatim label, and the label without its numbering or its bracketed remark are all
accepted ("granted", "（一）予以公开", "予以公开"). A few everyday words are added ("公民", "企业").

>>> from disclosure_core.layouts import builtin_layout
>>> outcomes = outcome_names(builtin_layout("gov-2021"))
>>> lookup(outcomes, "（二）部分公开"), lookup(outcomes, "不予公开：1.属于国家秘密"), lookup(outcomes, "其他处理")
('partially_granted', 'withheld_state_secret', 'other_misc')
"""

from __future__ import annotations

import re

from disclosure_core.folding import fold
from disclosure_core.layouts import Layout

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号", "序号", "申请编号", "登记号", "登记编号"),
    "received": ("received", "received_date", "收到日期", "收到申请日期", "申请日期", "受理日期", "登记日期"),
    "applicant": ("applicant", "applicant_type", "申请人类型", "申请人情况", "申请人类别", "申请人性质"),
    "outcome": ("outcome", "result", "办理结果", "处理结果", "答复结果", "答复类型"),
    "closed": ("closed", "closed_date", "closing_date", "办结日期", "答复日期", "办理完结日期", "结案日期"),
}
"""Accepted headers of each ledger column (matched without spaces, case and full-width differences)."""

REQUIRED_COLUMNS = ("received", "applicant", "outcome", "closed")

APPLICANT_EXTRAS: dict[str, tuple[str, ...]] = {
    "natural_person": ("公民", "个人"),
    "commercial": ("企业",),
    "nonprofit": ("公益组织",),
    "legal_service": ("律师事务所", "律师"),
    "other_org": ("其他组织", "其他法人或其他组织"),
}

OUTCOME_ROWS_EXCLUDED = frozenset({"new", "carried_over", "total", "carried_forward"})
"""Table 2 rows that are not outcomes: the balance rows."""

_ACROSS_VERSIONS = {
    # gov-2019 has one 其他处理 row, gov-2021 three: a register kept across the change still maps.
    "other": "other_misc",
    "other_overdue_correction": "other",
    "other_unpaid_fee": "other",
    "other_misc": "other",
}
_GOV_2021_OTHER_LABELS = {
    "other_overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_misc": "3.其他",
}
_NUMBERING = re.compile(r"^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、)]|\(\d+\))")
_REMARK = re.compile(r"\([^()]*\)$")
_SEPARATORS = re.compile(r"[-—:/|]")


def name_key(text: str) -> str:
    """How a name is compared: NFKC, no spaces, lower case.

    >>> name_key(" Natural_Person "), name_key("（一）予以公开")
    ('natural_person', '(一)予以公开')
    """
    return "".join(fold(text).split()).lower()


def _variants(label: str) -> set[str]:
    key = name_key(label)
    bare = _NUMBERING.sub("", key)
    return {key, bare, _REMARK.sub("", bare)}


def applicant_names(layout: Layout) -> dict[str, str]:
    """Every accepted applicant type, by :func:`name_key`, to its Table 2 column id."""
    names: dict[str, str] = {}
    for column in layout.table("requests").columns:
        if column.id == "total":
            continue
        for name in (column.id, column.label.zh, *APPLICANT_EXTRAS.get(column.id, ())):
            names[name_key(name)] = column.id
    return names


def outcome_names(layout: Layout) -> dict[str, str]:
    """Every accepted outcome name, by :func:`name_key`, to its Table 2 row id (for this layout)."""
    table = layout.table("requests")
    rows = [row for row in table.rows if row.id not in OUTCOME_ROWS_EXCLUDED]
    names: dict[str, str] = {}
    groups = {group.id: group.label.zh for group in table.groups}
    for row in rows:
        names[row.id] = row.id
        for variant in _variants(row.label.zh):
            names.setdefault(variant, row.id)
    row_ids = {row.id for row in rows}
    for other, here in _ACROSS_VERSIONS.items():
        if other not in row_ids and here in row_ids:
            names[other] = here
            for variant in _variants(_GOV_2021_OTHER_LABELS.get(other, "")) - {""}:
                names.setdefault(variant, here)
    if "other_misc" in row_ids:  # gov-2021 prints 其他处理 as a group: the register's "其他处理" is its 3.其他
        for variant in _variants(groups.get("other", "（六）其他处理")):
            names.setdefault(variant, "other_misc")
    return names


def lookup(names: dict[str, str], text: str) -> str | None:
    """The id ``text`` names, trying it whole, then without numbering, then its last part after a separator.

    >>> lookup({"予以公开": "granted"}, "（一）予以公开")
    'granted'
    """
    for candidate in (text, _SEPARATORS.split(name_key(text))[-1]):
        for variant in sorted(_variants(candidate), key=len, reverse=True):
            if variant in names:
                return names[variant]
    return None
