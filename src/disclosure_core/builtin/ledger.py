"""Built-in plugin: the request ledger as a source (``convert --from ledger``, ``disclosure ledger``)."""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_core._formats import Source
from disclosure_core.hookspecs import hookimpl
from disclosure_core.ledger.source import LedgerSource


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The ledger source."""
    return [LedgerSource()]
