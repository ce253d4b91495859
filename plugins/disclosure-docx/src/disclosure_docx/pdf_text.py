"""Where a PDF's text lies on its pages, as poppler's ``pdftotext`` sees it: for measuring pagination.

:func:`pdf_pages` runs ``pdftotext -bbox`` (every word with its box, in points from the top left) and
``pdftotext -raw`` (each page's text in content order, where a table cell's text is contiguous even when it
wraps). The tests of every printed output use it to ask where each page's text ends and on which page a label
is printed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import attrs

from disclosure_core.errors import RenderError

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)


@attrs.frozen
class Word:
    """One word and its box (points, from the page's top left corner)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@attrs.frozen
class Page:
    """One page: its size, its words, and its text in content order with all white space removed."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    text: str

    def text_bottom(self, below: float) -> float:
        """Where the page's text ends: the lowest word bottom above ``below`` (points from the top; words
        further down — a page number in the footer — are not counted). 0 when the page has no such text.

        >>> words = (Word("正文", 80, 100, 120, 116), Word("— 1 —", 280, 780, 320, 795))
        >>> Page(1, 595, 842, words, "").text_bottom(760)
        116
        """
        return max((word.bottom for word in self.words if word.bottom <= below), default=0.0)


def parse_bbox(xhtml: str, texts: list[str]) -> tuple[Page, ...]:
    """Pages from ``pdftotext -bbox`` output and the pages' raw texts.

    >>> page = '<page width="595.3" height="841.9"><word xMin="1" yMin="2" xMax="3" yMax="4">表&amp;</word></page>'
    >>> parse_bbox(page, ["表 &"])[0].words[0].text, parse_bbox(page, ["表 &"])[0].text
    ('表&', '表&')
    """
    pages = []
    for number, match in enumerate(_PAGE.finditer(xhtml), start=1):
        words = tuple(
            Word(html.unescape(m.group(5)), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)))
            for m in _WORD.finditer(match.group(3))
        )
        text = re.sub(r"\s+", "", texts[number - 1]) if number <= len(texts) else ""
        pages.append(Page(number, float(match.group(1)), float(match.group(2)), words, text))
    return tuple(pages)


def pdf_pages(pdf: Path, *, timeout: float = 60) -> tuple[Page, ...]:
    """The pages of a PDF file with their words and texts; :class:`RenderError` when poppler is missing."""
    program = shutil.which("pdftotext")
    if program is None:
        raise RenderError.keyed("docx.pdftotext_missing")
    boxes = subprocess.run([program, "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=timeout)
    raw = subprocess.run([program, "-raw", str(pdf), "-"], check=True, capture_output=True, timeout=timeout)
    return parse_bbox(boxes.stdout.decode("utf-8"), raw.stdout.decode("utf-8").split("\f"))


def page_of(pages: tuple[Page, ...], label: str, start: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """The first place at or after ``start`` (page index, position in its text) where ``label`` is printed.

    Labels are compared without white space, so a label wrapped over two lines is still found. Raises
    LookupError when it is not printed after ``start``.

    >>> pages = (Page(1, 1, 1, (), "表一甲乙"), Page(2, 1, 1, (), "丙丁"))
    >>> page_of(pages, "甲乙"), page_of(pages, "丙"), page_of(pages, "丁", (1, 1))
    ((0, 4), (1, 1), (1, 2))
    """
    wanted = re.sub(r"\s+", "", label)
    index, position = start
    while index < len(pages):
        found = pages[index].text.find(wanted, position)
        if found >= 0:
            return index, found + len(wanted)
        index, position = index + 1, 0
    raise LookupError(f"{label!r} is not printed after page {start[0] + 1}")
