"""What the endpoints share: the registry, the settings, and reading an upload into a report.

Canonical JSON is read in the service process (a bounded, linear parse of a body already under the size
limit); every other kind of file goes to the parse pool, where a pathological document can only cost its
own request.
"""

from __future__ import annotations

import attrs
from starlette.concurrency import run_in_threadpool

from disclosure_core import Loaded, Registry, ReportHints, UsageError
from disclosure_service.inputs import Upload
from disclosure_service.jobs import read_upload
from disclosure_service.pool import ParsePool
from disclosure_service.problems import Problem
from disclosure_service.settings import Settings

IN_PROCESS_SOURCES = frozenset({"json"})
"""Sources read in the service process; the rest are read in the parse pool."""


@attrs.define
class Service:
    """The registry, the settings and the parse pool of one running service."""

    registry: Registry
    settings: Settings
    pool: ParsePool
    ready: bool = False

    def start(self) -> None:
        """Load the plugins and start the parse workers (``/readyz`` answers 200 from then on)."""
        self.registry.rule_set()  # compile the rules and resolve the plugins now, not on the first request
        self.pool.start()
        self.ready = True

    def stop(self) -> None:
        """Stop the parse workers."""
        self.ready = False
        self.pool.close()

    async def read(self, upload: Upload, *, source: str | None = None, hints: ReportHints | None = None) -> Loaded:
        """The report in ``upload``, read by ``source`` or by the source that claims it."""
        name = source if source is not None else self.claiming(upload)
        self.registry.source(name)  # a UsageError listing the sources when unknown
        if name in IN_PROCESS_SOURCES:
            return await run_in_threadpool(
                self.registry.load_bytes, upload.data, origin=upload.filename, source=name, hints=hints
            )
        loaded: Loaded = await self.pool.run(read_upload, upload.data, upload.filename, name, hints)
        return loaded

    def claiming(self, upload: Upload) -> str:
        """The name of the source that claims an upload; 415 when none does."""
        try:
            chosen = self.registry.source_for(upload.filename, upload.data[:4096])
        except UsageError as exc:
            raise Problem(415, "unknown-format", str(exc), exc.words, exc.key) from None
        return next(name for name, src in self.registry.sources().items() if src is chosen)
