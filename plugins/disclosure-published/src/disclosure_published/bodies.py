"""Who reported: the body's name from the title (or the text), and its administrative level from the name.

Heuristics, in order (an explicit :class:`Hints` value always wins):

1. The title names the body: what precedes "政府信息公开" once the year is removed
   ("代县2020年政府信息公开工作年度报告" → 代县; "2019年上海市人民政府办公厅政府信息公开…" → 上海市人民政府办公厅).
   A bare place name is a government's report: 代县 → 代县人民政府, 官洲街道 → 官洲街道办事处.
2. Without a title, the report's name quoted in the text ("发布河北省教育厅2021年政府信息公开工作年度报告",
   "附件：…年度报告"), a "本报告由…编制" sentence, the page's 发布机构 line or the signature under the last
   section name the body.
   Failing those, the first 人民政府 / 街道办事处 / 办公厅 / 办公室 name in the running text, outside 《》
   (which quote other documents), is taken — as a guess, with a warning.
3. The level comes from the place names the name starts with, innermost last: 省 / 自治区 / the four
   municipalities (北京 上海 天津 重庆) → province; 市 / 州 / 地区 / 盟 → city (a 市 under another 市 or 州 is a
   county-level city → county); 县 / 旗 / 区 / 林区 / 特区 → county; 乡 / 镇 / 苏木 / 街道 → township.
   A name with nothing after its places, or only 人民政府 / 政府 / 办事处, is that level's government;
   anything else (办公厅, 生态环境局 …) is a department of it: 上海市人民政府办公厅 → province_department.
   Names starting with 国务院 or 国家, or central ministries without a place, are state_council_department.
4. When nothing tells, "我县", "我乡", "我局" … in the text give the level (a department of unknown level is
   taken as county_department); failing that, county — always with a warning to pass a hint.

>>> infer_level("代县人民政府"), infer_level("上海市人民政府办公厅"), infer_level("武汉市生态环境局")
(<BodyLevel.COUNTY: 'county'>, <BodyLevel.PROVINCE_DEPARTMENT: 'province_department'>, <BodyLevel.CITY_DEPARTMENT: 'city_department'>)
"""

from __future__ import annotations

import re

from disclosure_core import BodyLevel, ReportHints
from disclosure_published.normalize import simplified

PROVINCES = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
]

_PLACE = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|特区|新区|街道|苏木|省|市|州|盟|县|旗|区|乡|镇)"
)
_NOT_PLACES = ("城乡", "社区", "园区", "景区", "小区", "市场", "都市", "城区管理", "辖区", "片区", "库区", "灾区")
_GOVERNMENT_REST = ("", "人民政府", "政府", "办事处", "街道办事处")
_NAME_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:人民政府办公厅|人民政府办公室|人民政府|街道办事处)")
_WE = re.compile(r"我(省|市|州|县|区|乡|镇|街道|局|委|办|厅|院|中心)")


Hints = ReportHints
"""What the caller knows better than the text: the core :class:`~disclosure_core.ReportHints`."""


def name_from_title(title: str) -> str | None:
    """The body named in a report title, as a full name.

    >>> name_from_title("代县2020年政府信息公开工作年度报告"), name_from_title("2022年度螅镇政府信息公开工作年度报告")
    ('代县人民政府', '螅镇人民政府')
    """
    text = re.sub(r"\d{4}\s*年度?", "", simplified(title)).strip()
    cut = text.find("政府信息公开")
    if cut < 0:
        cut = text.find("政务公开")
    name = text[:cut].strip(' 《》“”"') if cut >= 0 else ""
    return full_name(name) if len(name) >= 2 else None


_REPORT_NAME = re.compile(r"([\u4e00-\u9fff]{2,40})\s*\d{4}\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告")
_COMPILED_BY = re.compile(r"由([\u4e00-\u9fff]{2,30}?)(?:负责|组织)?(?:编制|编写|制作|发布)")
# Words a sentence puts before the name of the report it speaks of; the name starts after the last one.
_BEFORE_NAME = re.compile(r".*(?:发布|编制|编写|印发|公布|附件|现将|关于|制定|形成)")


def name_from_sentence(paragraphs: list[str]) -> str | None:
    """The body named by a sentence quoting the report's name, or saying who compiled it.

    >>> name_from_sentence(["依据条例要求，发布河北省教育厅2021年政府信息公开工作年度报告。"])
    '河北省教育厅'
    >>> name_from_sentence(["附件：河北省教育厅2022年政府信息公开工作年度报告"]), name_from_sentence(["本报告由代县人民政府办公室编制。"])
    ('河北省教育厅', '代县人民政府办公室')
    >>> name_from_sentence(["本报告由总体情况、主动公开政府信息情况等六部分组成。我厅编写了2019年政府信息公开工作年度报告。"]) is None
    True
    """
    for paragraph in paragraphs:
        plain = simplified(paragraph)
        for found in _REPORT_NAME.finditer(plain):
            candidate = _BEFORE_NAME.sub("", found.group(1))
            if is_body_name(candidate):
                return full_name(candidate)
        for found in _COMPILED_BY.finditer(plain):
            if is_body_name(found.group(1)):
                return full_name(found.group(1))
    return None


def is_body_name(text: str) -> bool:
    """Whether ``text`` is a body's name: it starts with a place, or is a central body ("国家…局").

    >>> is_body_name("河北省教育厅"), is_body_name("我厅编写了"), is_body_name("原创")
    (True, False, False)
    """
    text = simplified(text).strip()
    if not 2 <= len(text) <= 40 or not re.fullmatch(r"[\u4e00-\u9fff（）()]+", text):
        return False
    return bool(split_places(text)[0]) or infer_level(text) is BodyLevel.STATE_COUNCIL_DEPARTMENT


def full_name(name: str) -> str:
    """A bare place name made the name of its government ("代县" → "代县人民政府").

    >>> full_name("官洲街道"), full_name("武汉市生态环境局")
    ('官洲街道办事处', '武汉市生态环境局')
    """
    places, rest = split_places(name)
    if places and rest == "":
        return name + ("办事处" if places[-1].endswith("街道") else "人民政府")
    return name


def name_from_text(paragraphs: list[str]) -> str | None:
    """The first government or office name in running text, outside quoted document titles."""
    for paragraph in paragraphs:
        plain = re.sub(r"《[^》]{0,200}》", "", simplified(paragraph))
        for found in _NAME_IN_TEXT.finditer(plain):
            places, _ = split_places(found.group(0))
            if places:
                return found.group(0)
    return None


def split_places(name: str) -> tuple[list[str], str]:
    """The place names a body name starts with (outermost first) and what follows them.

    >>> split_places("康乐县上湾乡人民政府")
    (['康乐县', '上湾乡'], '人民政府')
    """
    places: list[str] = []
    rest = name
    while rest:
        if not places and any(rest.startswith(p) for p in PROVINCES):
            province = next(p for p in PROVINCES if rest.startswith(p))
            suffix = next(
                (
                    s
                    for s in ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区")
                    if rest[len(province) :].startswith(s)
                ),
                "",
            )
            if suffix:
                places.append(rest[: len(province) + len(suffix)])
                rest = rest[len(province) + len(suffix) :]
                continue
        found = _PLACE.match(rest)
        if found is None or any(word in found.group(0) for word in _NOT_PLACES) or len(found.group(0)) < 2:
            break
        end = found.end()
        if found.group(0).endswith("州") and rest[end : end + 1] == "市":
            end += 1  # 广州市, 忻州市: the 州 is part of the city's name
        places.append(rest[:end])
        rest = rest[end:]
    return places, rest


def infer_level(name: str) -> BodyLevel | None:
    """The administrative level a body name implies, or None when it does not tell.

    >>> infer_level("忻州市代县人民政府"), infer_level("代县教育局"), infer_level("某单位")
    (<BodyLevel.COUNTY: 'county'>, <BodyLevel.COUNTY_DEPARTMENT: 'county_department'>, None)
    """
    name = simplified(name)
    places, rest = split_places(name)
    if not places:
        if name.startswith(("国务院", "国家")) or re.fullmatch(r"[\u4e00-\u9fff]{1,8}(部|总局|总署|银行)", name):
            return BodyLevel.STATE_COUNCIL_DEPARTMENT
        return None
    level = _place_level(places)
    if rest in _GOVERNMENT_REST:
        return level
    return {
        BodyLevel.PROVINCE: BodyLevel.PROVINCE_DEPARTMENT,
        BodyLevel.CITY: BodyLevel.CITY_DEPARTMENT,
        BodyLevel.COUNTY: BodyLevel.COUNTY_DEPARTMENT,
    }.get(level, level)


def _place_level(places: list[str]) -> BodyLevel:
    last = places[-1]
    if last.endswith(("省", "自治区", "特别行政区")) or (
        len(places) == 1 and any(last == p + "市" for p in ("北京", "上海", "天津", "重庆"))
    ):
        return BodyLevel.PROVINCE
    if last.endswith(("乡", "镇", "苏木", "街道")):
        return BodyLevel.TOWNSHIP
    if last.endswith(("县", "旗", "区", "林区", "特区")):
        return BodyLevel.COUNTY
    if last.endswith("市") and len(places) > 1 and places[-2].endswith(("市", "州", "地区", "盟")):
        return BodyLevel.COUNTY  # a county-level city under a prefecture
    return BodyLevel.CITY


def level_from_text(paragraphs: list[str]) -> BodyLevel | None:
    """The level implied by how the text refers to its body ("我县", "我乡", "我局")."""
    for paragraph in paragraphs:
        found = _WE.search(simplified(paragraph))
        if found:
            return {
                "省": BodyLevel.PROVINCE,
                "市": BodyLevel.CITY,
                "州": BodyLevel.CITY,
                "县": BodyLevel.COUNTY,
                "区": BodyLevel.COUNTY,
                "乡": BodyLevel.TOWNSHIP,
                "镇": BodyLevel.TOWNSHIP,
                "街道": BodyLevel.TOWNSHIP,
            }.get(found.group(1), BodyLevel.COUNTY_DEPARTMENT)
    return None
