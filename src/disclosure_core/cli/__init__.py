"""The ``disclosure`` command: a thin shell over the public API.

Exit codes: 0 fine; 1 findings at or above the failure level; 2 usage, input or internal error.
Every error is one line on stderr naming the file and the place; there is never a traceback.
"""

from __future__ import annotations

import click

from disclosure_core.cli import check_commands, ledger_commands, many_commands, render_commands, report_commands
from disclosure_core.cli.shared import State
from disclosure_core.errors import DisclosureError

EXIT_FINDINGS = 1
EXIT_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="disclosure-core")
@click.option("--strict-plugins", is_flag=True, help="Fail when an installed plugin cannot be loaded.")
@click.pass_context
def cli(ctx: click.Context, strict_plugins: bool) -> None:
    """Check, render and convert 政府信息公开工作年度报告 (annual reports on government information disclosure)."""
    ctx.obj = State(strict_plugins=strict_plugins)


for command in (
    *report_commands.COMMANDS,
    *render_commands.COMMANDS,
    *check_commands.COMMANDS,
    *many_commands.COMMANDS,
    *ledger_commands.COMMANDS,
):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script calls ``sys.exit`` on it)."""
    try:
        result = cli.main(args=argv, prog_name="disclosure", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
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
