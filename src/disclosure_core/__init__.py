"""disclosure-core: model, check, render and read 政府信息公开工作年度报告.

The public API is exactly what ``__all__`` lists; everything else is private.

>>> from disclosure_core import Body, new_report
>>> new_report("gov-2019", 2020, Body("代县人民政府", "county")).year
2020
"""

from __future__ import annotations

from disclosure_core import hookspecs
from disclosure_core.api import default_registry, load, new_report, render
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
from disclosure_core.formats import (
    DataFile,
    Diagnostic,
    DiagnosticLevel,
    Loaded,
    Renderer,
    RenderOptions,
    Source,
)
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
from disclosure_core.registry import PluginInfo, PluginWarning, Registry
from disclosure_core.rules import RuleSet, builtin_rule_set, check, load_rule_file
from disclosure_core.schema import report_json_schema
from disclosure_core.serialize import dumps, from_dict, loads, to_dict
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

__version__ = "0.1.0"

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
    "PluginWarning",
    "Provenance",
    "Reading",
    "Registry",
    "RenderError",
    "RenderOptions",
    "Renderer",
    "Report",
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
    "dumps",
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
    "to_dict",
]
