"""Colour for text findings on a terminal: failures red or yellow by severity, not-verifiable dim, headings bold.

Only on a terminal, and never when ``NO_COLOR`` is set to anything (https://no-color.org) or ``TERM`` is
``dumb``: files, pipes and logs get the plain text, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import click

_MARK = re.compile(r"^(\s*)([✗?~!])(\s+)(error|warning|information|info|错误|警告|提示)?")
_STYLE: dict[tuple[str, str | None], dict[str, Any]] = {
    ("✗", "error"): {"fg": "red", "bold": True},
    ("✗", "warning"): {"fg": "yellow", "bold": True},
    ("✗", "info"): {"fg": "cyan"},
    ("✗", "information"): {"fg": "cyan"},
    ("✗", "错误"): {"fg": "red", "bold": True},
    ("✗", "警告"): {"fg": "yellow", "bold": True},
    ("✗", "提示"): {"fg": "cyan"},
    ("~", None): {"fg": "magenta"},
    ("!", None): {"fg": "magenta", "bold": True},
    ("?", None): {"dim": True},
}


def wants_colour(environ: Mapping[str, str], *, terminal: bool) -> bool:
    """Whether to colour what goes to a stream (``terminal``: whether it is one).

    >>> wants_colour({}, terminal=True), wants_colour({"NO_COLOR": "1"}, terminal=True), wants_colour({}, terminal=False)
    (True, False, False)
    """
    return terminal and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def paint_findings(text: str) -> str:
    """The text findings with ANSI colours on their marks and headings.

    >>> paint_findings("  ✗ error   requests.balance  (不符)") == "  " + click.style("✗ error", fg="red", bold=True) + "   requests.balance  (不符)"
    True
    """
    lines: list[str] = []
    for line in text.split("\n"):
        match = _MARK.match(line)
        if match:
            mark, severity = match.group(2), match.group(4)
            style = _STYLE.get((mark, severity)) or _STYLE.get((mark, None)) or {}
            head = f"{mark}{match.group(3)}{severity or ''}".rstrip()
            start = len(match.group(1))
            line = line[:start] + click.style(head, **style) + line[start + len(head) :]
        elif line and not line.startswith(" ") and lines and not lines[-1]:
            line = click.style(line, bold=True)  # a heading: a line after a blank one, not indented
        lines.append(line)
    return "\n".join(lines)
