"""The render command: one report to any registered renderer (html, docx, json …), optionally with findings."""

from __future__ import annotations

from pathlib import Path

import click

from disclosure_core._hints import ReportHints
from disclosure_core.cli.shared import emit, hint_options, load_input, renderer_for, state


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--to", "to", help="Renderer: html, docx, json or any installed (default: from the output suffix).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file ('-' or none for stdout).")
@click.option("--with-findings", is_flag=True, help="Check the report and show the findings (the HTML overlay).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of findings.")
@click.option("--from", "source", help="Source to read with (default: detected).")
@hint_options
def render(
    source_file: Path,
    to: str | None,
    output: Path | None,
    with_findings: bool,
    lang: str,
    source: str | None,
    hints: ReportHints | None,
) -> None:
    """Render a report as an HTML page, an official DOCX, canonical JSON or any installed format.

    \b
      disclosure render examples/daixian-2020.json -o out/daixian-2020.html
      disclosure render examples/daixian-2020.json --to docx -o out/daixian-2020.docx
    """
    registry = state().registry
    name = renderer_for(output, to)
    registry.renderer(name)  # an unknown renderer is refused before any work, listing the installed ones
    report = load_input(source_file, source, hints).report
    findings = registry.check(report) if with_findings else None
    emit(registry.render(report, name, findings=findings, lang=lang), output, inputs=(source_file,))
