"""The work a parse worker does: read one upload into a report with the worker's registry.

A module-level function, so a ``spawn`` worker can unpickle it.
"""

from __future__ import annotations

from disclosure_core import Loaded, Registry, ReportHints


def read_upload(
    registry: Registry, data: bytes, filename: str, source: str | None, hints: ReportHints | None
) -> Loaded:
    """Read ``data`` (named ``filename`` by the client) with ``source`` or the source that claims it.

    >>> read_upload(Registry(entry_points=False), b"{}", "r.json", None, None)
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: r.json: $.format: missing or not a string
    """
    return registry.load_bytes(data, origin=filename, source=source, hints=hints)
