"""Commands that check reports: ``check``, ``diff`` and ``rules`` (list, ``rules explain ID``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from disclosure_core._diff_document import compare, diff_json, diff_text
from disclosure_core._hints import ReportHints
from disclosure_core.catalogue import join, say, words
from disclosure_core.cli.colour import paint_findings, wants_colour
from disclosure_core.cli.shared import (
    STDIN,
    emit,
    hint_options,
    load_input,
    output_option,
    print_json,
    read_input_file,
    refuse_output_over_inputs,
    state,
)
from disclosure_core.errors import RuleSetError, UsageError
from disclosure_core.findings import Findings, Outcome, Severity
from disclosure_core.rules import builtin_rule_set, parse_rule_set
from disclosure_core.rules.examples import rule_examples
from disclosure_core.rules.output import dump_findings, reaches
from disclosure_core.rules.sets import with_rules
from disclosure_core.rules.spec import Rule, RuleSet
from disclosure_core.rules.terminal import findings_text

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
@output_option("Write the findings here ('-' for stdout).")
@click.option("--from", "source", help="Source to read with (default: detected).")
@hint_options
def check(
    source_file: Path,
    previous_file: Path | None,
    output_format: str,
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
    refuse_output_over_inputs(output, source_file, previous_file, *rule_files)
    registry = state().registry
    report = load_input(source_file, source, hints).report
    previous = load_input(previous_file, source).report if previous_file else None
    rules = _rules(rule_files)
    findings = registry.check(report, previous=previous, rules=rules, blank_as_zero=blank_as_zero, disabled=disable)
    layout = registry.layout(report.format)
    if output_format == "json":
        data = dump_findings(
            report, findings, blank_as_zero=blank_as_zero, previous=previous is not None, layout=layout
        )
    else:
        shown = findings_text(report, layout, findings, state().lang)
        data = (paint_findings(shown) if _colour_on_stdout(output) else shown).encode("utf-8")
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
@output_option()
def diff(old_file: Path, new_file: Path, output_format: str, output: Path | None) -> int:
    """Show what changed between two reports of one body: two years, or two versions of one year.

    The changed numbers come first; blanks that became 0 are folded into one line (the JSON lists every
    change with its kind). For consecutive years the year-over-year findings follow: exit 1 when one of
    them fails (3 when only reading concerns do).
    """
    registry = state().registry
    old, new = load_input(old_file).report, load_input(new_file).report
    if old.year > new.year:
        raise UsageError.keyed("cli.years_order", old=old_file, old_year=old.year, new=new_file, new_year=new.year)
    comparison = compare(old, new, registry=registry)
    if output_format == "json":
        data = (json.dumps(diff_json(comparison), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = diff_text(comparison, state().lang).encode("utf-8")
    emit(data, output, inputs=(old_file, new_file))
    failing = [f for f in comparison.findings if f.outcome is Outcome.FAIL]
    if any(f.reading is None for f in failing):
        return EXIT_FINDINGS
    return EXIT_READING if failing else 0


def _colour_on_stdout(output: Path | None) -> bool:
    terminal = (output is None or str(output) == STDIN) and sys.stdout.isatty()
    return wants_colour(os.environ, terminal=terminal)


def _rules(rule_files: tuple[Path, ...]) -> RuleSet:
    registry = state().registry
    rules = registry.rule_set()
    for path in rule_files:
        rules = with_rules(rules, _rule_file(path), registry.layouts().values())
    return rules


def _rule_file(path: Path) -> RuleSet:
    """A rule file (``-``: standard input); :class:`RuleSetError` naming it when it is not one."""
    data, origin = read_input_file(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RuleSetError.keyed("error.unreadable", where=origin, reason=words("config.not_utf8")) from None
    return parse_rule_set(text, origin=origin)


OUTPUT_FORMATS = ("text", "json")


@click.group(invoke_without_command=True)
@click.option(
    "--format",
    "output_format",
    default="text",
    show_default=True,
    help="Output: text or json (a format version such as gov-2021 is taken as --format-version).",
)
@click.option("--format-version", "format_id", help="Only the rules that apply to this format version.")
@click.pass_context
def rules(ctx: click.Context, output_format: str, format_id: str | None) -> None:
    """List the rules (shipped and from plugins); `rules explain ID` shows one, `rules lint FILE` checks a file."""
    if ctx.invoked_subcommand is not None:
        return
    if output_format not in OUTPUT_FORMATS:  # `rules --format gov-2021` meant the format version before --format json
        format_id, output_format = output_format, "text"
    registry = state().registry
    lang = state().lang
    if format_id is not None:
        registry.layout(format_id)  # a UsageError listing the registered ones when unknown
    chosen = [
        rule
        for rule in registry.rule_set().rules
        if not (format_id and rule.applies.formats and format_id not in rule.applies.formats)
    ]
    if output_format == "json":
        print_json([_rule_json(rule) for rule in chosen])
        return
    for rule in chosen:
        formats = ",".join(rule.applies.formats) or say("rules.all_formats", lang)
        severity = say(f"severity.{rule.severity.value}", lang)
        click.echo(f"{rule.id:<44} {severity:<7} {rule.kind:<14} {formats:<9} {rule.title.text(lang)}")


def _rule_json(rule: Rule) -> dict[str, object]:
    scope = rule.applies
    return {
        "id": rule.id,
        "severity": rule.severity.value,
        "kind": rule.kind,
        "formats": list(scope.formats),
        "from_year": scope.from_year,
        "to_year": scope.to_year,
        "levels": list(scope.levels),
        "title": {"zh": rule.title.zh, "en": rule.title.en},
        "basis": rule.basis,
        "origin": rule.origin,
    }


@rules.command()
@click.argument("rule_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True)
def lint(rule_file: Path, output_format: str) -> int:
    """Check a rule file (`-`: standard input) as `check --rules` would load it, and show each rule failing.

    Exit 0 when it is sound, 1 when it is not (the problem named with its place), 2 when it cannot be read.
    """
    registry = state().registry
    problems: list[str] = []
    shown_problems: list[str] = []  # in the user's language (the JSON answer keeps the English, for scripts)
    loaded: RuleSet | None = None
    try:
        loaded = _rule_file(rule_file)
        # Against the shipped rules only: a plugin's own file, linted while it is installed, is no clash.
        with_rules(builtin_rule_set(), loaded, registry.layouts().values())
    except RuleSetError as exc:
        problems.append(str(exc))
        shown_problems.append(exc.text(state().lang))
    shown: dict[str, list[str]] = {}
    for rule in loaded.rules if loaded is not None and not problems else ():
        shown[rule.id] = sorted(rule_examples(rule, registry.layouts()))
    ids = list(loaded.ids()) if loaded is not None else []
    if output_format == "json":
        print_json({"file": str(rule_file), "ok": not problems, "rules": ids, "problems": problems, "examples": shown})
    elif problems:
        for problem in shown_problems:
            click.echo(problem)
    else:
        lang = state().lang
        formats = join(list(registry.layouts()), lang)
        click.echo(say("rules.lint_sound", lang, path=rule_file, count=len(ids), formats=formats))
        for rule_id, labels in shown.items():
            if labels:
                click.echo(say("rules.lint_examples", lang, rule=rule_id, labels=join(labels, lang)))
            else:
                click.echo(say("rules.lint_no_example", lang, rule=rule_id))
    return 1 if problems else 0


@rules.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Show one rule: what it checks, its basis, scope, and a passing and a failing example."""
    registry = state().registry
    try:
        rule = registry.rule_set().rule(rule_id)
    except KeyError:
        raise UsageError.keyed("cli.unknown_rule", rule=repr(rule_id)) from None
    lang = state().lang
    for line in _explain(rule, lang):
        click.echo(line)
    for label, example in rule_examples(rule, registry.layouts()).items():
        click.echo("\n" + say("rules.passes" if label == "pass" else "rules.fails", lang))
        finding = example.finding
        click.echo(
            "  "
            + say("rules.example", lang, rule=example.instance, outcome=say(f"outcome.{finding.outcome.value}", lang))
        )
        if finding.outcome.value != "pass":
            click.echo(f"  {finding.message.text(lang)}")


def _explain(rule: Rule, lang: str) -> list[str]:
    scope = rule.applies
    formats = say("rules.formats", lang, formats=join(list(scope.formats), lang) or say("rules.all_formats", lang))
    if scope.from_year or scope.to_year:
        formats += say("rules.years", lang, start=scope.from_year or "…", end=scope.to_year or "…")
    if scope.levels:
        formats += say("rules.levels", lang, levels=join([say(f"level.{v}", lang) for v in scope.levels], lang))
    severity = say(f"severity.{rule.severity.value}", lang)
    lines = [
        say("rules.origin", lang, rule=rule.id, kind=rule.kind, severity=severity, origin=rule.origin),
        f"  {rule.title.text(lang)}",
        say("rules.basis", lang, basis=rule.basis),
        formats,
        say("rules.missing", lang, policy=say(f"policy.{rule.missing.value}", lang)),
    ]
    if rule.expand:
        over = [
            say(
                "rules.expand_over",
                lang,
                name=d.name,
                source=d.source if d.source != "list" else join(list(d.values), lang),
            )
            for d in rule.expand
        ]
        lines.append(say("rules.expands", lang, over=join(over, lang)))
    lines.append(say("rules.message", lang, message=rule.message.text(lang)))
    if rule.explanation:
        lines.append(say("rules.note", lang, note=rule.explanation.text(lang)))
    return lines
