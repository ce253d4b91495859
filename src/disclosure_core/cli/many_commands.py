"""Commands over many reports: aggregate, batch."""

from __future__ import annotations

import hashlib
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from disclosure_core._batch_output import BatchDirectory, file_digest
from disclosure_core._hints import ReportHints
from disclosure_core.aggregate import aggregate as aggregate_reports
from disclosure_core.aggregate import read_manifest
from disclosure_core.batch import CheckOptions, batch_inputs, check_many
from disclosure_core.cli.shared import emit, hint_options, load_input, renderer_for, state
from disclosure_core.model import Body, BodyLevel


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
        reports,
        body=Body(body_name, BodyLevel(level), region),
        manifest=expected,
        blank_as_zero=blank_as_zero,
        layouts=state().registry.layouts(),
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


STATE_SAVE_SECONDS = 5.0
"""How often an interrupted batch run can lose work: at most this long."""


@click.command()
@click.argument("items", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True, help="Output directory."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--blank-as-zero", is_flag=True, help="Treat blank and placeholder cells as 0 (findings say so).")
@click.option("--disable", "disabled", multiple=True, help="Switch off a rule by id (repeatable).")
@click.option("--from", "source", help="Source to read every input with (default: detected per file).")
@hint_options
def batch(
    items: tuple[Path, ...],
    output: Path,
    jobs: int,
    blank_as_zero: bool,
    disabled: tuple[str, ...],
    source: str | None,
    hints: ReportHints | None,
) -> int:
    """Check many reports (files or directories) and write per-report findings and summary tables.

    Re-running with the same options skips reports whose results are already written and unchanged.
    Exit 1 when any report fails to load or has a failing error or warning; 3 when the only ones are
    reading concerns (findings resting on cells not read exactly).
    """
    registry = state().registry
    suffixes = {suffix for src in registry.sources().values() for suffix in src.suffixes}
    inputs = batch_inputs(items, suffixes, output.resolve())
    options = CheckOptions(blank_as_zero=blank_as_zero, disabled=disabled, source=source, hints=hints)
    rules_key = hashlib.sha256(repr(registry.rule_set().rules).encode()).hexdigest()
    directory = BatchDirectory.open(output, options, rules_key)
    digests = {path: file_digest(path) for path in inputs}
    todo = [path for path in inputs if not directory.is_current(path, digests[path])]
    click.echo(f"{len(inputs)} reports, {len(inputs) - len(todo)} already done, {len(todo)} to check", err=True)
    pool: Executor | None = ProcessPoolExecutor(jobs) if jobs > 1 and len(todo) > 1 else None
    bar = click.progressbar(length=len(todo), file=sys.stderr, label="checking") if sys.stderr.isatty() else None
    saved = time.monotonic()
    with pool or nullcontext(), bar or nullcontext():
        for result in check_many([str(p) for p in todo], executor=pool, options=options):
            path = Path(result.input)
            directory.record(path, digests[path], result, blank_as_zero)
            # Saving the state costs its whole size: do it every few seconds, not every n results.
            if time.monotonic() - saved > STATE_SAVE_SECONDS:
                directory.save()
                saved = time.monotonic()
            if bar is not None:
                bar.update(1)
    directory.save()
    documents = directory.documents(inputs)
    reports, rules = directory.write_summaries(documents)
    failed = [row for row in reports if row["error"]]
    findings = [row for row in reports if not row["error"] and (row["failing_error"] or row["failing_warning"])]
    doubtful = [row for row in reports if not row["error"] and row["reading_concerns"]]
    unsure = [row for row in reports if not row["error"] and not row["read_with_confidence"]]
    click.echo(
        f"{len(reports)} reports: {len(failed)} could not be read, {len(findings)} with failing errors or warnings; "
        f"{sum(1 for r in rules if r['reports_failing'])} rules fail somewhere. Results in {output}/",
        err=True,
    )
    if doubtful:
        click.echo(
            f"{len(doubtful)} reports with findings that may be reading problems (cells not read exactly), "
            f"{len(unsure)} whose tables were not read with confidence: check them against the documents.",
            err=True,
        )
    return 1 if failed or findings else 3 if _doubtful_failures(documents) else 0


def _doubtful_failures(documents: list[dict[str, Any]]) -> bool:
    """Whether a reading concern fails at error or warning level anywhere (what would otherwise exit 1)."""
    return any(
        "reading" in f and f["severity"] != "info" and f["outcome"] in {"fail", "rule_error"}
        for document in documents
        for f in document.get("findings", [])
    )
