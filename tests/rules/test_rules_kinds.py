"""The table of rule kinds: every kind in one module, the schema generated from them, and a new kind added
as docs/rules.md says — one module and one line — working through the loader, lint, engine and examples."""

from __future__ import annotations

import re
import tomllib
import types
from pathlib import Path

import jsonschema
import pytest

from disclosure_core import Report, check, load
from disclosure_core.errors import RuleSetError
from disclosure_core.findings import Finding, Outcome
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules import RuleSet, builtin_rule_set, kinds
from disclosure_core.rules.examples import rule_examples
from disclosure_core.rules.file_schema import COMMON_KEYS, rule_file_schema, schema_text
from disclosure_core.rules.lint import lint
from disclosure_core.rules.loader import parse_rule_set

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def _block(language: str, after: str) -> str:
    """The first ``language`` code block of docs/rules.md after the heading ``after``."""
    section = DOCS[DOCS.index(after) :]
    match = re.search(rf"^```{language}\n(.*?)^```", section, re.S | re.M)
    assert match is not None
    return match.group(1)


def test_the_committed_schema_is_the_one_generated_from_the_kinds() -> None:
    committed = (ROOT / "docs" / "rules.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "docs/rules.schema.json is stale: run `make schemas`"


def test_every_word_a_rule_file_may_use_is_one_kinds_form() -> None:
    words = kinds.words()
    assert len(words) == len(set(words)) == 13  # breakdown added (issue 16)
    assert {kinds.kind_of(w).name for w in ("sum", "balance", "compare", "year_over_year", "expression")} == {
        "relation"
    }
    assert [kind.name for kind in kinds.KINDS] == [
        "relation",
        "threshold",
        "required",
        "narrative",
        "deadline",
        "format_year",
        "pattern",
        "unit",
        "breakdown",
    ]
    with pytest.raises(KeyError):
        kinds.kind_of("magic")


def test_no_kind_key_shadows_a_common_key_and_every_required_key_is_known() -> None:
    for kind in kinds.KINDS:
        for form in kind.forms:
            assert not set(form.keys) & COMMON_KEYS, form.word
            assert set(form.required) <= set(form.keys) | COMMON_KEYS, form.word


def test_the_docs_list_every_kind_and_its_placeholders() -> None:
    table = DOCS[DOCS.index("## Kinds of rule") : DOCS.index("## Outcomes")]
    placeholders = DOCS[DOCS.index("## Placeholders in messages") : DOCS.index("## Linting")]
    for kind in kinds.KINDS:
        for form in kind.forms:
            assert f"| `{form.word}` |" in table, form.word
        for word in kind.words - {"figure"}:  # {figure}: known to lint, filled by no finding (see the test below)
            assert f"{{{word}}}" in placeholders, (kind.name, word)


def test_lint_knows_each_kinds_placeholders() -> None:
    rule = """[[rules]]
id = "x.late"
kind = "deadline"
severity = "warning"
title = { zh = "x", en = "x" }
message = { zh = "{days}", en = "{deadline} {published} {level} {%s}" }
basis = "test"
by_level = { county = "03-31" }
"""
    layouts = [builtin_layout("gov-2021")]
    assert lint(parse_rule_set(rule % "days", origin="x.toml"), layouts).ids() == ["x.late"]
    with pytest.raises(RuleSetError, match=r"message.en uses unknown placeholder \{cells\}"):
        lint(parse_rule_set(rule % "cells", origin="x.toml"), layouts)


@pytest.fixture
def share(monkeypatch: pytest.MonkeyPatch) -> kinds.Kind:
    """The worked example of docs/rules.md, as its own module, added to the table with one line."""
    module = types.ModuleType("share")
    exec(compile(_block("python", "## Adding a kind"), "docs/rules.md: share", "exec"), module.__dict__)
    kind = module.KIND
    assert isinstance(kind, kinds.Kind)
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, kind))  # the one line
    return kind


def test_the_worked_example_of_a_new_kind_works_everywhere(share: kinds.Kind) -> None:
    text = _block("toml", "## Adding a kind")
    rules = lint(parse_rule_set(text, origin="share.toml"), [builtin_layout("gov-2019"), builtin_layout("gov-2021")])
    rule = rules.rule("requests.withheld_share")
    assert rule.kind == "share"

    examples = rule_examples(rule)
    assert examples["pass"].finding.outcome is Outcome.PASS
    failed = examples["fail"].finding
    assert failed.outcome is Outcome.FAIL
    assert re.fullmatch(r"\d+(\.\d)?% of the requests handled were withheld, more than 50%", failed.message.en)

    # Dai County's 总计 column is blank: it states nothing the rule could test.
    dai = load(ROOT / "examples" / "daixian-2020.json").report
    assert _finding(dai, rules).outcome is Outcome.EMPTY
    assert _finding(dai.with_cells({"requests.withheld_third_party.total": 5}), rules).outcome is (
        Outcome.NOT_VERIFIABLE  # the other withheld rows are blank
    )
    rows = builtin_layout(dai.format).table("requests").rows
    cells = {f"requests.{r.id}.total": 0 for r in rows if "withheld" in r.groups}
    withheld = dai.with_cells({**cells, "requests.withheld_third_party.total": 5, "requests.total.total": 7})
    finding = _finding(withheld, rules)
    assert (finding.outcome, finding.lhs, finding.rhs) == (Outcome.FAIL, 5, 7)
    assert finding.message.zh == "不予公开占办结申请的 71.4%，超过 50%"
    half = _finding(withheld.with_cells({"requests.total.total": 10}), rules)
    assert half.outcome is Outcome.PASS

    schema = rule_file_schema()
    assert "share" in schema["$defs"]["rule"]["properties"]["kind"]["enum"]
    data = tomllib.loads(text)
    jsonschema.validate(data, schema)
    data["rules"][0]["at_most"] = "half"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_the_new_kinds_reader_reports_its_own_errors_in_the_common_form(share: kinds.Kind) -> None:
    text = _block("toml", "## Adding a kind").replace("at_most = 50", "at_most = 150")
    with pytest.raises(RuleSetError) as raised:
        parse_rule_set(text, origin="share.toml")
    assert str(raised.value) == (
        "share.toml: rule 'requests.withheld_share' ($.rules[0].at_most): expected a percentage from 0 to 100, got 150"
    )
    with pytest.raises(RuleSetError, match=r"unknown key for a share rule"):
        parse_rule_set(text.replace("at_most = 150", "at_most = 5\nop = '<'"), origin="share.toml")


def test_without_its_line_in_the_table_the_kind_is_unknown() -> None:
    with pytest.raises(RuleSetError, match=r"unknown kind 'share' \(one of: sum, balance, .*, unit, breakdown\)"):
        parse_rule_set(_block("toml", "## Adding a kind"), origin="share.toml")


def _finding(report: Report, rules: RuleSet) -> Finding:
    return next(f for f in check(report, rules=rules).all if f.rule == "requests.withheld_share")


def test_rule_texts_finding_messages_and_layout_labels_are_one_bilingual_type() -> None:
    from disclosure_core import Message
    from disclosure_core.layouts import Label
    from disclosure_core.text import Text

    assert Label is Message is Text
    total = builtin_layout("gov-2021").table("requests").column("total").label
    assert total == Text("总计", total.en)
    rule = builtin_rule_set().rule("requests.balance")
    assert isinstance(rule.title, Text)
    assert isinstance(rule.message, Text)


def test_the_schema_takes_a_bilingual_explanation_or_one_string() -> None:
    validator = jsonschema.Draft202012Validator(rule_file_schema())
    rule: dict[str, object] = {"id": "x.y", "kind": "sum", "severity": "error", "basis": "b", "whole": "a.b.c"}
    rule |= {"parts": ["a.b.d"], "title": {"zh": "标", "en": "t"}, "message": {"zh": "消", "en": "m"}}
    assert validator.is_valid({"rules": [rule | {"explanation": {"zh": "说明", "en": "why"}}]})
    assert validator.is_valid({"rules": [rule | {"explanation": "why"}]})
    assert not validator.is_valid({"rules": [rule | {"explanation": {"zh": "说明"}}]})
