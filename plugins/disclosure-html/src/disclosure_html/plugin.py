"""Entry point of the disclosure-html plugin (group ``disclosure_core``).

The renderer (and jinja2) is imported when first used.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core import Renderer
from disclosure_core.hookspecs import hookimpl
from disclosure_core.renderers import LazyRenderer

RENDERER = LazyRenderer(
    "html",
    ".html",
    "text/html; charset=utf-8",
    "self-contained accessible HTML5 page (disclosure-html)",
    "disclosure_html.renderer:HtmlRenderer",
)


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The HTML renderer."""
    return [RENDERER]
