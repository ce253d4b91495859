"""What plugins provide: the Renderer and Source protocols, load results and their diagnostics.

A renderer turns a report into bytes, deterministically; a source turns bytes into a report plus
diagnostics. Both are small objects with a ``name``; see ``disclosure_core.builtin.canonical_json``
for the simplest complete pair.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from disclosure_core.findings import Finding
from disclosure_core.layouts import Layout
from disclosure_core.model import Report
from disclosure_core.text import Text
from disclosure_core.values import Provenance

if TYPE_CHECKING:
    from disclosure_core._hints import ReportHints


@attrs.frozen
class DataFile:
    """A data file a plugin contributes (a layout or a rule set): its name for messages, and its text.

    >>> from disclosure_core import hookimpl
    >>> @hookimpl
    ... def disclosure_rule_sets():
    ...     return [DataFile("my_plugin/rules.toml", 'title = "Provincial rules"\\nrules = []')]
    """

    origin: str
    text: str


class DiagnosticLevel(enum.StrEnum):
    """How much a load diagnostic matters: an oddity tolerated, or something that may lose information.

    >>> str(Diagnostic("a heading without its number", DiagnosticLevel.INFO, Provenance("a.txt", line=3)))
    'a.txt, line 3: info: a heading without its number'
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen
class Diagnostic:
    """Something a source noticed while reading, with where it was.

    ``message`` is the English (for logs and programs); a diagnostic made with :meth:`keyed` also carries the
    catalogue ``key`` and its ``words`` in both languages, which :meth:`text` and :meth:`line` show.

    >>> str(Diagnostic("unit typed into a cell: 251000元", where=Provenance("a.txt", line=40)))
    'a.txt, line 40: warning: unit typed into a cell: 251000元'
    """

    message: str
    level: DiagnosticLevel = DiagnosticLevel.WARNING
    where: Provenance | None = None
    code: str = "oddity"
    words: Text | None = None
    """The message in both languages, when it was made from the catalogue."""
    key: str = ""
    """The catalogue key of the message ("" for a plugin's own wording): stable, for scripts."""

    @classmethod
    def keyed(
        cls,
        key: str,
        /,
        level: DiagnosticLevel = DiagnosticLevel.WARNING,
        where: Provenance | None = None,
        code: str = "oddity",
        **values: object,
    ) -> Diagnostic:
        """A diagnostic whose message is the catalogue's ``key`` filled with ``values``.

        >>> note = Diagnostic.keyed("reader.gb18030", DiagnosticLevel.INFO, Provenance("a.csv"), "encoding")
        >>> note.message, note.line("zh")
        ('read as GB18030 (not UTF-8)', 'a.csv：提示：按 GB18030 编码读取（不是 UTF-8）')
        """
        from disclosure_core.catalogue import words  # not at import: `disclosure --version` stays light

        said = words(key, **values)
        return cls(said.en, level, where, code, said, key)

    def text(self, lang: str = "zh") -> str:
        """The message in ``lang`` (a plugin's own wording is the one it has)."""
        return self.words.text(lang) if self.words is not None else self.message

    def line(self, lang: str = "zh") -> str:
        """The whole line in ``lang``: place, level and message, as the command line prints it."""
        from disclosure_core.catalogue import place, say

        level = say(f"diagnostic.{self.level.value}", lang)
        colon = "：" if lang == "zh" else ": "
        shown = f"{place(self.where, lang)}{colon}" if self.where else ""
        return f"{shown}{level}{colon}{self.text(lang)}"

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.level.value}: {self.message}"


def _diagnostics(found: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    # A typed converter: with the bare ``tuple`` builtin mypy cannot infer the element type at call sites.
    return tuple(found)


@attrs.frozen
class Loaded:
    """What a source returns: the report and everything it noticed on the way.

    >>> from disclosure_core import load
    >>> loaded = load("examples/daixian-2020.json")
    >>> loaded.report.year, loaded.diagnostics
    (2020, ())
    """

    report: Report
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)


@attrs.frozen
class RenderOptions:
    """What a renderer is given besides the report: its layout, and optionally check findings to show
    (a :class:`~disclosure_core.findings.Findings`, whose iteration yields what is not a pass, or any findings).

    >>> from disclosure_core import builtin_layout
    >>> RenderOptions(builtin_layout("gov-2021"), lang="en").layout.id
    'gov-2021'
    """

    layout: Layout
    findings: Iterable[Finding] | None = None
    lang: str = "zh"


@runtime_checkable
class Renderer(Protocol):
    """Turns a report into bytes. Must be deterministic: the same report gives the same bytes.

    >>> class LineRenderer:
    ...     name, suffix, media_type, description = "line", ".txt", "text/plain", "one line per report"
    ...     def render(self, report, options):
    ...         return f"{report.body.name} {report.year}\\n".encode()
    >>> isinstance(LineRenderer(), Renderer)
    True
    """

    name: str
    suffix: str
    media_type: str
    description: str

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The rendered document; raise :class:`~disclosure_core.errors.RenderError` when it cannot be made."""
        ...


@runtime_checkable
class Source(Protocol):
    """Turns bytes into a report. Raises :class:`~disclosure_core.errors.LoadError` (with a location) or returns.

    >>> from disclosure_core import Body, Report
    >>> class OneReport:
    ...     name, suffixes, description = "one", (".one",), "always the same report"
    ...     def sniff(self, head, filename):
    ...         return filename.endswith(".one")
    ...     def load(self, data, *, origin, layouts, hints=None):
    ...         return Loaded(Report("gov-2021", 2025, Body(origin, "county")))
    >>> isinstance(OneReport(), Source)
    True
    """

    name: str
    suffixes: tuple[str, ...]
    description: str

    def sniff(self, head: bytes, filename: str) -> bool:
        """Whether this source can probably read a file starting with ``head`` and named ``filename``."""
        ...

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """Read ``data`` (named ``origin`` in messages and provenance).

        ``hints`` (:class:`~disclosure_core._hints.ReportHints`) are what the caller knows better than the
        document; a source that infers the body or the year from text uses them while reading. The registry
        applies them to what every source returns, so a source may also ignore them.

        ``layouts`` holds every layout a report may follow by id (from a registry: every registered one,
        variants included), so a source can look a format up or recognise it from the document."""
        ...
