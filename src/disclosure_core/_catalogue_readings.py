"""How surely cells were read, in Chinese and English: the caveats of findings resting on cells not read exactly
(``confidence.*``), and why a cell was not read exactly: the ``reason`` of a
:class:`~disclosure_core.values.Provenance` told in the user's language.

``Provenance.reason`` is a field of the canonical JSON: it keeps its English text, as stored. The readers write
that text from the entries below (``reading.reason.*``, and ``published.fuzzy`` for a row label taken for
another), and :func:`reading_reason` reads it back against the same entries' English templates, so a reason
shown to a Chinese reader is the catalogue's Chinese, for a report just read or one loaded from JSON written
long ago. A reason the catalogue does not know (a plugin's own words) is shown as written.

>>> reading_reason("read from a table continued on page 4")
Text(zh='读自第 4 页的续表', en='read from a table continued on page 4')
"""

from __future__ import annotations

import functools
import re

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ the caveat of a finding, and of a report
    "confidence.how.chosen": T(
        "有多种读法，按表内勾稽关系选定", "was chosen among several readings by the table's arithmetic"
    ),
    "confidence.how.fuzzy_label": T(
        "的行列标签印法与格式不同，按近似标签读取", "was matched by a label printed differently"
    ),
    "confidence.how.uncertain": T("读取不确定", "could not be read with certainty"),
    "confidence.cell": T("{name}{how}", "{name} {how}"),
    "confidence.cell_details": T("{name}{how}（{details}）", "{name} {how} ({details})"),
    "confidence.alternatives": T("可能的读法：{readings}", "possible readings: {readings}"),
    "confidence.separator": T("；", "; "),
    "confidence.note": T(
        "这可能是读取问题而非报告错误：{cells}。", "this may be a reading problem, not an error of the report: {cells}."
    ),
    "confidence.note_withheld": T(
        "这可能是读取问题而非报告错误：{cells}。因此不给出更正建议，请先对照原文核对。",
        "this may be a reading problem, not an error of the report: {cells}. No correction is suggested: check the"
        " document first.",
    ),
    "confidence.table": T("表{number} {label}", "Table {number} {label}"),
    "confidence.previous_table": T("上年表{number} {label}", "last year's Table {number} {label}"),
    "confidence.report.one": T(
        "表格未能可靠读取：{count} 个单元格读取不确定。下列结果可能是读取问题而非报告错误，请对照原文核对。",
        "The tables could not be read with confidence: {count} cell read uncertainly. The findings may reflect"
        " reading problems, not errors of the report: check them against the document.",
    ),
    "confidence.report.many": T(
        "表格未能可靠读取：{count} 个单元格读取不确定。下列结果可能是读取问题而非报告错误，请对照原文核对。",
        "The tables could not be read with confidence: {count} cells read uncertainly. The findings may reflect"
        " reading problems, not errors of the report: check them against the document.",
    ),
    "confidence.report_in_identities.one": T(
        "表格未能可靠读取：{count} 个单元格读取不确定，其中{names}位于格式规定的勾稽关系中。"
        "下列结果可能是读取问题而非报告错误，请对照原文核对。",
        "The tables could not be read with confidence: {count} cell read uncertainly, including {names} in the"
        " format's own arithmetic. The findings may reflect reading problems, not errors of the report: check them"
        " against the document.",
    ),
    "confidence.report_in_identities.many": T(
        "表格未能可靠读取：{count} 个单元格读取不确定，其中{names}位于格式规定的勾稽关系中。"
        "下列结果可能是读取问题而非报告错误，请对照原文核对。",
        "The tables could not be read with confidence: {count} cells read uncertainly, including {names} in the"
        " format's own arithmetic. The findings may reflect reading problems, not errors of the report: check them"
        " against the document.",
    ),
    # ------------------------------------------------------------ why a cell was not read exactly
    "reading.reason.continued": T("读自第 {page} 页的续表", "read from a table continued on page {page}"),
    "reading.reason.numbers_in_cell": T(
        "第 {page} 页的一个单元格中印有 {count} 个数字", "{count} numbers in one ruled cell on page {page}"
    ),
    "reading.reason.merged_left": T("第 {page} 页与左侧单元格合并", "merged with the cell to its left on page {page}"),
    "reading.reason.no_cell": T("第 {page} 页此列没有印出单元格", "no cell printed for this column on page {page}"),
    "reading.reason.digits_run_together": T(
        "数字 {digits} 连在一起：有 {count} 种拆分同样符合勾稽关系",
        "digits {digits} run together: {count} splits fit the arithmetic equally well",
    ),
}

_REASONS = (*(key for key in ENTRIES if key.startswith("reading.reason.")), "published.fuzzy")
"""The keys a reason may be written from (``published.fuzzy`` is also the reader's diagnostic)."""
_PARTS = ("published.fuzzy.typo", "published.fuzzy.numbering", "published.fuzzy.wording")
"""The keys a part of a reason may be written from (why a label was taken for another)."""


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    from disclosure_core.catalogue import entry

    pieces = re.split(r"\{(\w+)\}", entry(key).en)
    parts = [re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(pieces)]
    return re.compile("^" + "".join(parts) + "$")


def _match(text: str, keys: tuple[str, ...]) -> Text | None:
    from disclosure_core.catalogue import words

    for key in keys:
        found = _pattern(key).match(text)
        if found is not None:
            values = {name: _match(value, _PARTS) or value for name, value in found.groupdict().items()}
            return words(key, **values)
    return None


def reading_reason(text: str) -> Text:
    """``Provenance.reason`` in both languages: the catalogue's words when it was written from them, else as
    written (in Chinese between backticks when it is not Chinese: the reader's words, quoted).

    >>> reading_reason("row label printed '其他' (a typo), taken for '其它'").zh
    "行标签印作 '其他'（笔误），按 '其它' 读取"
    >>> reading_reason("a plugin's own words").zh
    "`a plugin's own words`"
    """
    said = _match(text, _REASONS)
    if said is not None:
        return said
    return Text(text if re.search(r"[\u4e00-\u9fff]", text) else f"`{text}`", text)
