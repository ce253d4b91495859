"""Findings: what checking a report produces — one per rule instance, with its arithmetic and evidence.

A finding never hides a missing number: a rule whose cells are blank ends ``not_verifiable``, and a rule
that could not be evaluated ends ``rule_error``; neither counts as a pass. A rule instance for which the
report states nothing at all (every cell blank, no figure in the text) ends ``empty``: nothing was claimed,
so nothing is listed — but it is counted, never as a pass.

A finding that rests on a cell the source did not read exactly (:class:`~disclosure_core.values.Reading`)
carries a :class:`ReadingConcern`: it may be a reading problem rather than an error of the report, so it is
shown apart and no correction is offered for it.

>>> Severity.ERROR.at_least(Severity.WARNING), Severity.INFO.at_least(Severity.WARNING)
(True, False)
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from disclosure_core.catalogue import words
from disclosure_core.layouts.spec import CellAddress
from disclosure_core.text import Text
from disclosure_core.values import CellValue, Reading

FINDINGS_SCHEMA_ID = "disclosure-core/findings/1"

Number = int | Decimal

READING_RANK = {Reading.EXACT: 0, Reading.FUZZY_LABEL: 1, Reading.CHOSEN: 2, Reading.UNCERTAIN: 3}
"""How far a reading is from exact: a label matched with tolerance still puts the printed value in its
cell; a value chosen among placements by the arithmetic may be misplaced; an uncertain one is a guess."""


class Severity(enum.StrEnum):
    """How much a failing rule matters.

    >>> Severity.ERROR.at_least(Severity.WARNING), Severity("info").rank
    (True, 0)
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    def at_least(self, other: Severity) -> bool:
        """Whether this severity is ``other`` or worse."""
        return self.rank >= other.rank


class Outcome(enum.StrEnum):
    """How one rule instance ended.

    >>> [outcome.value for outcome in Outcome if outcome.listed]
    ['fail', 'not_verifiable', 'rule_error']
    """

    PASS = "pass"
    FAIL = "fail"
    NOT_VERIFIABLE = "not_verifiable"
    RULE_ERROR = "rule_error"
    EMPTY = "empty"

    @property
    def listed(self) -> bool:
        """Whether a finding with this outcome is shown to readers (everything but pass and empty)."""
        return self is not Outcome.PASS and self is not Outcome.EMPTY  # no set built: asked of every finding


Message = Text
"""A message in Chinese and English, already filled in with the numbers (:class:`~disclosure_core.text.Text`)."""


class NoteKind(enum.StrEnum):
    """What a note of a finding says: readers test the kind, never the words.

    >>> NoteKind("no_previous") is NoteKind.NO_PREVIOUS
    True
    """

    NO_PREVIOUS = "no_previous"
    """Not verifiable only because last year's report was not given."""
    PREVIOUS_LACKS_CELL = "previous_lacks_cell"
    """Last year's report is of a format without the cell (across the format change)."""
    BLANK_AS_ZERO = "blank_as_zero"
    """Blank cells were read as 0 because the run asked so (``--blank-as-zero``)."""
    ZERO_POLICY = "zero_policy"
    """Blank cells were read as 0 because the rule says so (``missing = "zero"``)."""
    EXPECTED_FORMAT = "expected_format"
    NO_DEADLINE = "no_deadline"
    DATE_UNKNOWN = "date_unknown"
    LATE = "late"
    HEADING = "heading"
    """A section heading as the report prints it."""
    QUOTE = "quote"
    """The sentence of the report a figure was read from."""
    RULE_ERROR = "rule_error"
    """Why a rule could not be evaluated (the exception)."""


@attrs.frozen
class Note:
    """A note of a finding: its kind (for programs) and its words in both languages (for people).

    >>> note = Note.of(NoteKind.EXPECTED_FORMAT, expected="gov-2021")
    >>> note.kind.value, note.text.zh, str(note)
    ('expected_format', '按报告年度应使用 gov-2021 格式', 'expected gov-2021')
    """

    kind: NoteKind
    text: Text

    @classmethod
    def of(cls, kind: NoteKind, **values: object) -> Note:
        """The note of ``kind`` with its catalogue words (``note.<kind>``) filled from ``values``."""
        return cls(kind, words(f"note.{kind.value}", **values))

    def __str__(self) -> str:
        return self.text.en


NO_PREVIOUS = Note.of(NoteKind.NO_PREVIOUS)
"""The note a year-over-year finding carries when no previous report was given."""


@attrs.frozen
class CellUse:
    """One cell a rule instance read: its address, its value, and whose report it is.

    ``report`` is "current", or "previous" for the previous year's report in year-over-year rules;
    ``side`` ("lhs" or "rhs") and ``weight`` place the cell in the rule's arithmetic (empty for cells a
    rule reads without adding them up). Cells are held as :class:`CellAddress` (interned, so comparing two
    is an identity test); they become ``table.row.column`` strings only in the findings JSON.

    >>> from disclosure_core import Count
    >>> use = CellUse(CellAddress.parse("appeals.review.total"), Count(3), side="lhs")
    >>> str(use.cell), use.value.number, use.report
    ('appeals.review.total', 3, 'current')
    """

    cell: CellAddress
    value: CellValue
    report: str = "current"
    side: str = ""
    weight: int = 1


def reading_of(value: CellValue) -> Reading:
    """How a cell value was read (exact when the source said nothing).

    >>> from disclosure_core import Count, Provenance
    >>> reading_of(Count(3)), reading_of(Count(3, provenance=Provenance("a.txt", reading=Reading.CHOSEN)))
    (<Reading.EXACT: 'exact'>, <Reading.CHOSEN: 'chosen'>)
    """
    return value.provenance.reading if value.provenance is not None else Reading.EXACT


@attrs.frozen
class ReadCell:
    """One cell a finding rests on that was not read exactly: how it was read, what else it could be, and why."""

    cell: CellAddress
    report: str
    reading: Reading
    alternatives: tuple[str, ...] = ()
    reason: str | None = None


@attrs.frozen
class ReadingConcern:
    """Why a finding may be a reading problem, not an error of the report: the cells not read exactly.

    >>> a, b = CellAddress("a", "b", "c"), CellAddress("a", "b", "d")
    >>> concern = ReadingConcern((ReadCell(a, "current", Reading.CHOSEN), ReadCell(b, "current", Reading.UNCERTAIN)))
    >>> concern.reading
    <Reading.UNCERTAIN: 'uncertain'>
    """

    cells: tuple[ReadCell, ...]

    @property
    def reading(self) -> Reading:
        """The least sure reading among the cells."""
        return max((c.reading for c in self.cells), key=READING_RANK.__getitem__)


def reading_concern(cells: Iterable[CellUse]) -> ReadingConcern | None:
    """The concern a finding reading ``cells`` carries, or None when every cell was read exactly.

    >>> from disclosure_core import Count, Provenance
    >>> cell = CellAddress("a", "b", "c")
    >>> reading_concern([CellUse(cell, Count(1))]) is None
    True
    >>> guess = Count(8, provenance=Provenance("a.txt", reading=Reading.UNCERTAIN, alternatives=("81",)))
    >>> reading_concern([CellUse(cell, guess)]).cells[0].alternatives
    ('81',)
    """
    found: dict[tuple[str, CellAddress], ReadCell] = {}
    for use in cells:
        where = use.value.provenance
        if where is None or where.reading.is_exact:
            continue
        found.setdefault(
            (use.report, use.cell), ReadCell(use.cell, use.report, where.reading, where.alternatives, where.reason)
        )
    return ReadingConcern(tuple(found.values())) if found else None


@attrs.frozen
class Suggestion:
    """A suggested correction of one cell (never applied): the value it probably should hold, and why.

    ``kind`` is one of "transposition", "digit", "sign", "unit", "value".

    >>> from disclosure_core import check, load
    >>> finding = next(f for f in check(load("examples/daixian-2020.json").report) if f.rule == "proactive.pattern.items")
    >>> [(str(s.cell), s.value, s.kind, s.confidence) for s in finding.suggestions]
    [('proactive.licensing.decisions', 10215, 'transposition', 0.8)]
    """

    cell: CellAddress
    value: Number
    kind: str
    confidence: float


@attrs.frozen
class Finding:
    """The outcome of one rule instance, with everything needed to see why.

    >>> from disclosure_core import check, load
    >>> findings = check(load("examples/daixian-2020.json").report)
    >>> finding = next(f for f in findings if f.rule == "proactive.published_within_total.normative_documents")
    >>> finding.outcome, finding.severity, finding.lhs, finding.rhs, finding.difference
    (<Outcome.FAIL: 'fail'>, <Severity.WARNING: 'warning'>, 18, 12, 6)
    >>> [str(address) for address in finding.addresses]
    ['proactive.normative_documents.published', 'proactive.normative_documents.total_published']
    """

    rule: str
    severity: Severity
    outcome: Outcome
    message: Message
    cells: tuple[CellUse, ...] = ()
    lhs: Number | None = None
    rhs: Number | None = None
    difference: Number | None = None
    fingerprint: str = ""
    culprits: tuple[CellAddress, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[Note, ...] = ()
    table: str | None = None
    base: str = ""
    op: str | None = None
    missing: tuple[str, ...] = ()
    blank_as_zero: bool = False
    basis: str = ""
    title: Message | None = None
    _later: frozenset[str] = attrs.field(default=frozenset(), eq=False, repr=False)
    _deferred: Callable[[Finding], Mapping[str, Any]] | None = attrs.field(default=None, eq=False, repr=False)
    _shape: object = attrs.field(default=None, init=False, eq=False, repr=False)
    """What the rule engine kept of the findings of one rule instance whose words recur from report to report
    (``rules/waiting.py``), or None: findings of one shape differ in their cells and fingerprint only."""

    @classmethod
    def deferred(cls, make: Callable[[], tuple[Message, str]], **fields: Any) -> Finding:
        """A finding whose ``message`` and ``fingerprint`` are made by ``make()`` when first asked for.

        The rule engine builds its non-passing findings so: most are counted, few are read.

        >>> finding = Finding.deferred(lambda: (Message("zh", "en"), "f1"), rule="r", severity=Severity.INFO, outcome=Outcome.FAIL)
        >>> finding.fingerprint, finding == Finding("r", Severity.INFO, Outcome.FAIL, Message("zh", "en"), fingerprint="f1")
        ('f1', True)
        """

        def words() -> Mapping[str, Any]:
            message, fingerprint = make()
            return {"message": message, "fingerprint": fingerprint}

        return cls.lazy(words, MESSAGE, **fields)

    @classmethod
    def lazy(cls, make: Callable[[], Mapping[str, Any]], later: frozenset[str] = frozenset(), **fields: Any) -> Finding:
        """A finding with ``fields`` set now and the fields named in ``later`` made by ``make()`` when one of
        them is first asked for (any field left out of both takes its default).

        ``make`` may return ``_deferred`` (a further maker, called with the finding, for fields it leaves
        unset): the rule engine sets a finding's outcome at once, its cells and numbers when asked for, and its
        words after that.

        >>> finding = Finding.lazy(lambda: {"lhs": 3}, frozenset({"lhs", "rhs"}), rule="r", severity=Severity.INFO,
        ...                        outcome=Outcome.FAIL, message=Message("zh", "en"))
        >>> finding.rhs, finding.lhs, finding.outcome
        (None, 3, <Outcome.FAIL: 'fail'>)
        """
        finding = cls.__new__(cls)
        now = _NOW.get(later)
        if now is None:
            now = _NOW[later] = tuple((f.name, f.default) for f in _FIELDS if f.name not in later | _PRIVATE)
        set_ = object.__setattr__
        get = fields.get
        for name, default in now:
            set_(finding, name, get(name, default))
        set_(finding, "_later", later)
        set_(finding, "_shape", None)
        set_(finding, "_deferred", lambda _: make())
        return finding

    @staticmethod
    def pending(rule: str, outcome: Outcome, make: Callable[[Finding], Mapping[str, Any]]) -> Finding:
        """A finding with only its rule (instance id) and outcome set: every other field is made by
        ``make(finding)`` when first asked for — its rule's fields (severity, table, …) first, and with them
        the maker of the rest (``_deferred``), as :meth:`lazy` says. What the rule engine makes for each
        instance that does not simply pass: three slots set, nothing else allocated.

        >>> shown = Finding.pending("r", Outcome.FAIL, lambda finding: {"severity": Severity.INFO, "lhs": 2})
        >>> shown.rule, shown.severity, shown.lhs, shown.rhs
        ('r', <Severity.INFO: 'info'>, 2, None)
        """
        finding = _new(Finding)
        _set_rule(finding, rule)
        _set_outcome(finding, outcome)
        _set_later(finding, PENDING)  # so that the first field asked for does not raise and catch first
        _set_shape(finding, None)
        _set_deferred(finding, make)
        return finding

    def __getattr__(self, name: str) -> Any:
        # Called only for a slot left unset: a field of a lazy finding not made yet. Each maker sets what it
        # makes; the field asked for is returned from what was made (asking the slot again would raise first).
        get, set_ = object.__getattribute__, object.__setattr__
        if name not in PENDING and name != "_later":
            raise AttributeError(name)
        try:
            later = get(self, "_later")
        except AttributeError:  # a pending finding: every field but its rule and outcome is made later
            later = PENDING
            set_(self, "_later", later)
        if name == "_later":
            return later
        if name not in later:
            raise AttributeError(name)
        while True:
            make = get(self, "_deferred")
            if make is None:  # a field the makers left out takes its default
                set_(self, name, _DEFAULTS[name])
                return _DEFAULTS[name]
            made = make(self)
            set_(self, "_deferred", made.get("_deferred"))
            for field, value in made.items():
                if field != "_deferred":
                    set_(self, field, value)
            if name in made:
                return made[name]

    @property
    def base_rule(self) -> str:
        """The id of the rule this finding is an instance of (``rule`` before expansion)."""
        return self.base or self.rule

    @property
    def awaits_previous_report(self) -> bool:
        """Whether this finding is not verifiable only because last year's report was not given.

        Readers fold these into one line instead of flagging cells: nothing is wrong with the report.
        """
        return self.outcome is Outcome.NOT_VERIFIABLE and self.has_note(NoteKind.NO_PREVIOUS)

    def has_note(self, kind: NoteKind) -> bool:
        """Whether this finding carries a note of ``kind``."""
        return any(note.kind is kind for note in self.notes)

    @property
    def reading(self) -> ReadingConcern | None:
        """The cells of this finding that were not read exactly, or None when all were."""
        return reading_concern(self.cells)

    @property
    def offered_suggestions(self) -> tuple[Suggestion, ...]:
        """The corrections worth showing: none when a cell was not read exactly.

        A suggestion to "fix" a number the report may never have printed is the worst output there is,
        so a finding with a reading concern offers none (``suggestions`` keeps what the arithmetic found).
        """
        return () if self.reading is not None else self.suggestions

    @property
    def addresses(self) -> tuple[CellAddress, ...]:
        """The addresses of the current report's cells this finding involves."""
        return tuple(use.cell for use in self.cells if use.report == "current")


_FIELDS = attrs.fields(Finding)
MESSAGE = frozenset({"message", "fingerprint"})
"""The fields of a finding made last, when first asked for: its words."""
_PRIVATE = frozenset({"_later", "_deferred", "_shape"})
_DEFAULTS = {f.name: f.default for f in _FIELDS}
_NOW: dict[frozenset[str], tuple[tuple[str, Any], ...]] = {}
LATER = (
    frozenset(f.name for f in _FIELDS) - {"rule", "severity", "outcome", "table", "base", "basis", "title"} - _PRIVATE
)
"""The fields of a finding the rule engine makes only when asked for (all but what the rule itself says)."""
PENDING = frozenset(f.name for f in _FIELDS) - {"rule", "outcome"} - _PRIVATE
"""The fields of a :meth:`Finding.pending` finding made when first asked for."""
_new = Finding.__new__
_set_rule = Finding.__dict__["rule"].__set__  # the slots' own setters: a frozen class refuses setattr
_set_outcome = Finding.__dict__["outcome"].__set__
_set_deferred = Finding.__dict__["_deferred"].__set__
_set_later = Finding.__dict__["_later"].__set__
_set_shape = Finding.__dict__["_shape"].__set__


@attrs.frozen
class RuleSummary:
    """Per-rule counts of outcomes over all of its instances."""

    rule: str
    counts: dict[Outcome, int]
    reading_concerns: int = 0
    """How many of its listed instances rest on a cell not read exactly."""


@attrs.frozen
class Findings:
    """Every rule instance's outcome for one report, in rule order.

    Iterating yields only the listed findings (not pass, not empty) — what a reader needs to act on.

    >>> from disclosure_core import check, load
    >>> findings = check(load("examples/daixian-2020.json").report)
    >>> findings.by_outcome()[Outcome.FAIL], findings.worst(), len(findings) < len(findings.all)
    (4, <Severity.ERROR: 'error'>, True)
    """

    all: tuple[Finding, ...]

    def __iter__(self) -> Iterator[Finding]:
        return (f for f in self.all if f.outcome.listed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def by_outcome(self) -> Counter[Outcome]:
        """How many rule instances ended in each outcome."""
        return Counter(f.outcome for f in self.all)

    def by_severity(self, outcomes: Iterable[Outcome], among: Iterable[Finding] | None = None) -> Counter[Severity]:
        """How many findings with the given outcomes there are of each severity (``among``: only those).

        Counted apart from :meth:`by_outcome` on purpose: a not-verifiable finding of an error-level rule is
        not an error, and only the outcome says whether a finding failed.
        """
        wanted = set(outcomes)
        chosen = self.all if among is None else among
        return Counter(f.severity for f in chosen if f.outcome in wanted)

    def reading_concerns(self) -> Counter[Outcome]:
        """How many listed findings of each outcome rest on a cell not read exactly."""
        return Counter(f.outcome for f in self if f.reading is not None)

    def by_rule(self) -> list[RuleSummary]:
        """Outcome counts per rule id (before expansion), in rule order."""
        counts: dict[str, Counter[Outcome]] = {}
        concerns: Counter[str] = Counter()
        for finding in self.all:
            counts.setdefault(finding.base_rule, Counter())[finding.outcome] += 1
            if finding.outcome.listed and finding.reading is not None:
                concerns[finding.base_rule] += 1
        return [RuleSummary(rule, {o: c[o] for o in Outcome}, concerns[rule]) for rule, c in counts.items()]

    def worst(self, outcomes: Iterable[Outcome] = (Outcome.FAIL, Outcome.RULE_ERROR)) -> Severity | None:
        """The worst severity among findings with the given outcomes, or None."""
        wanted = set(outcomes)
        severities = [f.severity for f in self.all if f.outcome in wanted]
        return max(severities, key=lambda s: s.rank) if severities else None
