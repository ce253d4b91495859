"""The ``completion`` command: the shell script that completes ``disclosure`` commands, options and files."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_DISCLOSURE_COMPLETE"
"""The environment variable click's completion uses to ask ``disclosure`` for completions."""


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish).

    \b
      eval "$(disclosure completion bash)"    # in ~/.bashrc
      eval "$(disclosure completion zsh)"     # in ~/.zshrc
      disclosure completion fish > ~/.config/fish/completions/disclosure.fish
    """
    from disclosure_core.cli import cli

    complete = get_completion_class(shell)
    if complete is None:  # every shell of SHELLS is one click ships
        raise click.UsageError(f"no completion for {shell}")
    click.echo(complete(cli, {}, "disclosure", COMPLETE_VAR).source(), nl=False)
