"""The rules engine knows nothing of the registry: rules and layouts are given; a registry's rule set is
built once, from the shipped files through the same hook as a province's, and compiled once per layout."""

from __future__ import annotations

import ast
from pathlib import Path

from disclosure_core import DataFile, Registry, hookimpl, load, parse_layout
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.engine import check, compiled_for

RULES = Path(__file__).resolve().parents[2] / "src" / "disclosure_core" / "rules"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "daixian-2020.json"
HUBEI_RULES = (
    Path(__file__).resolve().parents[2]
    / "examples/disclosure-example-hubei/src/disclosure_example_hubei/hubei-rules.toml"
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_of_the_rules_package_imports_the_registry_or_the_facade() -> None:
    offenders = {
        path.name: sorted(
            m
            for m in imported_modules(path)
            if m in {"disclosure_core", "disclosure_core.registry", "disclosure_core._api"}
        )
        for path in RULES.glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


class HubeiRules:
    @hookimpl
    def disclosure_rule_sets(self) -> list[DataFile]:
        return [DataFile("hubei-rules.toml", HUBEI_RULES.read_text(encoding="utf-8"))]


def test_the_same_rules_and_layouts_give_the_same_findings_whatever_a_registry_holds() -> None:
    report = load(EXAMPLE).report
    plain, provincial = Registry(entry_points=False), Registry(entry_points=False, plugins=[HubeiRules()])
    assert "hubei.other_documents_within_total" in provincial.rule_set().ids()
    assert "hubei.other_documents_within_total" not in plain.rule_set().ids()
    rules = builtin_rule_set()
    first = check(report, rules=rules, layouts=plain.layouts())
    second = check(report, rules=rules, layouts=provincial.layouts())
    assert [(f.rule, f.outcome) for f in first.all] == [(f.rule, f.outcome) for f in second.all]
    assert [(f.rule, f.outcome) for f in plain.check(report).all] == [(f.rule, f.outcome) for f in first.all]


def test_the_shipped_rules_come_through_the_rule_set_hook_of_a_builtin_plugin() -> None:
    registry = Registry(entry_points=False)
    info = next(i for i in registry.plugins() if i.name == "disclosure_core.official_rules")
    assert info.builtin
    assert info.hooks == ("disclosure_rule_sets",)
    assert registry.rule_set() is builtin_rule_set()  # nothing added, nothing switched off: the shipped set itself
    assert registry.rule_set_files() == []  # the shipped files are not "contributed by plugins"


def test_a_registry_rule_set_is_built_once_and_compiled_once_per_layout() -> None:
    registry = Registry(entry_points=False, plugins=[HubeiRules()])
    rules = registry.rule_set()
    assert registry.rule_set() is rules
    layout = registry.layout("gov-2019")
    compiled = compiled_for(rules, layout)
    registry.check(load(EXAMPLE).report)
    assert compiled_for(rules, layout) is compiled
    # Another layout of the same id (another registry's, parsed afresh) gets its own compilation.
    text = (Path(__file__).resolve().parents[2] / "src/disclosure_core/layouts/gov-2019.toml").read_text(
        encoding="utf-8"
    )
    other = parse_layout(text, origin="gov-2019.toml")
    assert other is not layout
    assert compiled_for(rules, other) is not compiled
    assert compiled_for(rules, layout) is not compiled_for(rules, other)
