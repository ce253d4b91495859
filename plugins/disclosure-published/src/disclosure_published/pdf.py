"""PDF files as a token stream, from their text layer: ruled tables cell by cell, lines as text.

pdfium reads each page's characters and drawings (:mod:`disclosure_published.pdf_objects`), pdfplumber's
finders make tables and lines of them. On each page the ruled grids are found first; those that are tables (see :mod:`disclosure_published.pdf_grid`:
a page frame is not) are read cell by cell, and text outside them is read line by line. Running headers
and footers are dropped (:mod:`disclosure_published.furniture`). Tables and lines are put in reading order
by their position, and a line that runs to the right margin is joined with the next one when that starts
at the left margin — a paragraph wrapped by the typesetter, also over a page break (page numbers in
between are passed on as lines of their own). A table that goes on at the top of the next page is joined
by its columns (:mod:`disclosure_published.pdf_continuation`); where that admits several readings,
:func:`read_pdf` lets the layout's arithmetic choose (:mod:`disclosure_published.pdf_choice`).

>>> pdf_tokens(b"%PDF-1.4 broken", origin="a.pdf")
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.pdf: not a readable PDF: ...
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from disclosure_core import Diagnostic, DiagnosticLevel, Loaded, Provenance
from disclosure_core.catalogue import place_of
from disclosure_core.errors import LoadError, reraise_as_load_error
from disclosure_core.layouts import Layout, official_layouts
from disclosure_core.progress import report as report_progress
from disclosure_published import pdf_choice
from disclosure_published.bodies import Hints
from disclosure_published.furniture import is_bare_number, is_page_number, running
from disclosure_published.parse import parse_tokens
from disclosure_published.pdf_bounds import MAX_PAGES, Budget
from disclosure_published.pdf_continuation import Fragment, TableReader, join_broken_row
from disclosure_published.pdf_grid import Grid, LabelTest, joined_dashes, page_grids, tables_of
from disclosure_published.stream import Token
from disclosure_published.vocabulary import vocabulary_of

_FOOT = 0.88  # a bare number below this share of the page height is the page's number


@attrs.frozen
class PdfReading:
    """A PDF read into tokens, some table parts with several candidate readings, and notes on the reading."""

    parts: tuple[Token | Fragment, ...]
    notes: tuple[Diagnostic, ...] = ()

    def tokens(self, choices: Mapping[int, int] | None = None) -> list[Token]:
        """The token stream with reading ``choices[i]`` of the i-th part (the natural reading elsewhere)."""
        chosen = choices or {}
        tokens: list[Token] = []
        for index, part in enumerate(self.parts):
            if isinstance(part, Token):
                tokens.append(part)
            elif index in chosen and part.readings:
                tokens.extend(part.readings[chosen[index]])
            else:
                tokens.extend(part.tokens)
        return tokens

    def ambiguous(self) -> list[int]:
        """The parts with more than one reading."""
        return [i for i, p in enumerate(self.parts) if isinstance(p, Fragment) and len(p.readings) > 1]


def label_test(layouts: Sequence[Layout]) -> LabelTest:
    """Whether a text is a label of any of ``layouts`` (its whole text, wrapped lines allowed)."""
    vocabularies = [vocabulary_of(layout) for layout in layouts]
    return lambda text: 0 < len(text) <= 120 and any(v.lookup(text) for v in vocabularies)


def read_pdf(
    data: bytes,
    *,
    origin: str,
    layouts: Mapping[str, Layout],
    hints: Hints | None = None,
    score: pdf_choice.Score = pdf_choice.arithmetic_violations,
) -> Loaded:
    """Read a report from a PDF, choosing among a continued table's readings by ``score``."""
    reading = pdf_reading(data, origin=origin, is_label=label_test(list(layouts.values())))
    choices: dict[int, int] = {}
    loaded = parse_tokens(reading.tokens(), origin=origin, layouts=layouts, hints=hints)
    for index in reading.ambiguous():
        part = reading.parts[index]
        assert isinstance(part, Fragment)
        trials = [
            parse_tokens(reading.tokens({**choices, index: k}), origin=origin, layouts=layouts, hints=hints)
            for k in range(len(part.readings))
        ]
        scores = []
        for trial in trials:
            scores.append(score(layouts[trial.report.format], pdf_choice.numbers(trial.report.tables)))
        decision = pdf_choice.decide(scores, part.descriptions, part.page)
        choices[index] = decision.index
        others = [t for k, t in enumerate(trials) if k != decision.index]
        loaded = pdf_choice.marked(trials[decision.index], others, decision, part.page, origin)
    return Loaded(loaded.report, [*reading.notes, *loaded.diagnostics])


def pdf_tokens(data: bytes, *, origin: str, is_label: LabelTest | None = None) -> list[Token]:
    """The token stream of a PDF's text layer (each table part in its natural reading)."""
    test = is_label or label_test(list(official_layouts().values()))
    return pdf_reading(data, origin=origin, is_label=test).tokens()


def pdf_reading(data: bytes, *, origin: str, is_label: LabelTest) -> PdfReading:
    """A PDF's text layer read; LoadError for a broken, encrypted or text-less PDF, or one past the bounds of
    :mod:`disclosure_published.pdf_bounds` (pages are read and released one at a time)."""
    # imported here: loading pdfium and pdfplumber costs time the other sources need not pay
    import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type hints

    pages: list[list[Grid | _Line]] = []
    budget = Budget(origin)
    with reraise_as_load_error("published.pdf.unreadable", where=origin):  # pdfium, pdfminer: many unrelated types
        budget.check_file(data)
        document = pdfium.PdfDocument(data)
        try:
            count = len(document)
            if count > MAX_PAGES:
                raise LoadError.keyed("published.pdf.pages", where=origin, count=count, limit=MAX_PAGES)
            for number in range(1, count + 1):
                page = _read_page(document, number, budget)
                pages.append(_page(page, number, is_label))
                report_progress(number, count)  # the CLI shows it for a PDF that takes long
        finally:
            document.close()
    notes: list[Diagnostic] = []
    pages = _without_running(pages, origin, notes)
    reader = TableReader(origin, is_label)
    parts = list(_reading(_continued(pages, is_label), origin, reader))
    if not any(p.text for p in parts if isinstance(p, Token)) and not any(isinstance(p, Fragment) for p in parts):
        raise LoadError.keyed("published.pdf.no_text", where=place_of(origin, page=1))
    return PdfReading(tuple(parts), (*notes, *reader.notes))


def _read_page(document: Any, number: int, budget: Budget) -> Any:
    """One page's objects read and its pdfium page released; refused past the budget's bounds."""
    from disclosure_published import pdf_objects as objects  # imports pdfplumber: see pdf_reading

    page = document[number - 1]
    try:
        display = objects.shown(page)
        textpage = page.get_textpage()
        drawn = 0

        def count_chars(glyphs: int) -> None:
            budget.count_page(number, glyphs, glyphs)

        def count_path() -> None:
            nonlocal drawn
            drawn += 1
            if drawn % 1000 == 0:
                budget.count_page(number, len(chars) + drawn, 0)

        try:
            chars = objects.characters(page, textpage, display, number, count_chars)
        finally:
            textpage.close()
        found = objects.paths(page, display, number, count_path)
        budget.count_page(number, len(chars) + drawn, len(chars))
        budget.chars += len(chars)
        return objects.ObjectPage(number, display.width, display.height, {"char": chars, **found})
    finally:
        page.close()


@attrs.frozen
class _Line:
    """A printed line of text with its box (in points) and the size of its page."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    height: float
    width: float
    page_height: float


@attrs.frozen
class _Continued:
    """A table grid, and whether it goes on from the table that ended the previous page."""

    grid: Grid
    continues: bool


def _page(page: Any, number: int, is_label: LabelTest) -> list[Grid | _Line]:
    tables = tables_of(page_grids(page, number), is_label)
    boxes = [grid.bbox for grid in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, Grid | _Line]] = [(grid.bbox[1], grid) for grid in tables]
    # Latin digits sit lower than CJK glyphs on the same line: a tolerance of 6pt keeps "代县2020年" one line.
    for line in page.filter(outside).extract_text_lines(return_chars=False, y_tolerance=6):
        height = line["bottom"] - line["top"]
        text = line["text"].strip()
        printed = _Line(text, number, line["x0"], line["x1"], line["top"], height, page.width, page.height)
        placed.append((line["top"], printed))
    placed.sort(key=lambda item: item[0])
    return [item for _, item in placed]


def _without_running(pages: list[list[Grid | _Line]], origin: str, notes: list[Diagnostic]) -> list[list[Grid | _Line]]:
    """The pages without running headers and footers, and a bare page number at a page's foot."""
    lines = [item for items in pages for item in items if isinstance(item, _Line)]
    dropped = {id(lines[i]) for i in running(lines)}
    seen: set[str] = set()
    for line in lines:
        key = re.sub(r"\d+", "#", line.text)
        if id(line) in dropped and key not in seen and not is_page_number(line.text):
            seen.add(key)
            where = Provenance(origin, page=line.page)
            text = repr(line.text[:40])
            notes.append(Diagnostic.keyed("published.pdf.running", DiagnosticLevel.INFO, where, "page", text=text))
    kept = []
    for items in pages:
        page = [i for i in items if not (isinstance(i, _Line) and id(i) in dropped and not is_page_number(i.text))]
        last = page[-1] if page else None
        if isinstance(last, _Line) and is_bare_number(last.text) and last.top >= last.page_height * _FOOT:
            page.pop()
            where = Provenance(origin, page=last.page)
            notes.append(
                Diagnostic.keyed("published.page_number", DiagnosticLevel.INFO, where, "page", number=repr(last.text))
            )
        kept.append(page)
    return kept


def _continued(pages: list[list[Grid | _Line]], is_label: LabelTest) -> list[_Continued | _Line]:
    """Every page's items in order, each grid saying whether it continues the table before it."""
    flat: list[_Continued | _Line] = []
    previous_ended_in_table = False
    for items in pages:
        content = [i for i in items if not (isinstance(i, _Line) and is_page_number(i.text))]
        for item in items:
            if isinstance(item, Grid):
                continues = previous_ended_in_table and content and content[0] is item
                flat.append(_Continued(item, bool(continues)))
            else:
                flat.append(item)
        previous_ended_in_table = bool(content) and isinstance(content[-1], Grid)
    # A row broken by the page: its label's end at the top of the next part goes back to its first part.
    for i, part in enumerate(flat):
        if isinstance(part, _Continued) and part.continues:
            before = next((j for j in range(i - 1, -1, -1) if isinstance(flat[j], _Continued)), None)
            if before is not None:
                first = flat[before]
                assert isinstance(first, _Continued)
                joined, rest = join_broken_row(first.grid, part.grid, is_label)
                flat[before], flat[i] = attrs.evolve(first, grid=joined), attrs.evolve(part, grid=rest)
    return flat


@attrs.frozen
class _Margins:
    """Where the document's text lines start and end, read off the lines themselves (the same on every page)."""

    left: float
    right: float
    em: float

    @classmethod
    def of(cls, lines: list[_Line]) -> _Margins:
        if not lines:
            return cls(0, 0, 0)
        em = statistics.median(line.height for line in lines)
        left = min(line.x0 for line in lines)
        # The right margin is where most long lines end: punctuation hanging into the margin reaches further.
        # When few lines come near the margin symmetric to the left one, that one is taken.
        symmetric = max(line.width for line in lines) - left
        reach = max(symmetric, *(line.x1 for line in lines)) - 2 * em
        ends = [line.x1 for line in lines if line.x1 >= reach]
        return cls(left, statistics.median(ends) if len(ends) >= 3 else symmetric, em)

    def runs_on(self, line: _Line, following: _Line) -> bool:
        """Whether ``following`` continues the paragraph of ``line``: a wrapped line, not a new paragraph."""
        return (
            line.x1 >= self.right - self.em / 2
            and following.x0 <= self.left + self.em / 2
            and abs(line.height - following.height) < 1.5
        )


def _reading(printed: list[_Continued | _Line], origin: str, reader: TableReader) -> Iterator[Token | Fragment]:
    """Tables and paragraphs in reading order; a page number met inside a paragraph follows it."""
    margins = _Margins.of([i for i in printed if isinstance(i, _Line) and not is_page_number(i.text)])
    paragraph: list[_Line] = []
    furniture: list[_Line] = []

    def flush() -> Iterator[Token]:
        if paragraph:
            text = _tighten("".join(line.text for line in paragraph))
            yield Token(text, Provenance(origin, page=paragraph[0].page))
        for line in furniture:
            yield Token(line.text, Provenance(origin, page=line.page))
        paragraph.clear()
        furniture.clear()

    for item in printed:
        if isinstance(item, _Continued):
            yield from flush()
            yield reader.read(item.grid, continues=item.continues)
        elif is_page_number(item.text):
            furniture.append(item)
        else:
            if not paragraph or not margins.runs_on(paragraph[-1], item):
                yield from flush()
            paragraph.append(item)
    yield from flush()


# Text extraction puts a space wherever glyphs stand apart, as Latin letters and digits do beside CJK ones.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK}])[ ]+|[ ]+(?=[{_CJK}])")


def _tighten(text: str) -> str:
    """A paragraph's text without the spaces extraction put beside CJK characters.

    >>> _tighten("统计时限自 2020 年 1 月 1 日起，网络问政 APP 平台")
    '统计时限自2020年1月1日起，网络问政APP平台'
    """
    return joined_dashes(_SPACE_BY_CJK.sub("", text))
