"""The hostile rule files of ../shared/hostile end in one-line RuleSetErrors naming the file, quickly and in
little memory — at load for what the file's text shows, at lint for what a layout shows (an expansion)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_core import official_layouts
from disclosure_core.errors import RuleSetError
from disclosure_core.rules.instances import MAX_INSTANCES
from disclosure_core.rules.lint import lint
from disclosure_core.rules.loader import parse_rule_set
from disclosure_core.rules.sets import load_rule_file

ROOT = Path(__file__).resolve().parents[2]


def _hostile(name: str) -> Path:
    """A file of ../shared/hostile, from the checkout or the main checkout a worktree belongs to."""
    for folder in ROOT.parents:
        if (folder / "shared" / "hostile" / name).is_file():
            return folder / "shared" / "hostile" / name
    raise FileNotFoundError(name)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("C5-rule-not-x495.toml", r"rule 'x\.evil' \(\$\.rules\[0\]\.expr\): expression nested too deeply"),
        ("C6-rule-toml-deep.toml", r"TOML nested too deeply"),
        ("C6-rule-toml-bigint.toml", r"line 1 column 9: an integer of more than 4300 digits"),
    ],
)
def test_a_hostile_rule_file_is_refused_when_it_is_read(name: str, problem: str) -> None:
    path = _hostile(name)
    with pytest.raises(RuleSetError, match=rf"^{path}: {problem}") as raised:
        load_rule_file(path)
    assert "\n" not in str(raised.value)


def test_an_expansion_to_a_billion_instances_is_refused_before_it_is_built() -> None:
    path = _hostile("C9-rule-expand-1e9.toml")
    rules = load_rule_file(path)
    with pytest.raises(RuleSetError) as raised:
        lint(rules, official_layouts().values())
    assert str(raised.value) == (
        f"{path}: rule 'x.explode' (gov-2019): expand gives 1000000000 instances (at most {MAX_INSTANCES})"
    )


def test_the_same_rule_with_a_long_but_shallow_expression_still_loads() -> None:
    hostile = _hostile("C5-rule-not-x495.toml").read_text(encoding="utf-8")
    long_sum = " + ".join(["requests.new.research"] * 70) + " >= requests.new.total"
    text = re.sub(r'^expr = ".*"$', f'expr = "{long_sum}"', hostile, flags=re.M)
    assert len(long_sum) > 1500
    rules = lint(parse_rule_set(text, origin="x.toml"), official_layouts().values())
    assert rules.ids() == ["x.evil"]
