"""What a finding shows of the values a check read: the cells placed in its arithmetic, and what was missing.

Shared by the kinds whose checks read cells (relations, thresholds, narrative figures, patterns).
"""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_core.findings import CellUse, Note, NoteKind
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.compile import Key, Linear
from disclosure_core.rules.context import Context
from disclosure_core.rules.messages import labels
from disclosure_core.rules.yearly import WORDS, previous_label
from disclosure_core.values import BLANK

Placement = tuple[tuple[bool, CellAddress, str, int], ...]
_PLACED: dict[tuple[int, int, int], tuple[object, object, object, Placement]] = {}


def cell_uses(ctx: Context, keys: Sequence[Key], lhs: Linear | None = None, rhs: Linear | None = None) -> list[CellUse]:
    """The cells behind ``keys`` as the finding shows them, placed on their side with their weight.

    Where each key goes (its side, weight and name) depends on the compiled check only, so it is worked
    out once per check and kept; only the values are read per report.
    """
    placement = _placement(keys, lhs, rhs)
    current, previous = ctx.cells, ctx.previous_cells
    return [
        CellUse(
            address,
            (previous if before else current).get(address, BLANK),
            "previous" if before else "current",
            side,
            weight,
        )
        for before, address, side, weight in placement
    ]


def _placement(keys: Sequence[Key], lhs: Linear | None, rhs: Linear | None) -> Placement:
    cacheable = isinstance(keys, tuple)
    if cacheable:
        kept = _PLACED.get((id(keys), id(lhs), id(rhs)))
        if kept is not None and kept[0] is keys and kept[1] is lhs and kept[2] is rhs:
            return kept[3]
    left = dict(lhs.terms) if lhs else {}
    right = dict(rhs.terms) if rhs else {}
    placed = []
    for key in keys:
        previous, name = key
        if isinstance(name, str):
            continue  # a fact: not a cell
        side, weight = ("lhs", left[key]) if key in left else ("rhs", right[key]) if key in right else ("", 1)
        placed.append((previous, name, side, int(weight)))
    placement = tuple(placed)
    if cacheable:
        if len(_PLACED) > 50_000:  # many rule sets compiled in one process: keep memory bounded
            _PLACED.clear()
        _PLACED[(id(keys), id(lhs), id(rhs))] = (keys, lhs, rhs, placement)
    return placement


def missing_words(ctx: Context, missing: Sequence[Key], note: Note | None) -> tuple[str, str]:
    """What is missing, in both languages: cells by label (last year's marked 去年), facts by name, or the
    note (no previous report). Never empty: a blank cell of last year is named like this year's."""
    if note is not None:
        return note.text.zh, note.text.en
    cells = [name for previous, name in missing if isinstance(name, CellAddress) and not previous]
    earlier = [name for previous, name in missing if isinstance(name, CellAddress) and previous]
    facts = [str(name) for _, name in missing if isinstance(name, str)]
    more = ("", "") if len(cells) <= 6 else (f"等{len(cells)}个单元格", f" and {len(cells) - 5} more")
    layout = ctx.previous_layout or ctx.layout
    words = []
    for lang, extra in (("zh", more[0]), ("en", more[1])):
        shown = labels(ctx.layout, cells[:5] if extra else cells, lang) + extra if cells else ""
        last_year = [previous_label(layout, address, lang) for address in earlier]
        words.append(WORDS[lang]["and"].join(filter(None, [shown, *last_year, *facts])))
    return words[0], words[1]


def missing_names(missing: Sequence[Key], note: Note | None = None) -> tuple[str, ...]:
    """The missing values as a finding lists them: cells by address (last year's as ``previous.…``), facts
    by name; none when the whole previous report is missing (its note says so)."""
    if note is not None:
        return ()
    return tuple(f"previous.{name}" if previous else str(name) for previous, name in missing)


def notes_of(note: Note | None) -> tuple[Note, ...]:
    """A gathering note as a finding's notes."""
    return (note,) if note else ()


def failure_note(exc: Exception) -> Note:
    """The note of a rule that could not be evaluated: the exception, as Python names it."""
    return Note.of(NoteKind.RULE_ERROR, error=f"{type(exc).__name__}: {exc}")
