"""``--lang`` for every command, kept apart from the rest of the CLI's helpers so ``disclosure --version`` stays
light (this module imports click and the catalogue only)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import click

from disclosure_core._language import LANGUAGES, language

T = TypeVar("T")


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        from disclosure_core.cli.shared import State  # only when --lang is given

        ctx.ensure_object(State).lang = value
        chosen[0] = value


chosen = [language(os.environ)]
"""The language of the running command, for the error handler that runs outside its context."""


def lang_option(command: Callable[..., T]) -> Callable[..., T]:
    """``--lang zh|en`` on a command: the language of its output and diagnostics (read with ``state().lang``)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help="Language of the output and messages (default: $DISCLOSURE_LANG, else the locale, else zh).",
    )(command)
