"""mkdocs hook: pages generated at build time from the code and data, so they cannot drift.

* ``changelog.md`` — the repository's CHANGELOG.md, as it is.
* ``rule-reference.md`` — every shipped rule, read from the rule files, with a passing and a failing example
  produced by running the rule engine on generated reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def generated_pages() -> dict[str, str]:
    """Page path → Markdown, for every generated page."""
    return {
        "changelog.md": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
        "rule-reference.md": rule_reference(),
    }


def rule_reference() -> str:
    """The rule reference: one section per shipped rule, in rule-file order."""
    from disclosure_core.rules import builtin_rule_set
    from disclosure_core.rules.examples import rule_examples

    rules = builtin_rule_set().rules
    lines = [
        "# Rule reference",
        "",
        f"Generated from the shipped rule files when the site is built: {len(rules)} rules. Each example is",
        "a generated report run through the engine; `disclosure rules explain ID` prints the same.",
        "",
        "| rule | severity | kind | title |",
        "|---|---|---|---|",
    ]
    lines += [f"| [`{r.id}`](#{_anchor(r.id)}) | {r.severity.value} | {r.kind} | {r.title.zh} |" for r in rules]
    for rule in rules:
        scope = rule.applies
        years = f"{scope.from_year or '…'}–{scope.to_year or '…'}" if scope.from_year or scope.to_year else "all"
        lines += [
            "",
            f"## `{rule.id}` {{#{_anchor(rule.id)}}}",
            "",
            f"**{rule.title.zh}** — {rule.title.en}",
            "",
            "| | |",
            "|---|---|",
            f"| severity | {rule.severity.value} |",
            f"| kind | {rule.kind} |",
            f"| basis | {rule.basis} |",
            f"| formats | {', '.join(scope.formats) or 'all'} |",
            f"| years | {years} |",
            f"| body levels | {', '.join(scope.levels) or 'all'} |",
            f"| missing cells | {rule.missing.value} |",
            f"| file | `{rule.origin}` |",
        ]
        if rule.explanation:
            lines += ["", rule.explanation]
        for outcome, example in rule_examples(rule).items():
            lines += ["", f"Example that {'passes' if outcome == 'pass' else 'fails'}:", "", "```text"]
            lines += example.describe()
            lines += ["```"]
    return "\n".join(lines) + "\n"


def _anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-").replace("_", "-")


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the site."""
    from mkdocs.structure.files import File

    for path, text in generated_pages().items():
        files.append(File.generated(config, path, content=text))
    return files
