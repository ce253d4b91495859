"""Commands over many reports: aggregate."""

from __future__ import annotations

from pathlib import Path

import click

from disclosure_core.aggregate import aggregate as aggregate_reports
from disclosure_core.cli.shared import emit, load_input, renderer_for, state
from disclosure_core.errors import LoadError
from disclosure_core.model import Body, BodyLevel


def read_manifest(path: Path) -> list[str]:
    """Unit names, one per line; blank lines and lines starting with # are ignored."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: cannot read the manifest: {exc}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--body", "body_name", required=True, help="Name of the body the region-wide report is for.")
@click.option("--level", type=click.Choice([level.value for level in BodyLevel]), default="county", show_default=True)
@click.option("--region", help="Region of the body.")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), help="Expected unit names, one per line.")
@click.option("--blank-as-zero", is_flag=True, help="Treat blank and placeholder cells as 0 (and say where).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file ('-' for stdout).")
@click.option("--to", "to", help="Renderer to use (default: from the output suffix, else json).")
def aggregate(
    files: tuple[Path, ...],
    body_name: str,
    level: str,
    region: str | None,
    manifest: Path | None,
    blank_as_zero: bool,
    output: Path | None,
    to: str | None,
) -> None:
    """Sum the tables of many units' reports into one region-wide report."""
    reports = [load_input(path).report for path in files]
    expected = read_manifest(manifest) if manifest else None
    result = aggregate_reports(
        reports, body=Body(body_name, BodyLevel(level), region), manifest=expected, blank_as_zero=blank_as_zero
    )
    click.echo(f"aggregated {len(result.units)} units: {', '.join(result.units)}", err=True)
    if result.missing:
        click.echo(f"missing units (in the manifest, no report): {', '.join(result.missing)}", err=True)
    if result.unexpected:
        click.echo(f"unexpected units (not in the manifest): {', '.join(result.unexpected)}", err=True)
    treated = "treated as 0" if blank_as_zero else "so the sum is blank"
    for cell, units in result.absent.items():
        if len(units) < len(result.units):  # cells blank everywhere are simply blank; say only the partial ones
            click.echo(f"{cell}: no number from {', '.join(units)} ({treated})", err=True)
    for cell in result.unit_mismatches:
        click.echo(f"{cell}: money in units that cannot be added (left blank)", err=True)
    emit(state().registry.render(result.report, renderer_for(output, to)), output, inputs=files)


COMMANDS = (aggregate,)
