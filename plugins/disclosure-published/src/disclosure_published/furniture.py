"""Page furniture: what a printed page carries besides the report — page numbers, running headers and footers.

Printed and exported reports number their pages ("— 4 —" in official documents, "- 4 -", "-4-", "第4页",
"第4页 共7页", "4/7" as browsers print, "Page 4 of 7"); such a line is no part of the text, and inside a
table it is no cell. A running header or footer (the office's name above a rule, a browser's date and
address) is recognised by position: the same text, digits aside, at the same height on several pages.

>>> [is_page_number(t) for t in ("— 4 —", "- 12 -", "-3-", "第 4 页", "第4页/共7页", "共7页 第4页", "4/7", "Page 2 of 9")]
[True, True, True, True, True, True, True, True]
>>> [is_page_number(t) for t in ("4", "四、其他", "2020/12/31", "1/2")]
[False, False, False, True]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from disclosure_published.normalize import clean

_DASHES = "-—–－‒―~～"
_PAGE_NUMBER = re.compile(
    rf"[{_DASHES}]\s*\d{{1,4}}\s*[{_DASHES}]"
    r"|第\s*\d{1,4}\s*页(\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[/，,]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|(?i:page)\s*\d{1,4}(\s*(?i:of)\s*\d{1,4})?"
)
_DIGITS = re.compile(r"\d+")
_SAME_HEIGHT = 4.0  # points: a running header sits at the same height on every page, give or take


def is_page_number(text: str) -> bool:
    """Whether a printed line is a page number and nothing else ("3/7" only with a page count up to 999)."""
    folded = clean(text)
    match = _PAGE_NUMBER.fullmatch(folded)
    if match is None:
        return False
    if "/" in folded and "第" not in folded:
        page, count = (int(n) for n in _DIGITS.findall(folded))
        return 0 < page <= count
    return True


def is_bare_number(text: str) -> bool:
    """Whether a line is a bare number, as Word prints a page number at the foot of a page.

    >>> is_bare_number(" 12 "), is_bare_number("12件")
    (True, False)
    """
    return re.fullmatch(r"\d{1,4}", clean(text)) is not None


class Placed(Protocol):
    """A printed line: its text, page and height on the page (top, in points)."""

    @property
    def text(self) -> str: ...

    @property
    def page(self) -> int: ...

    @property
    def top(self) -> float: ...


def running(lines: Sequence[Placed]) -> set[int]:
    """The indices of the lines that are a running header or footer.

    A line is running when its text (digits aside) stands at the same height on at least two pages and
    on at least half of the pages the document has; the report's own lines are not repeated like that.

    >>> from types import SimpleNamespace as L
    >>> lines = [L(text="某县人民政府办公室", page=p, top=40.0) for p in (1, 2, 3)] + [L(text="某县人民政府办公室", page=3, top=700.0)]
    >>> sorted(running(lines))
    [0, 1, 2]
    """
    pages = {line.page for line in lines}
    places: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        places[_DIGITS.sub("#", clean(line.text))].append(index)
    found: set[int] = set()
    for indices in places.values():
        for index in indices:
            line = lines[index]
            same = [i for i in indices if abs(lines[i].top - line.top) <= _SAME_HEIGHT]
            on = {lines[i].page for i in same}
            if len(on) >= 2 and len(on) * 2 >= len(pages):
                found.add(index)
    return found
