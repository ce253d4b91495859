"""For plugin authors: the Renderer protocol and what a renderer is handed, returns and raises.

A renderer is a small object with ``name``, ``suffix``, ``media_type``, ``description`` and
``render(report, options) -> bytes``; it is deterministic (same report, same bytes) and raises only
:class:`RenderError`. Return a :class:`LazyRenderer` from ``disclosure_renderers()`` when the implementation
needs a heavy library, so that a run that does not render does not import it. What every renderer shows
(outline, titles, cell texts, table grids) and the byte-for-byte ZIP writer are in
:mod:`disclosure_core.rendering`. This module is public.

>>> from disclosure_core import Body, Report, builtin_layout
>>> from disclosure_core.renderers import Renderer, RenderOptions
>>> class LineRenderer:
...     name, suffix, media_type, description = "line", ".txt", "text/plain", "one line per report"
...     def render(self, report, options):
...         return f"{report.body.name} {report.year}".encode()
>>> isinstance(LineRenderer(), Renderer)
True
>>> LineRenderer().render(Report("gov-2021", 2025, Body("某县", "county")), RenderOptions(builtin_layout("gov-2021")))
b'\\xe6\\x9f\\x90\\xe5\\x8e\\xbf 2025'
"""

from __future__ import annotations

from disclosure_core._formats import Renderer, RenderOptions
from disclosure_core._lazy import LazyRenderer, lazy_exports
from disclosure_core._serialize import to_dict
from disclosure_core.errors import RenderError

__all__ = ["LazyRenderer", "RenderError", "RenderOptions", "Renderer", "lazy_exports", "to_dict"]
