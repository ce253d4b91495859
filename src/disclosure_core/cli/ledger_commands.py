"""The ``ledger`` command: count a register of requests into Table 2 of a year's report."""

from __future__ import annotations

from pathlib import Path

import click

from disclosure_core._formats import DiagnosticLevel
from disclosure_core._hints import ReportHints
from disclosure_core.cli.shared import emit, renderer_for, state
from disclosure_core.ledger.source import LedgerSource
from disclosure_core.model import BodyLevel
from disclosure_core.registry import read_input


@click.command()
@click.argument("ledger_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--year", type=int, required=True, help="The year to count (carry-over from and into its neighbours).")
@click.option("--body", "body_name", required=True, help="Name of the reporting body.")
@click.option(
    "--level", type=click.Choice([level.value for level in BodyLevel]), required=True, help="Administrative level."
)
@click.option("--region", help="Region, e.g. 山西省忻州市代县.")
@click.option("--format", "format_id", help="Format version (default: the one prescribed for --year).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file ('-' for stdout).")
@click.option("--to", "to", help="Renderer to use (default: from the output suffix, else json).")
def ledger(
    ledger_file: Path,
    year: int,
    body_name: str,
    level: str,
    region: str | None,
    format_id: str | None,
    output: Path | None,
    to: str | None,
) -> int:
    """Count a register of requests (CSV or XLSX) into Table 2 of a report for --year.

    The same as `disclosure convert FILE --from ledger --year ... --body ...`, with --format.

    Lines that cannot be counted are listed on stderr with their line numbers; the report is still
    written, and the exit code is then 1. See docs/ledger.md for the accepted columns and names.
    """
    registry = state().registry
    hints = ReportHints(name=body_name, level=level, region=region, year=year)
    layout = registry.layout_for_year(year) if format_id is None else registry.layout(format_id)
    origin = str(ledger_file)
    loaded = LedgerSource().load(read_input(ledger_file), origin=origin, layouts={layout.id: layout}, hints=hints)
    for diagnostic in loaded.diagnostics:
        click.echo(str(diagnostic), err=True)
    emit(registry.render(loaded.report, renderer_for(output, to)), output, inputs=(ledger_file,))
    return 1 if any(d.level is DiagnosticLevel.ERROR for d in loaded.diagnostics) else 0
