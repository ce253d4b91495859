"""Run-on crawler text (a web page's text nodes joined into one line) as the project's token stream.

A crawler's ``innerText`` join puts the whole report on a line or two: headings inside the running text
("…提升了解读效果。二、主动公开政府信息情况第二十条第（一）项…"), table cells joined without separators
(``一、本年新收政府信息公开申请数量110000011``), the next row's ordinal glued on (``1000001`` +
``6.属于四类过程性信息``), U+3000 between some cells. This module finds the six headings by their
official wording *and* numbering (so "本报告包括总体情况、主动公开…" splits nothing), finds the layout's
labels inside each table section, hands the digits between them to
:func:`~disclosure_published.digit_runs.solve` and emits labels and solved cells as tokens, each
cell's provenance saying how surely it was read.

>>> from disclosure_core.layouts import builtin_layout
>>> text = "一、总体情况本年度收到申请1件。三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001二、上年结转政府信息公开申请数量0000000"
>>> layouts = [builtin_layout("gov-2021")]
>>> is_run_on(text, layouts)
True
>>> tokens, notes = runon_tokens(text, origin="a.txt", layouts=layouts)
>>> [t.text for t in tokens if not t.is_break][:4]
['一、总体情况', '本年度收到申请1件。', '三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量']
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from disclosure_core import SECTION_IDS, Diagnostic, Loaded, Provenance
from disclosure_core.layouts import CellAddress, Layout, TableLayout
from disclosure_published.bodies import Hints
from disclosure_published.digit_runs import Run, solve
from disclosure_published.headings import expected_number, match_heading
from disclosure_published.identities import layout_identities
from disclosure_published.normalize import simplified
from disclosure_published.stream import Token, row_break, table_end
from disclosure_published.vocabulary import LabelEntry, Role, vocabulary_of

_MIN_GLUED = 2  # labels glued to their digits before a text counts as run-on
_HEADING_END = re.compile(r"情况|事项|措施|概述")
_MAX_HEADING = 40
_VALUES = re.compile(r"[\s0-9.+\-]*[0-9][\s0-9.+\-]*(?:亿元|万元|元)?\s*")
_NOT_A_CELL = re.compile(r"[年月日件个项条次%人余多]")  # "2020年…", "11件": narrative numbers
_DIGITS = re.compile(r"[0-9][0-9.+\-]*")
_PARAGRAPH_BREAK = re.compile(r"\n|\u3000+|\s{2,}")


@attrs.frozen
class Folded:
    """Text folded one character at a time (width, traditional forms), with each character's origin."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Folded:
        spaced = re.sub(r"\s", " ", text)
        whole = simplified(unicodedata.normalize("NFKC", spaced))
        if len(whole) == len(text):  # the common case: every character folds to one
            return cls(whole, tuple(range(len(text))))
        pieces: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(spaced):
            folded = simplified(unicodedata.normalize("NFKC", char))
            pieces.append(folded)
            origin.extend([index] * len(folded))
        return cls("".join(pieces), tuple(origin))

    def source(self, start: int, end: int) -> int:
        """The index in the original text of folded position ``start`` (``end`` for the end)."""
        return self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)


def _labels(layout: Layout, table: str | None) -> re.Pattern[str]:
    key = (id(layout), table)
    cached = _PATTERNS.get(key)
    if cached is not None and cached[0] is layout:
        return cached[1]
    vocabulary = vocabulary_of(layout)
    keys = {
        k
        for index in (vocabulary.exact, vocabulary.loose)
        for k, entries in index.items()
        if len(k) >= 2 and any(table is None or e.table == table for e in entries)
    }
    pattern = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
    _PATTERNS[key] = (layout, pattern)
    return pattern


_PATTERNS: dict[tuple[int, str | None], tuple[Layout, re.Pattern[str]]] = {}


def glued_labels(text: str, layouts: Sequence[Layout]) -> int:
    """How many table labels are printed with a digit right after them (``规章000``): a crawler's join.

    >>> from disclosure_core.layouts import builtin_layout
    >>> glued_labels("规章000行政规范性文件81153\\n行政许可\\n3", [builtin_layout("gov-2021")])
    2
    """
    folded = Folded.of(text).text

    def glued(end: int) -> bool:
        digits = _DIGITS.match(folded, end)
        # "行政复议1件": a figure in a sentence, not a cell
        return digits is not None and not _NOT_A_CELL.match(folded, digits.end())

    return max((sum(glued(m.end()) for m in _labels(layout, None).finditer(folded)) for layout in layouts), default=0)


def is_run_on(text: str, layouts: Sequence[Layout]) -> bool:
    """Whether table labels run into their digits (a crawler's join) rather than standing in cells or lines."""
    return glued_labels(text, layouts) >= _MIN_GLUED


@attrs.frozen
class _Heading:
    section: str
    start: int
    end: int


def find_headings(folded: str) -> list[_Heading]:
    """The six section headings inside running text, in order, each numbered as the format numbers it.

    >>> [h.section for h in find_headings("本报告包括总体情况、主动公开等六个部分。一、总体情况今年。二、主动公开政府信息情况规章0")]
    ['overview', 'proactive']
    """
    found: list[_Heading] = []
    cursor = 0
    for section in SECTION_IDS:
        numeral = expected_number(section)
        for start in (m.start() for m in re.finditer(numeral + "、", folded[cursor:])):
            start += cursor
            if start > 0 and folded[start - 1] in "(（":
                continue
            heading = _heading_at(folded, start, section)
            if heading is not None:
                found.append(heading)
                cursor = heading.end
                break
    return found


def _heading_at(folded: str, start: int, section: str) -> _Heading | None:
    window = folded[start : start + _MAX_HEADING]
    for end in _HEADING_END.finditer(window):
        candidate = window[: end.end()]
        if re.search(r"[0-9。;；]|[一二三四五六七八九十]、", candidate[2:]):
            return None
        matched = match_heading(candidate)
        if matched is not None and matched.section == section:
            return _Heading(section, start, start + end.end())
    return None


@attrs.frozen
class _Label:
    start: int
    end: int
    entries: tuple[LabelEntry, ...]


def runon_tokens(text: str, *, origin: str, layouts: Sequence[Layout]) -> tuple[list[Token], list[Diagnostic]]:
    """Tokens and reading diagnostics of a run-on report, read with the layout whose labels it prints."""
    folded = Folded.of(text)
    layout = _choose(folded.text, layouts)
    lines = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    reader = _Reader(text, folded, layout, origin, lines)
    headings = find_headings(folded.text)
    bounds = [h.start for h in headings] + [len(folded.text)]
    reader.narrative(0, bounds[0])
    for heading, end in zip(headings, bounds[1:], strict=True):
        reader.tokens.append(Token(reader.original(heading.start, heading.end), reader.where(heading.start)))
        tables = [t for t in layout.tables if t.section == heading.section]
        if tables:
            reader.table_material(tables[0], heading.end, end)
        else:
            reader.narrative(heading.end, end)
    solved = solve(reader.runs, layout_identities(layout))
    tokens: list[Token] = []
    for token in reader.tokens:
        if isinstance(token, _RunSlot):
            for cell in token.run.cells:
                reading = solved.cells[cell]
                where = attrs.evolve(
                    token.run.where,
                    reading=reading.reading,
                    alternatives=reading.alternatives,
                    reason=reading.reason,
                )
                tokens.append(Token(reading.text, where, cell=True))
            tokens.append(row_break(token.run.where))
        else:
            tokens.append(token)
    return tokens, list(solved.diagnostics)


def read(text: str, *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None) -> Loaded:
    """A run-on report read through the common token core, with the solver's diagnostics first."""
    from disclosure_published.parse import parse_tokens  # parse imports the sources that import this

    tokens, notes = runon_tokens(text, origin=origin, layouts=list(layouts.values()))
    loaded = parse_tokens(tokens, origin=origin, layouts=layouts, hints=hints)
    return Loaded(loaded.report, [*notes, *loaded.diagnostics])


@attrs.frozen
class _RunSlot(Token):
    """Where a run's solved cells go in the token stream."""

    run: Run = attrs.field(kw_only=True)


def _choose(folded: str, layouts: Sequence[Layout]) -> Layout:
    from disclosure_published.parse import choose_layout  # parse imports the sources that import this

    found = {m.group(0) for layout in layouts for m in _labels(layout, None).finditer(folded)}
    year = re.search(r"(20\d\d)年", folded)
    tokens = [Token(key, Provenance()) for key in sorted(found)]
    return choose_layout(tokens, layouts, int(year.group(1)) if year else None)[0]


class _Reader:
    """Collects tokens and runs while a run-on text is walked section by section."""

    def __init__(self, text: str, folded: Folded, layout: Layout, origin: str, lines: list[int]) -> None:
        self.text, self.folded, self.layout, self.origin, self.lines = text, folded, layout, origin, lines
        self.tokens: list[Token] = []
        self.runs: list[Run] = []

    def original(self, start: int, end: int) -> str:
        return self.text[self.folded.source(start, end) : self.folded.source(end, end)]

    def where(self, start: int) -> Provenance:
        return Provenance(self.origin, line=bisect.bisect_right(self.lines, self.folded.source(start, start)))

    def narrative(self, start: int, end: int) -> None:
        for piece in _PARAGRAPH_BREAK.split(self.original(start, end)):
            if piece.strip():
                self.tokens.append(Token(piece.strip(), self.where(start)))

    def table_material(self, table: TableLayout, start: int, end: int) -> None:
        """Labels of ``table`` and the values between them; text that is no table material is narrative."""
        labels = [
            _Label(m.start(), m.end(), tuple(_entries(self.layout, table, m.group(0))))
            for m in _labels(self.layout, table.id).finditer(self.folded.text, start, end)
        ]
        labels = [label for label in labels if label.entries]
        chains: list[list[_Label | tuple[int, int]]] = []
        chain: list[_Label | tuple[int, int]] = []
        cursor = start
        for label in [*labels, None]:
            gap_end = label.start if label else end
            gap = self.folded.text[cursor:gap_end]
            values = _VALUES.match(gap)
            taken = values.end() if values and not _NOT_A_CELL.match(gap, values.end()) else 0
            if taken and chain:
                chain.append((cursor, cursor + taken))
            if gap[taken:].strip():
                chains.append(chain)
                chains.append([(cursor + taken, gap_end)])  # narrative
                chain = []
            if label:
                chain.append(label)
                cursor = label.end
        chains.append(chain)
        text: tuple[int, int] | None = None  # narrative pieces are merged into one paragraph
        for items in chains:
            if not _is_table(items):
                spans = [(i.start, i.end) if isinstance(i, _Label) else i for i in items]
                if spans:
                    text = (text[0] if text else spans[0][0], spans[-1][1])
                continue
            if text:
                self.narrative(*text)
                text = None
            self._emit(table, items)
        if text:
            self.narrative(*text)

    def _emit(self, table: TableLayout, items: list[_Label | tuple[int, int]]) -> None:
        current: _Label | None = None
        for item in items:
            if isinstance(item, _Label):
                if any(e.role is Role.ROW for e in item.entries):
                    self.tokens.append(row_break(self.where(item.start)))
                self.tokens.append(Token(self.original(item.start, item.end), self.where(item.start), cell=True))
                current = item
                continue
            cells = _cells_after(table, current)
            digits = self.folded.text[item[0] : item[1]].strip()
            if not cells:
                self.tokens.append(Token(self.original(*item).strip(), self.where(item[0]), cell=True))
                continue
            kinds = tuple(self.layout.column_of(cell).kind for cell in cells)
            run = Run(cells, kinds, digits, self.where(item[0]))
            self.runs.append(run)
            self.tokens.append(_RunSlot("", run.where, cell=True, run=run))
        self.tokens.append(table_end(self.where(items[-1].end if isinstance(items[-1], _Label) else items[-1][1])))


def _is_table(items: Sequence[_Label | tuple[int, int]]) -> bool:
    """Table material is two labels or more, or a label with values: one label alone is a word in a sentence."""
    labels = sum(isinstance(item, _Label) for item in items)
    return labels >= 2 or (labels == 1 and len(items) >= 2)


def _entries(layout: Layout, table: TableLayout, key: str) -> list[LabelEntry]:
    return [e for e in vocabulary_of(layout).lookup_key(key) if e.table == table.id]


def _cells_after(table: TableLayout, label: _Label | None) -> tuple[CellAddress, ...]:
    """The cells a value run fills after ``label``: that row's, or a flattened block's (Table 3)."""
    if label is not None:
        row = next((e.id for e in label.entries if e.role is Role.ROW), None)
        if row is not None:
            return tuple(CellAddress(table.id, row, column.id) for column in table.columns_of(row))
    flat = next((block for block in table.blocks if block.flatten), None)
    return tuple(flat.addresses()) if flat is not None else ()
