"""Inputs read ahead: as the batch hands an input out, the kernel is asked to start reading it into memory, so
that by its turn (a second or so later) the worker finds its bytes there instead of waiting on the disk.

Reports written long ago are often not in the page cache any more, and a worker waiting on the disk holds its core
idle. On the 2-core machine of ``docs/performance.md`` (whose kernel pages out what has been idle for a minute),
100 000 canonical JSON files with caches dropped took 135.1 s to check with ``-j 2``, and 103.7 s read ahead.
Asking ahead costs the batch process a few microseconds an input.

>>> list(read_ahead([("examples/daixian-2020.json", "daixian.json")], lambda work: work[0]))
[('examples/daixian-2020.json', 'daixian.json')]
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")

READ_AHEAD_BYTES = 4 * 1024 * 1024
"""At most this much of each input is asked for ahead: all of any JSON, workbook or DOCX report, the start of a
large PDF. With about a thousand inputs ahead, what is asked for stays within what the page cache holds."""

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
# O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (it is not read ahead: only regular
# files are), and a terminal must not become this process's controlling one (O_NOCTTY).


def read_ahead(items: Iterable[Item], path: Callable[[Item], str | None]) -> Iterator[Item]:
    """``items``, the file of each (``path(item)``; None for an item that is no file) asked to be read into memory
    as the item is taken. Where the system has no ``posix_fadvise`` (macOS, Windows), ``items`` as they are."""
    if not hasattr(os, "posix_fadvise"):
        yield from items
        return
    for item in items:
        file = path(item)
        if file is not None:
            will_need(file)
        yield item


def will_need(path: str) -> None:
    """Ask the kernel to start reading the regular file ``path`` (up to :data:`READ_AHEAD_BYTES`), and return
    without waiting for it. Anything else, or a file that cannot be opened, is left alone: the worker that
    reads it says what is wrong.

    >>> will_need("examples/daixian-2020.json"), will_need("no/such/file.json"), will_need("/dev/null")
    (None, None, None)
    """
    try:
        handle = os.open(path, _FLAGS)
    except OSError:
        return
    try:
        status = os.fstat(handle)
        if stat.S_ISREG(status.st_mode):
            os.posix_fadvise(handle, 0, min(status.st_size, READ_AHEAD_BYTES), os.POSIX_FADV_WILLNEED)
    except OSError:
        pass  # only a hint: the worker reads the file all the same
    finally:
        os.close(handle)
