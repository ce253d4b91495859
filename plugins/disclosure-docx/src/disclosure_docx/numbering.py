"""The official heading numbering, on request: 一、…六、 for the six sections and （一）（二）… for the headings
inside each, whatever the source printed.

By default a document shows the headings as the report gives them (a report published with
"政府信息公开工作总体情况" and no 一、 is printed so). :func:`numbered_outline` renumbers them and says, for each
heading it changed, what the source printed — the renderer keeps those notes in the document's metadata.
"""

from __future__ import annotations

import re

import attrs

from disclosure_core import Section
from disclosure_core.rendering import OutlinePart, is_subheading

NUMERALS = "一二三四五六七八九十"
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|（[一二三四五六七八九十]+）)\s*")
_SUB_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")


def numeral(number: int) -> str:
    """The Chinese numeral of 1…99 as official headings write it.

    >>> numeral(3), numeral(10), numeral(12), numeral(20)
    ('三', '十', '十二', '二十')
    """
    tens, ones = divmod(number, 10)
    if tens == 0:
        return NUMERALS[ones - 1]
    head = "" if tens == 1 else NUMERALS[tens - 1]
    return head + "十" + (NUMERALS[ones - 1] if ones else "")


@attrs.frozen
class Renumbered:
    """A heading the official numbering changed: where (section id), what the source printed, what is printed."""

    section: str
    printed: str
    official: str


def numbered_outline(parts: tuple[OutlinePart, ...]) -> tuple[tuple[OutlinePart, ...], tuple[Renumbered, ...]]:
    """The parts with official numbers on every heading, and a note for each heading that changed.

    >>> from disclosure_core import Body, Report, builtin_layout
    >>> from disclosure_core.rendering import outline
    >>> from disclosure_core.model import Section
    >>> report = Report("gov-2021", 2025, Body("某县", "county"),
    ...                 sections={"overview": Section("总体情况", ("（二）加强领导", "正文。"))})
    >>> parts, notes = numbered_outline(outline(report, builtin_layout("gov-2021")))
    >>> parts[0].heading, parts[0].paragraphs[0], parts[1].heading
    ('一、总体情况', '（一）加强领导', '二、主动公开政府信息情况')
    >>> [(note.printed, note.official) for note in notes]
    [('总体情况', '一、总体情况'), ('（二）加强领导', '（一）加强领导')]
    """
    numbered, notes = [], []
    for index, part in enumerate(parts, start=1):
        heading = f"{numeral(index)}、{_SECTION_NUMBER.sub('', part.heading, count=1)}"
        if heading != part.heading:
            notes.append(Renumbered(part.id, part.heading, heading))
        section = part.section
        if section is not None:
            paragraphs, count = [], 0
            for text in section.paragraphs:
                if is_subheading(text):
                    count += 1
                    official = f"（{numeral(count)}）{_SUB_NUMBER.sub('', text, count=1)}"
                    if official != text:
                        notes.append(Renumbered(part.id, text, official))
                    text = official
                paragraphs.append(text)
            section = Section(heading, tuple(paragraphs))
        numbered.append(attrs.evolve(part, heading=heading, section=section))
    return tuple(numbered), tuple(notes)
