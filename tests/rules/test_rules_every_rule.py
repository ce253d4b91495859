"""Every shipped rule proves itself: an example that passes it and one that fails it."""

from __future__ import annotations

import pytest

from disclosure_core.findings import Outcome
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.examples import rule_examples
from disclosure_core.rules.lint import lint

RULES = builtin_rule_set().rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_passes_its_passing_example_and_fails_its_failing_one(rule: object) -> None:
    from disclosure_core.rules.spec import Rule

    assert isinstance(rule, Rule)
    examples = rule_examples(rule)
    assert examples["pass"].finding.outcome is Outcome.PASS
    failed = examples["fail"].finding
    assert failed.outcome is Outcome.FAIL
    assert failed.message.zh
    assert failed.message.en
    assert "{" not in failed.message.zh + failed.message.en
    assert failed.fingerprint


def test_shipped_rules_lint_clean_for_both_formats() -> None:
    assert lint(builtin_rule_set(), [builtin_layout("gov-2019"), builtin_layout("gov-2021")]) is builtin_rule_set()


def test_every_shipped_rule_has_bilingual_text_and_a_basis() -> None:
    for rule in RULES:
        assert all((rule.basis, rule.title.zh, rule.title.en)), rule.id


def test_shipped_rule_files_validate_against_the_documented_schema() -> None:
    import json
    import tomllib
    from importlib import resources
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parents[2] / "docs" / "rules.schema.json").read_text(encoding="utf-8"))
    for name in ("common.toml", "gov-2019.toml", "gov-2021.toml"):
        data = tomllib.loads(resources.files("disclosure_core.rules").joinpath(name).read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
    broken = {
        "rules": [
            {
                "id": "x",
                "kind": "sum",
                "severity": "fatal",
                "title": {"zh": "x", "en": "x"},
                "message": {"zh": "x", "en": "x"},
                "basis": "b",
                "whole": "a.b.c",
                "parts": ["a.b.d"],
            }
        ]
    }
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)
