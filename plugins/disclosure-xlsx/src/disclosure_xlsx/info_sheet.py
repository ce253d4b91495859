"""The 报告信息 sheet: who reports, for which year and format, the lead, the six sections and the facts.

One field per row: a locked label in column A, the value in column B, a hint in column C. Groups (the lead,
each section, the assessment weight, the fees) open with a row of their own whose column B says "是" when
the report has that part, so that a section present but empty stays distinct from a missing one. Rows
may be inserted anywhere: the reader goes by the labels.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal

from disclosure_core import BodyLevel, Money, Report
from disclosure_core.layouts import CellKind, Layout, builtin_layout
from disclosure_core.rendering import report_title
from disclosure_xlsx import styles
from disclosure_xlsx.cells import MONEY_UNITS, cell_content
from disclosure_xlsx.spreadsheetml import PageSetup, SheetXml
from disclosure_xlsx.table_writer import write_value

INFO_SHEET = "报告信息"
YES, NO = "是", "否"

FORMAT, YEAR, BODY, LEVEL, REGION = "格式版本", "报告年度", "机关名称", "机关层级", "所在地区"
PUBLISHED, PUBLISHER, CONTACT, TITLE = "发布日期", "发布机关", "联系方式", "报告标题"
LEAD, HEADING, PARAGRAPH = "导语", "标题", "段落"
WEIGHT, SENTENCE, PERCENT, AT_LEAST, POINTS, BASE = "考核权重", "原句", "百分比（%）", "不低于", "分值", "总分"
FEES, FEE_COUNT, FEE_AMOUNT, FEE_UNIT = "信息处理费", "收费次数", "收费金额", "金额单位"

LEVEL_NAMES: dict[BodyLevel, str] = {
    BodyLevel.STATE_COUNCIL_DEPARTMENT: "国务院部门",
    BodyLevel.PROVINCE: "省级人民政府",
    BodyLevel.PROVINCE_DEPARTMENT: "省级政府部门",
    BodyLevel.CITY: "市级人民政府",
    BodyLevel.CITY_DEPARTMENT: "市级政府部门",
    BodyLevel.COUNTY: "县级人民政府",
    BodyLevel.COUNTY_DEPARTMENT: "县级政府部门",
    BodyLevel.TOWNSHIP: "乡镇人民政府（街道办事处）",
}


@functools.cache
def section_names() -> dict[str, str]:
    """Section id → the official heading that heads its group on the sheet (layout data, same in both formats)."""
    return {section.id: section.heading.zh for section in builtin_layout("gov-2021").sections}


GROUP_HINT = "本项在报告中存在时填“是”（有内容即视为存在）"
SPARE_PARAGRAPHS = 2
"""Empty paragraph rows left under each part for the preparer (more can be inserted)."""


WIDTHS = {1: 22, 2: 62, 3: 24}
"""Column widths (characters of the default font): one A4 page wide in portrait."""
LINE_HEIGHT = 14.5
"""Points per line of 11 pt text."""


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (a Chinese character is two).

    >>> _lines("", 10), _lines("abc", 10), _lines("政府信息公开工作", 10)
    (1, 1, 2)
    """
    units = sum(1 if ord(char) < 0x2E80 else 2 for char in text)
    usable = max(1, width - 1)
    return max(1, -(-units // usable))


class _Writer:
    def __init__(self, sheet: SheetXml) -> None:
        self.sheet = sheet
        self.row = 4

    def field(
        self,
        label: str,
        value: str | int | Decimal | dt.date | None,
        hint: str = "",
        locked: bool = False,
        label_style: int = styles.FIELD,
    ) -> None:
        sheet, row = self.sheet, self.row
        sheet.text(row, 1, label, label_style)
        date = isinstance(value, dt.date)
        style = styles.FIXED if locked else styles.INPUT_DATE if date else styles.INPUT_TEXT
        if value is None:
            sheet.blank(row, 2, style)
        else:
            write_value(sheet, row, 2, value, style, f"{INFO_SHEET}!B{row} ({label})")
        if hint:
            sheet.text(row, 3, hint, styles.NOTE)
        lines = max(
            _lines(label, WIDTHS[1]),
            _lines(value if isinstance(value, str) else "", WIDTHS[2]),
            _lines(hint, WIDTHS[3]),
        )
        if lines > 1:  # no spreadsheet program sizes wrapped rows of a file it opens: give the height
            sheet.height(row, LINE_HEIGHT * lines + 2)
        self.row += 1

    def choice(
        self, label: str, value: str | None, choices: Sequence[str], hint: str = "", label_style: int = styles.FIELD
    ) -> None:
        self.sheet.validate(styles.list_validation(choices, f"B{self.row}"))
        self.field(label, value, hint, label_style=label_style)

    def group(self, label: str, present: bool | None) -> None:
        """A group's opening row; ``present`` None for a group that is always there (the lead)."""
        self.row += 1
        self.sheet.text(self.row, 1, label, styles.GROUP)
        if present is None:
            self.row += 1
            return
        self.choice(label, YES if present else None, (YES, NO), GROUP_HINT, label_style=styles.GROUP_FIELD)

    def paragraphs(self, paragraphs: Sequence[str]) -> None:
        for paragraph in (*paragraphs, *([None] * SPARE_PARAGRAPHS)):
            self.field(PARAGRAPH, paragraph)


def write_info(sheet: SheetXml, report: Report, layout: Layout) -> None:
    """Fill the 报告信息 sheet from ``report`` (see the module docstring for its shape); its first row is to be
    printed on every page."""
    sheet.text(1, 1, f"{INFO_SHEET}  {layout.title.zh}", styles.TITLE)
    hint = "黄色单元格可填写；正文每段一行，不够可插入行。格式版本决定表格，不要修改。"
    sheet.text(2, 1, hint, styles.NOTE)
    sheet.merge(2, 1, 2, 3, frame_style=None)  # printed whole, across the page
    out = _Writer(sheet)
    out.field(FORMAT, report.format, f"{layout.basis}（{layout.id}）", locked=True)
    out.field(YEAR, report.year, "例如 2025")
    sheet.validate(styles.count_validation(CellKind.COUNT, [f"B{out.row - 1}"]))
    out.field(BODY, report.body.name, "如：某某县人民政府")
    out.choice(LEVEL, LEVEL_NAMES[report.body.level], list(LEVEL_NAMES.values()))
    out.field(REGION, report.body.region, "如：山西省忻州市代县")
    out.field(PUBLISHED, report.published, "日期，如 2026-01-20")
    out.field(PUBLISHER, report.publisher)
    out.field(CONTACT, report.contact)
    out.field(TITLE, report.title)
    out.group(LEAD, None)
    out.paragraphs(report.lead)
    for section_id, section in report.sections.items():
        out.group(layout.section(section_id).heading.zh, section is not None)
        out.field(HEADING, section.heading if section else None, "报告中印出的标题（可带序号）")
        out.paragraphs(section.paragraphs if section else ())
    weight = report.facts.assessment_weight
    out.group(WEIGHT, weight is not None)
    out.field(SENTENCE, weight.sentence if weight else None, "总体情况中说明考核权重的原句")
    out.field(PERCENT, _number(weight.percent) if weight else None, "如 4 表示 4%")
    out.choice(AT_LEAST, (YES if weight.at_least else NO) if weight else None, (YES, NO), "原句是否说“不低于”")
    out.field(POINTS, _number(weight.points) if weight else None, "只给分值时填写")
    out.field(BASE, _number(weight.base) if weight else None, "分值的总分")
    fees = report.facts.fees
    out.group(FEES, fees is not None)
    out.field(FEE_COUNT, fees.count if fees else None)
    amount = fees.amount if fees else None
    out.field(FEE_AMOUNT, _number(amount.amount) if amount else None)
    out.choice(FEE_UNIT, amount.unit if amount else None, MONEY_UNITS)
    out.field(SENTENCE, fees.sentence if fees else None, "说明收费情况的原句")
    # One A4 page wide in portrait: labels, values (paragraphs wrap inside) and hints side by side.
    for column, width in WIDTHS.items():
        sheet.width(column, width)
    sheet.page = PageSetup(f"{report_title(report)}  {INFO_SHEET}", landscape=False)
    sheet.protected = True


def _number(value: Decimal | None) -> int | Decimal | str | None:
    """A decimal as the sheet holds it: a number when a double keeps it exact, text otherwise."""
    return None if value is None else cell_content(Money(value))
