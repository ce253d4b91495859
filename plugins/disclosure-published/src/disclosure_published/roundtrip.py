"""Round trips of our own outputs: reports whose printed page says everything unambiguously, and what differs.

A generated report (:func:`disclosure_core.testing.strategies.reports`) may carry any text as its body name,
title or narrative; no reader of a page could tell such a title from a heading. :func:`printed_reports` keeps
the generated tables and draws the rest as real reports print it: a body name of its level (place names and
an office), the standard title or none (then renderers print body + year + 政府信息公开工作年度报告), official
or numbered section headings, narrative in words that are no label, heading or date, a publisher and a date.
:func:`printed_differences` names what a reading lost of that: every cell and the metadata. Used with hypothesis in the round-trip tests
of every renderer and with ``benchmarks/bench_readback.py``.

>>> from disclosure_core.testing import daixian_report
>>> daixian = daixian_report()
>>> metadata_differences(daixian, daixian.with_cells({}))
[]
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
from hypothesis import strategies as st

from disclosure_core import BLANK, AbsenceKind, Absent, Body, BodyLevel, CellValue, Facts, Report, Section, Sections
from disclosure_core.layouts import builtin_layout
from disclosure_core.rendering import outline, report_title
from disclosure_core.testing import strategies as dc

# Names as offices print them, by level: place names (outermost first) and what follows them.
_NAMES = {
    BodyLevel.STATE_COUNCIL_DEPARTMENT: ("国家统计局", "国务院办公厅", "水利部"),
    BodyLevel.PROVINCE: ("山西省人民政府", "上海市人民政府", "广西壮族自治区人民政府"),
    BodyLevel.PROVINCE_DEPARTMENT: ("山西省生态环境厅", "上海市人民政府办公厅", "河北省教育厅"),
    BodyLevel.CITY: ("忻州市人民政府", "武汉市人民政府", "山西省忻州市人民政府"),
    BodyLevel.CITY_DEPARTMENT: ("武汉市生态环境局", "忻州市教育局"),
    BodyLevel.COUNTY: ("代县人民政府", "武汉市武昌区人民政府", "平遥县人民政府", "海珠区人民政府"),
    BodyLevel.COUNTY_DEPARTMENT: ("代县教育局", "平遥县市场监督管理局", "海珠区生态环境局"),
    BodyLevel.TOWNSHIP: ("上湾乡人民政府", "西镇人民政府", "官洲街道办事处", "嘉禾镇人民政府"),
}
BODIES = tuple(Body(name, level) for level, names in _NAMES.items() for name in names)
"""Every body :func:`printed_reports` draws from: real shapes of name at every level."""

# Narrative in characters a page keeps whatever prints it (no punctuation a line may drop at its end), in
# words that are none of the layout's labels, no heading, date or office name.
_WORDS = "我单位全年依法办理群众来信数据平台建设完善渠道ABCxyz0123456789"
_NARRATIVE = st.text(alphabet=_WORDS, min_size=1, max_size=60)
_SUBHEADINGS = ("（一）强化组织领导", "（二）完善平台建设", "（三）细化沟通渠道")
_OWN_HEADINGS = {
    "overview": ("政府信息公开工作总体情况", "一、总体情况"),
    "appeals": ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",),
    "problems": ("五、政府信息公开工作存在的主要问题及改进情况",),
}


@st.composite
def printed_reports(draw: st.DrawFn, formats: tuple[str, ...] = ("gov-2019", "gov-2021")) -> Report:
    """A generated report (its tables as :func:`~disclosure_core.testing.strategies.reports` draws them) with
    body, title, lead, sections and signature as real reports print them.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=3, derandomize=True, database=None)
    ... @given(printed_reports())
    ... def bodies_as_printed(report):
    ...     assert report.body in BODIES and report.facts == Facts()
    >>> bodies_as_printed()
    """
    report = draw(dc.reports(formats))
    body = draw(st.sampled_from(BODIES))
    year = report.year
    title = draw(st.none() | st.sampled_from([f"{body.name}{year}年政府信息公开工作年度报告"]))
    sections = {}
    for section_id, _ in report.sections.items():
        present = draw(st.booleans())
        own = _OWN_HEADINGS.get(section_id)
        heading = draw(st.none() | st.sampled_from(own)) if own else None
        paragraphs = draw(st.lists(_NARRATIVE | st.sampled_from(_SUBHEADINGS), max_size=3))
        sections[section_id] = Section(heading, tuple(paragraphs)) if present else None
    published = draw(st.none() | st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)))
    return attrs.evolve(
        report,
        body=body,
        title=title,
        lead=tuple(draw(st.lists(_NARRATIVE, max_size=2))),
        publisher=draw(st.none() | st.just(f"{body.name}办公室")),
        published=published,
        contact=None,
        sections=Sections(**sections),
        facts=Facts(),
    )


def printed_differences(written: Report, read: Report) -> list[str]:
    """Every cell (:func:`cell_differences`) and the metadata (:func:`metadata_differences`) where a reading
    differs from the page.

    >>> from disclosure_core.testing import daixian_report
    >>> daixian = daixian_report()
    >>> printed_differences(daixian, daixian.with_cells({"appeals.review.total": 2}))
    ['appeals.review.total: printed Count(value=1), read Count(value=2)']
    """
    return cell_differences(written, read) + metadata_differences(written, read)


def cell_differences(written: Report, read: Report) -> list[str]:
    """The cells where a reading differs from the page: each must read back as the value written, except what
    no page can show: a not-applicable cell printed without text is an empty cell, and reads blank.

    >>> from disclosure_core.testing import daixian_report
    >>> daixian = daixian_report()
    >>> empty = daixian.with_cells({"appeals.review.total": Absent(AbsenceKind.NOT_APPLICABLE)})
    >>> cell_differences(empty, empty.with_cells({"appeals.review.total": Absent()})), len(cell_differences(daixian, empty))
    ([], 1)
    """
    return [
        f"{address}: printed {_as_printed(written.cell(address))!r}, read {read.cell(address)!r}"
        for address in builtin_layout(written.format).addresses()
        if read.cell(address) != _as_printed(written.cell(address))
    ]


def _as_printed(value: CellValue) -> CellValue:
    if isinstance(value, Absent) and value.kind is AbsenceKind.NOT_APPLICABLE and not value.text:
        return BLANK
    return value


def metadata_differences(written: Report, read: Report) -> list[str]:
    """Where what was read differs from what the page printed: format, year, body name and level, title, lead,
    each section's heading and paragraphs as the layout's outline prints them, publisher and date.

    Whitespace does not count (a page wraps lines; a reader cannot tell a printed space from a gap). A section
    the report lacks is printed with its official heading and nothing under it, and must read so.

    >>> from disclosure_core.testing import daixian_report
    >>> daixian = daixian_report()
    >>> metadata_differences(daixian, attrs.evolve(daixian, year=2021, publisher=None))
    ['year: printed 2020, read 2021', "publisher: printed '代县人民政府办公室', read None"]
    """
    found = [
        f"{name}: printed {printed!r}, read {got!r}"
        for name, printed, got in (
            ("format", written.format, read.format),
            ("year", written.year, read.year),
            ("body name", written.body.name, read.body.name),
            ("body level", written.body.level, read.body.level),
            ("title", report_title(written), read.title),
            ("lead", _squeezed(written.lead), _squeezed(read.lead)),
        )
        if printed != got
    ]
    for part in outline(written, builtin_layout(written.format)):
        section = getattr(read.sections, part.id)
        printed = (part.heading, _squeezed(part.paragraphs))
        got = None if section is None else (section.heading, _squeezed(section.paragraphs))
        if got != printed:
            found.append(f"section {part.id}: printed {printed!r}, read {got!r}")
    found += [
        f"{name}: printed {printed!r}, read {got!r}"
        for name, printed, got in (
            ("publisher", written.publisher, read.publisher),
            ("published", written.published, read.published),
        )
        if printed != got
    ]
    return found


def _squeezed(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", paragraph) for paragraph in paragraphs)
