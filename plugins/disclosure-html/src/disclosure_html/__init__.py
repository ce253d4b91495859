"""disclosure-html: the report as one self-contained, accessible HTML5 page.

>>> from disclosure_html import HtmlRenderer
>>> HtmlRenderer().name
'html'
"""

from __future__ import annotations

from disclosure_html.renderer import HtmlRenderer

__all__ = ["HtmlRenderer"]
