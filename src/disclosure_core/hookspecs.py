"""The plugin contract: five hooks, each returning what the plugin adds.

Every hook takes no arguments and returns an iterable; the :class:`~disclosure_core.registry.Registry`
calls each plugin's implementation separately, so a plugin whose hook raises is reported and skipped
without hiding what the other plugins provide. A plugin implements any of them with ``hookimpl``:

>>> from disclosure_core import Registry, hookimpl
>>> class QuietPlugin:
...     @hookimpl
...     def disclosure_disabled_rules(self):
...         return ["sections.numbered"]
>>> Registry(entry_points=False, plugins=[QuietPlugin()]).disabled_rules()
{'sections.numbered'}
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from disclosure_core._formats import DataFile, Renderer, Source
from disclosure_core.layouts import Layout

PROJECT = "disclosure_core"
"""The pluggy project name and the entry-point group third-party plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def disclosure_layouts() -> Iterable[Layout | DataFile]:  # type: ignore[empty-body]
    """Return format layouts to add: :class:`Layout` objects or layout files (TOML text).

    A layout file may ``extends`` another registered layout (a provincial variant of ``gov-2021``).
    Ids must be unique across all plugins; a clash is a plugin error.
    """


@hookspec
def disclosure_renderers() -> Iterable[Renderer]:  # type: ignore[empty-body]
    """Return renderers to add. Each has a unique ``name`` (used by ``--to``), a file ``suffix``, a
    ``media_type``, a one-line ``description`` and ``render(report, options) -> bytes``, which must be
    deterministic and raise only :class:`~disclosure_core.errors.RenderError`.
    """


@hookspec
def disclosure_sources() -> Iterable[Source]:  # type: ignore[empty-body]
    """Return sources to add. Each has a unique ``name``, the file ``suffixes`` it reads, a one-line
    ``description``, ``sniff(head, filename) -> bool`` and ``load(data, origin=, layouts=) -> Loaded``,
    which raises only :class:`~disclosure_core.errors.LoadError`.
    """


@hookspec
def disclosure_rule_sets() -> Iterable[DataFile]:  # type: ignore[empty-body]
    """Return rule-set files (TOML text) to add to the shipped rules, e.g. a province's rules."""


@hookspec
def disclosure_disabled_rules() -> Iterable[str]:  # type: ignore[empty-body]
    """Return ids of shipped rules to switch off (a province that sets a different deadline, say)."""
