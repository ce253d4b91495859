"""The labels of a layout as a lookup table: which printed text names which table, block, row or column.

Everything here derives from the layout data, so a provincial variant's extra row is recognised as soon
as its layout is registered.

>>> from disclosure_core.layouts import builtin_layout
>>> vocabulary = Vocabulary(builtin_layout("gov-2019"))
>>> [(e.table, e.role.value, e.id) for e in vocabulary.lookup("規範性檔案(行政機關制定發布的決定)")]
[('proactive', 'row', 'normative_documents')]
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

from disclosure_core.layouts import Layout
from disclosure_published.normalize import label_key, strip_enumerator

EXTRA_VOCABULARY = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "政府信息公开工作年度报告",
    "其他主动公开文件",
    "发布日期",
    "发布时间",
)
"""Words besides the layouts' labels whose traditional forms the parser must read (headings, meta lines)."""

_ANNOTATION = re.compile(r"[(:]")


class Role(enum.StrEnum):
    """What a label is in its table."""

    BLOCK = "block"  # a Table 1 block heading: 第二十条第（一）项
    HEADER = "header"  # a header cell that names no single data column
    COLUMN = "column"  # a header leaf over one data column
    GROUP = "group"  # a merged row label over several rows
    ROW = "row"  # a data row's own label


@attrs.frozen
class LabelEntry:
    """One meaning of a label: its table, its role and the id it names (row, column, group or block index)."""

    table: str
    role: Role
    id: str
    label: str


class Vocabulary:
    """Every label of one layout by exact key (with enumerator) and loose key (without)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.exact: dict[str, list[LabelEntry]] = {}
        self.loose: dict[str, list[LabelEntry]] = {}
        for entry in _entries(layout):
            key = label_key(entry.label)
            self._add(self.exact, key, entry)
            self._add(self.loose, strip_enumerator(key), entry)
        self.exact_prefixes = _prefixes(self.exact)
        self.loose_prefixes = _prefixes(self.loose)

    @staticmethod
    def _add(index: dict[str, list[LabelEntry]], key: str, entry: LabelEntry) -> None:
        if key and entry not in index.setdefault(key, []):
            index[key].append(entry)

    def lookup(self, text: str) -> list[LabelEntry]:
        """The meanings of a printed label; [] when it is none of this layout's labels.

        Tries the exact key, then the loose key, then the text before an annotation in brackets or after a
        colon ("上一年项目数量(指2019年事项数)", "行政诉讼:未经复议直接起诉").
        """
        key = label_key(text)
        return self.lookup_key(key)

    def lookup_key(self, key: str) -> list[LabelEntry]:
        """As :meth:`lookup`, for a key already folded."""
        for candidate in _candidates(key):
            exact = self.exact.get(candidate, [])
            if exact and strip_enumerator(candidate) != candidate:
                # A label printed with its enumerator means just that, wherever it stands: "（七）总计" is
                # the row even right under a header repeated on a new page, where a bare "总计" is a column.
                return list(exact)
            # Exact meanings first; loose ones after, so "总计" is a column but can still be the row （七）总计.
            found = exact + self.loose.get(strip_enumerator(candidate), [])
            if found:
                return list(dict.fromkeys(found))
        return []

    def is_prefix(self, key: str) -> bool:
        """Whether ``key`` begins some label (so a label split over several lines may continue)."""
        return key in self.exact_prefixes or strip_enumerator(key) in self.loose_prefixes


def _candidates(key: str) -> Iterator[str]:
    yield key
    cut = _ANNOTATION.search(key)
    if cut and cut.start() > 0:
        yield key[: cut.start()]
    for part in re.split(r"[:(]", key)[1:]:
        if part:
            yield part.rstrip(")")
    if key.endswith(")") and "(" not in key:
        yield key[:-1]


def _prefixes(index: dict[str, list[LabelEntry]]) -> frozenset[str]:
    return frozenset(key[:n] for key in index for n in range(1, len(key) + 1))


def _entries(layout: Layout) -> Iterator[LabelEntry]:
    for table in layout.tables:
        for group in table.groups:
            yield LabelEntry(table.id, Role.GROUP, group.id, group.label.zh)
        for row in table.rows:
            flattened = any(block.flatten for block in table.blocks)
            yield LabelEntry(table.id, Role.HEADER if flattened else Role.ROW, row.id, row.label.zh)
        for index, block in enumerate(table.blocks):
            if block.heading is not None:
                yield LabelEntry(table.id, Role.BLOCK, str(index), block.heading.zh)
            for header_row in block.header:
                for cell in header_row:
                    column = next((c for c in block.columns if c.label == cell.label), None)
                    if column is not None:
                        yield LabelEntry(table.id, Role.COLUMN, column.id, cell.label.zh)
                    else:
                        yield LabelEntry(table.id, Role.HEADER, "", cell.label.zh)


_BUILT: dict[int, tuple[Layout, Vocabulary]] = {}


def vocabulary_of(layout: Layout) -> Vocabulary:
    """The vocabulary of a layout, built once per layout object.

    Keyed by identity: hashing a frozen layout walks every label in it, which costs more than a lookup.
    """
    built = _BUILT.get(id(layout))
    if built is None or built[0] is not layout:
        built = _BUILT[id(layout)] = (layout, Vocabulary(layout))
    return built[1]
