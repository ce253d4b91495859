"""Registries for testing the service against misbehaving readers (importable by name, as workers need).

>>> sorted(slow_registry().sources())[:2]
['docx', 'json']
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Mapping
from typing import Any

from disclosure_core import Layout, Loaded, Registry, ReportHints, hookimpl

SLOW_SUFFIX = ".slow"
"""Files named ``*.slow`` are read by :class:`SlowSource`."""


class SlowSource:
    """A reader that takes as many seconds as the file's first line says, then gives up as unreadable."""

    name = "slow"
    description = "sleeps, then reads nothing (for testing time limits)"
    suffixes = (SLOW_SUFFIX,)

    def sniff(self, head: bytes, filename: str) -> bool:
        return filename.endswith(SLOW_SUFFIX)

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        from disclosure_core import LoadError

        time.sleep(float(data.split(b"\\n", 1)[0] or b"0"))
        raise LoadError(f"{origin}: slept, and read nothing")


class _SlowPlugin:
    @hookimpl
    def disclosure_sources(self) -> list[SlowSource]:
        return [SlowSource()]


def slow_registry() -> Registry:
    """Every installed plugin, plus :class:`SlowSource` under the name ``slow``."""
    registry = Registry()
    registry.register(_SlowPlugin(), name="slow")
    return registry


class InProcessClient:
    """The app driven in process over httpx's ASGI transport, its lifespan (parse workers) included.

    A synchronous face for tests: each call runs on an event loop in a background thread, as a host's
    server would run the app.

    >>> from disclosure_service import Settings, create_app
    >>> with InProcessClient(create_app(Settings(parse_workers=1))) as client:
    ...     client.get("/readyz").json()["status"]
    'ready'
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> InProcessClient:
        import httpx
        from anyio.from_thread import start_blocking_portal

        self._portal = self._stack.enter_context(start_blocking_portal())
        self._stack.enter_context(self._portal.wrap_async_context_manager(self.app.router.lifespan_context(self.app)))
        transport = httpx.ASGITransport(app=self.app)
        self._client = httpx.AsyncClient(transport=transport, base_url="http://service.test")
        self._stack.callback(lambda: self._portal.call(self._client.aclose))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        """An ``httpx.Response`` for the request (arguments as ``httpx.AsyncClient.request``)."""
        return self._portal.call(functools.partial(self._client.request, method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.request("POST", url, **kwargs)


def allocate(registry: Registry, size: int) -> int:
    """A parse job that asks for ``size`` bytes (to run a worker into its memory limit)."""
    return len(bytes(size))


def echo(registry: Registry, value: str) -> str:
    """A parse job that answers ``value`` (to see a worker serve)."""
    return value
