"""Commands on single reports that need no checking: new, convert, schema, plugins."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from disclosure_core._hints import ReportHints
from disclosure_core._schema import report_json_schema
from disclosure_core.catalogue import join, say
from disclosure_core.cli.shared import (
    diagnostics_format_option,
    emit,
    format_option,
    hint_options,
    load_input,
    output_option,
    print_json,
    refuse_output_over_inputs,
    renderer_for,
    state,
)
from disclosure_core.findings import reading_of
from disclosure_core.layouts import Layout
from disclosure_core.model import Body, BodyLevel, Report
from disclosure_core.values import Reading

_OUTPUT = output_option()
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
@click.option("--force", is_flag=True, help="Replace an existing file with the blank report.")
def new(
    format_id: str | None,
    year: int,
    body_name: str,
    level: str,
    region: str | None,
    output: Path | None,
    to: str | None,
    force: bool,
) -> None:
    """Write a blank report for a body and year (an existing file is kept unless --force)."""
    registry = state().registry
    if format_id is None:
        format_id = registry.layout_for_year(year).id
    else:
        registry.layout(format_id)  # a UsageError listing the registered ones when unknown
    report = Report(format_id, year, Body(body_name, BodyLevel(level), region))
    emit(registry.render(report, renderer_for(output, to)), output, replace=force)


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@_OUTPUT
@_TO
@click.option("--from", "source", help="Source to read with (default: detected; `ledger` for a register).")
@diagnostics_format_option
@hint_options
def convert(
    source_file: Path, output: Path | None, to: str | None, source: str | None, hints: ReportHints | None
) -> None:
    """Convert a report between any registered source and renderer (SOURCE_FILE `-`: standard input).

    A register of requests is read with `--from ledger --year Y --body NAME --level LEVEL`.
    """
    refuse_output_over_inputs(output, source_file)
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
@format_option()
def plugins(output_format: str) -> None:
    """List plugins with their versions and hooks, and what they provide."""
    registry, lang = state().registry, state().lang
    if output_format == "json":
        print_json(registry.describe())
        return
    for info in registry.plugins():
        version = info.version or (say("plugins.builtin", lang) if info.builtin else "?")
        hooks = ", ".join(info.hooks) or say("plugins.no_hooks", lang)
        click.echo(say("plugins.plugin", lang, name=info.name, version=version, hooks=hooks))
    click.echo("")
    click.echo(say("plugins.layouts", lang, names=", ".join(registry.layouts())))
    sources = ", ".join(f"{n} ({', '.join(s.suffixes)})" for n, s in registry.sources().items())
    click.echo(say("plugins.sources", lang, names=sources))
    renderers = ", ".join(f"{n} ({r.suffix})" for n, r in registry.renderers().items())
    click.echo(say("plugins.renderers", lang, names=renderers))


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "source", help="Source to read with (default: detected).")
@format_option()
@hint_options
def summary(source_file: Path, source: str | None, output_format: str, hints: ReportHints | None) -> None:
    """Print who reported, for which year and format, how much of each table is filled and how surely it was read."""
    report = load_input(source_file, source, hints).report
    layout = state().registry.layout(report.format)
    if output_format == "json":
        tables = []
        for table in layout.tables:
            addresses = table.addresses()
            filled = sum(1 for a in addresses if report.number(a) is not None)
            tables.append((table, filled, len(addresses)))
        present = [section_id for section_id, section in report.sections.items() if section is not None]
        readings = Counter(reading_of(value) for _, value in report.tables)
        print_json(
            {
                "title": report.title,
                "body": {"name": report.body.name, "level": report.body.level.value, "region": report.body.region},
                "year": report.year,
                "format": layout.id,
                "basis": layout.basis,
                "published": report.published.isoformat() if report.published else None,
                "publisher": report.publisher,
                "sections": present,
                "tables": [
                    {"number": t.number, "id": t.id, "label": t.label.zh, "filled": filled, "cells": cells}
                    for t, filled, cells in tables
                ],
                "cells_read": {r.value: readings[r] for r in Reading if readings[r]},
            }
        )
        return
    for line in summary_lines(report, layout, state().lang):
        click.echo(line)


def summary_lines(report: Report, layout: Layout, lang: str) -> list[str]:
    """What ``summary`` prints: who reported, year and format, publication, sections, tables, reading.

    Sections are named by the layout's headings, the body's level in words, every word from the catalogue.
    """
    body = report.body
    region = ("，" if lang != "en" else ", ") + body.region if body.region else ""
    publisher = say("summary.publisher", lang, publisher=report.publisher) if report.publisher else ""
    present = [s for s in layout.sections if getattr(report.sections, s.id) is not None]
    names = join([s.heading.text(lang) for s in present], lang) or say("summary.none", lang)
    lines = [
        report.title or body.name,
        say("summary.body", lang, body=body.name, level=say(f"level.{body.level.value}", lang), region=region),
        say("summary.year", lang, year=report.year, format=layout.id, basis=layout.basis),
        say("summary.published", lang, published=report.published or say("summary.unknown", lang), publisher=publisher),
        say("summary.sections", lang, present=len(present), total=len(layout.sections), names=names),
    ]
    for table in layout.tables:
        addresses = table.addresses()
        filled = sum(1 for a in addresses if report.number(a) is not None)
        lines.append(
            say(
                "summary.table",
                lang,
                number=table.number,
                label=table.label.text(lang),
                filled=filled,
                count=len(addresses),
            )
        )
    readings = Counter(reading_of(value) for _, value in report.tables)
    shown = join(
        [say(f"reading.{r.value}", lang, count=readings[r]) for r in Reading if readings[r] or r is Reading.EXACT], lang
    )
    lines.append(say("summary.read", lang, count=sum(readings.values()), readings=shown))
    return lines
