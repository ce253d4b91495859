"""The Registry: one pluggy PluginManager per instance, and everything the plugins provide.

>>> registry = Registry(entry_points=False)
>>> sorted(registry.layouts()), sorted(registry.renderers())
(['gov-2019', 'gov-2021'], ['json'])
"""

from __future__ import annotations

import importlib.metadata
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import pluggy

from disclosure_core import hookspecs
from disclosure_core.errors import LayoutError, LoadError, PluginError, UsageError
from disclosure_core.formats import DataFile, Loaded, Renderer, RenderOptions, Source
from disclosure_core.layouts import Layout, find_layout, parse_layout
from disclosure_core.model import Report

T = TypeVar("T")

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused before reading: no report is anywhere near it."""


class PluginWarning(UserWarning):
    """A plugin failed to load or register and was skipped.

    >>> import warnings
    >>> from disclosure_core import hookimpl
    >>> class Exploding:
    ...     @hookimpl
    ...     def disclosure_renderers(self):
    ...         raise RuntimeError("boom")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     names = sorted(Registry(entry_points=False, plugins=[Exploding()]).renderers())
    >>> names, caught[0].category.__name__
    (['json'], 'PluginWarning')
    """


@attrs.frozen
class PluginInfo:
    """What ``disclosure plugins`` shows about one registered plugin.

    >>> [info.name for info in Registry(entry_points=False).plugins() if info.builtin]
    ['disclosure_core.official_layouts', 'disclosure_core.canonical_json']
    """

    name: str
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool


class Registry:
    """Owns a PluginManager with the built-in plugins and, unless told otherwise, the installed ones.

    ``strict`` turns a broken plugin into a :class:`PluginError` instead of a :class:`PluginWarning`.

    >>> from disclosure_core import Body, Report
    >>> registry = Registry(entry_points=False)  # the built-ins only: JSON and the two official layouts
    >>> sorted(registry.layouts()), sorted(registry.renderers())
    (['gov-2019', 'gov-2021'], ['json'])
    >>> registry.render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "json")[:1]
    b'{'
    """

    def __init__(self, *, plugins: Iterable[object] = (), entry_points: bool = True, strict: bool = False) -> None:
        from disclosure_core.builtin import BUILTIN_PLUGINS

        self.strict = strict
        self.problems: list[str] = []
        self._versions: dict[str, str | None] = {}
        self._builtin: set[str] = set()
        self._cache: dict[str, Any] = {}
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        for name, plugin in BUILTIN_PLUGINS:
            self._pm.register(plugin, name=name)
            self._builtin.add(name)
        if entry_points:
            self._load_entry_points()
        for plugin in plugins:
            self.register(plugin)

    # ---------------------------------------------------------------- plugins

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register a plugin object or module (its ``disclosure_*`` functions marked with ``hookimpl``)."""
        try:
            self._pm.register(plugin, name=name)
        except Exception as exc:
            self._problem(f"plugin {name or plugin!r} could not be registered: {exc}")
        self._cache.clear()

    def _load_entry_points(self) -> None:
        for entry_point in importlib.metadata.entry_points(group=hookspecs.PROJECT):
            if self._pm.has_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
                self._pm.register(plugin, name=entry_point.name)
            except Exception as exc:
                self._problem(f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: {exc}")
                continue
            self._versions[entry_point.name] = entry_point.dist.version if entry_point.dist else None

    def plugin_problem(self, message: str) -> None:
        """Report something a plugin contributed that cannot be used: a :class:`PluginWarning` (kept in
        :attr:`problems`), or a :class:`PluginError` in strict mode.
        """
        self._problem(message)

    def _problem(self, message: str) -> None:
        if self.strict:
            raise PluginError(message)
        self.problems.append(message)
        warnings.warn(message, PluginWarning, stacklevel=3)

    def plugins(self) -> list[PluginInfo]:
        """Every registered plugin with its version and the hooks it implements."""
        found = []
        for name, plugin in self._pm.list_name_plugin():
            hooks = tuple(sorted(caller.name for caller in self._pm.get_hookcallers(plugin) or ()))
            found.append(PluginInfo(name, self._versions.get(name), hooks, name in self._builtin))
        return found

    def _collect(self, hook: str) -> list[tuple[str, Any]]:
        """Call ``hook`` on each plugin separately, so one plugin's failure costs only its own items."""
        items: list[tuple[str, Any]] = []
        for impl in getattr(self._pm.hook, hook).get_hookimpls():
            try:
                items.extend((impl.plugin_name, item) for item in impl.function() or ())
            except Exception as exc:
                self._problem(f"plugin {impl.plugin_name!r} failed in {hook}: {exc}")
        return items

    def _named(self, hook: str, kind: str, check: Callable[[Any], bool]) -> dict[str, Any]:
        if hook not in self._cache:
            named: dict[str, Any] = {}
            # get_hookimpls() lists plugins in registration order: built-ins come first, so a
            # third-party plugin that reuses a name loses with a clear message instead of shadowing.
            for plugin_name, item in self._collect(hook):
                if not check(item):
                    self._problem(f"plugin {plugin_name!r} returned a {type(item).__name__}, not a {kind}")
                elif item.name in named:
                    self._problem(f"plugin {plugin_name!r}: {kind} {item.name!r} is already registered")
                else:
                    named[item.name] = item
            self._cache[hook] = named
        result: dict[str, Any] = self._cache[hook]
        return result

    def cached(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per set of registered plugins (registering a plugin forgets it).

        For things derived from what the plugins provide, such as the combined rule set.
        """
        if key not in self._cache:
            self._cache[key] = make()
        result: T = self._cache[key]
        return result

    # ---------------------------------------------------------------- layouts

    def layouts(self) -> Mapping[str, Layout]:
        """Every registered format layout by id, variants included: the layout lookup every source,
        renderer and check is given."""
        if "layouts" not in self._cache:
            self._cache["layouts"] = MappingProxyType(self._resolve_layouts(self._collect("disclosure_layouts")))
        result: Mapping[str, Layout] = self._cache["layouts"]
        return result

    def _resolve_layouts(self, items: list[tuple[str, Any]]) -> dict[str, Layout]:
        layouts: dict[str, Layout] = {}
        pending: list[tuple[str, DataFile]] = []
        for plugin_name, item in items:
            if isinstance(item, Layout):
                self._add_layout(layouts, plugin_name, item)
            elif isinstance(item, DataFile):
                pending.append((plugin_name, item))
            else:
                self._problem(f"plugin {plugin_name!r} returned a {type(item).__name__}, not a layout")
        # Variants may extend variants: parse until nothing more resolves.
        while pending:
            waiting = []
            for plugin_name, file in pending:
                try:
                    self._add_layout(layouts, plugin_name, parse_layout(file.text, origin=file.origin, base=layouts))
                except LayoutError as exc:
                    waiting.append((plugin_name, file, exc))
            if len(waiting) == len(pending):
                for plugin_name, _, error in waiting:
                    self._problem(f"plugin {plugin_name!r}: {error}")
                break
            pending = [(plugin_name, file) for plugin_name, file, _ in waiting]
        return layouts

    def _add_layout(self, layouts: dict[str, Layout], plugin_name: str, layout: Layout) -> None:
        if layout.id in layouts:
            self._problem(f"plugin {plugin_name!r}: layout {layout.id!r} is already registered")
        else:
            layouts[layout.id] = layout

    def layout(self, layout_id: str) -> Layout:
        """The layout with this id; :class:`UsageError` listing the registered ones otherwise.

        >>> Registry(entry_points=False).layout("gov-2030")
        Traceback (most recent call last):
        ...
        disclosure_core.errors.UsageError: unknown format version 'gov-2030' (available: gov-2019, gov-2021)
        """
        return find_layout(self.layouts(), layout_id)

    def layout_for_year(self, year: int) -> Layout:
        """The official layout prescribed for reports of ``year``."""
        for layout in self.layouts().values():
            if layout.extends is None and layout.applies_to(year):
                return layout
        raise UsageError(f"no format version applies to the year {year}")

    # ---------------------------------------------------------------- renderers and sources

    def renderers(self) -> dict[str, Renderer]:
        """Every registered renderer by name."""
        return self._named("disclosure_renderers", "renderer", lambda r: isinstance(r, Renderer))

    def renderer(self, name: str) -> Renderer:
        """The renderer called ``name``; :class:`UsageError` listing the available ones otherwise."""
        return _pick(self.renderers(), name, "renderer")

    def sources(self) -> dict[str, Source]:
        """Every registered source by name."""
        return self._named("disclosure_sources", "source", lambda s: isinstance(s, Source))

    def source(self, name: str) -> Source:
        """The source called ``name``; :class:`UsageError` listing the available ones otherwise."""
        return _pick(self.sources(), name, "source")

    def source_for(self, filename: str, head: bytes) -> Source:
        """The source that claims a file, by sniffing its first bytes and its name."""
        for source in self.sources().values():
            if source.sniff(head, filename):
                return source
        suffix = Path(filename).suffix.lower()
        for source in self.sources().values():
            if suffix in source.suffixes:
                return source
        known = ", ".join(sorted({s for src in self.sources().values() for s in src.suffixes}))
        raise UsageError(f"{filename}: no source reads this kind of file (known: {known})")

    def rule_set_files(self) -> list[DataFile]:
        """Rule-set files contributed by plugins."""
        return [item for _, item in self._collect("disclosure_rule_sets") if isinstance(item, DataFile)]

    def disabled_rules(self) -> set[str]:
        """Ids of shipped rules that plugins switch off."""
        return {str(item) for _, item in self._collect("disclosure_disabled_rules")}

    # ---------------------------------------------------------------- the flow

    def load_bytes(self, data: bytes, *, origin: str, source: str | None = None) -> Loaded:
        """Read a report from bytes with the named source, or the one that claims them."""
        chosen = self.source(source) if source else self.source_for(origin, data[:4096])
        return chosen.load(data, origin=origin, layouts=self.layouts())

    def load(self, path: str | Path, *, source: str | None = None) -> Loaded:
        """Read a report from a file; :class:`LoadError` naming the file for anything unreadable."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise LoadError(f"{path}: {size} bytes is larger than the {MAX_INPUT_BYTES} bytes accepted")
            data = path.read_bytes()
        except OSError as exc:
            raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from None
        return self.load_bytes(data, origin=str(path), source=source)

    def render(self, report: Report, to: str, *, findings: Any = None, lang: str = "zh") -> bytes:
        """Render a report with the named renderer."""
        return self.renderer(to).render(report, RenderOptions(self.layout(report.format), findings, lang))


def _pick(items: dict[str, T], name: str, kind: str) -> T:
    try:
        return items[name]
    except KeyError:
        known = ", ".join(sorted(items)) or "none"
        raise UsageError(f"unknown {kind} {name!r} (available: {known})") from None
