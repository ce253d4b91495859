"""Commands over many reports: aggregate, batch."""

from __future__ import annotations

from pathlib import Path

import click

from disclosure_core._batch_run import BatchRun
from disclosure_core._batch_workers import check_executor
from disclosure_core._hints import ReportHints
from disclosure_core.aggregate import aggregate as aggregate_reports
from disclosure_core.batch import CheckOptions
from disclosure_core.catalogue import join, say, words
from disclosure_core.cli.shared import (
    diagnostics_format_option,
    emit,
    hint_options,
    load_input,
    output_option,
    progress_for,
    read_input_file,
    refuse_output_over_inputs,
    renderer_for,
    state,
)
from disclosure_core.errors import LoadError
from disclosure_core.model import Body, BodyLevel

EXIT_MISSING = 1
"""``aggregate``: a unit of the manifest sent no report (the sum is written, but it is not the region's)."""


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--body", "body_name", required=True, help="Name of the body the region-wide report is for.")
@click.option("--level", type=click.Choice([level.value for level in BodyLevel]), default="county", show_default=True)
@click.option("--region", help="Region of the body.")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), help="Expected unit names, one per line.")
@click.option("--blank-as-zero", is_flag=True, help="Treat blank and placeholder cells as 0 (and say where).")
@output_option()
@click.option("--to", "to", help="Renderer to use (default: from the output suffix, else json).")
@diagnostics_format_option
def aggregate(
    files: tuple[Path, ...],
    body_name: str,
    level: str,
    region: str | None,
    manifest: Path | None,
    blank_as_zero: bool,
    output: Path | None,
    to: str | None,
) -> int:
    """Sum the tables of many units' reports into one region-wide report.

    Exit 1 when a unit of the --manifest sent no report (the sum is still written).
    """
    refuse_output_over_inputs(output, *files, manifest)
    reports = []
    with progress_for(say("cli.reading", state().lang), total=len(files)) as shown:
        for done, path in enumerate(files, start=1):
            reports.append(load_input(path).report)
            shown(done)
    expected = _manifest(manifest) if manifest else None
    result = aggregate_reports(
        reports,
        body=Body(body_name, BodyLevel(level), region),
        manifest=expected,
        blank_as_zero=blank_as_zero,
        layouts=state().registry.layouts(),
    )
    lang = state().lang

    def tell(key: str, *, warning: bool = False, **values: object) -> None:
        if warning or not state().quiet:  # -q keeps the warnings only
            click.echo(say(key, lang, **values), err=True)

    tell("aggregate.done", count=len(result.units), units=join(list(result.units), lang))
    if result.missing:
        tell("aggregate.missing", warning=True, units=join(list(result.missing), lang))
    if result.unexpected:
        tell("aggregate.unexpected", warning=True, units=join(list(result.unexpected), lang))
    absent = "aggregate.absent.zero" if blank_as_zero else "aggregate.absent.blank"
    for cell, units in result.absent.items():
        if len(units) < len(result.units):  # cells blank everywhere are simply blank; say only the partial ones
            tell(absent, cell=cell, units=join(list(units), lang))
    for cell in result.unit_mismatches:
        tell("aggregate.units", warning=True, cell=cell)
    inputs = (*files, *((manifest,) if manifest else ()))
    emit(state().registry.render(result.report, renderer_for(output, to)), output, inputs=inputs)
    return EXIT_MISSING if result.missing else 0


def _manifest(path: Path) -> list[str]:
    """Unit names, one a line (``-``: standard input); blank lines and ``#`` comments are skipped."""
    data, origin = read_input_file(path)
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise LoadError.keyed("aggregate.manifest", where=origin, reason=words("config.not_utf8")) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@click.command()
@click.argument("items", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True, help="Output directory."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--executor",
    default="process",
    show_default=True,
    help="Where to check: process (a local pool of --jobs), dask-local (a local Dask cluster of --jobs"
    " workers) or a Dask scheduler address tcp://host:port.",
)
@click.option("--blank-as-zero", is_flag=True, help="Treat blank and placeholder cells as 0 (findings say so).")
@click.option("--disable", "disabled", multiple=True, help="Switch off a rule by id (repeatable).")
@click.option("--from", "source", help="Source to read every input with (default: detected per file).")
@hint_options
def batch(
    items: tuple[Path, ...],
    output: Path,
    jobs: int,
    executor: str,
    blank_as_zero: bool,
    disabled: tuple[str, ...],
    source: str | None,
    hints: ReportHints | None,
) -> int:
    """Check many reports (files or directories) and write per-report findings and summary tables.

    Re-running with the same options skips reports whose results are already written and unchanged; a run
    that was interrupted (even killed) resumes where it stopped. Exit 1 when any report fails to load or
    has a failing error or warning; 3 when the only ones are reading concerns (findings resting on cells
    not read exactly).
    """
    check_executor(executor)
    options = CheckOptions(blank_as_zero=blank_as_zero, disabled=disabled, source=source, hints=hints)
    lang = state().lang
    with BatchRun.open(items, output, registry=state().registry, options=options) as run:
        done = len(run.inputs) - len(run.todo)
        click.echo(say("batch.start", lang, count=len(run.inputs), done=done, todo=len(run.todo)), err=True)
        with progress_for(say("batch.progress", lang), total=len(run.todo)) as progress:
            totals = run.execute(executor, jobs, progress)
    message = say(
        "batch.done",
        lang,
        count=totals.reports,
        unread=totals.unreadable,
        failing=totals.failing,
        rules=totals.failing_rules,
        output=output,
    )
    click.echo(message, err=True)
    if totals.doubtful:
        click.echo(say("batch.doubtful", lang, count=totals.doubtful, unsure=totals.unsure), err=True)
    return 1 if totals.unreadable or totals.failing else 3 if totals.doubtful_failures else 0
