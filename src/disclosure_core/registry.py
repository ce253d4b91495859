"""The Registry: one pluggy PluginManager per instance, and everything the plugins provide.

A plugin that fails — on import, in a hook, in a data file, in a sniff, load or render — costs only that
plugin: one line naming it (and the file), as a :class:`PluginWarning` (or a :class:`PluginError` when
strict) or, for a load or a render, as the :class:`LoadError` / :class:`RenderError` of that call.

>>> registry = Registry(entry_points=False)
>>> sorted(registry.layouts()), sorted(registry.renderers())
(['gov-2019', 'gov-2021'], ['json'])
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pluggy

from disclosure_core import _entry_points, hookspecs
from disclosure_core._files import read_input
from disclosure_core._formats import DataFile, Loaded, Renderer, RenderOptions, Source
from disclosure_core._hints import ReportHints, apply_hints
from disclosure_core._isolation import PluginProblem, Sniffing, data_file, failure, kind_words, loaded, rendered
from disclosure_core._serialize import check_renderable
from disclosure_core.catalogue import choices, words
from disclosure_core.errors import LayoutError, PluginError, PluginWarning, UsageError
from disclosure_core.layouts import Layout, find_layout, parse_layout
from disclosure_core.model import Report
from disclosure_core.text import Text

if TYPE_CHECKING:
    from disclosure_core.findings import Findings
    from disclosure_core.rules.spec import RuleSet

T = TypeVar("T")


__all__ = ["PluginInfo", "PluginProblem", "PluginWarning", "Registry"]


@attrs.frozen
class PluginInfo:
    """What ``disclosure plugins`` shows about one registered plugin.

    >>> [info.name for info in Registry(entry_points=False).plugins() if info.builtin]  # doctest: +NORMALIZE_WHITESPACE
    ['disclosure_core.official_layouts', 'disclosure_core.official_rules', 'disclosure_core.canonical_json',
     'disclosure_core.ledger']
    """

    name: str
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool


class Registry:
    """Owns a PluginManager with the built-in plugins and, unless told otherwise, the installed ones.

    ``strict`` turns a broken plugin into a :class:`PluginError` instead of a :class:`PluginWarning`;
    ``block`` names installed plugins (entry-point names) not to load. A plugin that implements a hook that
    does not exist (a mistyped name) is a broken plugin.

    >>> from disclosure_core import Body, Report
    >>> registry = Registry(entry_points=False)  # the built-ins only: JSON and the two official layouts
    >>> sorted(registry.layouts()), sorted(registry.renderers())
    (['gov-2019', 'gov-2021'], ['json'])
    >>> registry.render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "json")[:1]
    b'{'
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object] = (),
        entry_points: bool = True,
        strict: bool = False,
        block: Iterable[str] = (),
    ) -> None:
        from disclosure_core.builtin import BUILTIN_PLUGINS

        self.strict = strict
        self.blocked = tuple(block)
        """The installed plugins (entry-point names) this registry leaves out."""
        self.problems: list[PluginProblem] = []
        """What went wrong with plugins (non-strict): each an English line (a ``str``) with its catalogue
        ``key`` and ``text(lang)``."""
        self._installed: dict[str, _entry_points.EntryPoint] = {}
        self._builtin: set[str] = set()
        self._cache: dict[str, Any] = {}
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        for name in block:
            self._pm.set_blocked(name)
        for name, plugin in BUILTIN_PLUGINS:
            self._pm.register(plugin, name=name)
            self._builtin.add(name)
        if entry_points:
            self._load_entry_points()
        for plugin in plugins:
            self.register(plugin)
        self._check_pending()

    # ---------------------------------------------------------------- plugins

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register a plugin object or module (its ``disclosure_*`` functions marked with ``hookimpl``)."""
        try:
            self._pm.register(plugin, name=name)
        except Exception as exc:
            self._problem(
                PluginProblem.keyed(
                    "plugin.not_registered", plugin=name or repr(plugin), failure=failure(exc, kind=False)
                )
            )
        self._cache.clear()
        if hasattr(self, "_checked"):  # after construction: check this plugin's hooks now
            self._check_pending()

    def _check_pending(self) -> None:
        """Every implemented hook must be a hook of the contract: a mistyped name is a plugin problem."""
        self._checked = True
        try:
            self._pm.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self._shown(self._pm.get_name(exc.plugin) or "")
            self._pm.unregister(plugin=exc.plugin)
            self._cache.clear()
            said = str(exc).split(" in plugin ")[0]
            if said.startswith("unknown hook "):
                self._problem(PluginProblem.keyed("plugin.unknown_hook", plugin=repr(name), hook=said[13:]))
            else:
                self._problem(PluginProblem.keyed("plugin.invalid_hook", plugin=repr(name), failure=said))
            self._check_pending()

    def _shown(self, name: str) -> str:
        """A plugin's name as its problems show it: registered without a name, pluggy names it by id()."""
        plugin = self._pm.get_plugin(name) if name.isdigit() else None
        return name if plugin is None else getattr(plugin, "__name__", type(plugin).__name__)

    def _load_entry_points(self) -> None:
        for entry_point in _entry_points.entry_points(hookspecs.PROJECT):
            if self._pm.has_plugin(entry_point.name) or self._pm.is_blocked(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
                self._pm.register(plugin, name=entry_point.name)
            except Exception as exc:
                self._problem(
                    PluginProblem.keyed(
                        "plugin.failed_to_load",
                        plugin=repr(entry_point.name),
                        value=entry_point.value,
                        failure=failure(exc, kind=False),
                    )
                )
                continue
            self._installed[entry_point.name] = entry_point

    def _problem(self, message: PluginProblem) -> None:
        if self.strict:
            raise PluginError.said(message.words, key=message.key)
        self.problems.append(message)
        warnings.warn(message, PluginWarning, stacklevel=3)

    def plugins(self) -> list[PluginInfo]:
        """Every registered plugin with its version and the hooks it implements."""
        found = []
        for name, plugin in self._pm.list_name_plugin():
            hooks = tuple(sorted(caller.name for caller in self._pm.get_hookcallers(plugin) or ()))
            point = self._installed.get(name)
            found.append(PluginInfo(name, point.version if point else None, hooks, name in self._builtin))
        return found

    def _collect(self, hook: str) -> list[tuple[str, Any]]:
        """Call ``hook`` on each plugin separately, so one plugin's failure costs only its own items."""
        items: list[tuple[str, Any]] = []
        for impl in getattr(self._pm.hook, hook).get_hookimpls():
            try:
                # Whole or nothing: a hook that fails halfway through its items contributes none of them.
                items += [(impl.plugin_name, item) for item in impl.function() or ()]
            except Exception as exc:
                self._problem(
                    PluginProblem.keyed(
                        "plugin.failed_in",
                        plugin=repr(self._shown(impl.plugin_name)),
                        hook=hook,
                        failure=failure(exc, kind=False),
                    )
                )
        return items

    def _named(self, hook: str, kind: str, check: Callable[[Any], bool]) -> dict[str, Any]:
        if hook not in self._cache:
            named: dict[str, Any] = {}
            owners: dict[str, str] = {}
            # get_hookimpls() lists plugins in registration order: built-ins come first, so a
            # third-party plugin that reuses a name loses with a clear message instead of shadowing.
            for plugin_name, item in self._collect(hook):
                said = {"plugin": repr(self._shown(plugin_name)), "kind": kind_words(kind)}
                if not check(item):
                    self._problem(PluginProblem.keyed("plugin.returned", **said, type=type(item).__name__))
                elif not isinstance(item.name, str):
                    self._problem(PluginProblem.keyed("plugin.name_type", **said, type=type(item.name).__name__))
                elif item.name in named:
                    self._problem(PluginProblem.keyed("plugin.duplicate", **said, name=repr(item.name)))
                else:
                    named[item.name] = item
                    owners[item.name] = plugin_name
            self._cache[hook] = named
            self._cache[f"{hook}:owners"] = owners
        result: dict[str, Any] = self._cache[hook]
        return result

    # ---------------------------------------------------------------- layouts

    def describe(self) -> dict[str, Any]:
        """What ``disclosure plugins --format json`` and the service's ``/v1/plugins`` answer: the plugins with
        their versions and hooks, and the layouts, sources (with suffixes) and renderers (with suffix) they give.

        >>> sorted(Registry(entry_points=False).describe())
        ['layouts', 'plugins', 'renderers', 'sources']
        """
        return {
            "plugins": [
                {"name": i.name, "version": i.version, "builtin": i.builtin, "hooks": list(i.hooks)}
                for i in self.plugins()
            ],
            "layouts": list(self.layouts()),
            "sources": {name: list(source.suffixes) for name, source in self.sources().items()},
            "renderers": {name: renderer.suffix for name, renderer in self.renderers().items()},
        }

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
            elif (file := data_file(plugin_name, item, "layout", self._problem)) is not None:
                pending.append((plugin_name, file))
        # Variants may extend variants: parse until nothing more resolves.
        while pending:
            waiting = []
            for plugin_name, file in pending:
                try:
                    self._add_layout(layouts, plugin_name, parse_layout(file.text, origin=file.origin, base=layouts))
                except LayoutError as exc:
                    waiting.append((plugin_name, file, exc))
                except Exception as exc:  # a broken layout file costs only its plugin
                    self._problem(
                        PluginProblem.keyed(
                            "plugin.layout_broken", plugin=repr(plugin_name), origin=file.origin, failure=failure(exc)
                        )
                    )
            if len(waiting) == len(pending):
                for plugin_name, _, error in waiting:
                    said = Text(error.text("zh"), str(error))
                    self._problem(PluginProblem.keyed("plugin.said", plugin=repr(plugin_name), problem=said))
                break
            pending = [(plugin_name, file) for plugin_name, file, _ in waiting]
        return layouts

    def _add_layout(self, layouts: dict[str, Layout], plugin_name: str, layout: Layout) -> None:
        if layout.id in layouts:
            self._problem(
                PluginProblem.keyed(
                    "plugin.duplicate", plugin=repr(plugin_name), kind=kind_words("layout"), name=repr(layout.id)
                )
            )
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
        raise UsageError.keyed("error.no_format_for_year", year=year)

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

    def _owner(self, hook: str, name: str) -> str:
        owners: dict[str, str] = self._cache.get(f"{hook}:owners", {})
        return owners.get(name, "?")

    def source_for(self, filename: str, head: bytes) -> Source:
        """The source that claims a file, by sniffing its first bytes and its name.

        Sources are asked in registration order (built-ins first). A sniff that fails is its plugin's problem
        and claims nothing; a source that claims even a file no source can read is reported once and asked
        no more (it still reads files named for it, ``source=``, or by suffix). When the chosen source is not
        alone — another source already in use claims the file too — that is reported once per pair.
        """
        sources = self.sources()
        if "sniffing" not in self._cache:
            owners = {name: self._owner("disclosure_sources", name) for name in sources}
            self._cache["sniffing"] = Sniffing(owners, self._problem)
        chosen: Source | None = self._cache["sniffing"].choose(sources.values(), head, filename)
        if chosen is not None:
            return chosen
        suffix = Path(filename).suffix.lower()
        for source in self.sources().values():
            if suffix in source.suffixes:
                return source
        known = ", ".join(sorted({s for src in self.sources().values() for s in src.suffixes}))
        raise UsageError.keyed("error.no_source", where=str(filename), known=known)

    def rule_set_files(self) -> list[DataFile]:
        """Rule-set files contributed by plugins (the shipped ones, from the built-in plugin, not listed)."""
        return [file for file, plugin_name in self._rule_files() if plugin_name not in self._builtin]

    def _rule_files(self) -> list[tuple[DataFile, str]]:
        files = []
        for plugin_name, item in self._collect("disclosure_rule_sets"):
            if (file := data_file(plugin_name, item, "rule file", self._problem)) is not None:
                files.append((file, plugin_name))
        return files

    def disabled_rules(self) -> set[str]:
        """Ids of shipped rules that plugins switch off."""
        disabled = set()
        for plugin_name, item in self._collect("disclosure_disabled_rules"):
            if isinstance(item, str):
                disabled.add(item)
            else:
                self._problem(
                    PluginProblem.keyed(
                        "plugin.returned",
                        plugin=repr(plugin_name),
                        type=type(item).__name__,
                        kind=kind_words("rule id"),
                    )
                )
        return disabled

    def rule_set(self) -> RuleSet:
        """The shipped rules plus every plugin's rule files, minus the rules plugins switch off.

        Computed once per set of registered plugins: the same object each time, so it is compiled once per
        layout. A plugin's broken rule file is that plugin's problem (a :class:`PluginWarning`), not an error.

        >>> registry = Registry(entry_points=False)
        >>> registry.rule_set() is registry.rule_set(), "requests.balance" in registry.rule_set().ids()
        (True, True)
        """
        if "rule_set" not in self._cache:
            from disclosure_core.rules.sets import combine_rule_files

            files = self._rule_files()
            owners = {id(file): plugin_name for file, plugin_name in files}
            self._cache["rule_set"] = combine_rule_files(
                [(file, plugin_name in self._builtin) for file, plugin_name in files],
                self.layouts().values(),
                problem=lambda file, said: self._problem(
                    PluginProblem.keyed("plugin.said", plugin=repr(owners[id(file)]), problem=said)
                ),
                disabled=self.disabled_rules(),
            )
        result: RuleSet = self._cache["rule_set"]
        return result

    def check(
        self,
        report: Report,
        *,
        previous: Report | None = None,
        rules: RuleSet | None = None,
        blank_as_zero: bool = False,
        disabled: Iterable[str] = (),
    ) -> Findings:
        """Check a report with :meth:`rule_set` (or ``rules``) against this registry's layouts.

        >>> registry = Registry(entry_points=False)
        >>> findings = registry.check(registry.load("examples/daixian-2020.json").report)
        >>> findings.by_outcome()["fail"]
        4

        A ``disabled`` id that names no rule, nor an instance of one, is a :class:`UsageError` (a mistyped id
        would otherwise switch nothing off, silently):

        >>> registry.check(registry.load("examples/daixian-2020.json").report, disabled=["requests.balanse"])
        Traceback (most recent call last):
        ...
        disclosure_core.errors.UsageError: --disable requests.balanse: no such rule
        """
        from disclosure_core.rules.engine import check

        rule_set = self.rule_set() if rules is None else rules
        disabled = tuple(disabled)
        if disabled:
            known = set(rule_set.ids())
            unknown = [d for d in disabled if not any(d == k or d.startswith(k + ".") for k in known)]
            if unknown:
                raise UsageError.keyed("cli.no_such_rule", rule=unknown[0])
        return check(
            report,
            rules=rule_set,
            layouts=self.layouts(),
            previous=previous,
            blank_as_zero=blank_as_zero,
            disabled=disabled,
        )

    # ---------------------------------------------------------------- the flow

    def load_bytes(
        self, data: bytes, *, origin: str, source: str | None = None, hints: ReportHints | None = None
    ) -> Loaded:
        """Read a report from bytes with the named source, or the one that claims them.

        ``hints`` go to the source and override what it read (a diagnostic says where they disagree).
        """
        chosen = self.source(source) if source else self.source_for(origin, data[:4096])
        owner = self._owner("disclosure_sources", chosen.name)
        if hints is None or not hints.given():
            return loaded(chosen, owner, data, origin=origin, layouts=self.layouts(), hints=None)
        result = loaded(chosen, owner, data, origin=origin, layouts=self.layouts(), hints=hints)
        return apply_hints(result, hints, origin=origin)

    def load(self, path: str | Path, *, source: str | None = None, hints: ReportHints | None = None) -> Loaded:
        """Read a report from a file; :class:`LoadError` naming the file for anything unreadable."""
        return self.load_bytes(read_input(path), origin=str(path), source=source, hints=hints)

    def render(self, report: Report, to: str, *, findings: Any = None, lang: str = "zh") -> bytes:
        """Render a report with the named renderer; :class:`RenderError` for a cell its format cannot hold."""
        renderer, layout = self.renderer(to), self.layout(report.format)
        check_renderable(report, layout)  # one policy for every renderer (a negative count is refused by all)
        options = RenderOptions(layout, findings, lang)
        return rendered(renderer, self._owner("disclosure_renderers", renderer.name), report, options)


def _pick(items: dict[str, T], name: str, kind: str) -> T:
    try:
        return items[name]
    except KeyError:
        known = choices(sorted(items)) if items else words("summary.none")
        raise UsageError.keyed(f"error.unknown_{kind}", name=repr(name), known=known) from None
