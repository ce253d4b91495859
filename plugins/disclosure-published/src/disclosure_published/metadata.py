"""The report around its tables: title, publication date, lead, sections, the closing signature, contact.

Works on the running text the walker set aside (paragraphs with the section they were printed in).

>>> parse_date("2021年2月3日"), parse_date("发布日期：2020-01-31"), parse_date("2020年13月1日")
(datetime.date(2021, 2, 3), datetime.date(2020, 1, 31), None)
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from disclosure_core import SECTION_IDS, Diagnostic, DiagnosticLevel, Provenance, Section, Sections
from disclosure_published.normalize import clean, simplified, strip_markup
from disclosure_published.walker import Heading, Paragraph

_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
_META = re.compile(r"(发布日期|发布时间|成文日期|日期)\s*[:：]?\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
_NOTE = re.compile(r"^source:", re.IGNORECASE)  # a transcriber's note on where the text was taken from
_CHROME = re.compile(r"^(来源|字号|【字体|字体|收藏|打印|分享|浏览次数|索引号|关闭|【|发布机构|信息来源|责任编辑)")
# A saved page's meta line naming who published it ("发布机构：河北省教育厅").
_META_PUBLISHER = re.compile(r"^(?:发布机构|发文机关|发布单位|发布部门|信息来源|来源)\s*[:：]\s*([^\s:：]{2,40})")

_ORG_END = re.compile(r"(办公室|办公厅|人民政府|政府|局|委员会|委|办事处|中心|厅|院|所|处|部|站|署|会|公司|管委会)$")
_DATE_ONLY = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_CONTACT = re.compile(r"请与([^，。；,;]{2,40}?)联系[，,]?(（[^）]{0,200}）|\([^)]{0,200}\))?")
_CONTACT_LINE = re.compile(r"(联系地址|联系电话|联系方式|咨询电话)[:：][^。；]{1,120}")
_MAX_TITLE = 60
_NAMED_YEAR = re.compile(r"(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告")


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text`` ("2021年2月3日", "2020-01-31"), or None when there is none or it is impossible."""
    found = _DATE.search(clean(text))
    if found is None:
        return None
    try:
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


@attrs.define
class Front:
    """What precedes the first section: title, dates in page meta lines, the lead paragraphs."""

    title: str | None = None
    title_where: Provenance | None = None
    meta_date: dt.date | None = None
    meta_publisher: str | None = None
    lead: list[str] = attrs.field(factory=list)
    skipped: list[Paragraph] = attrs.field(factory=list)


def read_front(paragraphs: list[Paragraph]) -> Front:
    """Split the text before the first heading into title, page meta lines and lead."""
    front = Front()
    before_title: list[Paragraph] = []
    for paragraph in paragraphs:
        text = strip_markup(paragraph.text)
        folded = simplified(clean(text))
        meta = _META.search(folded)
        publisher = _META_PUBLISHER.match(folded)
        if publisher and front.meta_publisher is None:
            front.meta_publisher = publisher.group(1)
        if meta and len(folded) <= 80:
            front.meta_date = front.meta_date or parse_date(meta.group(2))
        elif _NOTE.match(folded) or (_CHROME.match(folded) and len(folded) <= 200):
            front.skipped.append(paragraph)
        elif front.title is None and not front.lead and _is_title(folded):
            front.title, front.title_where = text, paragraph.where
            if before_title and _joins_title(before_title[-1].text, folded):
                first = before_title.pop()
                front.title, front.title_where = first.text.strip() + text.strip(), first.where
            front.skipped.extend(before_title)
            before_title = []
        elif front.title is None and len(folded) <= 20 and "。" not in folded:
            before_title.append(paragraph)
        else:
            front.lead.extend(p.text for p in before_title)
            before_title = []
            front.lead.append(text)
    front.lead.extend(p.text for p in before_title)
    return front


def _is_title(folded: str) -> bool:
    """A title speaks of 政府信息公开 (or 政务公开 with a year) and a report; breadcrumbs ("首页 > …") are not titles."""
    if len(folded) > _MAX_TITLE or "报告" not in folded or re.search(r"[>»›]", folded):
        return False
    if folded.endswith(("。", ".")) or re.search(r"[,;]", folded):
        return False  # a sentence naming the report ("依据…，发布…年度报告。"), not its title
    return "政府信息公开" in folded or ("政务公开" in folded and re.search(r"\d{4}", folded) is not None)


def _joins_title(previous: str, title: str) -> bool:
    """ "代县2020年" on the line before "政府信息公开工作年度报告" is the title's first half."""
    return title.startswith(("政府信息公开", "政务公开")) and len(clean(previous)) <= 20


@attrs.define
class Closing:
    """The signature under the last section: who issued the report and when."""

    publisher: str | None = None
    date: dt.date | None = None
    where: Provenance | None = None


def take_closing(paragraphs: list[Paragraph]) -> Closing:
    """Remove the signature lines (an office name, a date) from the end of the running text."""
    closing = Closing()
    for _ in range(3):
        if not paragraphs or paragraphs[-1].section is None:
            break
        last = clean(paragraphs[-1].text)
        if closing.date is None and _DATE_ONLY.fullmatch(last) and parse_date(last):
            closing.date, closing.where = parse_date(last), paragraphs[-1].where
        elif (
            closing.publisher is None
            and len(last) <= 30
            and _ORG_END.search(last)
            and not re.search(r"[。，,;；]", last)
        ):
            closing.publisher = last
        else:
            break
        paragraphs.pop()
    return closing


def sections(headings: dict[str, Heading], paragraphs: list[Paragraph]) -> Sections:
    """The six sections: each printed heading with the running text under it."""
    found: dict[str, Section] = {}
    for section_id in SECTION_IDS:
        if section_id in headings:
            texts = [p.text for p in paragraphs if p.section == section_id]
            found[section_id] = Section(headings[section_id].text, texts)
    return Sections(**found)


def contact(paragraphs: list[str]) -> str | None:
    """Whom to ask about the report, as the lead says it ("请与…联系（地址：…）")."""
    for paragraph in paragraphs:
        found = _CONTACT.search(paragraph)
        if found:
            return found.group(1) + (found.group(2) or "")
    for paragraph in paragraphs:
        line = _CONTACT_LINE.search(paragraph)
        if line:
            return line.group(0)
    return None


def year_of(title: str | None, paragraphs: list[str]) -> tuple[int | None, str]:
    """The report year and where it was read: the title, else the report's name quoted in the text ("发布…2021年
    政府信息公开工作年度报告"), else the statistics period, else the first year named.

    >>> year_of(None, ["依据条例，发布某厅2021年政府信息公开工作年度报告。"])
    (2021, "report's name in the text")
    >>> year_of(None, ["统计期限为2021年1月1日至12月31日。", "如《某厅2020年政府信息公开工作年度报告》所述"])
    (2021, 'statistics period')
    """
    if title:
        found = re.search(r"(\d{4})\s*年", clean(title))
        if found and 2000 <= int(found.group(1)) <= 2100:
            return int(found.group(1)), "title"
    text = "\n".join(clean(p) for p in paragraphs[:20])
    period = re.search(r"(\d{4})年1月1日", text)
    # A report's name quoted in the text may be another year's ("as 《…2019年…报告》 said"): the
    # statistics period, where printed, decides.
    named = [int(y) for p in paragraphs for y in _NAMED_YEAR.findall(clean(p)) if 2000 <= int(y) <= 2100]
    if named and (period is None or int(period.group(1)) in named):
        return int(period.group(1)) if period else named[0], "report's name in the text"
    if period:
        return int(period.group(1)), "statistics period"
    for found in re.finditer(r"(\d{4})\s*年", text):
        if 2000 <= int(found.group(1)) <= 2100:
            return int(found.group(1)), "first year named in the text"
    return None, ""


def note(
    key: str,
    where: Provenance | None,
    level: DiagnosticLevel = DiagnosticLevel.WARNING,
    code: str = "metadata",
    **values: object,
) -> Diagnostic:
    """A metadata diagnostic: the catalogue's ``key`` filled with ``values``."""
    return Diagnostic.keyed(key, level, where, code, **values)


YEAR_SOURCES = {
    "report's name in the text": "name",
    "statistics period": "period",
    "first year named in the text": "text",
    "the year before publication": "publication",
}
"""How the year was found (what :func:`year_of` says) → the catalogue key of its words."""
