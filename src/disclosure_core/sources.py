"""For plugin authors: the Source protocol and what a source needs to read a document into a report.

A source is a small object with ``name``, ``suffixes``, ``description``, ``sniff(head, filename)`` and
``load(data, *, origin, layouts, hints=None) -> Loaded``. It either returns :class:`Loaded` (the report and its
:class:`Diagnostic` list) or raises :class:`LoadError` naming the file and the place. ``layouts`` is a
``Mapping[str, Layout]`` by id: look one up with :func:`find_layout`. Values read from a place carry it
(:func:`located`); ZIP packages are checked before any XML parser sees them (:func:`check_archive`); and both DOCX
sources ask :func:`written_by_disclosure_docx` which of them a file is for. Where a document admits several
readings, the layout's own arithmetic chooses: :func:`layout_identities` are the linear equalities its tables must
satisfy (from the shipped rules), :func:`broken_identities` counts those a reading breaks. Facts stated in the narrative are read
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

from typing import TYPE_CHECKING

from disclosure_core._lazy import lazy_exports

if TYPE_CHECKING:
    from disclosure_core._archives import (
        DEFAULT_LIMITS,
        DOCX_METADATA_PART,
        DOCX_PROPERTY,
        ArchiveLimits,
        check_archive,
        member_start,
        written_by_disclosure_docx,
    )
    from disclosure_core._formats import DataFile, Diagnostic, DiagnosticLevel, Loaded, Source
    from disclosure_core._hints import ReportHints, disagreement
    from disclosure_core._lazy import LazySource
    from disclosure_core._serialize import from_dict
    from disclosure_core.errors import LoadError
    from disclosure_core.folding import fold, fold_ideographs
    from disclosure_core.layouts import find_layout, unknown_layout
    from disclosure_core.rules.identities import Identity, Number, broken_identities, layout_identities
    from disclosure_core.rules.stated import assessment_weight, fees_charged
    from disclosure_core.values import located

# Each name is imported from where it lives on first use: a plugin's entry point imports this module on every
# ``disclosure`` run, and most runs need few of these.
__getattr__ = lazy_exports(
    __name__,
    {
        "DEFAULT_LIMITS": "disclosure_core._archives",
        "DOCX_METADATA_PART": "disclosure_core._archives",
        "DOCX_PROPERTY": "disclosure_core._archives",
        "ArchiveLimits": "disclosure_core._archives",
        "check_archive": "disclosure_core._archives",
        "member_start": "disclosure_core._archives",
        "written_by_disclosure_docx": "disclosure_core._archives",
        "DataFile": "disclosure_core._formats",
        "Diagnostic": "disclosure_core._formats",
        "DiagnosticLevel": "disclosure_core._formats",
        "Loaded": "disclosure_core._formats",
        "Source": "disclosure_core._formats",
        "ReportHints": "disclosure_core._hints",
        "disagreement": "disclosure_core._hints",
        "LazySource": "disclosure_core._lazy",
        "from_dict": "disclosure_core._serialize",
        "LoadError": "disclosure_core.errors",
        "fold": "disclosure_core.folding",
        "fold_ideographs": "disclosure_core.folding",
        "find_layout": "disclosure_core.layouts",
        "unknown_layout": "disclosure_core.layouts",
        "Identity": "disclosure_core.rules.identities",
        "Number": "disclosure_core.rules.identities",
        "broken_identities": "disclosure_core.rules.identities",
        "layout_identities": "disclosure_core.rules.identities",
        "assessment_weight": "disclosure_core.rules.stated",
        "fees_charged": "disclosure_core.rules.stated",
        "located": "disclosure_core.values",
    },
)

__all__ = [
    "DEFAULT_LIMITS",
    "DOCX_METADATA_PART",
    "DOCX_PROPERTY",
    "ArchiveLimits",
    "DataFile",
    "Diagnostic",
    "DiagnosticLevel",
    "Identity",
    "LazySource",
    "LoadError",
    "Loaded",
    "Number",
    "ReportHints",
    "Source",
    "assessment_weight",
    "broken_identities",
    "check_archive",
    "disagreement",
    "fees_charged",
    "find_layout",
    "fold",
    "fold_ideographs",
    "from_dict",
    "layout_identities",
    "lazy_exports",
    "located",
    "member_start",
    "unknown_layout",
    "written_by_disclosure_docx",
]
