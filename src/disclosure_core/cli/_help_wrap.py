"""Wrapping Chinese help text by display width: click wraps at spaces and counts characters, so a Chinese
paragraph (no spaces, each character two columns wide) runs to twice the width or is cut inside code.

Units are kept whole: a `code` span, a run of Latin letters, digits and ASCII punctuation, or one Chinese
character; closing punctuation stays on the line of what it closes. A paragraph that starts with ``\\b`` is
kept as written, as click keeps it.

>>> wrap("核查、渲染和转换政府信息公开工作年度报告。", 12).splitlines()
['核查、渲染和', '转换政府信息', '公开工作年度', '报告。']
>>> wrap("在何处检查：`dask-local` 或 `tcp://host:port`。", 20).splitlines()
['在何处检查：', '`dask-local` 或', '`tcp://host:port`。']
"""

from __future__ import annotations

import re
import unicodedata

_UNIT = re.compile(r"`[^`]*`[\])）。，；：、]*|[!-~]+[）。，；：、]*| +|.[）。，；：、」”]*", re.S)


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal.

    >>> width("表二 ab")
    7
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, columns: int, indent: str = "") -> str:
    """``text`` re-flowed to ``columns`` (each line starting with ``indent``), paragraphs kept apart."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append("\n".join(indent + line for line in paragraph[1:].strip("\n").splitlines()))
        else:
            paragraphs.append("\n".join(indent + line for line in _lines(" ".join(paragraph.split()), columns)))
    return "\n\n".join(paragraphs)


def _lines(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for unit in _UNIT.findall(text):
        if line and width(line.rstrip() + unit) > columns and not unit.isspace():
            lines.append(line.rstrip())
            line = ""
        if line or not unit.isspace():
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines
