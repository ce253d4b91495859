"""Entry point of the disclosure-html plugin (group ``disclosure_core``)."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core.formats import Renderer
from disclosure_core.hookspecs import hookimpl
from disclosure_html.renderer import HtmlRenderer


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The HTML renderer."""
    return [HtmlRenderer()]
