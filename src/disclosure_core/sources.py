"""For plugin authors: the Source protocol and what a source needs to read a document into a report.

A source is a small object with ``name``, ``suffixes``, ``description``, ``sniff(head, filename)`` and
``load(data, *, origin, layouts, hints=None) -> Loaded``. It either returns :class:`Loaded` (the report and its
:class:`Diagnostic` list) or raises :class:`LoadError` naming the file and the place. ``layouts`` is a
``Mapping[str, Layout]`` by id: look one up with :func:`find_layout`. Values read from a place carry it
(:func:`located`); ZIP packages are checked before any XML parser sees them (:func:`check_archive`); and both DOCX
sources ask :func:`written_by_disclosure_docx` which of them a file is for. Facts stated in the narrative are read
with the core's own :func:`assessment_weight` and :func:`fees_charged`, as for every source. This module is public.

>>> from disclosure_core import Body, Count, Provenance, Report, official_layouts
>>> from disclosure_core.sources import Loaded, Source, find_layout, located
>>> class OneReport:
...     name, suffixes, description = "one", (".one",), "always the same report"
...     def sniff(self, head, filename):
...         return filename.endswith(".one")
...     def load(self, data, *, origin, layouts, hints=None):
...         layout = find_layout(layouts, "gov-2021")
...         return Loaded(Report(layout.id, 2025, Body(origin, "county")))
>>> isinstance(OneReport(), Source), OneReport().load(b"", origin="a.one", layouts=official_layouts()).report.year
(True, 2025)
>>> located(Count(3), Provenance("a.one", line=9)).provenance.line
9
"""

from __future__ import annotations

from disclosure_core._archives import (
    DEFAULT_LIMITS,
    DOCX_PROPERTY,
    ArchiveLimits,
    check_archive,
    member_start,
    written_by_disclosure_docx,
)
from disclosure_core._formats import DataFile, Diagnostic, DiagnosticLevel, Loaded, Source
from disclosure_core._hints import ReportHints, disagreement
from disclosure_core._lazy import LazySource, lazy_exports
from disclosure_core._serialize import from_dict
from disclosure_core.errors import LoadError
from disclosure_core.folding import fold, fold_ideographs
from disclosure_core.layouts import find_layout, unknown_layout
from disclosure_core.rules.stated import assessment_weight, fees_charged
from disclosure_core.values import located

__all__ = [
    "DEFAULT_LIMITS",
    "DOCX_PROPERTY",
    "ArchiveLimits",
    "DataFile",
    "Diagnostic",
    "DiagnosticLevel",
    "LazySource",
    "LoadError",
    "Loaded",
    "ReportHints",
    "Source",
    "assessment_weight",
    "check_archive",
    "disagreement",
    "fees_charged",
    "find_layout",
    "fold",
    "fold_ideographs",
    "from_dict",
    "lazy_exports",
    "located",
    "member_start",
    "unknown_layout",
    "written_by_disclosure_docx",
]
