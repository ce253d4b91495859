"""The official formats as data: load, validate and look up layouts.

>>> builtin_layout("gov-2019").table("requests").row("total").label.zh
'（七）总计'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from disclosure_core.errors import UsageError
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
from disclosure_core.text import Text

BUILTIN_LAYOUT_IDS = ("gov-2019", "gov-2021")


def unknown_layout(layout_id: str, layouts: Mapping[str, Layout]) -> Text:
    """The one wording, in both languages, for a format id that is not among ``layouts``.

    >>> unknown_layout("gov-2030", official_layouts()).en
    "unknown format version 'gov-2030' (available: gov-2019, gov-2021)"
    """
    from disclosure_core.catalogue import words  # not at import: layouts load before the catalogue is needed

    return words("error.unknown_layout", name=repr(layout_id), known=", ".join(sorted(layouts)) or "—")


def find_layout(layouts: Mapping[str, Layout], layout_id: str) -> Layout:
    """``layouts[layout_id]``, or a :class:`~disclosure_core.errors.UsageError` listing what is available.

    >>> find_layout(official_layouts(), "gov-2021").basis
    '国办公开办函〔2021〕30号'
    >>> find_layout(official_layouts(), "gov-2030")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: unknown format version 'gov-2030' (available: gov-2019, gov-2021)
    """
    try:
        return layouts[layout_id]
    except KeyError:
        known = ", ".join(sorted(layouts)) or "—"
        raise UsageError.keyed("error.unknown_layout", name=repr(layout_id), known=known) from None


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


@functools.cache
def official_layouts() -> Mapping[str, Layout]:
    """The shipped official layouts by id: the layout lookup used when no registry gives one.

    Every API that looks layouts up takes a ``Mapping[str, Layout]`` (a registry's
    :meth:`~disclosure_core.Registry.layouts`, variants included); this is the default.

    >>> sorted(official_layouts())
    ['gov-2019', 'gov-2021']
    """
    return MappingProxyType({layout_id: builtin_layout(layout_id) for layout_id in BUILTIN_LAYOUT_IDS})


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
    "RowSpec",
    "SectionSpec",
    "TableLayout",
    "block_grid",
    "builtin_layout",
    "find_layout",
    "official_layouts",
    "parse_layout",
    "table_grids",
    "unknown_layout",
]
