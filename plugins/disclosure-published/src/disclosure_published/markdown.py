"""OCR and LLM transcriptions in markdown (``| a | b |`` tables, ``#`` headings) as the project's token stream.

What such transcriptions do to a report's tables, and what is done about it here:

* a row's label and its numbers on two table rows (``| 一、本年新收… |`` then ``| 1 | 0 | … |``): joined
  back into one printed row;
* generic headers (``数据1`` … ``数据7``, ``类别``, ``数量``, ``项目``): dropped, so the numbers fill the
  layout's columns by position;
* one table per row group, with ``### （三）不予公开`` headings between them: the group label becomes a
  label token, the tables continue one another;
* page footers (``— 5 —``) on a line of their own or as a table row: dropped;
* notes typed into a cell (``22（其中修订16件）``): the number is read, the note kept in a diagnostic;
* ``**bold**`` and heading marks around text: stripped.

>>> text = "## 二、主动公开政府信息情况\\n| 类别 | 数据1 |\\n|---|---|\\n| 行政许可 |\\n| 12 |\\n"
>>> is_markdown(text)
True
>>> tokens, notes = markdown_tokens(text, origin="a.md")
>>> [(t.text, t.cell) for t in tokens if not t.is_break]
[('二、主动公开政府信息情况', False), ('行政许可', True), ('12', True)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from disclosure_core import Diagnostic, DiagnosticLevel, Loaded, Provenance
from disclosure_core.layouts import Layout
from disclosure_published.bodies import Hints
from disclosure_published.cells import looks_like_value
from disclosure_published.furniture import is_page_number
from disclosure_published.headings import match_heading
from disclosure_published.normalize import clean
from disclosure_published.stream import Token, row_break, table_end

_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w)")
_GENERIC = re.compile(r"^(?:数据|数值|列|值)\s*\d{0,2}$|^(?:类别|数量|项目|内容|序号|名称|指标|单位|备注)$")
_NOTE = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|条)?)\s*[(（](.+)[)）]$")


def is_markdown(text: str) -> bool:
    """Markdown tables: ``|`` rows with a ``|---|`` separator line under a header.

    >>> is_markdown("规章 | 0 | 0 | 0\\n"), is_markdown("| 规章 | 0 |\\n| --- | --- |\\n")
    (False, True)
    """
    lines = text.split("\n")
    return any(_SEPARATOR.match(line) and "-" in line and "|" in line for line in lines) and (
        sum(bool(_TABLE_LINE.match(line)) for line in lines) >= 2
    )


def _fields(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [_plain(field) for field in inner.split("|")]


def _plain(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


def _is_number_row(fields: Sequence[str]) -> bool:
    return any(f for f in fields) and all(looks_like_value(f) or _NOTE.match(clean(f)) for f in fields)


def _is_label_row(fields: Sequence[str]) -> bool:
    return any(f for f in fields) and not any(f and (looks_like_value(f) or _NOTE.match(clean(f))) for f in fields)


class _Rows:
    """Table rows as printed (line number and fields), with label rows joined to the number rows under them."""

    def __init__(self, layout: Layout | None) -> None:
        self.rows: list[tuple[int, list[str]]] = []
        self.layout = layout
        self.section: str | None = None

    def _flat_header(self) -> list[str]:
        """The printed header of the current section's flattened table (Table 3), from the layout data."""
        tables = [t for t in self.layout.tables if t.section == self.section] if self.layout else []
        blocks = [block for table in tables for block in table.blocks if block.flatten]
        return [cell.label.zh for block in blocks[:1] for header_row in block.header for cell in header_row]

    def add(self, number: int, fields: list[str]) -> None:
        fields = [f for f in fields if not is_page_number(f)] if any(is_page_number(f) for f in fields) else fields
        if not any(fields):
            return
        if all(_GENERIC.match(clean(f)) or not f for f in fields):
            # A header of generic words: the numbers go by position. A table printed as one row (Table 3)
            # is known only by its header, so the layout's stands in for it.
            header = self._flat_header()
            if header:
                self.rows.append((number, header))
            return
        fields = [f for f in fields if not _GENERIC.match(clean(f))] if _is_label_row(fields) else fields
        if self.rows and _is_number_row(fields) and _is_label_row(self.rows[-1][1]):
            line, labels = self.rows[-1]
            self.rows[-1] = (line, [*[f for f in labels if f], *fields])
            return
        self.rows.append((number, fields))


def markdown_tokens(text: str, *, origin: str, layout: Layout | None = None) -> tuple[list[Token], list[Diagnostic]]:
    """The tokens of a markdown transcription, and notes on what was interpreted.

    ``layout`` gives the header of a table known only by generic headers (数据1…数据15 over Table 3).
    """
    tokens: list[Token] = []
    notes: list[Diagnostic] = []
    rows = _Rows(layout)

    def flush(end: int) -> None:
        for number, fields in rows.rows:
            for index, field in enumerate(fields, start=1):
                where = Provenance(origin, line=number, cell=f"C{index}")
                tokens.append(Token(_cell(field, where, notes), where, cell=True))
            tokens.append(row_break(Provenance(origin, line=number)))
        if rows.rows:
            tokens.append(table_end(Provenance(origin, line=end)))
        rows.rows.clear()

    in_table = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _TABLE_LINE.match(line):
            if not _SEPARATOR.match(line):
                rows.add(number, _fields(line))
            in_table = True
            continue
        stripped = _plain(_HEADING.sub("", line))
        if not stripped:
            continue
        if is_page_number(stripped):
            where = Provenance(origin, line=number)
            notes.append(
                Diagnostic.keyed("published.page_footer", DiagnosticLevel.INFO, where, "page", text=repr(stripped))
            )
            continue
        heading = bool(_HEADING.match(line))
        if in_table and heading and len(stripped) <= 40 and match_heading(stripped) is None:
            rows.add(number, [stripped])  # a group label between the per-group tables (### （三）不予公开)
            continue
        flush(number)
        in_table = False
        section = match_heading(stripped)
        rows.section = section.section if section else rows.section
        tokens.append(Token(stripped, Provenance(origin, line=number)))
    flush(len(text.split("\n")))
    return tokens, notes


def _cell(field: str, where: Provenance, notes: list[Diagnostic]) -> str:
    """A cell's text; a note typed after its number is kept as a diagnostic and the number read."""
    found = _NOTE.match(clean(field))
    if found is None:
        return field
    notes.append(
        Diagnostic.keyed(
            "published.cell_remark",
            DiagnosticLevel.INFO,
            where,
            "cell-note",
            note=repr(found.group(2)),
            value=found.group(1),
        )
    )
    return found.group(1)


def read(text: str, *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None) -> Loaded:
    """A markdown transcription read through the common token core, its notes first."""
    from disclosure_published.parse import parse_tokens  # parse imports the sources that import this

    first = next(iter(layouts.values()), None)
    tokens, notes = markdown_tokens(text, origin=origin, layout=first)
    loaded = parse_tokens(tokens, origin=origin, layouts=layouts, hints=hints)
    return Loaded(loaded.report, [*notes, *loaded.diagnostics])
