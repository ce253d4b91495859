"""disclosure-core: model, check, render and read 政府信息公开工作年度报告.

The public API is exactly what ``__all__`` lists; everything else is private.

>>> from disclosure_core import Body, new_report
>>> new_report("gov-2019", 2020, Body("代县人民政府", "county")).year
2020
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from disclosure_core import hookspecs
    from disclosure_core._api import check, default_registry, load, new_report, render
    from disclosure_core._formats import (
        DataFile,
        Diagnostic,
        DiagnosticLevel,
        Loaded,
        Renderer,
        RenderOptions,
        Source,
    )
    from disclosure_core._hints import ReportHints
    from disclosure_core._schema import findings_json_schema, report_json_schema
    from disclosure_core._serialize import dumps, from_dict, loads, to_dict
    from disclosure_core.errors import (
        DisclosureError,
        LayoutError,
        LoadError,
        PluginError,
        RenderError,
        RuleSetError,
        UsageError,
    )
    from disclosure_core.findings import CellUse, Finding, Findings, Message, Outcome, Severity, Suggestion
    from disclosure_core.hookspecs import hookimpl
    from disclosure_core.layouts import CellAddress, CellKind, Layout, builtin_layout, official_layouts, parse_layout
    from disclosure_core.model import (
        SECTION_IDS,
        AssessmentWeight,
        Body,
        BodyLevel,
        Facts,
        FeesCharged,
        Report,
        Section,
        Sections,
        Tables,
    )
    from disclosure_core.registry import PluginInfo, PluginProblem, PluginWarning, Registry
    from disclosure_core.rules import RuleSet, builtin_rule_set, load_rule_file
    from disclosure_core.rules.examples import rule_examples
    from disclosure_core.rules.output import dump_findings
    from disclosure_core.values import (
        BLANK,
        NOT_APPLICABLE,
        AbsenceKind,
        Absent,
        CellValue,
        Count,
        Money,
        Provenance,
        Reading,
        placeholder,
    )


_WHERE = {
    "AbsenceKind": "disclosure_core.values",
    "Absent": "disclosure_core.values",
    "AssessmentWeight": "disclosure_core.model",
    "BLANK": "disclosure_core.values",
    "Body": "disclosure_core.model",
    "BodyLevel": "disclosure_core.model",
    "CellAddress": "disclosure_core.layouts",
    "CellKind": "disclosure_core.layouts",
    "CellUse": "disclosure_core.findings",
    "CellValue": "disclosure_core.values",
    "Count": "disclosure_core.values",
    "DataFile": "disclosure_core._formats",
    "Diagnostic": "disclosure_core._formats",
    "DiagnosticLevel": "disclosure_core._formats",
    "DisclosureError": "disclosure_core.errors",
    "Facts": "disclosure_core.model",
    "FeesCharged": "disclosure_core.model",
    "Finding": "disclosure_core.findings",
    "Findings": "disclosure_core.findings",
    "Layout": "disclosure_core.layouts",
    "LayoutError": "disclosure_core.errors",
    "LoadError": "disclosure_core.errors",
    "Loaded": "disclosure_core._formats",
    "Message": "disclosure_core.findings",
    "Money": "disclosure_core.values",
    "NOT_APPLICABLE": "disclosure_core.values",
    "Outcome": "disclosure_core.findings",
    "PluginError": "disclosure_core.errors",
    "PluginInfo": "disclosure_core.registry",
    "PluginProblem": "disclosure_core.registry",
    "PluginWarning": "disclosure_core.registry",
    "Provenance": "disclosure_core.values",
    "Reading": "disclosure_core.values",
    "Registry": "disclosure_core.registry",
    "RenderError": "disclosure_core.errors",
    "RenderOptions": "disclosure_core._formats",
    "Renderer": "disclosure_core._formats",
    "Report": "disclosure_core.model",
    "ReportHints": "disclosure_core._hints",
    "RuleSet": "disclosure_core.rules",
    "RuleSetError": "disclosure_core.errors",
    "SECTION_IDS": "disclosure_core.model",
    "Section": "disclosure_core.model",
    "Sections": "disclosure_core.model",
    "Severity": "disclosure_core.findings",
    "Source": "disclosure_core._formats",
    "Suggestion": "disclosure_core.findings",
    "Tables": "disclosure_core.model",
    "UsageError": "disclosure_core.errors",
    "builtin_layout": "disclosure_core.layouts",
    "builtin_rule_set": "disclosure_core.rules",
    "check": "disclosure_core._api",
    "default_registry": "disclosure_core._api",
    "dumps": "disclosure_core._serialize",
    "from_dict": "disclosure_core._serialize",
    "hookimpl": "disclosure_core.hookspecs",
    "load": "disclosure_core._api",
    "load_rule_file": "disclosure_core.rules",
    "loads": "disclosure_core._serialize",
    "new_report": "disclosure_core._api",
    "official_layouts": "disclosure_core.layouts",
    "parse_layout": "disclosure_core.layouts",
    "placeholder": "disclosure_core.values",
    "render": "disclosure_core._api",
    "report_json_schema": "disclosure_core._schema",
    "findings_json_schema": "disclosure_core._schema",
    "dump_findings": "disclosure_core.rules.output",
    "rule_examples": "disclosure_core.rules.examples",
    "to_dict": "disclosure_core._serialize",
}
"""Each public name and the module it lives in: imported on first use, so ``import disclosure_core`` (and
``disclosure --version``) costs almost nothing and a command pays only for what it uses."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("disclosure-core")
    if name == "hookspecs":
        return importlib.import_module("disclosure_core.hookspecs")
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])


__all__ = [
    "BLANK",
    "NOT_APPLICABLE",
    "SECTION_IDS",
    "AbsenceKind",
    "Absent",
    "AssessmentWeight",
    "Body",
    "BodyLevel",
    "CellAddress",
    "CellKind",
    "CellUse",
    "CellValue",
    "Count",
    "DataFile",
    "Diagnostic",
    "DiagnosticLevel",
    "DisclosureError",
    "Facts",
    "FeesCharged",
    "Finding",
    "Findings",
    "Layout",
    "LayoutError",
    "LoadError",
    "Loaded",
    "Message",
    "Money",
    "Outcome",
    "PluginError",
    "PluginInfo",
    "PluginProblem",
    "PluginWarning",
    "Provenance",
    "Reading",
    "Registry",
    "RenderError",
    "RenderOptions",
    "Renderer",
    "Report",
    "ReportHints",
    "RuleSet",
    "RuleSetError",
    "Section",
    "Sections",
    "Severity",
    "Source",
    "Suggestion",
    "Tables",
    "UsageError",
    "builtin_layout",
    "builtin_rule_set",
    "check",
    "default_registry",
    "dump_findings",
    "dumps",
    "findings_json_schema",
    "from_dict",
    "hookimpl",
    "hookspecs",
    "load",
    "load_rule_file",
    "loads",
    "new_report",
    "official_layouts",
    "parse_layout",
    "placeholder",
    "render",
    "report_json_schema",
    "rule_examples",
    "to_dict",
]
