"""What the caller knows better than the document: the body's name, level, region and the report year.

Every source takes ``hints`` (``Source.load(data, *, origin, layouts, hints=None)``); a reader that infers
these from text uses them while reading, and :func:`apply_hints` makes sure, for every source, that a hint
given overrides what was read, with a diagnostic when the two disagree.

>>> from disclosure_core import Body, Report
>>> loaded = Loaded(Report("gov-2021", 2025, Body("某县人民政府", "county")))
>>> hinted = apply_hints(loaded, ReportHints(name="某县人民政府办公室", region="某省某市某县"), origin="a.json")
>>> hinted.report.body.name, hinted.report.body.region
('某县人民政府办公室', '某省某市某县')
>>> [d.message for d in hinted.diagnostics]
["body name: the hint says '某县人民政府办公室', the document '某县人民政府': taking the hint"]
"""

from __future__ import annotations

from typing import Any

import attrs

from disclosure_core._formats import Diagnostic, DiagnosticLevel, Loaded
from disclosure_core.model import Body, BodyLevel
from disclosure_core.text import Text
from disclosure_core.values import Provenance


@attrs.frozen
class ReportHints:
    """Any field given replaces what a source reads or infers (the CLI's ``--body --level --region --year``).

    >>> ReportHints(level="county").level
    <BodyLevel.COUNTY: 'county'>
    >>> ReportHints().given()
    False
    """

    name: str | None = None
    level: BodyLevel | None = attrs.field(default=None, converter=attrs.converters.optional(BodyLevel))
    region: str | None = None
    year: int | None = None

    def given(self) -> bool:
        """Whether any hint is given."""
        return any(value is not None for value in attrs.astuple(self))


def disagreement(what: str, hinted: Any, read: Any, where: Provenance | None) -> Diagnostic:
    """The one diagnostic for a hint that overrides a different value the document gives.

    ``what`` is one of "body name", "body level", "region" and "report year" (named in the user's language).

    >>> note = disagreement("report year", 2021, 2020, Provenance("a.txt", line=1))
    >>> str(note)
    'a.txt, line 1: warning: report year: the hint says 2021, the document 2020: taking the hint'
    >>> note.text("zh")
    '报告年度：提示为 2021，文档中为 2020：采用提示'
    """
    from disclosure_core.catalogue import words

    named = _NAMED.get(what)
    shown = words(named) if named else Text(what, what)
    return Diagnostic.keyed(
        "hint.disagrees", DiagnosticLevel.WARNING, where, "hint", what=shown, hinted=repr(hinted), read=repr(read)
    )


_NAMED = {"body name": "hint.name", "body level": "hint.level", "region": "hint.region", "report year": "hint.year"}


def apply_hints(loaded: Loaded, hints: ReportHints | None, *, origin: str) -> Loaded:
    """``loaded`` with every given hint in its report, and a :func:`disagreement` for each value it replaces."""
    if hints is None or not hints.given():
        return loaded
    report, where = loaded.report, Provenance(origin)
    body = report.body
    notes: list[Diagnostic] = []
    fields = (
        ("body name", "name", hints.name),
        ("body level", "level", hints.level),
        ("region", "region", hints.region),
    )
    changes: dict[str, Any] = {}
    for what, field, hinted in fields:
        read = getattr(body, field)
        if hinted is not None and hinted != read:
            changes[field] = hinted
            if read not in (None, ""):
                notes.append(
                    disagreement(what, hinted.value if isinstance(hinted, BodyLevel) else hinted, _plain(read), where)
                )
    if changes:
        report = report.evolve(body=Body(**{**attrs.asdict(body, recurse=False), **changes}))
    if hints.year is not None and hints.year != report.year:
        notes.append(disagreement("report year", hints.year, report.year, where))
        report = report.evolve(year=hints.year)
    if report is loaded.report:
        return loaded
    return Loaded(report, (*loaded.diagnostics, *notes))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, BodyLevel) else value


__all__ = ["ReportHints", "apply_hints", "disagreement"]
