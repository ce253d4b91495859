"""Built-in plugin: the shipped rule files (common, gov-2019, gov-2021), through the same hook as a province's."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core._formats import DataFile
from disclosure_core.hookspecs import hookimpl


@hookimpl
def disclosure_rule_sets() -> Iterable[DataFile]:
    """The shipped rule files.

    >>> [file.origin for file in disclosure_rule_sets()]
    ['common.toml', 'gov-2019.toml', 'gov-2021.toml']
    """
    from disclosure_core.rules.sets import builtin_rule_files

    return builtin_rule_files()
