"""disclosure-html: the report as one self-contained, accessible HTML5 page.

>>> from disclosure_html import HtmlRenderer
>>> HtmlRenderer().name
'html'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from disclosure_html.renderer import HtmlRenderer

_WHERE = {
    "HtmlRenderer": "disclosure_html.renderer",
}
"""Each public name and its module, imported on first use: the entry point stays cheap to import."""


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["HtmlRenderer"]
