"""Built-in plugin: the two official format layouts, gov-2019 and gov-2021."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core._formats import DataFile
from disclosure_core.hookspecs import hookimpl
from disclosure_core.layouts import BUILTIN_LAYOUT_IDS, Layout, builtin_layout


@hookimpl
def disclosure_layouts() -> Iterable[Layout | DataFile]:
    """The shipped official layouts."""
    return [builtin_layout(layout_id) for layout_id in BUILTIN_LAYOUT_IDS]
