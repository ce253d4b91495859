"""disclosure-html: the report as one self-contained, accessible HTML5 page.

>>> from disclosure_html import HtmlRenderer
>>> HtmlRenderer().name
'html'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_core.renderers import lazy_exports

if TYPE_CHECKING:
    from disclosure_html.renderer import HtmlRenderer

_WHERE = {
    "HtmlRenderer": "disclosure_html.renderer",
}
"""Each public name and its module, imported on first use: the entry point stays cheap to import."""


__getattr__ = lazy_exports(__name__, _WHERE)


__all__ = ["HtmlRenderer"]
