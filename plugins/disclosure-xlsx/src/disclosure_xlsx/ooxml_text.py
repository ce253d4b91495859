"""Text in OOXML cells: escaping what XML cannot hold, the way Excel does (``_xHHHH_``).

XML 1.0 cannot carry most control characters or U+FFFE/U+FFFF; OOXML writes them as ``_xHHHH_`` and, so
that a literal "_x0041_" survives, escapes the underscore of such a sequence as ``_x005F_``. openpyxl does
neither when it writes cell text, so the plugin does both ways itself.

>>> escape("a\\x01b_x0041_"), unescape(escape("a\\x01b_x0041_")) == "a\\x01b_x0041_"
('a_x0001_b_x005F_x0041_', True)
"""

from __future__ import annotations

import re

_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
_ESCAPE_OR_UNSAFE = re.compile("_(?=x[0-9A-Fa-f]{4}_)|[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

MAX_CELL_TEXT = 32_767
"""Excel's limit on the characters in one cell."""


def escape(text: str) -> str:
    """Text safe to store in a cell: XML-illegal characters and literal escape sequences escaped."""
    return _ESCAPE_OR_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """The text a cell stands for: ``_xHHHH_`` sequences decoded (left to right, as Excel does)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
