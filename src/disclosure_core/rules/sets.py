"""Where rule sets come from: the shipped files, plugins' files, and files a user names.

>>> len(builtin_rule_set().rules) > 20
True
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from disclosure_core.errors import RuleSetError
from disclosure_core.registry import Registry
from disclosure_core.rules.lint import lint
from disclosure_core.rules.loader import check_unique, parse_rule_set
from disclosure_core.rules.spec import RuleSet

BUILTIN_RULE_FILES = ("common.toml", "gov-2019.toml", "gov-2021.toml")


@functools.cache
def builtin_rule_set() -> RuleSet:
    """The shipped rules (common, gov-2019, gov-2021), parsed once per process."""
    files = resources.files(__package__)
    rules = RuleSet(())
    for name in BUILTIN_RULE_FILES:
        rules = rules + parse_rule_set(files.joinpath(name).read_text(encoding="utf-8"), origin=name)
    return check_unique(rules)


def with_rules(rules: RuleSet, extra: RuleSet, registry: Registry) -> RuleSet:
    """``rules`` plus ``extra``, refused (:class:`RuleSetError`) when an id repeats or ``extra`` lints badly."""
    return lint(check_unique(rules + extra), registry.layouts().values())


def load_rule_file(path: str | Path) -> RuleSet:
    """Read a rule file; :class:`RuleSetError` naming the file for anything wrong with it.

    >>> load_rule_file("examples/disclosure-example-hubei/src/disclosure_example_hubei/hubei-rules.toml").ids()
    ['hubei.other_documents_within_total']
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_rule_set(text, origin=str(path))


def registry_rule_set(registry: Registry) -> RuleSet:
    """The shipped rules plus every plugin's rule files, minus the rules plugins switch off.

    Kept in the registry's cache (which registering a plugin clears), so plugins are asked once.
    """

    def combine() -> RuleSet:
        rules = builtin_rule_set()
        for file in registry.rule_set_files():
            # One plugin's broken rule file is that plugin's problem: skip the file, keep checking.
            try:
                rules = with_rules(rules, parse_rule_set(file.text, origin=file.origin), registry)
            except RuleSetError as exc:
                registry.plugin_problem(f"rule file skipped: {exc}")
        return rules.without(registry.disabled_rules())

    return registry.cached("rule_set", combine)


__all__ = [
    "BUILTIN_RULE_FILES",
    "RuleSetError",
    "builtin_rule_set",
    "load_rule_file",
    "registry_rule_set",
    "with_rules",
]
