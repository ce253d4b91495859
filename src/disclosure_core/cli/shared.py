"""What every command needs: the registry, reading inputs (``-`` for stdin), writing outputs safely, and what
it tells on stderr (quiet with ``-q``, more with ``-v``, JSON lines with ``--format json``)."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from disclosure_core._entry_points import entry_points
from disclosure_core._files import (
    MAX_INPUT_BYTES,
    read_input,
    refuse_overwriting_input,
    refuse_unsafe_target,
    write_atomic,
)
from disclosure_core._formats import Diagnostic, DiagnosticLevel, Loaded
from disclosure_core._hints import ReportHints
from disclosure_core.catalogue import join, language
from disclosure_core.catalogue import say as catalogue_say
from disclosure_core.cli.config import KEYS, Config
from disclosure_core.errors import LoadError, UsageError
from disclosure_core.hookspecs import PROJECT
from disclosure_core.model import BodyLevel
from disclosure_core.progress import Progress, reporting
from disclosure_core.registry import Registry

T = TypeVar("T")


@attrs.define
class State:
    """Per-invocation state: one registry, created when first needed, and how much to say on stderr."""

    strict_plugins: bool = False
    quiet: bool = False
    verbose: int = 0
    diagnostics_json: bool = False
    """``--format json`` of a command that writes a document: its stderr messages are JSON lines."""
    stdin_read: bool = False
    _registry: Registry | None = None
    lang: str = attrs.field(factory=lambda: language(os.environ))
    """The language of everything the command prints: --lang, else DISCLOSURE_LANG or the locale, else zh."""

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            # Its plugins' problems are PluginWarnings, which the command line shows in the user's language.
            self._registry = Registry(strict=self.strict_plugins, block=blocked_plugins(os.environ))
        return self._registry


LOAD_PLUGINS = "DISCLOSURE_LOAD_PLUGINS"
"""Environment variable: the installed plugins to load, comma-separated (empty: none); unset: all of them."""


def blocked_plugins(environ: Mapping[str, str]) -> list[str]:
    """The installed plugins (entry-point names) that :data:`LOAD_PLUGINS` leaves out.

    Read by the CLI only: the library never looks at the environment (pass ``Registry(block=...)``).

    >>> blocked_plugins({}), "docx" in blocked_plugins({LOAD_PLUGINS: "html, xlsx"})
    ([], True)
    """
    wanted = environ.get(LOAD_PLUGINS)
    if wanted is None:
        return []
    keep = {name.strip() for name in wanted.split(",") if name.strip()}
    return [ep.name for ep in entry_points(PROJECT) if ep.name not in keep]


def state() -> State:
    """The state of the running command."""
    found: State = click.get_current_context().find_object(State) or State()
    return found


STDIN = "-"
"""The name that means standard input for every input, and standard output for ``-o``."""


def read_input_file(path: Path) -> tuple[bytes, str]:
    """An input's bytes and the name to call it by: ``-`` reads standard input (once per run).

    The same size limit applies as to files (:data:`~disclosure_core.registry.MAX_INPUT_BYTES`).
    """
    if str(path) != STDIN:
        return read_input(path), str(path)
    current = state()
    if current.stdin_read:
        raise UsageError.keyed("cli.stdin_twice", where=STDIN)
    current.stdin_read = True
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise LoadError.keyed("cli.stdin_too_large", where="<stdin>", limit=MAX_INPUT_BYTES)
    return data, "<stdin>"


def load_input(path: Path, source: str | None = None, hints: ReportHints | None = None) -> Loaded:
    """Read a report (``-``: standard input) with what the caller knows better, telling its diagnostics.

    A long read (the pages of a large PDF) shows its progress on stderr.
    """
    data, origin = read_input_file(path)
    with progress_for(catalogue_say("cli.reading_file", state().lang, file=origin)) as shown, reporting(shown):
        loaded = state().registry.load_bytes(data, origin=origin, source=source, hints=hints)
    for diagnostic in loaded.diagnostics:
        tell_diagnostic(diagnostic)
    return loaded


def progress_for(label: str, total: int | None = None) -> Progress:
    """A progress display on stderr for long work, in the user's language, silent with ``-q``."""
    current = state()
    return Progress(label, total=total, stream=sys.stderr, quiet=current.quiet, lang=current.lang)


def say(message: str) -> None:
    """Tell the person what happened (counts, where results went): hidden by ``-q``."""
    current = state()
    if current.quiet:
        return
    if current.diagnostics_json:
        _json_line({"level": "info", "message": message})
    else:
        click.echo(message, err=True)


def warn(message: str, key: str = "") -> None:
    """A warning on stderr (shown even with ``-q``); with ``--format json`` a JSON line with its catalogue ``key``."""
    if state().diagnostics_json:
        _json_line({"level": "warning", **({"key": key} if key else {}), "message": message})
    else:
        click.echo(catalogue_say("cli.warning", state().lang, message=message), err=True)


def detail(message: str) -> None:
    """What only ``-v`` shows (which configuration, which source)."""
    if state().verbose:
        if state().diagnostics_json:
            _json_line({"level": "debug", "message": message})
        else:
            click.echo(message, err=True)


def tell_diagnostic(diagnostic: Diagnostic) -> None:
    """A source's diagnostic on stderr in the user's language: its line, or with ``--format json`` a JSON object
    (``key``: the catalogue's stable key, ``message`` in the user's language); ``-q`` hides infos."""
    current = state()
    if diagnostic.level is DiagnosticLevel.INFO and current.quiet:
        return
    if not current.diagnostics_json:
        click.echo(diagnostic.line(current.lang), err=True)
        return
    where = diagnostic.where
    place = {} if where is None else {k: v for k, v in attrs.asdict(where).items() if k in _PLACE and v is not None}
    said = {"key": diagnostic.key} if diagnostic.key else {}
    message = diagnostic.text(current.lang)
    _json_line({"level": diagnostic.level.value, "code": diagnostic.code, **said, "message": message, **place})


echo_diagnostic = tell_diagnostic
"""The name the catalogue's commands use."""

_PLACE = ("source", "page", "line", "cell")


def _json_line(document: Mapping[str, Any]) -> None:
    click.echo(json.dumps(document, ensure_ascii=False), err=True)


def print_json(document: object) -> None:
    """A command's ``--format json`` answer on stdout."""
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


_HINT_OPTIONS = (
    click.option("--body", "body_hint", help="Hint: the reporting body's name (overrides what is read)."),
    click.option(
        "--level",
        "level_hint",
        type=click.Choice([level.value for level in BodyLevel]),
        help="Hint: the body's administrative level.",
    ),
    click.option("--region", "region_hint", help="Hint: the body's region, e.g. 山西省忻州市代县."),
    click.option("--year", "year_hint", type=int, help="Hint: the report year."),
)


def hint_options(command: Callable[..., T]) -> Callable[..., T]:
    """Add ``--body --level --region --year`` to a command, handed to it as one ``hints`` argument."""

    @functools.wraps(command)
    def with_hints(
        *args: Any,
        body_hint: str | None,
        level_hint: str | None,
        region_hint: str | None,
        year_hint: int | None,
        **kwargs: Any,
    ) -> T:
        hints = ReportHints(name=body_hint, level=level_hint, region=region_hint, year=year_hint)
        return command(*args, hints=hints if hints.given() else None, **kwargs)

    for option in reversed(_HINT_OPTIONS):
        with_hints = option(with_hints)
    return with_hints


def emit(data: bytes, output: Path | None, *, inputs: tuple[Path, ...] = (), replace: bool = True) -> None:
    """Write to ``output`` atomically, or to stdout when it is None or "-".

    Refused with one line (exit 2): binary bytes to a terminal; an ``output`` that is not a regular file or a
    new path (:func:`~disclosure_core._files.refuse_unsafe_target`); one of ``inputs``; with ``replace`` false,
    any existing file.
    """
    if output is None or str(output) == STDIN:
        if _is_binary(data) and sys.stdout.isatty():
            raise UsageError.keyed("cli.binary_to_terminal")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    refuse_unsafe_target(output)
    refuse_overwriting_input(output, tuple(i for i in inputs if str(i) != STDIN))
    if not replace and os.path.lexists(output):
        raise UsageError.keyed("cli.blank_over_existing", where=str(output))
    write_atomic(output, data)


def _is_binary(data: bytes) -> bool:
    """Whether bytes are not text a terminal can show (a DOCX, XLSX or PDF is a ZIP or has NULs).

    >>> _is_binary(b"PK\\x03\\x04"), _is_binary("表1".encode())
    (True, False)
    """
    if b"\x00" in data[:8192] or data.startswith((b"PK\x03\x04", b"%PDF")):
        return True
    try:
        data[:8192].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < 8188  # a character cut at the end of the sample is still text
    return False


def renderer_for(output: Path | None, to: str | None) -> str:
    """The renderer named by ``--to``, or the one whose suffix matches the output file."""
    if to:
        return to
    if output is None or str(output) == "-":
        return "json"
    for name, renderer in state().registry.renderers().items():
        if renderer.suffix == output.suffix.lower():
            return name
    raise UsageError.keyed("cli.suffix", output=output)


def _quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        state().quiet = True


def _verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
    if value:
        state().verbose += value


def _common() -> list[click.Option]:
    return [
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_quiet,
            help="Say nothing on stderr but warnings and errors (no progress).",
        ),
        click.Option(
            ["-v", "--verbose"],
            count=True,
            expose_value=False,
            callback=_verbose,
            help="Say more on stderr (configuration used, source chosen).",
        ),
    ]


def with_common_options(command: click.Command) -> click.Command:
    """Give ``command`` (and every command of a group) ``-q`` and ``-v``, once.

    >>> names = [p.name for p in with_common_options(click.Command("x")).params]
    >>> names
    ['quiet', 'verbose']
    """
    if not any(p.name == "quiet" for p in command.params):
        command.params.extend(_common())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_common_options(sub)
    return command


def format_option(
    help_text: str = "Output: text, or JSON for scripts.",
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``--format text|json`` (default text), handed to the command as ``output_format``."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def diagnostics_format_option(command: Callable[..., T]) -> Callable[..., T]:
    """``--format text|json`` for a command whose stdout is a document: its stderr lines become JSON lines."""

    def chosen(ctx: click.Context, param: click.Parameter, value: str) -> str:
        state().diagnostics_json = value == "json"
        return value

    return click.option(
        "--format",
        "diagnostics_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        expose_value=False,
        is_eager=True,
        callback=chosen,
        help="Diagnostics on stderr: text lines, or one JSON object a line.",
    )(command)


def apply_config(ctx: click.Context, config: Config) -> None:
    """Make ``config`` the defaults of the command about to run (its options given on the command line win)."""
    name = ctx.invoked_subcommand
    command = ctx.command.get_command(ctx, name) if isinstance(ctx.command, click.Group) and name else None
    if command is None or name is None:
        return
    names = {
        opt.lstrip("-").replace("-", "_"): param.name
        for param in command.params
        if isinstance(param, click.Option) and param.name
        for opt in param.opts
        if opt.startswith("--")
    }
    used = {key: names[key] for key in KEYS if key in names and key in config.values}
    shown = os.path.relpath(config.path) if config.path.is_relative_to(Path.cwd()) else str(config.path)
    lang = state().lang
    keys = join(list(used), lang) or catalogue_say("cli.settings_none", lang)
    detail(catalogue_say("cli.settings_from", lang, path=shown, keys=keys))
    defaults = config.defaults_for(used)
    ctx.default_map = {name: defaults}


def _checked_output(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and str(value) != STDIN:
        refuse_unsafe_target(value)  # before any work: a run that cannot write its result should not start
    return value


def output_option(help_text: str = "Output file ('-' for stdout).") -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``-o/--output FILE``: a regular file or a new path (anything else is refused before the work starts)."""
    return click.option("-o", "--output", type=click.Path(path_type=Path), callback=_checked_output, help=help_text)


def refuse_output_over_inputs(output: Path | None, *inputs: Path | None) -> None:
    """Before any work: refuse an ``output`` that is one of the run's inputs (:func:`emit` checks again)."""
    if output is not None and str(output) != STDIN:
        refuse_overwriting_input(output, tuple(i for i in inputs if i is not None and str(i) != STDIN))
