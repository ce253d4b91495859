"""Inputs read ahead: as the batch hands an input out, the kernel is asked to start reading it into memory, so
that by its turn the worker finds its bytes there instead of waiting on the disk.

Reports written long ago are often not in the page cache any more, and a worker waiting on the disk holds its core
idle. On the 2-core machine of ``docs/performance.md`` (whose kernel pages out what has been idle for a minute),
100 000 canonical JSON files with caches dropped took 135.1 s to check with ``-j 2``, and 103.7 s read ahead.
Asking costs the batch process a ``stat``, an ``open``, an ``fadvise`` and a ``close`` an input: microseconds
while the file's inode is cached, a read of it when not (in the batch process, not in a worker).

How far ahead is how far the executor takes inputs ahead of the workers: 16 chunks (about a thousand inputs, a
second of canonical JSON, on a pool of two). Only files of at most :data:`READ_AHEAD_BYTES` are asked for, so
that what is asked ahead stays small beside the page cache however slow each input is to check.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")

READ_AHEAD_BYTES = 1024 * 1024
"""Files larger than this are not asked for ahead: a large PDF takes a second or more to read as a report, against
milliseconds from the disk, so reading it ahead saves little and holds much. Every canonical JSON report, workbook,
DOCX or text is far smaller."""

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
# Only a regular file is opened (stat first), but the path could be swapped for a FIFO or a device between the two
# calls: O_NONBLOCK then keeps the open from waiting for a writer, O_NOCTTY keeps a terminal from becoming ours.


def read_ahead(items: Iterable[Item], path: Callable[[Item], str | None]) -> Iterator[Item]:
    """Yield ``items``, the file of each (``path(item)``; None: the item is no file) asked for ahead with
    :func:`will_need` as the item is taken.

    >>> list(read_ahead([("examples/daixian-2020.json", "daixian.json")], lambda work: work[0]))
    [('examples/daixian-2020.json', 'daixian.json')]
    """
    if not hasattr(os, "posix_fadvise"):  # macOS, Windows: the items as they are
        yield from items
        return
    for item in items:
        file = path(item)
        if file is not None:
            will_need(file)
        yield item


def will_need(path: str) -> None:
    """Ask the kernel to start reading the regular file ``path`` into memory, and return without waiting for it.
    Anything else (a FIFO, a device, a file over :data:`READ_AHEAD_BYTES`, a path that cannot be opened or is no
    path at all) is left alone, never opened: the worker that reads it says what is wrong.

    >>> will_need("examples/daixian-2020.json"), will_need("no/such/file.json"), will_need("/dev/null")
    (None, None, None)
    """
    if not hasattr(os, "posix_fadvise"):
        return
    try:
        found = os.stat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size > READ_AHEAD_BYTES:
            return
        handle = os.open(path, _FLAGS)
    except (OSError, ValueError):  # ValueError: a NUL byte, or text no file name can hold (a lone surrogate)
        return
    try:
        status = os.fstat(handle)
        if stat.S_ISREG(status.st_mode):
            os.posix_fadvise(handle, 0, status.st_size, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass  # only a hint: the worker reads the file all the same
    finally:
        os.close(handle)
