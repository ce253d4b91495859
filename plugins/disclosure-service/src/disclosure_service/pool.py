"""Read uploads in worker processes with a time and memory limit, so one hostile file costs one request.

Reading a PDF or a DOCX runs third-party parsers on bytes from the network. Each job goes to one of a few
worker processes; when it overruns its time the worker is killed and replaced, and the request ends as 504
while every other request is served. A worker also runs under an address-space limit, so a decompression
bomb ends that worker (422), not the host.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import resource
import sys
import traceback
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import Any

import attrs

from disclosure_core import DisclosureError, LoadError, Registry, UsageError
from disclosure_core.catalogue import Text, words
from disclosure_service.problems import Problem

Job = Callable[..., Any]
log = logging.getLogger("disclosure_service")


@attrs.define
class _Worker:
    process: BaseProcess
    conn: multiprocessing.connection.Connection


class ParsePool:
    """``workers`` processes that run jobs one at a time each, killed when a job overruns ``timeout``.

    >>> import asyncio
    >>> from disclosure_service.jobs import read_upload
    >>> async def demo():
    ...     pool = ParsePool(workers=1, timeout=30)
    ...     try:
    ...         return await pool.run(read_upload, b"{}", "r.json", None, None)
    ...     finally:
    ...         pool.close()
    >>> asyncio.run(demo())
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: r.json: $.format: missing or not a string
    """

    def __init__(
        self,
        *,
        workers: int,
        timeout: float,
        memory_bytes: int | None = None,
        registry: Callable[[], Registry] = Registry,
    ) -> None:
        # spawn, not fork: the service process runs an event loop and threads that a fork would copy half-way.
        self._context = multiprocessing.get_context("spawn")
        self._size = max(1, workers)
        self._timeout = timeout
        self._memory = memory_bytes
        self._registry = registry
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []
        self._starting: set[asyncio.Task[None]] = set()

    @property
    def started(self) -> bool:
        """Whether the pool has been started (``/readyz`` says so)."""
        return self._idle is not None

    def start(self) -> None:
        """Start the workers (called once the event loop runs, at application start-up)."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self._size):
                self._spawn()

    def _spawn(self) -> None:
        """Start a worker; it joins the idle ones once it has built its registry (not counted in a job's time)."""
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self._memory, self._registry), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.append(worker)
        task = asyncio.get_running_loop().create_task(self._welcome(worker))
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _welcome(self, worker: _Worker) -> None:
        try:
            ready = await _readable(worker.conn, STARTUP_SECONDS) and worker.conn.recv() == ("ready", None)
        except (EOFError, OSError):
            ready = False
        if not ready or self._idle is None:
            log.error("a parse worker did not start")
            self._retire(worker)
            return
        self._idle.put_nowait(worker)

    async def run(self, job: Job, *args: Any) -> Any:
        """Run ``job(registry, *args)`` in a worker, with the worker's registry: its result, the library
        error it raised, or 504 when too slow."""
        self.start()
        assert self._idle is not None
        worker = await self._idle.get()
        value: Any
        try:
            worker.conn.send((job, args))
            answered = await _readable(worker.conn, self._timeout)
            status, value = worker.conn.recv() if answered else ("time-limit", None)
        except (EOFError, OSError):  # the worker died: a memory limit, a crash in a parser
            status, value = ("died", None)
        except BaseException:  # the request was cancelled (client gone): the job may still run, start afresh
            self._replace(worker)
            raise
        if status in {"time-limit", "died"}:
            self._replace(worker)
            if status == "time-limit":
                raise Problem.keyed(504, "time-limit", "service.time_limit", seconds=f"{self._timeout:g}")
            raise LoadError.keyed("service.crashed")
        self._idle.put_nowait(worker)
        if status == "ok":
            return value
        if status == "internal":
            raise Problem.keyed(500, "internal", "service.internal")
        english, chinese, key = value
        raise _ERRORS[status].said(Text(chinese, english), key=key)

    def _replace(self, worker: _Worker) -> None:
        self._retire(worker)
        self._spawn()

    def _retire(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        if worker in self._all:
            self._all.remove(worker)

    def close(self) -> None:
        """Stop every worker (application shutdown)."""
        for task in list(self._starting):
            task.cancel()
        for worker in list(self._all):
            with contextlib.suppress(OSError):  # a worker that already died
                worker.conn.send(None)
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
            worker.conn.close()
        self._all.clear()
        self._idle = None


STARTUP_SECONDS = 120.0
"""How long a new worker may take to import the plugins and build its registry."""

_ERRORS: dict[str, type[DisclosureError]] = {"load": LoadError, "usage": UsageError, "error": DisclosureError}
"""The library errors a worker answers with: each travels as its English, its Chinese and its catalogue key."""


async def _readable(conn: multiprocessing.connection.Connection, timeout: float) -> bool:
    """Wait without a thread until the worker answers, or ``timeout`` passes."""
    loop = asyncio.get_running_loop()
    answered: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not answered.done():
            answered.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await asyncio.wait_for(answered, timeout)
        return True
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(conn.fileno())


def _serve(
    conn: multiprocessing.connection.Connection, memory: int | None, make_registry: Callable[[], Registry]
) -> None:
    """A worker's life: run jobs until told to stop; library errors travel back as text, never a trace."""
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        registry = make_registry()
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        except Exception:  # a job that cannot be unpickled here (its function not importable): our bug
            traceback.print_exc(file=sys.stderr)
            conn.send(("internal", "unpicklable job"))
            continue
        if message is None:
            return
        job, args = message
        try:
            reply: tuple[str, Any] = ("ok", job(registry, *args))
        except DisclosureError as exc:
            kind = "load" if isinstance(exc, LoadError) else "usage" if isinstance(exc, UsageError) else "error"
            reply = (kind, (str(exc), exc.text("zh"), exc.key))
        except MemoryError:
            said = words("service.out_of_memory")
            reply = ("load", (said.en, said.zh, "service.out_of_memory"))
        except Exception as exc:  # our bug: the trace goes to the service's log, the client gets a plain 500
            traceback.print_exc(file=sys.stderr)
            reply = ("internal", type(exc).__name__)
        conn.send(reply)
