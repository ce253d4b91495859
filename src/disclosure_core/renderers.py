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

from typing import TYPE_CHECKING

from disclosure_core._lazy import lazy_exports

if TYPE_CHECKING:
    from disclosure_core._formats import Renderer, RenderOptions
    from disclosure_core._lazy import LazyRenderer
    from disclosure_core._serialize import to_dict
    from disclosure_core.errors import RenderError
    from disclosure_core.rules.confidence import ReportReading, reading_note, report_note, report_reading

# Each name is imported from where it lives on first use: a plugin's entry point imports this module on every
# ``disclosure`` run, and most runs need few of these.
__getattr__ = lazy_exports(
    __name__,
    {
        "RenderOptions": "disclosure_core._formats",
        "Renderer": "disclosure_core._formats",
        "LazyRenderer": "disclosure_core._lazy",
        "to_dict": "disclosure_core._serialize",
        "RenderError": "disclosure_core.errors",
        "ReportReading": "disclosure_core.rules.confidence",
        "reading_note": "disclosure_core.rules.confidence",
        "report_note": "disclosure_core.rules.confidence",
        "report_reading": "disclosure_core.rules.confidence",
    },
)

__all__ = [
    "LazyRenderer",
    "RenderError",
    "RenderOptions",
    "Renderer",
    "ReportReading",
    "lazy_exports",
    "reading_note",
    "report_note",
    "report_reading",
    "to_dict",
]
