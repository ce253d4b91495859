"""The required kind: sections present (and numbered 一、…六、), cells holding numbers, or a table that is not
left entirely blank.

>>> from disclosure_core.rules.fields import Fields
>>> KIND.form("required").read(Fields("x.toml", 0, {"sections": ["overview"], "numbered": True}))
Required(sections=('overview',), cells=(), any_of=None, numbered=True)
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_core.catalogue import words
from disclosure_core.findings import CellUse, Note, NoteKind, Outcome
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import SECTION_IDS, Report, Section
from disclosure_core.rules.codegen import Emitter, Test
from disclosure_core.rules.compile import Selector
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fields import Fields
from disclosure_core.rules.kinds.base import EXPRESSION, CompiledCheck, Examples, Form, Kind, Sample
from disclosure_core.rules.messages import Words, labels
from disclosure_core.rules.report_facts import NUMBERED, numeral_number
from disclosure_core.rules.spec import Rule
from disclosure_core.text import Text
from disclosure_core.values import BLANK


@attrs.frozen
class Required:
    """Sections that must be present, cells that must hold numbers, or a table that must not be all blank.

    ``numbered`` also asks each listed section's heading to begin with its official number (一、…六、).
    """

    sections: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    any_of: str | None = None
    numbered: bool = False


def _read(fields: Fields) -> Required:
    any_of = fields.string("any_of", None)
    numbered = fields.get("numbered", False)
    body = Required(fields.strings("sections"), fields.strings("cells"), any_of, bool(numbered))
    if not (body.sections or body.cells or body.any_of):
        raise fields.fail("", words("rulefile.required"))
    return body


def _sections_words(layout: Layout, ids: list[str]) -> tuple[str, str]:
    """The sections named by their official headings (numeral and name, from the layout data)."""
    zh = "、".join(layout.section(s).heading.zh for s in ids)
    en = ", ".join(f"{layout.section(s).numeral} {layout.section(s).name.en}" for s in ids)
    return zh, en


@attrs.frozen
class RequiredCheck:
    """Sections present (and numbered), cells holding numbers, or a table not left entirely blank."""

    sections: tuple[str, ...]
    numbered: bool
    cells: tuple[CellAddress, ...]
    any_of: tuple[CellAddress, ...]

    def outcome(self, ctx: Context) -> Outcome | None:
        """The outcome alone (None for a pass), building nothing."""
        _, lacking, blank = self._lacking(ctx)
        return Outcome.FAIL if lacking or blank else None

    def _lacking(self, ctx: Context) -> tuple[dict[str, Section | None], list[str], list[CellAddress]]:
        present = dict(ctx.report.sections.items())
        lacking = [s for s in self.sections if present.get(s) is None]
        if self.numbered:
            lacking = [
                s
                for s in self.sections
                if (sec := present.get(s)) is not None and not self._numbered(ctx.layout, sec.heading, s)
            ]
        blank = [a for a in self.cells if ctx.cells.get(a, BLANK).number is None]
        if self.any_of and all(ctx.cells.get(a, BLANK).number is None for a in self.any_of):
            blank += list(self.any_of)
        return present, lacking, blank

    def evaluate(self, ctx: Context) -> Result | None:
        present, lacking, blank = self._lacking(ctx)
        if not lacking and not blank:
            return None
        names = [str(a) for a in blank]
        words: dict[str, Words] = {
            "sections": _sections_words(ctx.layout, lacking),
            "numerals": "、".join(ctx.layout.section(s).numeral for s in lacking),
            "cells": (labels(ctx.layout, blank[:5], "zh"), labels(ctx.layout, blank[:5], "en")),
            "count": str(len(names)),
        }
        headings = tuple(
            Note.of(NoteKind.HEADING, section=Text(ctx.layout.section(s).heading.zh, s), heading=sec.heading or "—")
            for s in lacking
            if (sec := present.get(s)) is not None
        )
        uses = tuple(CellUse(a, ctx.cells.get(a, BLANK)) for a in blank[:20])
        return Result(Outcome.FAIL, uses, words=words, notes=headings, missing=tuple(names))

    def _numbered(self, layout: Layout, heading: str | None, section: str) -> bool:
        match = NUMBERED.match(heading or "")
        return match is not None and match.group(1) == layout.section(section).numeral


def _compile(rule: Rule, body: Required, selector: Selector, bindings: Mapping[str, str]) -> CompiledCheck:
    cells = tuple(a for c in body.cells for a in selector.cells(c))
    any_of = tuple(selector.cells(body.any_of)) if body.any_of else ()
    return CompiledCheck(RequiredCheck(body.sections, body.numbered, cells, any_of))


def _examples(check: RequiredCheck, sample: Sample) -> Examples:
    """The sample has every section, numbered, and every cell; the failing one lacks the first required."""
    return {"pass": (sample.base, None), "fail": (_broken(check, sample.base, sample.layout), None)}


def _broken(check: RequiredCheck, report: Report, layout: Layout) -> Report:
    if check.any_of:
        return report.with_cells(dict.fromkeys(check.any_of))
    if check.cells:
        return report.with_cells({check.cells[0]: None})
    section = check.sections[0]
    if check.numbered:
        current = getattr(report.sections, section)
        return report.evolve(
            sections=attrs.evolve(
                report.sections, **{section: Section(layout.section(section).name.zh, current.paragraphs)}
            )
        )
    return report.evolve(sections=attrs.evolve(report.sections, **{section: None}))


def _emit(check: RequiredCheck, emitter: Emitter) -> Test | None:
    """Sections present (or, ``numbered``, each present one's heading beginning with its numeral: the
    report's heading numbers, :mod:`~disclosure_core.rules.report_facts`), cells holding numbers and a
    table not left blank, as code; anything else fails."""
    tests = []
    for section in check.sections:
        heading = emitter.fact(("heading", section))
        if not check.numbered:
            tests.append(f"({heading} is not None)")
            continue
        if emitter.layout is None:
            return None
        number = numeral_number(emitter.layout.section(section).numeral)
        # A numeral other than 一 … 六 is never matched: the heading of a present section then fails.
        matched = f"({heading} == {emitter.constant(number)})" if number else "(1 == 0)"
        tests.append(f"(({heading} is None) or {matched})")
    tests += [emitter.present(emitter.number(cell)) for cell in check.cells]
    if check.any_of:
        tests.append(emitter.any_of([emitter.present(emitter.number(cell)) for cell in check.any_of]))
    return Test(emitter.all_of(tests), fails="(1 == 1)")  # a cell holding no number fails the rule


KIND = Kind(
    "required",
    (
        Form(
            "required",
            {
                "sections": {"type": "array", "items": {"enum": list(SECTION_IDS)}},
                "cells": {"type": "array", "items": EXPRESSION},
                "any_of": EXPRESSION,
                "numbered": {"type": "boolean"},
            },
            _read,
        ),
    ),
    _compile,
    _examples,
    words=frozenset({"sections", "numerals", "cells", "count"}),
    emit=_emit,
)
