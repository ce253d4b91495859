"""Page furniture: what a printed page carries besides the report, such as its page number.

Printed and exported reports number their pages ("— 4 —" in official documents, "- 4 -", "第4页", "第4页 共7页");
such a line is no part of the text, and inside a table it is no cell.

>>> [is_page_number(t) for t in ("— 4 —", "- 12 -", "第 4 页", "第4页/共7页", "共7页 第4页", "4", "四、其他")]
[True, True, True, True, True, False, False]
"""

from __future__ import annotations

import re

from disclosure_published.normalize import clean

_DASHES = "-—–－‒―~～"
_PAGE_NUMBER = re.compile(
    rf"[{_DASHES}]\s*\d{{1,4}}\s*[{_DASHES}]"
    r"|第\s*\d{1,4}\s*页(\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[/，,]?\s*第\s*\d{1,4}\s*页"
)


def is_page_number(text: str) -> bool:
    """Whether a printed line is a page number and nothing else."""
    return _PAGE_NUMBER.fullmatch(clean(text)) is not None
