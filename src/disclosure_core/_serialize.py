"""Canonical JSON: the one cattrs converter, strict loading with JSON-path errors, and the JSON Schema.

A table cell is written at ``tables.<table>.<row>.<column>``: a count as a JSON integer, money as a decimal
string (or ``{"amount", "unit"}`` when its unit is not the one the format fixes), a blank as ``null``, and a
placeholder or not-applicable cell as ``{"absent": kind, "text": printed}``.

>>> from disclosure_core.model import Body, Report
>>> text = dumps(Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.total": 2}))
>>> loads(text, origin="a.json").number("appeals.review.total")
2
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import cattrs.gen

from disclosure_core.catalogue import choices, words
from disclosure_core.errors import LoadError, RenderError, long_number_place
from disclosure_core.layouts import CellAddress, CellKind, ColumnSpec, Layout, official_layouts, unknown_layout
from disclosure_core.model import Body, BodyLevel, Facts, Report, Sections, Tables
from disclosure_core.text import Text
from disclosure_core.values import AbsenceKind, Absent, CellValue, Count, Money, Provenance, Reading, located

REPORT_SCHEMA_ID = "disclosure-core/report/1"

# The 条例 has required annual reports since 2008; the bounds keep dates computed from the year valid.
FIRST_YEAR, LAST_YEAR = 2000, 2999

_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


class _Wrong(ValueError):
    """A value the converter refuses, with the problem in both languages (``str`` is the English)."""

    def __init__(self, key: str, **values: object) -> None:
        self.words = words(key, **values)
        super().__init__(self.words.en)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int) or not _DECIMAL.fullmatch(str(value)):
        raise _Wrong("json.decimal", got=json.dumps(value, ensure_ascii=False))
    return Decimal(str(value))


def _structure_date(value: Any, _: type) -> dt.date:
    try:
        if isinstance(value, str) and len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise _Wrong("json.date", got=json.dumps(value, ensure_ascii=False))


def _structure_level(value: Any, _: type) -> BodyLevel:
    try:
        return BodyLevel(value)
    except ValueError:
        allowed = choices(level.value for level in BodyLevel)
        raise _Wrong("json.level", got=json.dumps(value, ensure_ascii=False), allowed=allowed) from None


def _structure_reading(value: Any, _: type) -> Reading:
    try:
        return Reading(value)
    except ValueError:
        allowed = choices(r.value for r in Reading)
        raise _Wrong("json.reading", got=json.dumps(value, ensure_ascii=False), allowed=allowed) from None


_READING_DEFAULTS: dict[str, Any] = {"reading": "exact", "alternatives": [], "reason": None}


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=False)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(BodyLevel, _structure_level)
    # Tables are written through their layout (every cell listed), never by the converter.
    converter.register_unstructure_hook(Tables, lambda _: None)
    converter.register_unstructure_hook(Money, lambda m: {"amount": str(m.amount), "unit": m.unit})
    converter.register_structure_hook(
        Money, lambda d, _: Money(_structure_decimal(d.get("amount"), Decimal), d.get("unit"))
    )

    def structure_str(value: Any, _: type) -> str:
        if not isinstance(value, str):
            raise _Wrong("json.string", got=json.dumps(value, ensure_ascii=False))
        return value

    def structure_int(value: Any, _: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Wrong("json.integer", got=json.dumps(value, ensure_ascii=False))
        return value

    def structure_bool(value: Any, _: type) -> bool:
        if not isinstance(value, bool):
            raise _Wrong("json.boolean", got=json.dumps(value, ensure_ascii=False))
        return value

    # Reading confidence is written only where a reader had to decide: exact cells keep the short form.
    plain = cattrs.gen.make_dict_unstructure_fn(Provenance, converter)
    converter.register_unstructure_hook(
        Provenance,
        lambda p: {k: v for k, v in plain(p).items() if k not in _READING_DEFAULTS or v != _READING_DEFAULTS[k]},
    )
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    # Reading is a str subclass: without its own hook the str hook above would pass "uncertain" on as a str.
    converter.register_structure_hook(Reading, _structure_reading)
    converter.register_structure_hook_func(
        lambda t: t == tuple[str, ...], lambda v, _: tuple(structure_str(item, str) for item in _expect_list(v))
    )
    return converter


def _expect_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Wrong("json.list", got=json.dumps(value, ensure_ascii=False)[:40])
    return value


converter = _make_converter()
"""The one converter for canonical JSON (metadata, sections, facts; tables go through the layout)."""


# ------------------------------------------------------------------------------------------------ writing


def cell_to_json(value: CellValue, column: ColumnSpec) -> Any:
    """The canonical JSON of one cell value.

    >>> from disclosure_core.layouts import ColumnSpec, Label
    >>> cell_to_json(Money(Decimal("43101"), "万元"), ColumnSpec("amount", Label("", ""), CellKind.MONEY))
    {'amount': '43101', 'unit': '万元'}
    """
    if isinstance(value, Count):
        return value.value
    if isinstance(value, Money):
        return str(value.amount) if value.unit == column.unit else {"amount": str(value.amount), "unit": value.unit}
    if value.kind is AbsenceKind.BLANK:
        return None
    return {"absent": value.kind.value, "text": value.text}


def cell_problem(layout: Layout, address: CellAddress, value: CellValue) -> Text | None:
    """Why ``value`` cannot stand in ``address`` of ``layout``, or None when it can.

    >>> from disclosure_core.layouts import builtin_layout
    >>> cell_problem(builtin_layout("gov-2019"), CellAddress.parse("requests.new.total"), Count(-1)).en
    'expected a non-negative integer, got -1'
    """
    if not layout.has_cell(address):
        return words("json.no_such_cell", layout=layout.id)
    kind = layout.column_of(address).kind
    if isinstance(value, Money) and kind is not CellKind.MONEY:
        return words("json.money_in_count", amount=value.amount)
    if isinstance(value, Count) and kind is CellKind.MONEY:
        return words("json.count_in_money", count=value.value)
    if isinstance(value, Count) and kind is CellKind.COUNT and value.value < 0:
        return words("json.non_negative", got=value.value)
    return None


def check_renderable(report: Report, layout: Layout) -> None:
    """Raise :class:`RenderError` naming the first cell ``layout`` cannot hold (a negative count, money in a
    count column): every renderer refuses such a report alike, as canonical JSON must.

    >>> from disclosure_core import Body, Report, builtin_layout
    >>> report = Report("gov-2019", 2020, Body("某县", "county")).with_cells({"requests.new.total": Count(-1)})
    >>> check_renderable(report, builtin_layout("gov-2019"))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RenderError: requests.new.total: expected a non-negative integer, got -1
    """
    for address, value in report.tables:
        problem = cell_problem(layout, address, value)
        if problem:
            raise RenderError.said(problem, where=str(address))


def to_dict(report: Report, *, layouts: Mapping[str, Layout] | None = None) -> dict[str, Any]:
    """The canonical JSON object of a report (every cell of its format listed, blanks as null).

    Raises :class:`RenderError` for a cell the format does not have or cannot hold (a negative count, money
    in a count column): canonical JSON never says what its reader would refuse.

    >>> from disclosure_core import Body, Report
    >>> data = to_dict(Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.total": 1}))
    >>> data["tables"]["appeals"]["review"]["total"], data["tables"]["appeals"]["review"]["upheld"]
    (1, None)
    """
    layouts = official_layouts() if layouts is None else layouts
    layout = layouts.get(report.format)
    if layout is None:
        raise RenderError.said(unknown_layout(report.format, layouts))
    check_renderable(report, layout)
    head = converter.unstructure(report)
    del head["tables"], head["provenance"]
    tables: dict[str, Any] = {}
    for address in layout.addresses():
        row = tables.setdefault(address.table, {}).setdefault(address.row, {})
        row[address.column] = cell_to_json(report.cell(address), layout.column_of(address))
    provenance = {
        str(address): converter.unstructure(value.provenance)
        for address, value in report.tables
        if value.provenance is not None
    }
    data = {"schema": REPORT_SCHEMA_ID, **head, "tables": tables}
    if provenance:
        data["provenance"] = provenance
    return data


def dumps(report: Report, *, layouts: Mapping[str, Layout] | None = None) -> str:
    """The canonical JSON text of a report: UTF-8 friendly, indented, with a final newline.

    >>> from disclosure_core import Body, Report
    >>> text = dumps(Report("gov-2021", 2025, Body("某县人民政府", "county")))
    >>> text.splitlines()[1], loads(text).year
    ('  "schema": "disclosure-core/report/1",', 2025)
    """
    return json.dumps(to_dict(report, layouts=layouts), ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------------------------ reading


def loads(text: str | bytes, *, origin: str = "<input>", layouts: Mapping[str, Layout] | None = None) -> Report:
    """Read canonical JSON text; raise :class:`LoadError` naming ``origin`` and the JSON path on any problem.

    >>> loads(open("examples/daixian-2020.json", encoding="utf-8").read()).number("appeals.review.total")
    1
    """
    try:
        # Canonical JSON is UTF-8 (a BOM is tolerated); json.loads would guess UTF-16/32 from bytes.
        data = json.loads(text.decode("utf-8-sig") if isinstance(text, bytes) else text)
    except UnicodeDecodeError as exc:
        raise LoadError.keyed("json.not_utf8", where=origin, reason=exc.reason, byte=exc.start) from None
    except json.JSONDecodeError as exc:
        raise LoadError.keyed(
            "json.malformed", where=origin, line=exc.lineno, column=exc.colno, reason=_json_reason(exc.msg)
        ) from None
    except RecursionError:
        raise LoadError.keyed("json.nested", where=origin) from None
    except ValueError:  # Python's limit on the digits of an int (4 300): a number no report holds
        raise LoadError.keyed("json.long_number", where=origin, place=long_number_place(text)) from None
    return from_dict(data, origin=origin, layouts=layouts)


_JSON_REASONS = {
    "Expecting value": "value",
    "Expecting ',' delimiter": "comma",
    "Expecting ':' delimiter": "colon",
    "Expecting property name enclosed in double quotes": "name",
    "Unterminated string starting at": "unterminated",
    "Invalid control character at": "control",
    "Extra data": "extra",
    "Invalid \\escape": "escape",
}
"""The json module's reasons (its whole vocabulary but rare ones) → catalogue keys, so zh users read zh."""


def _json_reason(message: str) -> Text:
    """The json module's reason in both languages (its own English where the catalogue has no words for it).

    >>> _json_reason("Expecting value").zh, _json_reason("Something new").zh
    ('缺少值', 'Something new')
    """
    key = _JSON_REASONS.get(message)
    return words(f"json.reason.{key}") if key else Text(message, message)


def from_dict(data: Any, *, origin: str = "<input>", layouts: Mapping[str, Layout] | None = None) -> Report:
    """Build a report from a canonical JSON object, validating every key and cell against its format.

    >>> from disclosure_core import Body, Report
    >>> report = Report("gov-2021", 2025, Body("某县人民政府", "county"))
    >>> from_dict(to_dict(report)) == report
    True
    """

    def fail(path: str, problem: Text) -> LoadError:
        return LoadError.keyed("json.at", where=origin, path=path, problem=problem)

    if not isinstance(data, dict):
        raise fail("$", words("json.object"))
    data = dict(data)
    schema = data.pop("schema", REPORT_SCHEMA_ID)
    if schema != REPORT_SCHEMA_ID:
        raise fail("$.schema", words("json.schema", schema=repr(schema), expected=repr(REPORT_SCHEMA_ID)))
    format_id = data.get("format")
    if not isinstance(format_id, str):
        raise fail("$.format", words("json.format"))
    layouts = official_layouts() if layouts is None else layouts
    layout = layouts.get(format_id)
    if layout is None:
        raise fail("$.format", unknown_layout(format_id, layouts))
    raw_tables = data.pop("tables", {})
    raw_provenance = data.pop("provenance", {})
    try:
        head = converter.structure(data, _ReportHead)
    except Exception as exc:
        path, problem = _first_problem(exc, "$")
        raise fail(path, problem) from None
    if not FIRST_YEAR <= head.year <= LAST_YEAR:
        raise fail("$.year", words("json.year", first=FIRST_YEAR, last=LAST_YEAR, year=head.year))
    provenance = _read_provenance(raw_provenance, layout, fail)
    tables = _read_tables(raw_tables, layout, provenance, fail)
    return Report(
        format=head.format,
        year=head.year,
        body=head.body,
        published=head.published,
        publisher=head.publisher,
        contact=head.contact,
        title=head.title,
        lead=head.lead,
        sections=head.sections,
        facts=head.facts,
        tables=tables,
        provenance=Provenance(source=origin),
    )


def _first_problem(exc: Exception, root: str) -> tuple[str, Text]:
    """The JSON path and one-line problem of the first error cattrs found."""
    if not isinstance(exc, cattrs.BaseValidationError):
        return root, _described(exc, None)
    said: list[Text] = []

    def describe(error: BaseException, expected: type | None) -> str:
        said.append(_described(error, expected))
        return said[-1].en

    message = cattrs.transform_error(exc, path=root, format_exception=describe)[0]
    _, _, path = message.rpartition(" @ ")
    return path, said[0]


def _described(exc: BaseException, expected: type | None) -> Text:
    """cattrs' wording replaced by ours: our hooks' errors already say what was expected and what came."""
    if isinstance(exc, _Wrong):
        return exc.words
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return words("json.unknown_keys", keys=choices(sorted(exc.extra_fields)))
    if isinstance(exc, KeyError):
        return words("json.required")
    if isinstance(exc, TypeError | AttributeError):
        return words("json.expected_object" if expected is not None and attrs.has(expected) else "json.wrong_type")
    text = cattrs.v.format_exception(exc, expected) if isinstance(exc, Exception) else type(exc).__name__
    return Text(text, text)


def _read_provenance(raw: Any, layout: Layout, fail: Callable[[str, Text], LoadError]) -> dict[CellAddress, Provenance]:
    if not isinstance(raw, dict):
        raise fail("$.provenance", words("json.expected_object"))
    found: dict[CellAddress, Provenance] = {}
    for key, value in raw.items():
        try:
            address = CellAddress.parse(key)
        except ValueError:
            raise fail(f"$.provenance.{key}", words("json.cell_address", got=repr(key))) from None
        if not layout.has_cell(address):
            raise fail(f"$.provenance.{key}", words("json.no_such_cell", layout=layout.id))
        try:
            found[address] = converter.structure(value, Provenance)
        except Exception as exc:
            path, problem = _first_problem(exc, f"$.provenance.{key}")
            raise fail(path, problem) from None
    return found


def _read_tables(
    raw: Any,
    layout: Layout,
    provenance: Mapping[CellAddress, Provenance],
    fail: Callable[[str, Text], LoadError],
) -> Tables:
    if not isinstance(raw, dict):
        raise fail("$.tables", words("json.expected_object"))
    index = _cell_index(layout)
    cells: dict[CellAddress, CellValue] = {}
    for table_id, rows in raw.items():
        path = f"$.tables.{table_id}"
        table = index.get(table_id)
        if table is None:
            raise fail(path, words("json.no_table", table=repr(table_id), layout=layout.id))
        if not isinstance(rows, dict):
            raise fail(path, words("json.expected_rows"))
        for row_id, columns in rows.items():
            row = table.get(row_id)
            if row is None:
                problem = words("json.no_row", row=repr(row_id), table=repr(table_id), layout=layout.id)
                raise fail(f"{path}.{row_id}", problem)
            if not isinstance(columns, dict):
                raise fail(f"{path}.{row_id}", words("json.expected_columns"))
            for column_id, raw_value in columns.items():
                found = row.get(column_id)
                if found is None:
                    address = CellAddress(table_id, row_id, column_id)
                    raise fail(f"{path}.{row_id}.{column_id}", words("json.no_cell", cell=address, layout=layout.id))
                address, column = found
                if type(raw_value) is int and raw_value >= 0 and column.kind is not CellKind.MONEY:
                    # cell_from_json's common case, inline: a count (most of a report's 200 cells)
                    count = _COUNTS.get(raw_value)
                    cells[address] = _count(raw_value) if count is None else count
                    continue
                if raw_value is None:  # blank: kept (in its place) only to carry provenance, as Tables does
                    if address in provenance:
                        cells[address] = Absent()
                    continue
                problem_or_value = cell_from_json(raw_value, column)
                if isinstance(problem_or_value, Text):
                    raise fail(f"{path}.{row_id}.{column_id}", problem_or_value)
                cells[address] = problem_or_value
    for address, where in provenance.items():
        value = cells.get(address, Absent())
        cells[address] = located(value, where)
    # Every key is a layout's address and every value a cell value; a blank is here only with its provenance.
    return Tables.of_values(cells)


_CellIndex = dict[str, dict[str, dict[str, tuple[CellAddress, ColumnSpec]]]]
_INDEXES: dict[int, tuple[Layout, _CellIndex]] = {}


def _cell_index(layout: Layout) -> _CellIndex:
    """Every cell of a layout by table, row and column id, with the layout's own address object.

    Built once per layout (looked up by identity: hashing a layout costs more than reading a report). The
    report's cells are then keyed by the layout's address objects, which later lookups find by identity.
    """
    cached = _INDEXES.get(id(layout))
    if cached is not None and cached[0] is layout:
        return cached[1]
    index: _CellIndex = {table.id: {row.id: {} for row in table.rows} for table in layout.tables}
    for address in layout.addresses():
        index[address.table][address.row][address.column] = (address, layout.column_of(address))
    if len(_INDEXES) >= 64:  # layouts made on the fly (tests, plugins) must not pile up
        _INDEXES.clear()
    _INDEXES[id(layout)] = (layout, index)
    return index


def cell_from_json(raw: Any, column: ColumnSpec) -> CellValue | Text:
    """Read one cell's canonical JSON; return the value, or a one-line problem.

    >>> from disclosure_core.layouts import ColumnSpec, Label
    >>> cell_from_json("7件", ColumnSpec("total", Label("", ""))).en
    'expected an integer, got "7件"'
    """
    if raw is None:
        return Absent()
    kind = column.kind
    if type(raw) is int:  # the common case first; bool is a subclass of int, and not a count
        if raw < 0 and kind is CellKind.COUNT:
            return words("json.non_negative", got=raw)
        if kind is not CellKind.MONEY:
            return _count(raw)
    if isinstance(raw, dict):
        return _absent_or_money(raw, column)
    if kind is CellKind.MONEY:
        if isinstance(raw, str) and _DECIMAL.fullmatch(raw):
            return Money(Decimal(raw), column.unit)
        return words("json.decimal", got=_shown(raw))
    return words("json.integer", got=_shown(raw))


_COUNTS: dict[int, Count] = {}


def _count(value: int) -> Count:
    """``Count(value)``, one object per number: a count without provenance is immutable, and most reports
    repeat the same small numbers, so a cell costs a dictionary lookup instead of a validated construction.

    >>> _count(7) is _count(7), _count(7) == Count(7)
    (True, True)
    """
    found = _COUNTS.get(value)
    if found is None:
        found = Count(value)
        if len(_COUNTS) < 65536:  # bounded: a stream of large distinct numbers is made, not kept
            _COUNTS[value] = found
    return found


def _shown(raw: Any) -> str:
    """A JSON value as the input spelled it, for a message (only ever computed for a problem)."""
    return json.dumps(raw, ensure_ascii=False)


def _absent_or_money(raw: dict[str, Any], column: ColumnSpec) -> CellValue | Text:
    if "absent" in raw:
        if set(raw) - {"absent", "text"}:
            return words("json.keys_in", got=_shown(raw))
        if raw["absent"] not in {k.value for k in AbsenceKind}:
            return words("json.absence", got=_shown(raw["absent"]))
        text = raw.get("text", "")
        if not isinstance(text, str):
            return words("json.absence_text", got=_shown(text))
        return Absent(AbsenceKind(raw["absent"]), text)
    if column.kind is CellKind.MONEY and set(raw) == {"amount", "unit"}:
        amount, unit = raw["amount"], raw["unit"]
        if not (isinstance(amount, str) and _DECIMAL.fullmatch(amount)):
            return words("json.amount", got=_shown(amount))
        if unit is not None and not isinstance(unit, str):
            return words("json.unit", got=_shown(unit))
        return Money(Decimal(amount), unit)
    return words("json.unexpected", got=_shown(raw))


@attrs.frozen
class _ReportHead:
    """Every field of a report but its tables: what the converter structures directly."""

    format: str
    year: int
    body: Body
    published: dt.date | None = None
    publisher: str | None = None
    contact: str | None = None
    title: str | None = None
    lead: tuple[str, ...] = ()
    sections: Sections = attrs.field(factory=Sections)
    facts: Facts = attrs.field(factory=Facts)


__all__ = [
    "REPORT_SCHEMA_ID",
    "cell_from_json",
    "cell_to_json",
    "converter",
    "dumps",
    "from_dict",
    "loads",
    "to_dict",
]
