"""The ``disclosure`` command: a thin shell over the public API.

Exit codes: 0 fine; 1 findings at or above the failure level; 2 usage, input or internal error.
Every error is one line on stderr naming the file and the place; there is never a traceback. Every word
printed comes from the message catalogue, in the language of ``--lang`` (on the group and on every command),
else ``DISCLOSURE_LANG``, else the locale, else zh.

Each command's module is imported only when that command runs (``disclosure --version`` imports none):
the table :data:`COMMANDS` names where each one lives.
"""

from __future__ import annotations

import importlib
import itertools
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from disclosure_core.cli.lang import lang_option
from disclosure_core.errors import DisclosureError, PluginWarning

if TYPE_CHECKING:
    from disclosure_core._entry_points import EntryPoint

EXIT_FINDINGS = 1
EXIT_ERROR = 2

COMMANDS = {
    "new": "report_commands",
    "convert": "report_commands",
    "schema": "report_commands",
    "plugins": "report_commands",
    "summary": "report_commands",
    "render": "render_commands",
    "check": "check_commands",
    "diff": "check_commands",
    "rules": "check_commands",
    "aggregate": "many_commands",
    "batch": "many_commands",
    "ledger": "ledger_commands",
    "completion": "completion_commands",
}
"""Command name → the module of ``disclosure_core.cli`` that defines it (as a function of the same name)."""


COMMAND_ENTRY_POINTS = "disclosure_core.commands"
"""Entry-point group through which a distribution adds a command (``disclosure serve`` from disclosure-service)."""


class LazyGroup(click.Group):
    """A group whose commands are imported when looked up, so a command pays only for its own imports.

    Commands of other distributions come from :data:`COMMAND_ENTRY_POINTS`, read only when a name is not ours.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *sorted(ep.name for ep in _plugin_commands() if ep.name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            for entry_point in _plugin_commands():
                if entry_point.name == cmd_name:
                    loaded: click.Command = entry_point.load()
                    _with_lang(loaded)  # a plugin's command speaks the chosen language too
                    return _localised(loaded, cmd_name)
            return None
        command: click.Command = getattr(importlib.import_module(f"disclosure_core.cli.{module}"), cmd_name)
        _with_lang(command)
        from disclosure_core.cli.shared import with_common_options

        return _localised(with_common_options(command), cmd_name)


def _localised(command: click.Command, name: str) -> click.Command:
    """``command`` with its ``--help`` in the language of the running command."""
    from disclosure_core.cli.help_words import localise

    return localise(command, name, _lang())


def _with_lang(command: click.Command) -> None:
    """Give ``command`` (and its subcommands) the ``--lang`` option, once."""
    from disclosure_core.cli.lang import lang_option

    if not any(p.name == "lang" for p in command.params):
        lang_option(command)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_lang(sub)


def _plugin_commands() -> list[EntryPoint]:
    from disclosure_core._entry_points import entry_points  # without importlib.metadata: start-up stays short

    return entry_points(COMMAND_ENTRY_POINTS)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="disclosure-core")
@click.option("--strict-plugins", is_flag=True, help="Fail when an installed plugin cannot be loaded.")
@lang_option
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file to use instead of the disclosure.toml (or pyproject.toml) found upward from here.",
)
@click.option("--no-config", is_flag=True, help="Use no settings file.")
@click.option("-q", "--quiet", is_flag=True, help="Say nothing on stderr but warnings and errors (no progress).")
@click.option("-v", "--verbose", count=True, help="Say more on stderr (configuration used, source chosen).")
@click.pass_context
def cli(
    ctx: click.Context, strict_plugins: bool, config_file: Path | None, no_config: bool, quiet: bool, verbose: int
) -> None:
    """Check, render and convert 政府信息公开工作年度报告 (annual reports on government information disclosure).

    Settings for rules, disable, lang, fail_on and blank_as_zero are read from the first disclosure.toml
    (or [tool.disclosure] of a pyproject.toml) in this folder or above; options given here win.
    """
    from disclosure_core.cli.config import find_config, load_config
    from disclosure_core.cli.shared import State, apply_config

    current = ctx.ensure_object(State)  # an eager --lang may have made it already
    current.strict_plugins, current.quiet, current.verbose = strict_plugins, quiet, verbose
    if no_config:
        return
    config = load_config(config_file) if config_file else find_config(Path.cwd())
    if config is not None and ctx.invoked_subcommand is not None:
        apply_config(ctx, config)


def _lang_given(argv: list[str]) -> str | None:
    """The ``--lang`` of the command line, read before click parses it: a usage error click finds before it
    reaches ``--lang`` is still told in the language asked for.

    >>> _lang_given(["check", "--nosuch", "--lang", "en"]), _lang_given(["--lang=zh"]), _lang_given(["--lang"])
    ('en', 'zh', None)
    """
    from disclosure_core._language import LANGUAGES

    for arg, following in itertools.pairwise([*argv, ""]):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else following if arg == "--lang" else None
        if value in LANGUAGES:
            return value
    return None


def _lang() -> str:
    from disclosure_core.cli.lang import chosen

    return chosen[0]


def _say(key: str, **values: object) -> None:
    from disclosure_core.catalogue import say

    click.echo(say(key, _lang(), **values), err=True)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script calls ``sys.exit`` on it)."""
    from disclosure_core._language import language
    from disclosure_core.cli import lang

    lang.chosen[0] = _lang_given(sys.argv[1:] if argv is None else argv) or language(os.environ)
    with warnings.catch_warnings():
        # A broken plugin is told once, in the user's language, not as Python's warning line.
        warnings.simplefilter("always", PluginWarning)
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
            if issubclass(category, PluginWarning):
                _show_plugin_warning(message)
            else:
                shown(message, category, *args, **kwargs)

        warnings.showwarning = show
        given = sys.argv[1:] if argv is None else argv
        if not given or "--help" in given or "-h" in given:  # only then: --version stays light
            from disclosure_core.cli.help_words import localise

            localise(cli, "disclosure", _lang())
        return _run(argv)


def _show_plugin_warning(message: Warning | str) -> None:
    from disclosure_core.cli.shared import warn

    said = message.args[0] if isinstance(message, Warning) and message.args else message
    text = said.text(_lang()) if hasattr(said, "text") else str(said)
    if click.get_current_context(silent=True) is not None:
        warn(text, key=getattr(said, "key", ""))
    else:
        _say("cli.warning", message=text)


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="disclosure", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        _say("cli.aborted")
        return EXIT_ERROR
    except click.UsageError as exc:  # one line like every other error, and where to look for more
        from disclosure_core.cli.usage_errors import usage_words

        where = exc.ctx.command_path if exc.ctx is not None else "disclosure"
        _say("cli.usage", message=usage_words(exc).text(_lang()), command=where)
        return EXIT_ERROR
    except click.ClickException as exc:
        from disclosure_core.catalogue import words

        _say("cli.error", message=words("usage.verbatim", text=exc.format_message()).text(_lang()))
        return EXIT_ERROR
    except DisclosureError as exc:
        _say("cli.error", message=exc.text(_lang()))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("cli.interrupted")
        return EXIT_ERROR
    except Exception as exc:  # the promise is "never a traceback": say what broke in one line
        _say("cli.internal", kind=type(exc).__name__, message=exc)
        return EXIT_ERROR
    return result if isinstance(result, int) else 0
