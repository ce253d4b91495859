"""What every command needs: the registry, reading inputs, writing outputs safely."""

from __future__ import annotations

import functools
import importlib.metadata
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from disclosure_core._files import refuse_overwriting_input, write_atomic
from disclosure_core._formats import Loaded
from disclosure_core._hints import ReportHints
from disclosure_core.errors import UsageError
from disclosure_core.hookspecs import PROJECT
from disclosure_core.model import BodyLevel
from disclosure_core.registry import Registry

T = TypeVar("T")


@attrs.define
class State:
    """Per-invocation state: one registry, created when first needed."""

    strict_plugins: bool = False
    _registry: Registry | None = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry(strict=self.strict_plugins, block=blocked_plugins(os.environ))
            for problem in self._registry.problems:
                click.echo(f"warning: {problem}", err=True)
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
    return [ep.name for ep in importlib.metadata.entry_points(group=PROJECT) if ep.name not in keep]


def state() -> State:
    """The state of the running command."""
    found: State = click.get_current_context().find_object(State) or State()
    return found


def load_input(path: Path, source: str | None = None, hints: ReportHints | None = None) -> Loaded:
    """Read a report (with what the caller knows better), echoing the source's diagnostics on stderr."""
    loaded = state().registry.load(path, source=source, hints=hints)
    for diagnostic in loaded.diagnostics:
        click.echo(str(diagnostic), err=True)
    return loaded


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


def emit(data: bytes, output: Path | None, *, inputs: tuple[Path, ...] = ()) -> None:
    """Write to ``output`` atomically (never over an input), or to stdout when it is None or "-"."""
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    refuse_overwriting_input(output, inputs)
    write_atomic(output, data)


def renderer_for(output: Path | None, to: str | None) -> str:
    """The renderer named by ``--to``, or the one whose suffix matches the output file."""
    if to:
        return to
    if output is None or str(output) == "-":
        return "json"
    for name, renderer in state().registry.renderers().items():
        if renderer.suffix == output.suffix.lower():
            return name
    raise UsageError(f"{output}: cannot tell the output format from the suffix; pass --to")
