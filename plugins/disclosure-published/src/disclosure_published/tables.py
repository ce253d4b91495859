"""Mapping table material onto a layout: labels open rows, values fill their columns, in printed order.

The mapper is fed events by :mod:`disclosure_published.walker` — a label (already resolved to its
meanings), a value, an unrecognised piece of text, the end of a printed row — and never looks at the
container. It keeps to what was printed: a cell that is not printed stays unset, a printed blank becomes a
blank with its provenance, a row the layout lacks is reported with its values and not kept.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_published.stream import Token
>>> from disclosure_published.vocabulary import vocabulary_of
>>> layout = builtin_layout("gov-2021")
>>> mapper = TableMapper(layout, origin="a.txt")
>>> mapper.label(vocabulary_of(layout).lookup("行政许可"), Token("行政许可", Provenance("a.txt", line=1)))
>>> mapper.value(Token("12", Provenance("a.txt", line=2)))
>>> mapper.finish()
>>> mapper.cells[CellAddress.parse("proactive.licensing.decisions")]
Count(value=12)
"""

from __future__ import annotations

import attrs

from disclosure_core import CellValue, Diagnostic, DiagnosticLevel, Provenance, Reading
from disclosure_core.catalogue import words
from disclosure_core.layouts import Block, CellAddress, ColumnSpec, Layout, RowSpec, TableLayout
from disclosure_core.sources import located
from disclosure_published.cells import NEGATIVE, CellNote, is_placeholder, read_cell
from disclosure_published.normalize import clean
from disclosure_published.stream import Token
from disclosure_published.vocabulary import LabelEntry, Role

INFO, WARNING, ERROR = DiagnosticLevel.INFO, DiagnosticLevel.WARNING, DiagnosticLevel.ERROR


@attrs.define
class _Row:
    spec: RowSpec
    columns: tuple[ColumnSpec, ...]
    where: Provenance
    filled: int = 0
    duplicate: bool = False
    fuzzy: str | None = None  # why the label was taken for this row, when it was not printed exactly


@attrs.define
class _Stray:
    """Text in a table that is no label of the layout, and the values printed after it."""

    text: str
    where: Provenance
    values: list[str] = attrs.field(factory=list)


class TableMapper:
    """Receives table events in printed order and collects cell values and diagnostics."""

    def __init__(self, layout: Layout, *, origin: str) -> None:
        self.layout = layout
        self.origin = origin
        self.cells: dict[CellAddress, CellValue] = {}
        self.diagnostics: list[Diagnostic] = []
        self.tables_seen: set[str] = set()
        self.rows_seen: set[tuple[str, str]] = set()
        self.table: TableLayout | None = None
        self._header: list[str] = []
        self._header_done = False
        self._row: _Row | None = None
        self._stray: _Stray | None = None
        self._pending: list[Token] = []
        self._empty_rows: list[str] = []
        self._grid = (0, 0)
        self._rows_known = False
        self.last_row: str | None = None

    # ------------------------------------------------------------------ events

    def label(self, entries: list[LabelEntry], token: Token, *, fuzzy: str | None = None) -> None:
        """A printed label with its possible meanings (from the vocabulary).

        ``fuzzy`` says why a label printed otherwise was taken for this one: its cells are read as
        :attr:`~disclosure_core.values.Reading.FUZZY_LABEL` with that reason.
        """
        entry = self._choose(entries)
        self._advance(token)
        if self.table is None or entry.table != self.table.id:
            self._open(entry.table, token.where)
        assert self.table is not None
        if entry.role is Role.ROW:
            self._open_row(self.table.row(entry.id), token)
            if self._row is not None:
                self._row.fuzzy = fuzzy
            return
        self._end_row()
        flattened = any(block.flatten for block in self.table.blocks)
        if flattened and self._pending:
            self._drop_pending()
        if entry.role is Role.BLOCK:
            self._header, self._header_done = [], False
        elif entry.role is Role.COLUMN and not flattened:
            if self._header_done:
                self._header, self._header_done = [], False
            self._header.append(entry.id)

    def value(self, token: Token) -> None:
        """A printed value: a number (perhaps with a unit), a placeholder, or a blank cell."""
        where = self._advance(token)
        blank = not clean(token.text)
        if self._stray is not None:
            if not blank:
                self._stray.values.append(clean(token.text))
        elif self._row is not None:
            self._fill(token, where, blank)
        elif self.table is not None and any(block.flatten for block in self.table.blocks):
            self._pending.append(attrs.evolve(token, where=where))
        elif not blank:
            table = words("published.table", number=self.table.number) if self.table else words("published.the_text")
            self._note("published.outside_row", where, WARNING, table=table, value=repr(clean(token.text)))

    def stray(self, token: Token) -> None:
        """Text inside a table that is none of the layout's labels."""
        where = self._advance(token)
        self._end_row()
        self._stray = _Stray(clean(token.text), where)

    def row_break(self, token: Token) -> None:
        """The container says a printed row ends here."""
        self._rows_known = True
        if self.table is not None:
            self._grid = (self._grid[0] + 1, 0)
        self._end_row(printed_row_ended=True)

    def finish(self) -> None:
        """The end of the document: close the open table and report tables never printed."""
        self._close()
        for table in self.layout.tables:
            if table.id not in self.tables_seen:
                self._note(
                    "published.missing_table",
                    Provenance(self.origin),
                    WARNING,
                    code="missing-table",
                    number=table.number,
                    label=table.label.zh,
                )

    def interrupt(self) -> None:
        """Running text ends the printed row (a note under a table), not the table."""
        self._end_row()

    def close_table(self) -> None:
        """A section heading or similar ends whatever table is open."""
        self._close()

    # ------------------------------------------------------------------ internals

    def _choose(self, entries: list[LabelEntry]) -> LabelEntry:
        current = self.table.id if self.table else None
        in_body = self._row is not None or self._header_done
        body_roles = (Role.ROW, Role.GROUP)

        def rank(entry: LabelEntry) -> tuple[int, int]:
            same_table = 0 if entry.table == current else 1
            fits = 0 if (entry.role in body_roles) == in_body else 1
            return same_table, fits

        return min(entries, key=rank)

    def _advance(self, token: Token) -> Provenance:
        row, column = self._grid
        self._grid = (row, column + 1)
        if token.where.cell is not None or not self._rows_known or self.table is None:
            return token.where
        return attrs.evolve(token.where, cell=f"R{row + 1}C{column + 1}")

    def _open(self, table_id: str, where: Provenance) -> None:
        self._close()
        self.table = self.layout.table(table_id)
        self._grid = (0, 0)
        self.last_row = None
        if table_id in self.tables_seen:
            self._note("published.table_twice", where, WARNING, number=self.table.number)
        self.tables_seen.add(table_id)

    def _open_row(self, spec: RowSpec, token: Token) -> None:
        self._end_row()
        assert self.table is not None
        columns = self.table.columns_of(spec.id)
        block = next(b for b in self.table.blocks if any(r.id == spec.id for r in b.rows))
        columns = self._header_order(block, columns, token.where)
        self._header_done = True
        key = (self.table.id, spec.id)
        self._row = _Row(spec, columns, token.where, duplicate=key in self.rows_seen)
        if key in self.rows_seen:
            self._note("published.row_twice", token.where, WARNING, row=spec.label.zh)
        self.rows_seen.add(key)
        self.last_row = spec.id

    def _header_order(self, block: Block, columns: tuple[ColumnSpec, ...], where: Provenance) -> tuple[ColumnSpec, ...]:
        """Columns in the order the block's header printed them, when it printed each exactly once."""
        if len(block.header) != 1 or not self._header or self._header_done:
            return columns
        ids = [c.id for c in columns]
        if sorted(self._header) == sorted(ids):
            return tuple(self.table_column(i) for i in self._header)
        printed = "、".join(self.table_column(i).label.zh for i in self._header)
        expected = "、".join(c.label.zh for c in columns)
        self._note("published.header", where, WARNING, code="header-mismatch", printed=printed, expected=expected)
        return columns

    def table_column(self, column_id: str) -> ColumnSpec:
        assert self.table is not None
        return self.table.column(column_id)

    def _fill(self, token: Token, where: Provenance, blank: bool) -> None:
        row = self._row
        assert row is not None
        assert self.table is not None
        if row.filled >= len(row.columns):
            if not blank:
                self._note("published.row_too_long", where, row=row.spec.label.zh, value=repr(clean(token.text)))
            return
        column = row.columns[row.filled]
        row.filled += 1
        address = CellAddress(self.table.id, row.spec.id, column.id)
        value, notes = read_cell(token.text, column)
        for note in notes:
            # The level follows the note's key and the value read, never its words (a negative count is an error).
            self._note("published.cell_note", where, _level(note, value), code="cell-text", cell=address, note=note)
        if row.fuzzy is not None:
            where = attrs.evolve(where, reading=Reading.FUZZY_LABEL, reason=row.fuzzy)
        if not row.duplicate:
            self.cells[address] = located(value, where)

    def _end_row(self, *, printed_row_ended: bool = False) -> None:
        if self._stray is not None:
            stray, self._stray = self._stray, None
            table = words("published.table", number=self.table.number) if self.table else words("published.a_table")
            if stray.values:
                self._note(
                    "published.unknown_row",
                    stray.where,
                    WARNING,
                    code="unknown-row",
                    row=repr(stray.text),
                    layout=self.layout.id,
                    table=table,
                    values=", ".join(stray.values),
                )
            else:
                self._note(
                    "published.stray", stray.where, INFO, table=table, layout=self.layout.id, text=repr(stray.text)
                )
        row, self._row = self._row, None
        if row is None:
            return
        if row.filled == 0:
            self._empty_rows.append(row.spec.label.zh)
        elif row.filled < len(row.columns):
            missing = "、".join(c.label.zh for c in row.columns[row.filled :])
            self._note(
                "published.short_row",
                row.where,
                WARNING,
                code="short-row",
                row=row.spec.label.zh,
                filled=row.filled,
                count=len(row.columns),
                missing=missing,
            )

    def _drop_pending(self) -> None:
        """Values printed before the end of the header: not kept."""
        printed = [clean(t.text) for t in self._pending if clean(t.text)]
        if printed:
            self._note("published.before_header", self._pending[0].where, WARNING, values=", ".join(printed))
        self._pending = []

    def _close(self) -> None:
        self._end_row()
        table, self.table = self.table, None
        if table is None:
            return
        for block in table.blocks:
            if block.flatten:
                self._place_flattened(table, block)
        if self._empty_rows:
            self._note(
                "published.empty_rows",
                Provenance(self.origin),
                WARNING,
                code="blank-rows",
                number=table.number,
                count=len(self._empty_rows),
                rows=f"{'、'.join(self._empty_rows[:3])}{' …' if len(self._empty_rows) > 3 else ''}",
            )
        missing = [row.label.zh for row in table.rows if (table.id, row.id) not in self.rows_seen]
        if missing and not any(block.flatten for block in table.blocks):
            self._note(
                "published.missing_rows",
                Provenance(self.origin),
                WARNING,
                code="missing-rows",
                number=table.number,
                count=len(missing),
                rows=f"{'、'.join(missing[:3])}{' …' if len(missing) > 3 else ''}",
            )
        self._empty_rows, self._header, self._header_done = [], [], False

    def _place_flattened(self, table: TableLayout, block: Block) -> None:
        addresses = list(block.addresses())
        pending, self._pending = self._pending, []
        for address, token in zip(addresses, pending, strict=False):
            value, notes = read_cell(token.text, self.layout.column_of(address))
            for note in notes:
                level = ERROR if note.key == NEGATIVE else WARNING
                self._note("published.cell_note", token.where, level, code="cell-text", cell=address, note=note)
            self.cells[address] = located(value, token.where)
            self.rows_seen.add((table.id, address.row))
        if len(pending) < len(addresses):
            self._note(
                "published.short_table",
                pending[-1].where if pending else Provenance(self.origin),
                WARNING,
                code="short-row",
                number=table.number,
                filled=len(pending),
                count=len(addresses),
            )
        extra = [clean(t.text) for t in pending[len(addresses) :] if clean(t.text)]
        if extra:
            self._note("published.extra_values", pending[-1].where, number=table.number, values=", ".join(extra))

    def _note(
        self, key: str, where: Provenance, level: DiagnosticLevel = WARNING, *, code: str = "table", **values: object
    ) -> None:
        self.diagnostics.append(Diagnostic.keyed(key, level, where, code, **values))


def _level(note: CellNote, value: CellValue) -> DiagnosticLevel:
    """How much a note on a cell's text matters: a negative count is an error (the number is not kept), a usual
    placeholder is information, anything else a warning."""
    if note.key == NEGATIVE:
        return ERROR
    return INFO if is_placeholder(value) else WARNING
