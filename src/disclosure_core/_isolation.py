"""Calling a plugin's source or renderer so that whatever it does wrong costs only that plugin.

The registry calls every plugin-provided sniff, load and render through these functions. A source's load
either returns :class:`Loaded` or raises :class:`LoadError` naming the file: anything else it raises or returns
becomes a ``LoadError`` naming the file, the source and its plugin. A renderer returns bytes or raises
:class:`RenderError`, likewise. A sniff that raises or answers something other than a bool is the plugin's
problem (a warning) and claims nothing, so other plugins' files still load. Every problem is a
:class:`PluginProblem`: the English line, with its catalogue key and its words in both languages.

>>> class Broken:
...     name, suffixes, description = "broken", (".x",), "raises"
...     def sniff(self, head, filename):
...         raise RuntimeError("boom")
...     def load(self, data, *, origin, layouts, hints=None):
...         return {"not": "a report"}
>>> notes = []
>>> sniffed(Broken(), "demo", b"", "a.x", notes.append), notes
(False, ["plugin 'demo': source 'broken' failed to sniff a.x: RuntimeError: boom"])
>>> notes[0].text("zh")
"插件 'demo'：来源 'broken' 判断文件 a.x 时出错：`RuntimeError: boom`"
>>> loaded(Broken(), "demo", b"", origin="a.x", layouts={}, hints=None)
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.x: source 'broken' (plugin 'demo') returned a dict, not a loaded report
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from disclosure_core._formats import DataFile, Loaded, Renderer, RenderOptions, Source
from disclosure_core._lazy import LazySource
from disclosure_core.errors import LoadError, RenderError
from disclosure_core.model import Report
from disclosure_core.text import Text

if TYPE_CHECKING:
    from disclosure_core._hints import ReportHints
    from disclosure_core.layouts import Layout

PROBE_HEAD = b"\x00disclosure-core probe: no report\x00"
PROBE_NAME = "probe.disclosure-core-probe"
"""A file no source can read: a sniff that claims it claims every file."""


class PluginProblem(str):
    """A plugin's problem: the English line (a ``str``, as ``Registry.problems`` always held), with the
    catalogue ``key`` it was made from and its ``words`` in both languages, so a command shows it in the user's.

    >>> problem = PluginProblem.keyed("plugin.failed_in", plugin="'demo'", hook="disclosure_renderers", failure="boom")
    >>> problem, problem.text("zh"), problem.key
    ("plugin 'demo' failed in disclosure_renderers: boom", "插件 'demo' 在 disclosure_renderers 中出错：boom", 'plugin.failed_in')
    >>> import pickle
    >>> pickle.loads(pickle.dumps(problem)).text("zh")
    "插件 'demo' 在 disclosure_renderers 中出错：boom"
    """

    key: str
    words: Text
    subject: tuple[str, ...]
    """What makes two problems one: the key and its values but the file that showed it (a plugin's sniff that
    fails is one problem whichever file it failed on; a batch tells it once whichever worker found it)."""

    def __new__(cls, words: Text, key: str = "", subject: tuple[str, ...] = ()) -> PluginProblem:
        problem = super().__new__(cls, words.en)
        problem.words, problem.key, problem.subject = words, key, subject or (key, words.en)
        return problem

    @classmethod
    def keyed(cls, key: str, /, **values: object) -> PluginProblem:
        """The problem the catalogue's ``key`` says with ``values`` (a :class:`Text` value differs by language)."""
        from disclosure_core.catalogue import words

        subject = (key, *(f"{name}={value}" for name, value in sorted(values.items()) if name != "file"))
        return cls(words(key, **values), key, subject)

    def text(self, lang: str = "zh") -> str:
        """The problem in ``lang``."""
        return self.words.text(lang)

    def __reduce__(self) -> tuple[type[PluginProblem], tuple[Text, str, tuple[str, ...]]]:
        # Made again from its words, key and subject: a problem a batch worker found travels back to the batch.
        return type(self), (self.words, self.key, self.subject)


Problem = Callable[[PluginProblem], None]
"""Where a plugin's problem is told (the registry warns, or raises when strict)."""


def failure(exc: BaseException, *, kind: bool = True) -> Text:
    """What a plugin's exception says, in both languages: its own words (with its type unless ``kind`` is
    false; in Chinese quoted as code: the plugin's words, not ours), or ours where Python's wording is known (a
    module that is not installed).

    >>> failure(RuntimeError("boom")), failure(ModuleNotFoundError("No module named 'lxml'", name="lxml")).zh
    (Text(zh='`RuntimeError: boom`', en='RuntimeError: boom'), "找不到模块 'lxml'")
    """
    text = str(exc).strip().splitlines()
    said = text[0] if text else ""
    raw = (f"{type(exc).__name__}: {said}" if said else type(exc).__name__) if kind else str(exc)
    if isinstance(exc, ModuleNotFoundError) and exc.name and said == f"No module named {exc.name!r}":
        from disclosure_core.catalogue import say

        return Text(say("failure.module", "zh", module=repr(exc.name)), raw)
    return Text(f"`{raw}`", raw)


def kind_words(kind: str) -> Text:
    """The words for what a hook was expected to give ("renderer", "rule file")."""
    from disclosure_core.catalogue import words

    return words(f"plugin.kind.{kind.replace(' ', '_')}")


def sniffed(source: Source, owner: str, head: bytes, filename: str, problem: Problem) -> bool:
    """Whether ``source`` claims the file; False, with ``problem`` told, when its sniff fails."""
    names = {"plugin": repr(owner), "source": repr(source.name)}
    try:
        answer = source.sniff(head, filename)
    except Exception as exc:
        problem(PluginProblem.keyed("plugin.sniff_failed", **names, file=filename, failure=failure(exc)))
        return False
    if not isinstance(answer, bool):
        problem(PluginProblem.keyed("plugin.sniff_answer", **names, type=type(answer).__name__))
        return False
    return answer


def data_file(plugin_name: str, item: Any, kind: str, problem: Problem) -> DataFile | None:
    """``item`` when it is a data file whose name and text are strings; else None, and ``problem`` told.

    >>> data_file("demo", DataFile("rules.toml", b"rules = []"), "rule file", print)
    plugin 'demo': rule file 'rules.toml' has a bytes text, not a str
    """
    if not isinstance(item, DataFile):
        problem(
            PluginProblem.keyed(
                "plugin.returned", plugin=repr(plugin_name), type=type(item).__name__, kind=kind_words(kind)
            )
        )
    elif not isinstance(item.origin, str) or not isinstance(item.text, str):
        part, wrong = ("text", item.text) if isinstance(item.origin, str) else ("name", item.origin)
        from disclosure_core.catalogue import words

        problem(
            PluginProblem.keyed(
                "plugin.data_type",
                plugin=repr(plugin_name),
                kind=kind_words(kind),
                origin=repr(item.origin),
                type=type(wrong).__name__,
                part=words(f"plugin.part.{part}"),
            )
        )
    else:
        return item
    return None


def claims_anything(source: Source) -> bool:
    """Whether ``source`` claims even a file no source can read (so its claims say nothing).

    >>> from disclosure_core.builtin.canonical_json import JsonSource
    >>> claims_anything(JsonSource())
    False
    """
    return claims_quietly(source, PROBE_HEAD, PROBE_NAME)


def grounds(source: Source, head: bytes, filename: str) -> frozenset[str]:
    """On what ``source`` claims the file: its ``name`` (it claims the name whatever the bytes), its ``content``
    (it claims the bytes whatever the name), or both; a claim that needs both at once (a ZIP named ``.docx``)
    is taken to stand on both.

    >>> from disclosure_core.builtin.canonical_json import JsonSource
    >>> sorted(grounds(JsonSource(), b"{}", "a.json")), sorted(grounds(JsonSource(), b"text", "a.json"))
    (['content', 'name'], ['name'])
    """
    by_name = claims_quietly(source, PROBE_HEAD, filename)
    by_content = claims_quietly(source, head, PROBE_NAME)
    if by_name == by_content:
        return frozenset({"name", "content"})
    return frozenset({"name" if by_name else "content"})


def claims_quietly(source: Source, head: bytes, filename: str) -> bool:
    """Whether ``source``'s sniff claims the file, a sniff that fails claiming nothing (and telling nothing)."""
    try:
        return source.sniff(head, filename) is True
    except Exception:  # a sniff that fails on a probe is not claiming it; real failures are reported when used
        return False


class Sniffing:
    """Which source claims a file, asking each plugin's sniff so that its mistakes cost only that plugin.

    Sources are asked in order; the first that claims a file reads it. A sniff that fails claims nothing; a
    source that claims even a file no source can read is reported and asked no more; when a second source
    already in use claims the same file on the same grounds as the first (both by its name, or both by its
    content), that is reported (lazy sources not yet imported are not asked twice: that would import them).
    One source claiming a file by its name and another by its content is no conflict: the name was given
    by whoever named the file (a user, or the service for a body it was told is JSON), and the first source
    in order reads it. Each problem is reported once.

    >>> from disclosure_core.builtin.canonical_json import JsonSource
    >>> class Greedy:
    ...     name, suffixes, description = "greedy", (".g",), "claims everything"
    ...     def sniff(self, head, filename):
    ...         return True
    >>> notes = []
    >>> sniffing = Sniffing({"json": "core", "greedy": "demo"}, notes.append)
    >>> sniffing.choose([Greedy(), JsonSource()], b"{}", "a.json").name
    'json'
    >>> print(notes[0])
    plugin 'demo': source 'greedy' claims every file (even one no source can read); it is no longer asked, and reads only files named for it or by suffix
    """

    def __init__(self, owners: Mapping[str, str], problem: Problem) -> None:
        self._owners = owners
        self._problem = problem
        self._reported: set[tuple[str, ...]] = set()
        self._greedy: dict[str, bool] = {}

    def _once(self, key: tuple[str, ...], message: PluginProblem) -> None:
        # Once per source and kind of problem, not per file: a batch of thousands of files says it once.
        if key not in self._reported:
            self._reported.add(key)
            self._problem(message)

    def choose(self, sources: Iterable[Source], head: bytes, filename: str) -> Source | None:
        """The first source that claims the file, or None."""
        chosen: Source | None = None
        for source in sources:
            if chosen is not None and isinstance(source, LazySource) and not source.imported:
                continue
            if not self.claims(source, head, filename):
                continue
            if chosen is None:
                chosen = source
            elif grounds(chosen, head, filename) & grounds(source, head, filename):
                self._once(
                    ("twice", chosen.name, source.name),
                    PluginProblem.keyed(
                        "plugin.claims_twice",
                        plugin=repr(self._owners.get(source.name, "?")),
                        source=repr(source.name),
                        other=repr(chosen.name),
                        other_plugin=repr(self._owners.get(chosen.name, "?")),
                        file=filename,
                    ),
                )
        return chosen

    def claims(self, source: Source, head: bytes, filename: str) -> bool:
        """Whether ``source`` claims the file: False when its sniff fails or claims every file."""
        owner = self._owners.get(source.name, "?")
        if not sniffed(source, owner, head, filename, lambda message: self._once(("sniff", source.name), message)):
            return False
        if source.name not in self._greedy:
            self._greedy[source.name] = claims_anything(source)
            if self._greedy[source.name]:
                self._once(
                    ("greedy", source.name),
                    PluginProblem.keyed("plugin.claims_all", plugin=repr(owner), source=repr(source.name)),
                )
        return not self._greedy[source.name]


def loaded(
    source: Source,
    owner: str,
    data: bytes,
    *,
    origin: str,
    layouts: Mapping[str, Layout],
    hints: ReportHints | None,
) -> Loaded:
    """What ``source`` reads from ``data``: a :class:`Loaded` report, or a :class:`LoadError` naming ``origin``."""
    names = {"source": repr(source.name), "plugin": repr(owner)}
    try:
        if hints is None:
            result = source.load(data, origin=origin, layouts=layouts)
        else:
            result = source.load(data, origin=origin, layouts=layouts, hints=hints)
    except LoadError as exc:
        if origin in str(exc):
            raise
        raise LoadError.said(Text(exc.text("zh"), str(exc)), where=origin, key=exc.key) from None
    except Exception as exc:
        raise LoadError.keyed("plugin.source_failed", where=origin, **names, failure=failure(exc)) from exc
    if not isinstance(result, Loaded):
        raise LoadError.keyed("plugin.source_returned", where=origin, **names, type=type(result).__name__)
    if not isinstance(result.report, Report):
        raise LoadError.keyed("plugin.source_report", where=origin, **names, type=type(result.report).__name__)
    return result


def rendered(renderer: Renderer, owner: str, report: Report, options: RenderOptions) -> bytes:
    """The bytes ``renderer`` makes of ``report``, or a :class:`RenderError` naming it and its plugin.

    >>> from disclosure_core import Body, builtin_layout
    >>> class Text:
    ...     name, suffix, media_type, description = "text", ".txt", "text/plain", "returns str"
    ...     def render(self, report, options):
    ...         return report.body.name
    >>> rendered(Text(), "demo", Report("gov-2021", 2025, Body("某县", "county")), RenderOptions(builtin_layout("gov-2021")))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RenderError: renderer 'text' (plugin 'demo') returned a str, not bytes
    """
    names = {"renderer": repr(renderer.name), "plugin": repr(owner)}
    try:
        data = renderer.render(report, options)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError.keyed("renderer.failed", **names, failure=failure(exc)) from exc
    if not isinstance(data, bytes):
        raise RenderError.keyed("renderer.returned", **names, type=type(data).__name__)
    return data
