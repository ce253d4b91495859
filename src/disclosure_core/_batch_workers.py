"""Where a batch runs: chunks streamed through any executor, process pools whose workers die with their
parent, and the executors ``disclosure batch --executor`` names (a local process pool, a local Dask cluster,
a Dask scheduler at ``tcp://host:port``).

>>> list(run_many(lambda items, factor: [i * factor for i in items], [1, 2, 3], 10, executor=None,
...               failed=lambda item, error: -1))
[10, 20, 30]
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from disclosure_core.errors import UsageError

Item = TypeVar("Item")
Options = TypeVar("Options")
Result = TypeVar("Result")

PROCESS_CHUNK = 16
"""Inputs per task on a process pool: enough that a round trip costs little beside checking them."""
DASK_CHUNK = 128
"""Inputs per task on Dask, whose scheduler costs about a millisecond per task wherever it runs."""
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def run_many(
    work: Callable[[list[Item], Options], list[Result]],
    inputs: Iterable[Item],
    options: Options,
    *,
    executor: Executor | None,
    failed: Callable[[Item, str], Result],
    chunk: int = PROCESS_CHUNK,
    window: int = 16,
) -> Iterator[Result]:
    """``work`` over ``inputs`` ``chunk`` at a time, at most ``window`` chunks in flight, results yielded as
    chunks finish (in order without an executor). A chunk whose worker breaks becomes ``failed(item, why)``
    for each of its inputs, so one killed worker costs its chunk, not the batch."""
    remaining = iter(inputs)
    if executor is None:
        # The next chunk is taken before this one is worked on, as a pool takes chunks ahead: inputs made ready as
        # they are taken (their reading started, _batch_readahead.py) get this chunk's time for it.
        items = list(itertools.islice(remaining, chunk))
        while items:
            upcoming = list(itertools.islice(remaining, chunk))
            yield from work(items, options)
            items = upcoming
        return
    pending: dict[Future[list[Result]], list[Item]] = {}

    def fill() -> None:
        while len(pending) < window and (items := list(itertools.islice(remaining, chunk))):
            pending[executor.submit(work, items, options)] = items

    fill()
    while pending:
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for future in done:
            items = pending.pop(future)
            try:
                results = future.result()
            except Exception as exc:
                results = [failed(item, f"worker failed: {type(exc).__name__}: {exc}") for item in items]
            yield from results
        fill()


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers exit when the process that made it dies, however it dies (``kill -9``
    included): a batch must not leave workers checking reports for nobody.

    >>> with process_pool(1) as pool:
    ...     pool.submit(abs, -3).result()
    3
    """
    # Forked workers share the parent's pages until something writes to them, and the collector of each
    # worker would (every object it scans gets its header written): frozen objects are not scanned, so the
    # parent's lists of inputs stay shared instead of being copied into every worker.
    gc.freeze()
    return ProcessPoolExecutor(workers, initializer=die_with_parent, initargs=(os.getpid(),))


def die_with_parent(parent: int) -> None:
    """Make this worker process exit when its parent does (run as a pool's initializer).

    On Linux the kernel sends SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``); everywhere a
    daemon thread also watches for the worker being re-parented, which is how the death of a parent
    shows on systems without that call (and of a fork server between the two).
    """
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    start = os.getppid()
    if start != parent and _direct_child():
        os._exit(1)  # the parent died before the request above took effect
    threading.Thread(target=_watch_parent, args=(start,), daemon=True, name="watch-parent").start()


def _direct_child() -> bool:
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True) in {None, "fork", "spawn"}


def _watch_parent(start: int) -> None:
    while os.getppid() == start:
        time.sleep(0.5)
    os._exit(1)


@contextlib.contextmanager
def open_executor(spec: str, jobs: int) -> Iterator[tuple[Executor | None, int]]:
    """The executor ``--executor`` names, with the chunk size that suits it; ``None`` (in process) for a
    process pool of one.

    ``process``: a local process pool of ``jobs`` workers. ``dask-local``: a Dask ``LocalCluster`` of ``jobs``
    single-threaded worker processes. ``tcp://host:port`` (or ``tls://``): the Dask scheduler there, whose
    workers must see the input paths as given (a shared file system) and have the same plugins installed.

    >>> with open_executor("process", 1) as (executor, chunk):
    ...     executor, chunk
    (None, 16)
    """
    if spec == "process":
        if jobs == 1:
            yield None, PROCESS_CHUNK
            return
        with process_pool(jobs) as pool:
            yield pool, PROCESS_CHUNK
        return
    check_executor(spec)
    distributed = _distributed(spec)
    with contextlib.ExitStack() as stack:
        if spec == "dask-local":
            import dask

            stack.enter_context(dask.config.set(_QUIET_WORKERS))
            cluster: Any = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
                )
            )
            client = stack.enter_context(distributed.Client(cluster))
        else:
            try:
                client = stack.enter_context(distributed.Client(spec, timeout="10s"))
            except OSError as exc:
                raise UsageError(f"--executor {spec}: cannot reach the Dask scheduler: {exc}") from None
        yield client.get_executor(pure=False), DASK_CHUNK  # pure: no hashing of every report for a key


def check_executor(spec: str) -> None:
    """:class:`UsageError` unless ``spec`` names an executor :func:`open_executor` knows.

    >>> check_executor("threads")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: --executor threads: expected process, dask-local or a scheduler address tcp://host:port
    """
    if spec not in {"process", "dask-local"} and "://" not in spec:
        raise UsageError(f"--executor {spec}: expected process, dask-local or a scheduler address tcp://host:port")


_QUIET_WORKERS = {
    # A local cluster's workers do nothing but check reports: the statistical profiler (a sample every
    # 10 ms) and the GIL monitor would cost CPU the checks need, for a dashboard nobody opens.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
}


def _distributed(spec: str) -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(f"--executor {spec}: Dask is not installed (pip install 'disclosure-core[dask]')") from None
    return distributed
