"""The document template: A4 page, GB/T 9704 margins, fonts and styles, page-number footers — built once per process.

python-docx's default template carries 160 styles, a thumbnail and a 400 kB styles-with-effects part that an
official report never uses; parsing and writing them would dominate rendering time. So the template is reduced
once to what the report needs, restyled, and kept as bytes that each rendering opens afresh.

Style ids are the contract with :mod:`disclosure_docx.source`, which reads a document back by them.
"""

from __future__ import annotations

import functools
import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

TITLE = "Title"
HEADING = "Heading1"
SUBHEADING = "Heading2"
BODY = "Normal"
SIGNATURE = "Signature"
TABLE_TEXT = "TableText"
TABLE_TEXT_SMALL = "TableTextSmall"
TABLE_NOTE = "TableNote"
FOOTER = "Footer"

LATIN = "Times New Roman"
SONG_TITLE = "方正小标宋简体"
FANG = "仿宋_GB2312"
HEI = "黑体"
KAI = "楷体_GB2312"
SONG = "宋体"

FONT_FALLBACKS = {
    # name in the document -> the font Word, WPS and LibreOffice should use when it is not installed
    SONG_TITLE: SONG,
    FANG: "仿宋",
    KAI: "楷体",
    HEI: "SimHei",
    SONG: "SimSun",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
}

# Sizes in half-points (the unit of w:sz): 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt.
_SIZE_TITLE, _SIZE_BODY, _SIZE_FOOTER, _SIZE_TABLE, _SIZE_NOTE = 44, 32, 28, 21, 18
# GB/T 9704: 22 lines of 28 characters on a 156 x 225 mm type area: a fixed line pitch of 28 pt fits it.
_LINE = 560


def _rfonts(east_asia: str) -> str:
    return f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east_asia}" w:cs="{LATIN}" w:hint="eastAsia"/>'


def _run(east_asia: str, size: int, bold: bool = False) -> str:
    weight = "<w:b/><w:bCs/>" if bold else ""
    return f'<w:rPr>{_rfonts(east_asia)}{weight}<w:color w:val="000000"/><w:kern w:val="2"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'


def _style(
    style_id: str, name: str, ppr: str, rpr: str, *, based_on: str | None = BODY, outline: int | None = None
) -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    default = ' w:default="1"' if style_id == BODY else ""
    return (
        f'<w:style w:type="paragraph"{default} w:styleId="{style_id}"><w:name w:val="{name}"/>{base}'
        f"<w:qFormat/><w:pPr>{ppr}{level}</w:pPr>{rpr}</w:style>"
    )


_INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
_FIXED = f'<w:spacing w:before="0" w:after="0" w:line="{_LINE}" w:lineRule="exact"/>'
# Half a line above each section heading, so 五、… does not sit right under Table 3 (dropped at the top of a page).
SPACE_BEFORE_HEADING = 280
_BEFORE_HEADING = f'<w:spacing w:before="{SPACE_BEFORE_HEADING}" w:after="0" w:line="{_LINE}" w:lineRule="exact"/>'

STYLES_XML = (
    f"<w:styles {nsdecls('w')}>"
    f"<w:docDefaults><w:rPrDefault>{_run(FANG, _SIZE_BODY)}</w:rPrDefault>"
    f'<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="{_LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + _style(BODY, "Normal", f'{_FIXED}{_INDENT}<w:jc w:val="both"/>', _run(FANG, _SIZE_BODY), based_on=None)
    + _style(
        TITLE,
        "Title",
        '<w:keepNext/><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        _run(SONG_TITLE, _SIZE_TITLE),
    )
    + _style(HEADING, "heading 1", f"<w:keepNext/>{_BEFORE_HEADING}{_INDENT}", _run(HEI, _SIZE_BODY), outline=0)
    + _style(SUBHEADING, "heading 2", f"<w:keepNext/>{_FIXED}{_INDENT}", _run(KAI, _SIZE_BODY), outline=1)
    + _style(
        SIGNATURE,
        "Signature",
        f'{_FIXED}<w:ind w:right="1280" w:firstLine="0"/><w:jc w:val="right"/>',
        _run(FANG, _SIZE_BODY),
    )
    + _style(
        TABLE_TEXT,
        "Table Text",
        '<w:spacing w:before="0" w:after="0" w:line="260" w:lineRule="atLeast"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        _run(FANG, _SIZE_TABLE),
    )
    + _style(TABLE_TEXT_SMALL, "Table Text Small", "", _run(FANG, _SIZE_NOTE), based_on=TABLE_TEXT)
    + _style(TABLE_NOTE, "Table Note", '<w:jc w:val="left"/>', _run(FANG, _SIZE_NOTE), based_on=TABLE_TEXT)
    + _style(
        FOOTER,
        "footer",
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>',
        _run(SONG, _SIZE_FOOTER),
    )
    + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    + "</w:styles>"
)


def _font_table() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{fallback}"/><w:charset w:val="86"/>'
        f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for name, fallback in FONT_FALLBACKS.items()
    )
    latin = (
        f'<w:font w:name="{LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    return f"<w:fonts {nsdecls('w')}>{latin}{fonts}</w:fonts>"


def _page_number(paragraph: Paragraph, outer_edge: str) -> None:
    """Replace a footer's empty paragraph by "— 1 —" with a PAGE field, one character in from the outer edge
    (GB/T 9704: odd pages on the right, even pages on the left)."""
    indent = Pt(14).twips  # one 四号 character
    field = (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{FOOTER}"/><w:ind w:{outer_edge}="{indent}"/><w:jc w:val="{outer_edge}"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>'
    )
    old = paragraph._p
    parent = old.getparent()
    assert parent is not None
    parent.replace(old, parse_xml(field))


@functools.cache
def template_bytes() -> bytes:
    """The reduced, restyled template as DOCX bytes (built on first use)."""
    document = docx.Document()
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    keep = {RT.STYLES, RT.SETTINGS, RT.FONT_TABLE}
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype not in keep:
            del document.part.rels[rel_id]
    # python-docx has no API to replace a whole part's XML: set the parsed element / blob it serializes.
    styles_part = document.part.part_related_by(RT.STYLES)
    assert isinstance(styles_part, XmlPart)
    styles_part._element = parse_xml(STYLES_XML)
    document.part.part_related_by(RT.FONT_TABLE)._blob = _font_table().encode("utf-8")
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    settings_element = settings.element
    for name in ("w:rsids", "w:savePreviewPicture", "w:attachedTemplate"):
        for found in settings_element.findall(qn(name)):
            settings_element.remove(found)
    for found in settings_element.findall(qn("w:themeFontLang")):
        found.set(qn("w:eastAsia"), "zh-CN")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)  # page number 7 mm below the type area
    section.gutter = Mm(0)
    _page_number(section.footer.paragraphs[0], "right")
    _page_number(section.even_page_footer.paragraphs[0], "left")
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
