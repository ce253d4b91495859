"""What a rendered report shows, in reading order: the outline and the printed texts every renderer shares.

Renderers (HTML, DOCX, …) differ in markup only; the title, the heading of each section (the report's own, else
the official one from the layout), which table goes under which section, and how a cell value is printed are
decided here once, so that every output shows the same document and readers of rendered files can invert it.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core.model import Body, Report
>>> report = Report("gov-2021", 2025, Body("某县人民政府", "county"))
>>> report_title(report)
'某县人民政府2025年政府信息公开工作年度报告'
>>> [part.heading for part in outline(report, builtin_layout("gov-2021"))][:2]
['一、总体情况', '二、主动公开政府信息情况']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from disclosure_core.errors import RenderError
from disclosure_core.layouts import ColumnSpec, Layout, TableLayout
from disclosure_core.model import Report, Section
from disclosure_core.values import Absent, CellValue, Count, Money

TITLE_SUFFIX = "政府信息公开工作年度报告"
"""How every report title ends; a long title is printed on two lines, broken before it."""

_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；]{1,28}$")
# What no document can print: control characters other than tab and line breaks (XML 1.0 forbids them,
# HTML5 calls them parse errors), lone surrogates (not encodable), and Unicode noncharacters.
_NONCHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def report_title(report: Report) -> str:
    """The report's own title, else body + year + "政府信息公开工作年度报告".

    >>> from disclosure_core.model import Body, Report
    >>> report_title(Report("gov-2019", 2020, Body("代县人民政府", "county"), title="代县2020年政府信息公开工作年度报告"))
    '代县2020年政府信息公开工作年度报告'
    """
    return report.title or f"{report.body.name}{report.year}年{TITLE_SUFFIX}"


def title_lines(title: str) -> tuple[str, ...]:
    """The title as printed: broken before "政府信息公开工作年度报告" when something precedes it.

    >>> title_lines("代县2020年政府信息公开工作年度报告")
    ('代县2020年', '政府信息公开工作年度报告')
    >>> title_lines("年度报告")
    ('年度报告',)
    """
    head, suffix, tail = title.rpartition(TITLE_SUFFIX)
    if suffix and head.strip() and not tail:
        return (head, suffix)
    return (title,)


def printed_texts(report: Report) -> Iterator[tuple[str, str]]:
    """Every text of a report that a renderer prints, with its place (a JSON path of the canonical JSON).

    >>> from disclosure_core.model import Body
    >>> [path for path, _ in printed_texts(Report("gov-2021", 2025, Body("某县", "county"), lead=("x",)))]
    ['$.body.name', '$.lead[0]']
    """
    yield "$.body.name", report.body.name
    for key in ("title", "publisher"):
        value = getattr(report, key)
        if value is not None:
            yield f"$.{key}", value
    for i, paragraph in enumerate(report.lead):
        yield f"$.lead[{i}]", paragraph
    for section_id, section in report.sections.items():
        if section is not None:
            if section.heading is not None:
                yield f"$.sections.{section_id}.heading", section.heading
            for i, paragraph in enumerate(section.paragraphs):
                yield f"$.sections.{section_id}.paragraphs[{i}]", paragraph
    for address, value in report.tables:
        if isinstance(value, Absent) and value.text:
            yield f"$.tables.{address}", value.text


def require_printable(report: Report) -> None:
    """Raise :class:`RenderError` naming the place of the first unprintable character in any printed text
    (a control character, a lone surrogate or a Unicode noncharacter).

    >>> from disclosure_core.model import Body
    >>> require_printable(Report("gov-2021", 2025, Body("某县\uffff", "county")))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RenderError: $.body.name: U+FFFF is not a printable character
    """
    for path, text in printed_texts(report):
        found = _NONCHARACTER.search(text)
        if found:
            raise RenderError.keyed("render.unprintable", where=str(path), code=f"U+{ord(found.group()):04X}")


def is_subheading(paragraph: str) -> bool:
    """Whether a narrative paragraph is a second-level heading such as "（一）强化组织领导".

    >>> is_subheading("（二）完善平台建设"), is_subheading("（二）完善平台建设，取得实效。")
    (True, False)
    """
    return bool(_SUBHEADING.match(paragraph))


def format_date(date: dt.date) -> str:
    """A date as official documents print it.

    >>> format_date(dt.date(2021, 2, 3))
    '2021年2月3日'
    """
    return f"{date.year}年{date.month}月{date.day}日"


def cell_text(value: CellValue, column: ColumnSpec) -> str:
    """How a cell value is printed: the number; money with its unit where that differs from the column's;
    an absent value as the text found (a blank stays empty — never a 0).

    >>> from decimal import Decimal
    >>> from disclosure_core.layouts import CellKind, Label
    >>> amount = ColumnSpec("amount", Label("采购总金额", "Amount"), CellKind.MONEY)
    >>> cell_text(Money(Decimal("43101"), "万元"), amount), cell_text(Absent(), amount)
    ('43101万元', '')
    """
    if isinstance(value, Count):
        return str(value.value)
    if isinstance(value, Money):
        unit = value.unit if value.unit and value.unit != column.unit else ""
        return f"{value.amount:f}{unit}"
    assert isinstance(value, Absent)
    return value.text


@attrs.frozen
class OutlinePart:
    """One of the six sections as printed: heading, paragraphs and the tables that belong under it.

    ``official`` is True when the heading comes from the layout because the report gives none (or lacks the
    section altogether: then ``section`` is None).

    >>> from disclosure_core.layouts import builtin_layout
    >>> from disclosure_core.model import Body
    >>> part = outline(Report("gov-2021", 2025, Body("某县", "county")), builtin_layout("gov-2021"))[2]
    >>> part.heading, part.official, part.section, [table.id for table in part.tables]
    ('三、收到和处理政府信息公开申请情况', True, None, ['requests'])
    """

    id: str
    heading: str
    official: bool
    section: Section | None
    tables: tuple[TableLayout, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The section's paragraphs (none when the section is missing)."""
        return self.section.paragraphs if self.section else ()


def require_layout(report: Report, layout: Layout) -> None:
    """Raise :class:`RenderError` unless ``layout`` is the report's own format.

    >>> from disclosure_core.layouts import builtin_layout
    >>> from disclosure_core.model import Body
    >>> require_layout(Report("gov-2021", 2025, Body("某县", "county")), builtin_layout("gov-2019"))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RenderError: report is in format 'gov-2021' but the layout given is 'gov-2019'
    """
    if report.format != layout.id:
        raise RenderError.keyed("render.layout", format=repr(report.format), layout=repr(layout.id))


def outline(report: Report, layout: Layout) -> tuple[OutlinePart, ...]:
    """The six sections in the layout's order, each with its heading and tables.

    Raises :class:`RenderError` when the layout is not the report's format, when it lists no section headings
    to fall back on, or when a text cannot be printed (see :func:`require_printable`).

    >>> from disclosure_core.layouts import builtin_layout
    >>> from disclosure_core.model import Body
    >>> [(part.id, len(part.tables)) for part in outline(Report("gov-2019", 2020, Body("某县", "county")), builtin_layout("gov-2019"))]
    [('overview', 0), ('proactive', 1), ('requests', 1), ('appeals', 1), ('problems', 0), ('other', 0)]
    """
    require_layout(report, layout)
    require_printable(report)
    if not layout.sections:
        raise RenderError.keyed("render.no_sections", layout=repr(layout.id), title=report_title(report))
    parts = []
    sections = dict(report.sections.items())
    for spec in layout.sections:
        section = sections.get(spec.id)
        own = section.heading if section else None
        parts.append(
            OutlinePart(
                spec.id,
                own or spec.heading.zh,
                not own,
                section,
                tuple(table for table in layout.tables if table.section == spec.id),
            )
        )
    return tuple(parts)
