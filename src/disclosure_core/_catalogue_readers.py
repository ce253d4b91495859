"""Catalogue entries for the shipped readers (:mod:`disclosure_core.catalogue`): the load errors and diagnostics
of the published-report, workbook and Word sources, in Chinese and English.

Keys: ``published.*`` (text, HTML, Markdown, Word and PDF reports as published), ``xlsx.*`` (the disclosure
workbook) and ``docx.*`` (Word documents written by disclosure-docx). The plugins ask for them through the public
:mod:`disclosure_core.catalogue` (:func:`~disclosure_core.catalogue.words`, ``Diagnostic.keyed``,
``LoadError.keyed``).

>>> sorted(ENTRIES)[:0]
[]
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {}
