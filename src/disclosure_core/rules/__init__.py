"""The declarative rule engine: rule sets as data, compiled once, evaluated into findings.

>>> from disclosure_core import load, official_layouts
>>> findings = check(load("examples/daixian-2020.json").report, rules=builtin_rule_set(), layouts=official_layouts())
>>> findings.by_outcome()["fail"]
4
"""

from __future__ import annotations

from disclosure_core.rules.engine import check, fingerprint
from disclosure_core.rules.loader import parse_rule_set
from disclosure_core.rules.narrative import FIGURES, Figure, extract_figures
from disclosure_core.rules.sets import BUILTIN_RULE_FILES, builtin_rule_set, load_rule_file
from disclosure_core.rules.spec import Applicability, Dimension, MissingPolicy, Rule, RuleSet

__all__ = [
    "BUILTIN_RULE_FILES",
    "FIGURES",
    "Applicability",
    "Dimension",
    "Figure",
    "MissingPolicy",
    "Rule",
    "RuleSet",
    "builtin_rule_set",
    "check",
    "extract_figures",
    "fingerprint",
    "load_rule_file",
    "parse_rule_set",
]
