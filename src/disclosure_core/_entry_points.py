"""Installed plugins found from their ``entry_points.txt`` files, without importing ``importlib.metadata``.

Every ``disclosure`` run looks for plugins. ``importlib.metadata`` costs about 40 ms to import on the
project's machines (it pulls in ``email``, ``zipfile`` and ``csv``) and reads every distribution's metadata;
a run that checks one JSON file takes a few times that in all. The installed distributions are directories
``<name>-<version>.dist-info`` (or ``.egg-info``) on ``sys.path``, each with an optional ``entry_points.txt``:
reading just those is the same answer for a fraction of the cost. Anything else on ``sys.path`` (a zip file)
is asked of ``importlib.metadata`` as before.

>>> points = entry_points("console_scripts")
>>> any(point.name == "disclosure" and point.value == "disclosure_core.cli:main" for point in points)
True
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable
from typing import Any

import attrs

_METADATA_SUFFIXES = (".dist-info", ".egg-info")


@attrs.frozen
class EntryPoint:
    """One entry point of an installed distribution: what the plugin is called and where it lives.

    >>> point = EntryPoint("json", "json:dumps", "disclosure_core", "demo", None)
    >>> point.load()([1])
    '[1]'
    """

    name: str
    value: str
    group: str
    distribution: str
    metadata: str | None = attrs.field(repr=False)
    """The distribution's metadata directory, when it was found as one (its version is read from it)."""

    def load(self) -> Any:
        """Import the module and return the object the entry point names (``module:attr.attr``)."""
        module_name, _, attribute = self.value.partition(":")
        found: Any = importlib.import_module(module_name.strip())
        for part in attribute.split("[")[0].strip().split(".") if attribute else ():
            found = getattr(found, part)
        return found

    @property
    def version(self) -> str | None:
        """The distribution's version (read only when asked: ``disclosure plugins`` shows it).

        >>> EntryPoint("json", "json", "disclosure_core", "demo", None).version is None
        True
        """
        if self.metadata is None:
            return None
        return _version(self.metadata)


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """The entry points of ``group`` in the distributions on ``path`` (``sys.path`` by default).

    As ``importlib.metadata.entry_points(group=...)``: distributions in ``sys.path`` order, the first of two
    with the same normalized name wins.

    >>> entry_points("no such group")
    []
    """
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path if path is None else path:
        directory = entry or "."
        if os.path.isdir(directory):
            found.extend(_from_directory(directory, group, seen))
        elif os.path.isfile(directory):  # a zip on sys.path: rare enough to pay for importlib.metadata
            found.extend(_from_importlib_metadata(directory, group, seen))
    return found


def _from_directory(directory: str, group: str, seen: set[str]) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return found
    for name in names:
        if not name.endswith(_METADATA_SUFFIXES):
            continue
        distribution = _normalize(name.rpartition(".")[0].split("-")[0])
        if distribution in seen:
            continue
        metadata = os.path.join(directory, name)
        try:
            with open(os.path.join(metadata, "entry_points.txt"), encoding="utf-8") as file:
                text = file.read()
        except OSError:  # no entry points (or not a directory): still a distribution that shadows later ones
            text = ""
        seen.add(distribution)
        found.extend(
            EntryPoint(point_name, value, group, distribution, metadata) for point_name, value in _section(text, group)
        )
    return found


def _from_importlib_metadata(archive: str, group: str, seen: set[str]) -> list[EntryPoint]:
    import importlib.metadata

    found: list[EntryPoint] = []
    for dist in importlib.metadata.distributions(path=[archive]):
        distribution = _normalize(dist.metadata["Name"] or "")
        if distribution in seen:
            continue
        seen.add(distribution)
        found.extend(
            EntryPoint(p.name, p.value, group, distribution, None) for p in dist.entry_points.select(group=group)
        )
    return found


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of one ``[group]`` of an ``entry_points.txt`` (an INI file).

    >>> _section("[a]\\nx = m:f\\n# note\\n[b]\\ny = n\\n", "a")
    [('x', 'm:f')]
    """
    lines: list[tuple[str, str]] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            lines.append((name.strip(), value.strip()))
    return lines


def _normalize(name: str) -> str:
    """A distribution name as PEP 503 compares them.

    >>> _normalize("Disclosure_Core"), _normalize("disclosure.core")
    ('disclosure-core', 'disclosure-core')
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(metadata: str) -> str | None:
    """The ``Version:`` header of a distribution's METADATA (PKG-INFO for an egg)."""
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(metadata, file_name), encoding="utf-8") as file:
                for line in file:
                    if line.startswith("Version:"):
                        return line.partition(":")[2].strip()
                    if not line.strip():  # the headers end at the first blank line
                        break
        except OSError:
            continue
    return None


__all__ = ["EntryPoint", "entry_points"]
