"""Renderers and sources whose implementation is imported when first used.

A plugin's entry point is imported by every ``disclosure`` run; a renderer built on python-docx or openpyxl
should cost nothing to a run that checks a JSON file. A plugin returns these from its hooks instead of its
classes: the names and suffixes are declared here, the class (``"module:Class"``) is imported on the first
``render``, ``sniff`` or ``load``.

>>> renderer = LazyRenderer("json", ".json", "application/json", "canonical JSON",
...                         "disclosure_core.builtin.canonical_json:JsonRenderer")
>>> from disclosure_core import Body, Report, builtin_layout
>>> from disclosure_core._formats import RenderOptions, Renderer
>>> isinstance(renderer, Renderer), renderer.render(Report("gov-2021", 2025, Body("某县", "county")), RenderOptions(builtin_layout("gov-2021")))[:1]
(True, b'{')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from disclosure_core._formats import Loaded, RenderOptions
    from disclosure_core._hints import ReportHints
    from disclosure_core.layouts import Layout
    from disclosure_core.model import Report


def lazy_exports(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each public name from its module (``where``) on first use.

    A plugin's package is imported by every ``disclosure`` run through its entry point; with
    ``__getattr__ = lazy_exports(__name__, {"DocxRenderer": "disclosure_docx.renderer"})`` its public
    classes still import from the package, without python-docx being loaded before they are used.

    >>> getattr_ = lazy_exports("demo", {"Decimal": "decimal"})
    >>> getattr_("Decimal").__name__
    'Decimal'
    >>> getattr_("Missing")
    Traceback (most recent call last):
    AttributeError: module 'demo' has no attribute 'Missing'
    """

    def attribute(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(where[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return attribute


def load_target(target: str) -> Any:
    """An instance of the class named ``"module:Class"`` (made once per proxy)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)()


@attrs.define
class LazyRenderer:
    """A :class:`~disclosure_core._formats.Renderer` that imports its implementation on the first render."""

    name: str
    suffix: str
    media_type: str
    description: str
    target: str
    _instance: Any = attrs.field(default=None, init=False, repr=False)

    def implementation(self) -> Any:
        """The real renderer (imported now if it was not yet)."""
        if self._instance is None:
            self._instance = load_target(self.target)
        return self._instance

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The real renderer's bytes."""
        data: bytes = self.implementation().render(report, options)
        return data


@attrs.define
class LazySource:
    """A :class:`~disclosure_core._formats.Source` that imports its implementation when first asked.

    ``magic``, when given, lets :meth:`sniff` refuse files that do not start with it without importing anything.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    target: str
    magic: bytes | None = None
    _instance: Any = attrs.field(default=None, init=False, repr=False)

    def implementation(self) -> Any:
        """The real source (imported now if it was not yet)."""
        if self._instance is None:
            self._instance = load_target(self.target)
        return self._instance

    def sniff(self, head: bytes, filename: str) -> bool:
        """The real source's answer, unless the file lacks the magic bytes."""
        if self.magic is not None and not head.startswith(self.magic):
            return False
        claimed: bool = self.implementation().sniff(head, filename)
        return claimed

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """The real source's reading."""
        loaded: Loaded = self.implementation().load(data, origin=origin, layouts=layouts, hints=hints)
        return loaded


__all__ = ["LazyRenderer", "LazySource", "load_target"]
