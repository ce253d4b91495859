"""Which files a batch reads: the files given, and every file some source reads under the directories given,
never anything inside the batch's own output directory however either path is written (relative,
absolute, through a symlink, or the output nested inside the input)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from disclosure_core.errors import UsageError


def batch_inputs(items: Iterable[Path], suffixes: Iterable[str], output: Path | None = None) -> list[Path]:
    """Files given, plus every file under given directories that some source reads (sorted, without
    duplicates, and nothing inside ``output``); :class:`UsageError` for an item that does not exist or
    that is inside ``output``.

    Directories are compared by identity (device and inode), files by their real path, so no spelling
    of a path reaches the output; directory symlinks are followed once each (a symlink loop ends).

    >>> batch_inputs([Path("examples")], {".json"})[:1]
    [PosixPath('examples/daixian-2020.json')]
    """
    wanted = {suffix.lower() for suffix in suffixes}
    fence = _Fence(output)
    found: list[Path] = []
    for item in items:
        if not item.exists():
            raise UsageError(f"{item}: no such file or directory")
        if fence.holds(item):
            raise UsageError(f"{item}: is inside the output directory {output}; results are not read as reports")
        if item.is_dir():
            found.extend(_walk(item, wanted, fence))
        else:
            found.append(item)
    return list(dict.fromkeys(found))


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


def _walk(top: Path, wanted: set[str], fence: _Fence) -> list[Path]:
    """The files under ``top`` with a wanted suffix, sorted as ``sorted(top.rglob("*"))`` would list them."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        status = folder.stat()
        if fence.is_output(status) or (status.st_dev, status.st_ino) in seen:
            continue
        seen.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as entries:
            for entry in entries:
                path = folder / entry.name
                if entry.is_dir():
                    if not (entry.is_symlink() and fence.holds(path)):
                        stack.append(path)
                elif (
                    entry.is_file()
                    and os.path.splitext(entry.name)[1].lower() in wanted
                    and not (entry.is_symlink() and fence.holds(path))
                ):
                    found.append(path)
    return sorted(found)
