"""Which files a batch reads: the files given, and every file some source reads under the directories given,
never anything inside the batch's own output directory however either path is written (relative,
absolute, through a symlink, or the output nested inside the input).

The walk streams: it yields each file as it meets it and keeps the folders still to visit, and those visited,
where it is told to (:class:`Folders`: in memory here, on disk in a batch's index), so that a walk over
100 000 files holds nothing per file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from disclosure_core.errors import UsageError

Group = tuple[bool, Iterator[str]]
"""What one item given to a batch brings: whether it is a directory (its files come unsorted, to be sorted), and
its files as path strings."""


class Folders(Protocol):
    """Where a walk keeps the folders it has still to visit (last in, first out) and those it has visited."""

    def push(self, folder: Path) -> None:
        """Visit ``folder`` later."""

    def pop(self) -> Path | None:
        """The folder pushed last and not popped yet; None when there is none."""

    def first_visit(self, device: int, inode: int) -> bool:
        """Whether the folder of this identity is visited for the first time (and remember that it was)."""


def batch_inputs(items: Iterable[Path], suffixes: Iterable[str], output: Path | None = None) -> list[Path]:
    """Files given, plus every file under given directories that some source reads (sorted, without
    duplicates, and nothing inside ``output``); :class:`UsageError` for an item that does not exist or
    that is inside ``output``. A batch takes the same list from :func:`input_groups` without holding it.

    Directories are compared by identity (device and inode), files by their real path, so no spelling
    of a path reaches the output; directory symlinks are followed once each (a symlink loop ends).

    >>> batch_inputs([Path("examples")], {".json"})[:1]
    [PosixPath('examples/daixian-2020.json')]
    """
    found: list[Path] = []
    for is_directory, files in input_groups(items, suffixes, output):
        paths = map(Path, files)
        found.extend(sorted(paths) if is_directory else paths)
    return list(dict.fromkeys(found))


def check_items(items: Iterable[Path], output: Path | None) -> None:
    """:class:`UsageError` for an item that does not exist or that is inside ``output`` (so that a batch can
    refuse its items before it opens its output directory).

    >>> check_items([Path("examples")], None)
    """
    fence = _Fence(output)
    for item in items:
        _check(item, fence, output)


def input_groups(
    items: Iterable[Path], suffixes: Iterable[str], output: Path | None = None, folders: Folders | None = None
) -> Iterator[Group]:
    """For each item, as :data:`Group`: a file as itself, a directory as the files under it that some source
    reads (in the order the walk meets them: :func:`batch_inputs` sorts them), never one inside ``output``.

    ``folders`` is where the walk keeps its folders (a fresh one in memory per item when none is given; one
    given is used for every item, and must forget what it holds between them: each directory walks afresh).

    >>> [(is_directory, sorted(files)[:1]) for is_directory, files in input_groups([Path("examples")], {".json"})]
    [(True, ['examples/daixian-2020.json'])]
    """
    wanted = {suffix.lower() for suffix in suffixes}
    fence = _Fence(output)
    for item in items:
        _check(item, fence, output)
        if item.is_dir():
            yield True, _walk(item, wanted, fence, folders or _MemoryFolders())
        else:
            yield False, iter([str(item)])


def _check(item: Path, fence: _Fence, output: Path | None) -> None:
    if not item.exists():
        raise UsageError(f"{item}: no such file or directory")
    if fence.holds(item):
        raise UsageError(f"{item}: is inside the output directory {output}; results are not read as reports")


class _Fence:
    """The output directory, recognised under any name."""

    def __init__(self, output: Path | None) -> None:
        self.identity: tuple[int, int] | None = None
        self.real: str | None = None
        if output is not None and output.is_dir():
            status = output.stat()
            self.identity = (status.st_dev, status.st_ino)
            self.real = os.path.realpath(output)

    def is_output(self, status: os.stat_result) -> bool:
        return self.identity == (status.st_dev, status.st_ino)

    def holds(self, path: Path) -> bool:
        """Whether ``path`` is the output directory or anything inside it."""
        if self.real is None:
            return False
        real = os.path.realpath(path)
        return real == self.real or real.startswith(self.real.rstrip(os.sep) + os.sep)


class _MemoryFolders:
    """:class:`Folders` in memory: enough for a directory of a few thousand folders."""

    def __init__(self) -> None:
        self._stack: list[Path] = []
        self._seen: set[tuple[int, int]] = set()

    def push(self, folder: Path) -> None:
        self._stack.append(folder)

    def pop(self) -> Path | None:
        return self._stack.pop() if self._stack else None

    def first_visit(self, device: int, inode: int) -> bool:
        known = len(self._seen)
        self._seen.add((device, inode))
        return len(self._seen) > known


def _walk(top: Path, wanted: set[str], fence: _Fence, folders: Folders) -> Iterator[str]:
    """The files under ``top`` with a wanted suffix, as ``top.rglob("*")`` meets them (unsorted)."""
    folders.push(top)
    while (folder := folders.pop()) is not None:
        status = folder.stat()
        if fence.is_output(status) or not folders.first_visit(status.st_dev, status.st_ino):
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                path = folder / entry.name
                if entry.is_dir():
                    if not (entry.is_symlink() and fence.holds(path)):
                        folders.push(path)
                elif (
                    entry.is_file()
                    and os.path.splitext(entry.name)[1].lower() in wanted
                    and not (entry.is_symlink() and fence.holds(path))
                ):
                    yield str(path)
