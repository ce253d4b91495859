"""The names of a batch's result files: ``<stem>.<hash>.findings.json``, the hash taken of the input's real path
so that two inputs of one name in different folders never share a result, found for 100 000 inputs without
resolving every path component of every one of them.

>>> names = ResultNames()
>>> names("examples/daixian-2020.json") == result_name(Path("examples/daixian-2020.json"))
True
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def result_name(path: Path) -> str:
    """A stable, collision-free result file name for an input path."""
    tag = hashlib.sha256(str(path.resolve()).encode(errors="surrogateescape")).hexdigest()[:8]
    return f"{path.stem}.{tag}.findings.json"


class ResultNames:
    """:func:`result_name` of many paths, each folder resolved once: a folder's real path and a file's name
    that is no symlink make the file's real path (one ``lstat`` of the file instead of one per component)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        """The result name of ``path`` (as :func:`result_name` gives it)."""
        folder, name = os.path.split(path)
        try:
            direct = name not in {"", ".", ".."} and not stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:
            direct = False
        if not direct:  # a symlink, or gone: the slow way, exactly as result_name takes it
            return result_name(Path(path))
        real = self._folders.get(folder)
        if real is None:
            if len(self._folders) > 4096:  # inputs spread over very many folders: memory stays bounded
                self._folders.clear()
            real = self._folders[folder] = str(Path(folder or ".").resolve())
        tag = hashlib.sha256(os.path.join(real, name).encode(errors="surrogateescape")).hexdigest()[:8]
        return f"{_stem(name)}.{tag}.findings.json"


def _stem(name: str) -> str:
    """What ``Path(name).stem`` is, without making a path.

    >>> [(_stem(n), Path(n).stem) for n in ("a.json", "a.", ".json", "a.b.json", "a")]
    [('a', 'a'), ('a.', 'a.'), ('.json', '.json'), ('a.b', 'a.b'), ('a', 'a')]
    """
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name
