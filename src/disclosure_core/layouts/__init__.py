"""The official formats as data: load, validate and look up layouts.

>>> builtin_layout("gov-2019").table("requests").row("total").label.zh
'（七）总计'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from importlib import resources

from disclosure_core.layouts.grid import BlockGrid, GridCell, GridRole, block_grid, table_grids
from disclosure_core.layouts.loader import parse_layout
from disclosure_core.layouts.spec import (
    Block,
    BodyCell,
    CellAddress,
    CellKind,
    ColumnSpec,
    DataCell,
    GroupSpec,
    HeaderCell,
    Label,
    LabelCell,
    Layout,
    RowSpec,
    SectionSpec,
    TableLayout,
)

BUILTIN_LAYOUT_IDS = ("gov-2019", "gov-2021")


class LayoutCatalog(Mapping[str, Layout]):
    """Layouts by id that can also be called to look one up, so it serves wherever a ``LayoutLookup`` does.

    >>> catalog = LayoutCatalog({"gov-2021": builtin_layout("gov-2021")})
    >>> catalog("gov-2021").basis, list(catalog)
    ('国办公开办函〔2021〕30号', ['gov-2021'])
    """

    def __init__(self, layouts: Mapping[str, Layout]) -> None:
        self._layouts = dict(layouts)

    def __call__(self, layout_id: str) -> Layout:
        return self._layouts[layout_id]

    def __getitem__(self, layout_id: str) -> Layout:
        return self._layouts[layout_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._layouts)

    def __len__(self) -> int:
        return len(self._layouts)


@functools.cache
def builtin_layout(layout_id: str) -> Layout:
    """One of the shipped official layouts, parsed once per process.

    >>> builtin_layout("gov-2021").basis
    '国办公开办函〔2021〕30号'
    """
    if layout_id not in BUILTIN_LAYOUT_IDS:
        raise KeyError(layout_id)
    text = resources.files(__package__).joinpath(f"{layout_id}.toml").read_text(encoding="utf-8")
    return parse_layout(text, origin=f"{layout_id}.toml")


__all__ = [
    "BUILTIN_LAYOUT_IDS",
    "Block",
    "BlockGrid",
    "BodyCell",
    "CellAddress",
    "CellKind",
    "ColumnSpec",
    "DataCell",
    "GridCell",
    "GridRole",
    "GroupSpec",
    "HeaderCell",
    "Label",
    "LabelCell",
    "Layout",
    "LayoutCatalog",
    "RowSpec",
    "SectionSpec",
    "TableLayout",
    "block_grid",
    "builtin_layout",
    "parse_layout",
    "table_grids",
]
