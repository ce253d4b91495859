"""Commands that check reports: ``check``, ``diff`` and ``rules`` (list, ``rules explain ID``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from disclosure_core._diff_document import compare, diff_json, diff_text
from disclosure_core._hints import ReportHints
from disclosure_core.cli.shared import emit, hint_options, load_input, state
from disclosure_core.errors import UsageError
from disclosure_core.findings import Findings, Outcome, Severity
from disclosure_core.rules import load_rule_file
from disclosure_core.rules.examples import rule_examples
from disclosure_core.rules.output import findings_json, findings_text, reaches
from disclosure_core.rules.sets import with_rules
from disclosure_core.rules.spec import Rule, RuleSet

EXIT_FINDINGS = 1
EXIT_READING = 3
"""No finding reaches --fail-on on exactly read cells, but a reading concern does: look at the document."""


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--previous",
    "previous_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Last year's report by the same body.",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the text output."
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="warning",
    show_default=True,
    help="Exit 1 when a rule of this severity or worse fails (3 when only reading concerns do).",
)
@click.option(
    "--fail-on-unverifiable",
    is_flag=True,
    help="Also exit 1 when a rule at the --fail-on level cannot be verified for a blank or missing number.",
)
@click.option("--blank-as-zero", is_flag=True, help="Read blank cells as 0 (every finding made so says it).")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Extra rule file (TOML); repeatable.",
)
@click.option("--disable", multiple=True, help="Switch off a rule (or one instance) by id; repeatable.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the findings here ('-' for stdout).")
@click.option("--from", "source", help="Source to read with (default: detected).")
@hint_options
def check(
    source_file: Path,
    previous_file: Path | None,
    output_format: str,
    lang: str,
    fail_on: str,
    fail_on_unverifiable: bool,
    blank_as_zero: bool,
    rule_files: tuple[Path, ...],
    disable: tuple[str, ...],
    output: Path | None,
    source: str | None,
    hints: ReportHints | None,
) -> int:
    """Check a report against the rule sets; exit 1 when a finding reaches --fail-on.

    A finding resting on a cell the source did not read exactly is a reading concern: listed apart, and it
    makes the exit code 3 instead of 1 when no other finding reaches --fail-on.
    """
    registry = state().registry
    report = load_input(source_file, source, hints).report
    previous = load_input(previous_file, source).report if previous_file else None
    rules = _rules(rule_files)
    known = set(rules.ids())
    unknown = [d for d in disable if not any(d == k or d.startswith(k + ".") for k in known)]
    if unknown:
        raise UsageError(f"--disable {unknown[0]}: no such rule")
    findings = registry.check(report, previous=previous, rules=rules, blank_as_zero=blank_as_zero, disabled=disable)
    layout = registry.layout(report.format)
    if output_format == "json":
        document = findings_json(
            report, findings, blank_as_zero=blank_as_zero, previous=previous is not None, layout=layout
        )
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = findings_text(report, layout, findings, lang).encode("utf-8")
    inputs = (source_file, *((previous_file,) if previous_file else ()), *rule_files)
    emit(data, output, inputs=inputs)
    return exit_code(findings, Severity(fail_on), unverifiable=fail_on_unverifiable)


def exit_code(findings: Findings, level: Severity, *, unverifiable: bool = False) -> int:
    """1 when a finding on exactly read cells reaches ``level``; else 3 when a reading concern does; else 0.

    An auditor is never told "error" for a number the report may not have printed, nor left unwarned:
    a script testing for a non-zero exit still stops on both.

    >>> exit_code(Findings(()), Severity.WARNING)
    0
    """
    if reaches(findings, level, unverifiable=unverifiable):
        return EXIT_FINDINGS
    return EXIT_READING if reaches(findings, level, unverifiable=unverifiable, concerns=True) else 0


@click.command()
@click.argument("old_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file ('-' for stdout).")
def diff(old_file: Path, new_file: Path, output_format: str, lang: str, output: Path | None) -> int:
    """Show what changed between two reports of one body: two years, or two versions of one year.

    The changed numbers come first; blanks that became 0 are folded into one line (the JSON lists every
    change with its kind). For consecutive years the year-over-year findings follow: exit 1 when one of
    them fails (3 when only reading concerns do).
    """
    registry = state().registry
    old, new = load_input(old_file).report, load_input(new_file).report
    if old.year > new.year:
        raise UsageError(f"{old_file} is for {old.year} and {new_file} for {new.year}: give the earlier year first")
    comparison = compare(old, new, registry=registry)
    if output_format == "json":
        data = (json.dumps(diff_json(comparison), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = diff_text(comparison, lang).encode("utf-8")
    emit(data, output, inputs=(old_file, new_file))
    failing = [f for f in comparison.findings if f.outcome is Outcome.FAIL]
    if any(f.reading is None for f in failing):
        return EXIT_FINDINGS
    return EXIT_READING if failing else 0


def _rules(rule_files: tuple[Path, ...]) -> RuleSet:
    registry = state().registry
    rules = registry.rule_set()
    for path in rule_files:
        rules = with_rules(rules, load_rule_file(path), registry.layouts().values())
    return rules


@click.group(invoke_without_command=True)
@click.option("--format", "format_id", help="Only the rules that apply to this format version.")
@click.pass_context
def rules(ctx: click.Context, format_id: str | None) -> None:
    """List the rules (shipped and from plugins); `rules explain ID` shows one."""
    if ctx.invoked_subcommand is not None:
        return
    registry = state().registry
    if format_id is not None:
        registry.layout(format_id)  # a UsageError listing the registered ones when unknown
    for rule in registry.rule_set().rules:
        if format_id and rule.applies.formats and format_id not in rule.applies.formats:
            continue
        formats = ",".join(rule.applies.formats) or "all"
        click.echo(f"{rule.id:<44} {rule.severity.value:<7} {rule.kind:<14} {formats:<9} {rule.title.zh}")


@rules.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Show one rule: what it checks, its basis, scope, and a passing and a failing example."""
    registry = state().registry
    try:
        rule = registry.rule_set().rule(rule_id)
    except KeyError:
        raise UsageError(f"no rule {rule_id!r} (see `disclosure rules`)") from None
    for line in _explain(rule):
        click.echo(line)
    for label, example in rule_examples(rule, registry.layouts()).items():
        click.echo(f"\nexample that {'passes' if label == 'pass' else 'fails'}:")
        for line in example.describe():
            click.echo(f"  {line}")


def _explain(rule: Rule) -> list[str]:
    scope = rule.applies
    lines = [
        f"{rule.id}  ({rule.kind}, {rule.severity.value}, from {rule.origin})",
        f"  {rule.title.zh}",
        f"  {rule.title.en}",
        f"basis:    {rule.basis}",
        f"formats:  {', '.join(scope.formats) or 'all'}"
        + (f"; years {scope.from_year or '…'}–{scope.to_year or '…'}" if scope.from_year or scope.to_year else "")
        + (f"; levels {', '.join(scope.levels)}" if scope.levels else ""),
        f"missing:  {rule.missing.value}",
    ]
    if rule.expand:
        lines.append(
            "expands:  "
            + ", ".join(f"{d.name} over {d.source if d.source != 'list' else list(d.values)}" for d in rule.expand)
        )
    lines.append(f"message:  {rule.message.zh}")
    lines.append(f"          {rule.message.en}")
    if rule.explanation:
        lines.append(f"note:     {rule.explanation}")
    return lines
