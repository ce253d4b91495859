"""Row labels as people print them: typos, the other format version's wording, other numbering.

A row label that matches no label of the layout exactly may still be one: a character missing, added, changed
or two swapped (保护第三方合权益 for 保护第三方合法权益), or the wording of the other format version (规范性文件
in a 2021 table, where the 2021 form says 行政规范性文件). :class:`FuzzyRows` finds the row such a label was
meant for, within an edit distance that grows with the label's length, and only among the rows of the open
table that no exact label in the document claims. Where two rows are equally close, the ordinal printed
before the label (1.–8. under （三）) and the row's place after the previous row decide; if nothing decides,
nothing is matched.

>>> from disclosure_core.layouts import builtin_layout
>>> rows = FuzzyRows(builtin_layout("gov-2021"))
>>> found = rows.match("4.保护第三方合权益", table="requests")
>>> found.entry.id, found.distance
('withheld_third_party', 1)
>>> rows.match("规范性文件", table="proactive").entry.id
'normative_documents'
>>> rows.match("行政复议", table="requests") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Collection

import attrs

from disclosure_core.layouts import BUILTIN_LAYOUT_IDS, Layout, builtin_layout
from disclosure_published.normalize import label_key, strip_enumerator
from disclosure_published.vocabulary import LabelEntry, Role, vocabulary_of

_MIN_LENGTH = 4  # shorter labels (规章, 其他, 总计) are too close to each other to be guessed at
_ORDINAL = re.compile(r"^\(?([一二三四五六七八九十]{1,3}|\d{1,2})\)?[、.]?")


def allowed_distance(length: int) -> int:
    """How many edits a label of ``length`` characters may be printed with and still be recognised.

    >>> [allowed_distance(n) for n in (4, 8, 9, 16, 17)]
    [1, 1, 2, 2, 3]
    """
    return 1 if length <= 8 else 2 if length <= 16 else 3


def distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, change, swap of neighbours) from ``a`` to ``b``; ``limit + 1`` once it exceeds ``limit``.

    >>> distance("保护第三方合法权益", "保护第三方合权益", 2), distance("合法权益", "合权法益", 2), distance("行政许可", "行政处罚", 1)
    (1, 1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


@attrs.frozen
class FuzzyMatch:
    """The row a printed label was taken for, and why."""

    entry: LabelEntry
    distance: int
    why: str  # "a typo", "the wording of gov-2019"


class FuzzyRows:
    """The row labels of one layout, with the other official versions' wordings of the same rows."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.rows: list[tuple[str, LabelEntry, str]] = []  # (loose key, entry, where the wording comes from)
        vocabulary = vocabulary_of(layout)
        for key, entries in vocabulary.loose.items():
            for entry in entries:
                if entry.role is Role.ROW:
                    self.rows.append((key, entry, ""))
        for other in _other_versions(layout):
            for table in other.tables:
                if not any(t.id == table.id for t in layout.tables):
                    continue
                mine = layout.table(table.id)
                own_ids = {r.id for r in mine.rows}
                for row in table.rows:
                    if row.id not in own_ids or label_key(row.label.zh) == label_key(mine.row(row.id).label.zh):
                        continue
                    entry = LabelEntry(table.id, Role.ROW, row.id, mine.row(row.id).label.zh)
                    self.rows.append((strip_enumerator(label_key(row.label.zh)), entry, f"the wording of {other.id}"))
        self.order = {(t.id, r.id): i for t in layout.tables for i, r in enumerate(t.rows)}

    def match(
        self, text: str, *, table: str, exclude: Collection[str] = (), after: str | None = None
    ) -> FuzzyMatch | None:
        """The row of ``table`` the printed ``text`` was meant for, or None.

        ``exclude`` are row ids other labels of the document claim exactly; ``after`` is the row printed
        just before (its next sibling wins a tie).
        """
        key = label_key(text)
        loose = strip_enumerator(key)
        if len(loose) < _MIN_LENGTH or len(loose) > 80:
            return None
        limit = allowed_distance(len(loose))
        scored = []
        for candidate, entry, source in self.rows:
            if entry.table != table or entry.id in exclude or len(candidate) < _MIN_LENGTH:
                continue
            d = 0 if source and candidate == loose else distance(loose, candidate, limit)
            if d <= limit and (d > 0 or source):
                scored.append((d, entry, source))
        if not scored:
            return None
        best = min(d for d, _, _ in scored)
        tied = list({e.id: (d, e, s) for d, e, s in scored if d == best}.values())
        if len(tied) > 1:
            tied = self._decide(tied, key, table, after)
        if len(tied) != 1:
            return None
        d, entry, source = tied[0]
        return FuzzyMatch(entry, d, source or ("a typo" if d else "another numbering"))

    def _decide(
        self, tied: list[tuple[int, LabelEntry, str]], key: str, table: str, after: str | None
    ) -> list[tuple[int, LabelEntry, str]]:
        """Equally close rows: the printed ordinal, then the place after the previous row, decide."""
        printed = _ORDINAL.match(key)
        if printed:
            same = [t for t in tied if _ordinal(t[1].label) == printed.group(1)]
            if len(same) == 1:
                return same
            tied = same or tied
        if after is not None and (table, after) in self.order:
            following = self.order[(table, after)] + 1
            next_row = [t for t in tied if self.order.get((table, t[1].id)) == following]
            if next_row:
                return next_row
        return tied


def _ordinal(label: str) -> str | None:
    found = _ORDINAL.match(label_key(label))
    return found.group(1) if found else None


_BUILT: dict[int, tuple[Layout, FuzzyRows]] = {}


def fuzzy_rows_of(layout: Layout) -> FuzzyRows:
    """The fuzzy row index of a layout, built once per layout object (as :func:`.vocabulary_of`)."""
    built = _BUILT.get(id(layout))
    if built is None or built[0] is not layout:
        built = _BUILT[id(layout)] = (layout, FuzzyRows(layout))
    return built[1]


def _other_versions(layout: Layout) -> list[Layout]:
    """The other official layouts (a variant's base counts as its own version)."""
    own = {layout.id, layout.extends}
    return [builtin_layout(i) for i in BUILTIN_LAYOUT_IDS if i not in own]
