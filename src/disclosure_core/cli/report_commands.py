"""Commands on single reports that need no checking: new, convert, schema, plugins."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from disclosure_core._hints import ReportHints
from disclosure_core._schema import report_json_schema
from disclosure_core.cli.shared import emit, hint_options, load_input, renderer_for, state
from disclosure_core.findings import reading_of
from disclosure_core.model import Body, BodyLevel, Report
from disclosure_core.values import Reading

_OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file ('-' for stdout).")
_TO = click.option("--to", "to", help="Renderer to use (default: from the output suffix, else json).")


@click.command()
@click.option("--format", "format_id", help="Format version (default: the one prescribed for --year).")
@click.option("--year", type=int, required=True, help="Report year.")
@click.option("--body", "body_name", required=True, help="Name of the reporting body.")
@click.option(
    "--level", type=click.Choice([level.value for level in BodyLevel]), required=True, help="Administrative level."
)
@click.option("--region", help="Region, e.g. 山西省忻州市代县.")
@_OUTPUT
@_TO
def new(
    format_id: str | None,
    year: int,
    body_name: str,
    level: str,
    region: str | None,
    output: Path | None,
    to: str | None,
) -> None:
    """Write a blank report for a body and year."""
    registry = state().registry
    if format_id is None:
        format_id = registry.layout_for_year(year).id
    else:
        registry.layout(format_id)  # a UsageError listing the registered ones when unknown
    report = Report(format_id, year, Body(body_name, BodyLevel(level), region))
    emit(registry.render(report, renderer_for(output, to)), output)


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@_OUTPUT
@_TO
@click.option("--from", "source", help="Source to read with (default: detected; `ledger` for a register).")
@hint_options
def convert(
    source_file: Path, output: Path | None, to: str | None, source: str | None, hints: ReportHints | None
) -> None:
    """Convert a report between any registered source and renderer.

    A register of requests is read with `--from ledger --year Y --body NAME --level LEVEL`.
    """
    loaded = load_input(source_file, source, hints)
    data = state().registry.render(loaded.report, renderer_for(output, to))
    emit(data, output, inputs=(source_file,))


@click.command()
@click.option("--format", "format_id", help="Only this format version (default: all registered).")
@_OUTPUT
def schema(format_id: str | None, output: Path | None) -> None:
    """Print the JSON Schema of canonical report JSON."""
    registry = state().registry
    chosen = [registry.layout(format_id)] if format_id else list(registry.layouts().values())
    emit((json.dumps(report_json_schema(chosen), ensure_ascii=False, indent=2) + "\n").encode(), output)


@click.command()
def plugins() -> None:
    """List plugins with their versions and hooks, and what they provide."""
    registry = state().registry
    for info in registry.plugins():
        version = info.version or ("built-in" if info.builtin else "?")
        click.echo(f"{info.name} ({version}): {', '.join(info.hooks) or 'no hooks'}")
    click.echo("")
    click.echo("layouts:   " + ", ".join(registry.layouts()))
    click.echo("sources:   " + ", ".join(f"{n} ({', '.join(s.suffixes)})" for n, s in registry.sources().items()))
    click.echo("renderers: " + ", ".join(f"{n} ({r.suffix})" for n, r in registry.renderers().items()))


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "source", help="Source to read with (default: detected).")
@hint_options
def summary(source_file: Path, source: str | None, hints: ReportHints | None) -> None:
    """Print who reported, for which year and format, how much of each table is filled and how surely it was read."""
    report = load_input(source_file, source, hints).report
    layout = state().registry.layout(report.format)
    click.echo(f"{report.title or report.body.name}")
    click.echo(
        f"  body:      {report.body.name} ({report.body.level.value}{', ' + report.body.region if report.body.region else ''})"
    )
    click.echo(f"  year:      {report.year}   format: {layout.id} ({layout.basis})")
    click.echo(f"  published: {report.published or 'unknown'}{'  by ' + report.publisher if report.publisher else ''}")
    present = [section_id for section_id, section in report.sections.items() if section is not None]
    click.echo(f"  sections:  {len(present)} of 6 ({', '.join(present) or 'none'})")
    for table in layout.tables:
        addresses = table.addresses()
        filled = sum(1 for a in addresses if report.number(a) is not None)
        click.echo(f"  table {table.number} {table.label.zh}: {filled} of {len(addresses)} cells hold a number")
    readings = Counter(reading_of(value) for _, value in report.tables)
    shown = ", ".join(f"{readings[r]} {r.value}" for r in Reading if readings[r] or r is Reading.EXACT)
    click.echo(f"  read:      {sum(readings.values())} cells placed: {shown}")
