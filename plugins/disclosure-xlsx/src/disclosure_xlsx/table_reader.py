"""Reading one table sheet back: find every row where the layout puts it, verify its labels, read values.

Rows are looked for in order, each from just below the previous one found, by the labels the layout
draws (a body row by its own label, a header or heading row by all of its labels). On an untouched sheet
every row is where it was drawn; when rows were inserted or deleted the labels still find them, and the
values follow their labels. Columns are not searched: a header that is not where the layout draws it
means columns were moved, and guessing would read values into the wrong cells, so that is an error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import attrs
from openpyxl.utils import get_column_letter

from disclosure_core import AbsenceKind, Absent, CellValue, Diagnostic, DiagnosticLevel, Provenance
from disclosure_core.catalogue import Text, words
from disclosure_core.errors import LoadError
from disclosure_core.layouts import CellAddress, CellKind
from disclosure_core.sources import located
from disclosure_xlsx.cells import MONEY_UNITS, read_value
from disclosure_xlsx.checks import CHECK_LABELS
from disclosure_xlsx.geometry import LabelKind, LabelPlace, TableSheet
from disclosure_xlsx.workbook_reader import Grid, normalize

CachedValue = Callable[[str, int, int], object]
"""Looks up the saved result of a formula cell (sheet, row, column) — loaded only when one is needed."""


@attrs.define
class TableRead:
    """What reading a table sheet gave: its cells and the diagnostics."""

    cells: dict[CellAddress, CellValue] = attrs.field(factory=dict)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)


def read_table(grid: Grid, shape: TableSheet, origin: str, cached: CachedValue) -> TableRead:
    """Read every value cell of ``shape`` from ``grid``."""
    result = TableRead()
    rows = _locate(grid, shape, origin, result.diagnostics)
    for body_row in shape.rows:
        actual = rows.get(body_row.row)
        for place in body_row.values:
            if actual is None:
                result.cells[place.address] = Absent()
                continue
            coordinate = f"{get_column_letter(place.at.column)}{actual}"
            where = Provenance(origin, cell=f"{shape.name}!{coordinate}")
            raw = grid.get(actual, place.at.column)
            if (actual, place.at.column) in grid.formulas:
                raw = _formula_result(raw, cached(shape.name, actual, place.at.column), where, result.diagnostics)
                if raw is None:
                    formula = str(grid.get(actual, place.at.column))
                    result.cells[place.address] = located(Absent(AbsenceKind.PLACEHOLDER, formula), where)
                    continue
            unit = None
            if place.column.kind is CellKind.MONEY:
                unit = _unit(grid, actual, shape.check_column, where, result.diagnostics)
            value, notes = read_value(raw, place.column, where, unit)
            result.cells[place.address] = value
            result.diagnostics.extend(notes)
    _report_strays(grid, shape, rows, origin, result.diagnostics)
    return result


def _locate(grid: Grid, shape: TableSheet, origin: str, notes: list[Diagnostic]) -> dict[int, int]:
    """Map each drawn row of the table to the sheet row it is found on."""
    anchors: dict[int, list[LabelPlace]] = defaultdict(list)
    for label in shape.labels:
        anchors[label.at.row].append(label)
    drawn_rows = sorted(set(anchors) | {body_row.row for body_row in shape.rows})
    found: dict[int, int] = {}
    cursor, offset = 0, 0
    for drawn in drawn_rows:
        labels = anchors.get(drawn, [])
        own = [label for label in labels if label.kind is LabelKind.ROW]
        key = own or labels
        if not key:  # the value row of a flattened table (Table 3) has no label: it moves with the header
            found[drawn] = drawn + offset
            cursor = drawn + offset
            continue
        actual = next(
            (
                row
                for row in range(cursor + 1, max(grid.last_row, drawn) + 1)
                if all(grid.text(row, label.at.column) == normalize(label.text) for label in key)
            ),
            None,
        )
        if actual is None:
            expected_at = drawn + offset
            missing = next((x for x in key if grid.text(expected_at, x.at.column) != normalize(x.text)), key[0])
            if missing.kind is LabelKind.HEADER:
                where = f"{origin}: {shape.name}!{missing.at.coordinate}"
                raise LoadError.keyed("xlsx.header_missing", where=where, header=repr(missing.text))
            level = DiagnosticLevel.ERROR if missing.kind is LabelKind.ROW else DiagnosticLevel.WARNING
            notes.append(
                Diagnostic.keyed(
                    "xlsx.row_missing",
                    level,
                    Provenance(origin, cell=f"{shape.name}!{missing.at.coordinate}"),
                    "row-missing",
                    sheet=shape.name,
                    label=repr(missing.text),
                )
            )
            continue
        found[drawn], cursor, offset = actual, actual, actual - drawn
        for label in labels:
            if label not in key and grid.text(actual, label.at.column) != normalize(label.text):
                where = f"{shape.name}!{get_column_letter(label.at.column)}{actual}"
                notes.append(
                    Diagnostic.keyed(
                        "xlsx.label_changed", where=Provenance(origin, cell=where), cell=where, label=repr(label.text)
                    )
                )
    if any(found[drawn] != drawn for drawn in found):
        notes.append(
            Diagnostic.keyed(
                "xlsx.rows_moved",
                DiagnosticLevel.INFO,
                Provenance(origin, cell=shape.name),
                "rows-moved",
                sheet=shape.name,
            )
        )
    return found


def _formula_result(formula: object, result: object, where: Provenance, notes: list[Diagnostic]) -> object:
    """The saved result of a formula typed into a value cell (None when the file holds none)."""
    if result is None:
        notes.append(
            Diagnostic.keyed(
                "xlsx.formula.unsaved", DiagnosticLevel.WARNING, where, "formula", cell=where.cell, formula=formula
            )
        )
        return None
    note = Diagnostic.keyed(
        "xlsx.formula.saved", DiagnosticLevel.INFO, where, "formula", cell=where.cell, formula=formula, result=result
    )
    notes.append(note)
    return result


def _unit(grid: Grid, row: int, column: int, where: Provenance, notes: list[Diagnostic]) -> str | None:
    text = grid.text(row, column)
    if not text:
        return None
    if text in MONEY_UNITS:
        return text
    unit_cell = f"{where.cell.split('!')[0] if where.cell else ''}!{get_column_letter(column)}{row}"
    at = attrs.evolve(where, cell=unit_cell)
    notes.append(Diagnostic.keyed("xlsx.unit", DiagnosticLevel.WARNING, at, "unit", cell=unit_cell, unit=repr(text)))
    return None


def _report_strays(grid: Grid, shape: TableSheet, rows: dict[int, int], origin: str, notes: list[Diagnostic]) -> None:
    """Values on rows the layout does not have (a provincial extra row, a stray note) are reported, not read."""
    body = sorted(rows[body_row.row] for body_row in shape.rows if body_row.row in rows)
    if not body:
        return
    known = set(rows.values())
    data_columns = range(shape.label_width + 1, shape.width + 1)
    for row in range(body[0], body[-1] + 1):
        if row in known:
            continue
        filled = [column for column in data_columns if grid.get(row, column) not in (None, "")]
        label = next((grid.get(row, c) for c in range(1, shape.label_width + 1) if grid.get(row, c)), None)
        if filled and normalize(label) not in {normalize(text) for text in CHECK_LABELS}:
            where = f"{shape.name}!{get_column_letter(filled[0])}{row}"
            notes.append(
                Diagnostic.keyed(
                    "xlsx.extra_row",
                    DiagnosticLevel.WARNING,
                    Provenance(origin, cell=where),
                    "extra-row",
                    cell=where,
                    label=Text(str(label), str(label)) if label else words("xlsx.no_label"),
                )
            )
