"""Reading confidence in the findings: the caveat a finding resting on a cell not read exactly carries, and
whether a report's tables were read with confidence at all — in both languages, cells named by their labels.

>>> from disclosure_core import Body, Count, Provenance, Reading, Report
>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core import check
>>> guess = Count(9, provenance=Provenance("a.pdf", page=4, reading=Reading.UNCERTAIN, alternatives=("19",)))
>>> report = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells(
...     {"appeals.review.upheld": guess, "appeals.review.total": 10})
>>> finding = next(f for f in check(report) if f.rule == "appeals.group_total.review")
>>> print(reading_note(builtin_layout("gov-2021"), finding).en)
this may be a reading problem, not an error of the report: Table 3 Administrative reconsideration·Upheld could not be read with certainty (possible readings: 19).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from disclosure_core.catalogue import join, reading_reason, say
from disclosure_core.findings import Finding, Findings, Message, Outcome, ReadCell, ReadingConcern, Severity
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.model import Report
from disclosure_core.rules.messages import cell_label
from disclosure_core.values import Reading

UNCERTAIN_LIMIT = 3
"""More uncertain cells than this and a report's tables count as not read with confidence."""


@attrs.frozen
class ReportReading:
    """How surely a report's tables were read: cells per reading, and the uncertain ones that matter most.

    ``in_identities`` are uncertain cells that a failing or unverifiable error-level rule rests on (the
    requests balance, the row and group totals: the arithmetic the format itself states).

    >>> from disclosure_core import Body, Report, check
    >>> report = Report("gov-2021", 2025, Body("某县", "county")).with_cells({"appeals.review.total": 1})
    >>> report_reading(report, check(report)).in_identities
    ()
    """

    cells: dict[Reading, int]
    uncertain: tuple[CellAddress, ...] = ()
    in_identities: tuple[CellAddress, ...] = ()
    concerns: int = 0

    @property
    def confident(self) -> bool:
        """Whether the tables were read with confidence: few uncertain cells, none in a stated identity."""
        return len(self.uncertain) <= UNCERTAIN_LIMIT and not self.in_identities


def report_reading(
    report: Report, findings: Findings, concerns: Sequence[tuple[Finding, ReadingConcern | None]] | None = None
) -> ReportReading:
    """Count how the report's cells were read and find the uncertain ones the format's arithmetic rests on.

    ``concerns`` are the listed findings with their reading concerns, when the caller has worked them out
    already (the findings document does; each concern is made from the finding's cells).

    >>> from disclosure_core import load
    >>> from disclosure_core import check
    >>> report = load("examples/daixian-2020.json").report
    >>> reading = report_reading(report, check(report))
    >>> reading.confident, reading.cells[Reading.UNCERTAIN]
    (True, 0)
    """
    if concerns is None:
        concerns = [(finding, finding.reading) for finding in findings]
    counts = dict.fromkeys(Reading, 0)
    uncertain = []
    cells = report.tables.cells
    read = [(address, where) for address, value in cells.items() if (where := value.provenance) is not None]
    counts[Reading.EXACT] = len(cells) - len(read)  # a cell without provenance was read exactly (reading_of)
    for address, where in read:
        counts[where.reading] += 1
        if where.reading is Reading.UNCERTAIN:
            uncertain.append(address)
    in_identities: dict[CellAddress, None] = {}
    for finding, concern in concerns:
        if concern is None or finding.severity is not Severity.ERROR or finding.outcome is Outcome.RULE_ERROR:
            continue
        for cell in concern.cells:
            if cell.reading is Reading.UNCERTAIN and cell.report == "current":
                in_identities.setdefault(cell.cell)
    return ReportReading(
        counts, tuple(uncertain), tuple(in_identities), sum(1 for _, concern in concerns if concern is not None)
    )


def cell_name(layout: Layout | None, cell: CellAddress, lang: str, report: str = "current") -> str:
    """A cell as a reader finds it on the page: table number, row label · column label.

    >>> from disclosure_core.layouts import builtin_layout
    >>> cell_name(builtin_layout("gov-2019"), CellAddress.parse("requests.total.natural_person"), "zh")
    '表2 （七）总计·自然人'
    """
    if layout is None:
        return str(cell)
    try:
        number = layout.table(cell.table).number
    except KeyError:
        return str(cell)
    key = "confidence.previous_table" if report == "previous" else "confidence.table"
    return say(key, lang, number=number, label=cell_label(layout, cell, lang))


def _part(layout: Layout | None, cell: ReadCell, lang: str) -> str:
    how = say(f"confidence.how.{cell.reading.value}" if cell.reading in _HOW else "confidence.how.uncertain", lang)
    name = cell_name(layout, cell.cell, lang, cell.report)
    details = []
    if cell.reason:
        details.append(reading_reason(cell.reason).text(lang))  # stored in English; told in the catalogue's words
    if cell.alternatives:
        details.append(say("confidence.alternatives", lang, readings=join(list(cell.alternatives), lang)))
    if not details:
        return say("confidence.cell", lang, name=name, how=how)
    return say(
        "confidence.cell_details", lang, name=name, how=how, details=say("confidence.separator", lang).join(details)
    )


_HOW = frozenset({Reading.CHOSEN, Reading.FUZZY_LABEL, Reading.UNCERTAIN})
"""The readings a caveat words (any other not exact reading is worded as uncertain)."""


def reading_note(layout: Layout | None, finding: Finding) -> Message | None:
    """The caveat of a finding resting on cells not read exactly, naming each cell, why, and what else it
    could be; None for a finding whose cells were all read exactly (the module's example shows a caveat).

    >>> from disclosure_core import Body, Report, check
    >>> finding = check(Report("gov-2021", 2025, Body("某县", "county"))).all[0]
    >>> reading_note(None, finding) is None
    True
    """
    concern = finding.reading
    if concern is None:
        return None
    key = "confidence.note_withheld" if finding.suggestions else "confidence.note"
    texts = [
        say(key, lang, cells=say("confidence.separator", lang).join(_part(layout, c, lang) for c in concern.cells))
        for lang in ("zh", "en")
    ]
    return Message(*texts)


def explained(layout: Layout | None, finding: Finding) -> Message:
    """The finding's message followed by its reading caveat, if any: what every output shows.

    Putting the caveat in the message itself means a consumer that knows nothing of reading confidence
    still never shows a reading concern as a plain error.
    """
    note = reading_note(layout, finding)
    if note is None:
        return finding.message
    return Message(f"{finding.message.zh}——{note.zh}", f"{finding.message.en} — {note.en}")


def report_note(layout: Layout | None, reading: ReportReading) -> Message | None:
    """The line that opens the findings of a report whose tables were not read with confidence, else None.

    >>> from disclosure_core.layouts import builtin_layout
    >>> note = report_note(builtin_layout("gov-2019"), ReportReading({}, (CellAddress("a", "b", "c"),) * 4))
    >>> note.en.startswith("The tables could not be read with confidence: 4 cells read uncertainly")
    True
    """
    if reading.confident:
        return None
    count = len(reading.uncertain)
    number = "one" if count == 1 else "many"
    if not reading.in_identities:
        return Message(*(say(f"confidence.report.{number}", lang, count=count) for lang in ("zh", "en")))
    texts = [
        say(
            f"confidence.report_in_identities.{number}",
            lang,
            count=count,
            names=join([cell_name(layout, c, lang) for c in reading.in_identities], lang),
        )
        for lang in ("zh", "en")
    ]
    return Message(*texts)
