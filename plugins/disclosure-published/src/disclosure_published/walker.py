"""Walking a token stream: section headings, table material (to the mapper) and running text.

Labels are matched against the layout's vocabulary; a label split over several printed lines (vertical
labels, "三" / "本年度办理结果", "不予" / "公开") is joined back when the lines together spell a label.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core import Provenance
>>> lines = ["二、主动公开政府信息情况", "行政许可", "3", "说明文字。"]
>>> walked = walk([Token(t, Provenance("a.txt", line=i + 1)) for i, t in enumerate(lines)], builtin_layout("gov-2021"), origin="a.txt")
>>> walked.headings["proactive"].text, walked.paragraphs[-1].text, walked.mapper.cells
('二、主动公开政府信息情况', '说明文字。', {CellAddress(table='proactive', row='licensing', column='decisions'): Count(value=3)})
"""

from __future__ import annotations

import attrs

from disclosure_core import SECTION_IDS, Diagnostic, DiagnosticLevel, Provenance
from disclosure_core.catalogue import words
from disclosure_core.layouts import Layout
from disclosure_core.sources import fold_ideographs
from disclosure_published.cells import looks_like_value
from disclosure_published.furniture import is_page_number
from disclosure_published.fuzzy import fuzzy_rows_of
from disclosure_published.headings import expected_number, match_heading
from disclosure_published.normalize import clean, label_key, strip_markup
from disclosure_published.stream import Token
from disclosure_published.tables import TableMapper
from disclosure_published.vocabulary import LabelEntry, Role, Vocabulary, vocabulary_of

_MAX_JOIN = 12  # a vertical label of up to a dozen characters, one per line
_MAX_STRAY = 40
_MAX_LABEL = 120  # longer unrecognised text inside a table is running text, not a label


@attrs.frozen
class Paragraph:
    """A piece of running text, and the section it was printed in (None before the first heading)."""

    text: str
    where: Provenance
    section: str | None


@attrs.frozen
class Heading:
    """A section heading as printed."""

    text: str
    where: Provenance


@attrs.define
class Walked:
    """What a walk found: headings by section, running text in order, and the mapped tables."""

    headings: dict[str, Heading]
    paragraphs: list[Paragraph]
    mapper: TableMapper
    diagnostics: list[Diagnostic]


def walk(tokens: list[Token], layout: Layout, *, origin: str) -> Walked:
    """Sort every token into a heading, table material or running text.

    Radicals and compatibility ideographs (what PDFs printed with some fonts carry) are folded first, so
    headings, labels, names and narrative all read as the ideographs they stand for.
    """
    tokens = [t if fold_ideographs(t.text) == t.text else attrs.evolve(t, text=fold_ideographs(t.text)) for t in tokens]
    vocabulary = vocabulary_of(layout)
    claimed = _claimed_rows(tokens, vocabulary)
    mapper = TableMapper(layout, origin=origin)
    walked = Walked({}, [], mapper, [])
    section: str | None = None
    grid_ended = False  # the container printed the end of a table's grid, and no table material since
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.is_break:
            mapper.row_break(token)
            grid_ended = grid_ended or token.ends_table
            i += 1
            continue
        if token.cell:
            grid_ended = False
        elif is_page_number(token.text):
            walked.diagnostics.append(
                Diagnostic.keyed(
                    "published.page_number", DiagnosticLevel.INFO, token.where, "page", number=repr(clean(token.text))
                )
            )
            i += 1
            continue
        else:
            heading = match_heading(token.text)
            if heading is not None and _opens(heading.section, section):
                mapper.close_table()
                section = heading.section
                walked.headings[section] = Heading(strip_markup(token.text).strip(), token.where)
                _check_number(walked, heading.number, section, token)
                i += 1
                continue
        matched = match_label(tokens, i, vocabulary)
        if matched is not None:
            entries, consumed = matched
            mapper.label(entries, token)
            grid_ended = False
            i += consumed
            continue
        if _fuzzy_label(token, mapper, layout, claimed, walked, grid_ended):
            i += 1
            continue
        i += 1
        # Text printed after a table's grid ended is running text, however short: the table ended there.
        loose_table = mapper.table is not None and not grid_ended
        if (token.cell or loose_table) and looks_like_value(token.text):
            if token.cell or clean(token.text):
                mapper.value(token)
        elif token.cell or (loose_table and _label_like(token.text)):
            mapper.stray(token)
        elif token.text.strip():
            mapper.interrupt()
            walked.paragraphs.append(Paragraph(token.text.strip(), token.where, section))
    mapper.finish()
    return walked


def match_label(tokens: list[Token], start: int, vocabulary: Vocabulary) -> tuple[list[LabelEntry], int] | None:
    """The meanings of the label printed at ``tokens[start]`` and how many tokens it takes, or None.

    Following plain lines (not cells) are joined on while the joined text still begins some label.
    """
    key = label_key(tokens[start].text)
    if not key or len(key) > 300:
        return None
    entries = vocabulary.lookup_key(key)
    best = (entries, 1) if entries else None
    j = start + 1
    joined = 0
    while vocabulary.is_prefix(key) and j < len(tokens) and joined < _MAX_JOIN:
        token = tokens[j]
        j += 1
        if token.is_break:
            continue
        if token.cell or not token.text.strip():
            break
        key += label_key(token.text)
        joined += 1
        if not vocabulary.is_prefix(key):
            break
        entries = vocabulary.lookup_key(key)
        if entries:
            best = (entries, j - start)
    return best


def _claimed_rows(tokens: list[Token], vocabulary: Vocabulary) -> set[tuple[str, str]]:
    """The rows some label of the document names exactly: a fuzzy match may never take one of them."""
    claimed = set()
    for token in tokens:
        if token.is_break or not token.text or len(token.text) > _MAX_LABEL:
            continue
        for entry in vocabulary.lookup_key(label_key(token.text)):
            if entry.role is Role.ROW:
                claimed.add((entry.table, entry.id))
    return claimed


def _fuzzy_label(
    token: Token,
    mapper: TableMapper,
    layout: Layout,
    claimed: set[tuple[str, str]],
    walked: Walked,
    grid_ended: bool,
) -> bool:
    """Read ``token`` as a row label printed otherwise (a typo, the other version's wording), when it is one."""
    table = mapper.table
    if table is None or (grid_ended and not token.cell) or looks_like_value(token.text):
        return False
    if not (token.cell or _label_like(token.text)):
        return False
    taken = {row for t, row in claimed | mapper.rows_seen if t == table.id}
    found = fuzzy_rows_of(layout).match(token.text, table=table.id, exclude=taken, after=mapper.last_row)
    if found is None:
        return False
    printed, label = clean(token.text), found.entry.label
    why = found.why.replace("the wording of ", "")
    said = words(f"published.fuzzy.{_WHY.get(found.why, 'wording')}", layout=why)
    reason = words("published.fuzzy", printed=repr(printed), why=said, label=repr(label)).en
    note = Diagnostic.keyed(
        "published.fuzzy",
        DiagnosticLevel.INFO,
        token.where,
        "fuzzy-label",
        printed=repr(printed),
        why=said,
        label=repr(label),
    )
    walked.diagnostics.append(note)
    mapper.label([found.entry], token, fuzzy=reason)
    return True


def _opens(new: str, current: str | None) -> bool:
    """A heading opens a section only after the current one: the lead's list of sections is not six headings."""
    return current is None or SECTION_IDS.index(new) > SECTION_IDS.index(current)


_WHY = {"a typo": "typo", "another numbering": "numbering"}
"""Why a printed label was taken for a row (:class:`~.fuzzy.FuzzyMatch`) → the catalogue key of its words."""


def _check_number(walked: Walked, number: str | None, section: str, token: Token) -> None:
    expected = expected_number(section)
    heading = repr(token.text.strip())
    if number is None:
        key, values = "published.heading.unnumbered", {"heading": heading, "expected": expected}
    elif number != expected:
        key, values = "published.heading.numbered", {"heading": heading, "number": number, "expected": expected}
    else:
        return
    walked.diagnostics.append(Diagnostic.keyed(key, DiagnosticLevel.INFO, token.where, "heading", **values))


def _label_like(text: str) -> bool:
    folded = clean(text)
    return 0 < len(folded) <= _MAX_STRAY and not folded.endswith(("。", ".", ";", ":")) and "," not in folded
