"""The ``disclosure`` command: a thin shell over the public API.

Exit codes: 0 fine; 1 findings at or above the failure level; 2 usage, input or internal error.
Every error is one line on stderr naming the file and the place; there is never a traceback.

Each command's module is imported only when that command runs (``disclosure --version`` imports none):
the table :data:`COMMANDS` names where each one lives.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from disclosure_core.errors import DisclosureError

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


class LazyGroup(click.Group):
    """A group whose commands are imported when looked up, so a command pays only for its own imports."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = getattr(importlib.import_module(f"disclosure_core.cli.{module}"), cmd_name)
        from disclosure_core.cli.shared import with_common_options

        return with_common_options(command)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="disclosure-core")
@click.option("--strict-plugins", is_flag=True, help="Fail when an installed plugin cannot be loaded.")
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

    ctx.obj = State(strict_plugins=strict_plugins, quiet=quiet, verbose=verbose)
    if no_config:
        return
    config = load_config(config_file) if config_file else find_config(Path.cwd())
    if config is not None and ctx.invoked_subcommand is not None:
        apply_config(ctx, config)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script calls ``sys.exit`` on it)."""
    try:
        result = cli.main(args=argv, prog_name="disclosure", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_ERROR
    except click.UsageError as exc:  # one line like every other error, and where to look for more
        where = exc.ctx.command_path if exc.ctx is not None else "disclosure"
        click.echo(f"error: {exc.format_message()} (see `{where} --help`)", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        return EXIT_ERROR
    except DisclosureError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_ERROR
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return EXIT_ERROR
    except Exception as exc:  # the promise is "never a traceback": say what broke in one line
        click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_ERROR
    return result if isinstance(result, int) else 0
