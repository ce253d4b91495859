"""Reading layout files (TOML) into validated :class:`~disclosure_core.layouts.spec.Layout` objects.

A layout file either describes a whole format (the two official ones) or ``extends`` another and adds
rows — a provincial variant such as Hubei's "其他主动公开文件" is a few lines of data, not code.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

from disclosure_core.catalogue import choices, reason, words
from disclosure_core.errors import LayoutError, long_number_place
from disclosure_core.layouts.spec import (
    Block,
    CellAddress,
    CellKind,
    ColumnSpec,
    GroupSpec,
    HeaderCell,
    Label,
    Layout,
    RowSpec,
    SectionSpec,
    TableLayout,
)
from disclosure_core.text import Text


def parse_layout(text: str, *, origin: str, base: Mapping[str, Layout] | None = None) -> Layout:
    """Parse and validate a layout file's text; ``origin`` names it in errors.

    >>> parse_layout('id = "x"', origin="x.toml")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LayoutError: x.toml: $: missing key 'tables'
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError.keyed("toml.malformed", where=origin, reason=reason(exc)) from None
    except RecursionError:
        raise LayoutError.keyed("toml.nested", where=origin) from None
    except ValueError:  # an integer past Python's digit limit (4 300)
        raise LayoutError.keyed("toml.long_number", where=origin, place=long_number_place(text)) from None
    reader = _Reader(origin)
    if "extends" in data:
        if base is None:
            raise LayoutError.keyed("layout.no_base", where=f"{origin}: $.extends")
        parent_id = reader.string(data, "extends", "$")
        parent = base.get(parent_id)
        if parent is None:
            raise LayoutError.keyed("layout.unknown_base", where=f"{origin}: $.extends", layout=repr(parent_id))
        return reader.variant(data, parent)
    return reader.layout(data)


class _Reader:
    """Walks the TOML data, keeping the path for error messages."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, path: str, problem: str | Text) -> LayoutError:
        said = problem if isinstance(problem, Text) else Text(problem, problem)
        return LayoutError.keyed("json.at", where=self.origin, path=path, problem=said)

    def get(self, data: Mapping[str, Any], key: str, path: str) -> Any:
        if key not in data:
            raise self.fail(path, words("layout.missing_key", key=repr(key)))
        return data[key]

    def string(self, data: Mapping[str, Any], key: str, path: str) -> str:
        value = self.get(data, key, path)
        if not isinstance(value, str) or not value:
            raise self.fail(f"{path}.{key}", words("rulefile.string", got=repr(value)))
        return value

    def label(self, data: Mapping[str, Any], path: str) -> Label:
        return Label(self.string(data, "zh", path), self.string(data, "en", path))

    def layout(self, data: Mapping[str, Any]) -> Layout:
        known = {"id", "title_zh", "title_en", "basis", "first_year", "last_year", "sections", "tables"}
        self.no_extra(data, known, "$")
        tables = tuple(self.table(t, f"$.tables[{i}]") for i, t in enumerate(self.get(data, "tables", "$")))
        sections = self.sections(data.get("sections", []), tables)
        return self.finish(
            Layout(
                id=self.string(data, "id", "$"),
                title=Label(self.string(data, "title_zh", "$"), self.string(data, "title_en", "$")),
                basis=self.string(data, "basis", "$"),
                first_year=self.get(data, "first_year", "$"),
                last_year=data.get("last_year"),
                tables=tables,
                sections=sections,
            )
        )

    def sections(self, raw: Sequence[Mapping[str, Any]], tables: Sequence[TableLayout]) -> tuple[SectionSpec, ...]:
        """The official section headings, in order; every table must belong to one of them when they are given."""
        specs = []
        for i, spec in enumerate(raw):
            path = f"$.sections[{i}]"
            self.no_extra(spec, {"id", "zh", "en"}, path)
            specs.append(SectionSpec(self.string(spec, "id", path), self.label(spec, path)))
        sections = tuple(specs)
        _unique(self, [s.id for s in sections], "$.sections")
        known = {s.id for s in sections}
        for i, table in enumerate(tables):
            if sections and table.section not in known:
                raise self.fail(f"$.tables[{i}].section", words("layout.unknown_section", section=repr(table.section)))
        return sections

    def variant(self, data: Mapping[str, Any], parent: Layout) -> Layout:
        self.no_extra(data, {"id", "extends", "title_zh", "title_en", "add_rows"}, "$")
        tables = {table.id: table for table in parent.tables}
        for i, spec in enumerate(data.get("add_rows", [])):
            path = f"$.add_rows[{i}]"
            self.no_extra(spec, {"table", "after", "id", "zh", "en"}, path)
            table_id = self.string(spec, "table", path)
            if table_id not in tables:
                raise self.fail(f"{path}.table", words("layout.unknown_table", table=repr(table_id)))
            tables[table_id] = self.add_row(tables[table_id], spec, path)
        return self.finish(
            Layout(
                id=self.string(data, "id", "$"),
                title=Label(data.get("title_zh", parent.title.zh), data.get("title_en", parent.title.en)),
                basis=parent.basis,
                first_year=parent.first_year,
                last_year=parent.last_year,
                tables=tuple(tables[t.id] for t in parent.tables),
                extends=parent.id,
                sections=parent.sections,
            )
        )

    def add_row(self, table: TableLayout, spec: Mapping[str, Any], path: str) -> TableLayout:
        after = self.string(spec, "after", path)
        anchor = next((r for r in table.rows if r.id == after), None)
        if anchor is None:
            raise self.fail(f"{path}.after", words("layout.unknown_row", row=repr(after), table=repr(table.id)))
        row = RowSpec(self.string(spec, "id", path), self.label(spec, path), anchor.groups)
        if any(r.id == row.id for r in table.rows):
            raise self.fail(f"{path}.id", words("layout.duplicate", id=repr(row.id)))
        blocks = tuple(
            _insert_block_row(block, after, row) if any(r.id == after for r in block.rows) else block
            for block in table.blocks
        )
        rows = _insert_after(table.rows, after, row)
        return TableLayout(
            table.id, table.number, table.section, table.label, rows, table.columns, table.groups, blocks
        )

    def table(self, data: Mapping[str, Any], path: str) -> TableLayout:
        self.no_extra(data, {"id", "number", "section", "zh", "en", "columns", "rows", "groups", "blocks"}, path)
        table_id = self.string(data, "id", path)
        columns = tuple(self.column(c, f"{path}.columns[{i}]") for i, c in enumerate(self.get(data, "columns", path)))
        rows = tuple(self.row(r, f"{path}.rows[{i}]") for i, r in enumerate(self.get(data, "rows", path)))
        groups = tuple(
            GroupSpec(self.string(g, "id", p), self.label(g, p))
            for i, g in enumerate(data.get("groups", []))
            for p in [f"{path}.groups[{i}]"]
        )
        _unique(self, [c.id for c in columns], f"{path}.columns")
        _unique(self, [r.id for r in rows], f"{path}.rows")
        _unique(self, [g.id for g in groups], f"{path}.groups")
        group_ids = {g.id for g in groups}
        for i, row in enumerate(rows):
            for group in row.groups:
                if group not in group_ids:
                    raise self.fail(f"{path}.rows[{i}].groups", words("layout.unknown_group", group=repr(group)))
        blocks = tuple(
            self.block(b, f"{path}.blocks[{i}]", table_id, rows, columns, groups)
            for i, b in enumerate(self.get(data, "blocks", path))
        )
        placed = [row.id for block in blocks for row in block.rows]
        _unique(self, placed, f"{path}.blocks (rows)")
        if set(placed) != {r.id for r in rows}:
            missing = sorted({r.id for r in rows} - set(placed))
            raise self.fail(f"{path}.blocks", words("layout.no_block", rows=", ".join(missing)))
        number = self.get(data, "number", path)
        return TableLayout(
            table_id, number, self.string(data, "section", path), self.label(data, path), rows, columns, groups, blocks
        )

    def column(self, data: Mapping[str, Any], path: str) -> ColumnSpec:
        self.no_extra(data, {"id", "zh", "en", "kind", "unit"}, path)
        kind = self.string(data, "kind", path)
        if kind not in {k.value for k in CellKind}:
            raise self.fail(f"{path}.kind", words("layout.kind", kind=repr(kind)))
        return ColumnSpec(self.string(data, "id", path), self.label(data, path), CellKind(kind), data.get("unit"))

    def row(self, data: Mapping[str, Any], path: str) -> RowSpec:
        self.no_extra(data, {"id", "zh", "en", "groups"}, path)
        return RowSpec(self.string(data, "id", path), self.label(data, path), tuple(data.get("groups", ())))

    def block(
        self,
        data: Mapping[str, Any],
        path: str,
        table_id: str,
        rows: Sequence[RowSpec],
        columns: Sequence[ColumnSpec],
        groups: tuple[GroupSpec, ...],
    ) -> Block:
        self.no_extra(data, {"heading", "rows", "columns", "header", "flatten"}, path)
        block_rows = self.pick(data.get("rows", "*"), rows, f"{path}.rows")
        block_columns = self.pick(data.get("columns", "*"), columns, f"{path}.columns")
        heading = self.label(data["heading"], f"{path}.heading") if "heading" in data else None
        flatten = bool(data.get("flatten", False))
        shell = Block(table_id, heading, block_rows, block_columns, groups, (), flatten)
        raw_header = data.get("header") or [
            [{"zh": "信息内容", "en": "Content"}, *({"column": c.id} for c in block_columns)]
        ]
        header = self.header(raw_header, shell, f"{path}.header")
        return Block(table_id, heading, block_rows, block_columns, groups, header, flatten)

    def pick(self, wanted: Any, available: Sequence[Any], path: str) -> tuple[Any, ...]:
        if wanted == "*":
            return tuple(available)
        by_id = {item.id: item for item in available}
        unknown = [w for w in wanted if w not in by_id]
        if unknown:
            raise self.fail(path, words("layout.unknown_ids", ids=choices(map(str, unknown))))
        return tuple(by_id[w] for w in wanted)

    def header(
        self, raw: Sequence[Sequence[Mapping[str, Any]]], block: Block, path: str
    ) -> tuple[tuple[HeaderCell, ...], ...]:
        """Place header cells on the grid and check that spans tile it and leaves sit over their columns."""
        width = block.label_width + block.data_width
        depth = len(raw)
        taken: set[tuple[int, int]] = set()
        placed: list[tuple[HeaderCell, ...]] = []
        leaves: dict[int, str] = {}
        for r, raw_row in enumerate(raw):
            row_cells: list[HeaderCell] = []
            col = 0
            for i, spec in enumerate(raw_row):
                cell_path = f"{path}[{r}][{i}]"
                self.no_extra(spec, {"zh", "en", "colspan", "rowspan", "column", "cell", "row"}, cell_path)
                while (r, col) in taken:
                    col += 1
                label, target = self.header_label(spec, block, cell_path)
                colspan, rowspan = int(spec.get("colspan", 1)), int(spec.get("rowspan", 1))
                if col + colspan > width or r + rowspan > depth:
                    raise self.fail(cell_path, words("layout.spans", width=width, depth=depth))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if (r + dr, col + dc) in taken:
                            raise self.fail(cell_path, words("layout.overlaps"))
                        taken.add((r + dr, col + dc))
                in_label_area = col < block.label_width
                if target is not None:
                    if r + rowspan != depth or colspan != 1:
                        raise self.fail(cell_path, words("layout.leaf"))
                    leaves[col] = target
                row_cells.append(HeaderCell(label, colspan, rowspan, col, in_label_area))
                col += colspan
            placed.append(tuple(row_cells))
        if len(taken) != width * depth:
            raise self.fail(path, words("layout.fill", width=width, depth=depth))
        expected = [str(a) if block.flatten else a.column for a in block.addresses()][: block.data_width]
        got = [leaves.get(block.label_width + i) for i in range(block.data_width)]
        if got != expected:
            raise self.fail(path, words("layout.columns", got=got, expected=expected))
        return tuple(placed)

    def header_label(self, spec: Mapping[str, Any], block: Block, path: str) -> tuple[Label, str | None]:
        """A header cell's label and, for a leaf, the column (or flattened cell) it stands over."""
        if "column" in spec:
            column = self.pick([spec["column"]], block.columns, f"{path}.column")[0]
            return column.label, column.id
        if "cell" in spec:
            row_id, _, column_id = str(spec["cell"]).partition(".")
            column = self.pick([column_id], block.columns, f"{path}.cell")[0]
            self.pick([row_id], block.rows, f"{path}.cell")
            return column.label, str(CellAddress(block.table, row_id, column_id))
        if "row" in spec:
            return self.pick([spec["row"]], block.rows, f"{path}.row")[0].label, None
        return self.label(spec, path), None

    def finish(self, layout: Layout) -> Layout:
        _unique(self, [t.id for t in layout.tables], "$.tables")
        if not isinstance(layout.first_year, int) or not (
            layout.last_year is None or isinstance(layout.last_year, int)
        ):
            raise self.fail("$.first_year", words("layout.years"))
        return layout

    def no_extra(self, data: Any, known: set[str], path: str) -> None:
        if not isinstance(data, Mapping):
            raise self.fail(path, words("layout.table", got=repr(data)))
        extra = sorted(set(data) - known)
        if extra:
            raise self.fail(f"{path}.{extra[0]}", words("rulefile.unknown_key"))


def _unique(reader: _Reader, ids: Sequence[str], path: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise reader.fail(path, words("layout.duplicate", id=repr(item)))
        seen.add(item)


def _insert_after(rows: tuple[RowSpec, ...], after: str, row: RowSpec) -> tuple[RowSpec, ...]:
    index = next(i for i, r in enumerate(rows) if r.id == after)
    return (*rows[: index + 1], row, *rows[index + 1 :])


def _insert_block_row(block: Block, after: str, row: RowSpec) -> Block:
    rows = _insert_after(block.rows, after, row)
    return Block(block.table, block.heading, rows, block.columns, block.groups, block.header, block.flatten)
