"""Reading inputs and writing outputs safely: inputs size-limited, outputs atomically and never over an input."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from disclosure_core.catalogue import say, words
from disclosure_core.errors import LoadError, UsageError
from disclosure_core.text import Text


def refuse_overwriting_input(output: Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`UsageError` when ``output`` is one of ``inputs`` (same file, however spelled or linked).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "in.json").write_text("{}")
    2
    >>> refuse_overwriting_input(folder / "." / "in.json", [folder / "in.json"])
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: .../in.json: refusing to overwrite the input file
    """
    for source in inputs:
        if output.exists() and source.exists() and os.path.samefile(output, source):
            raise UsageError.keyed("error.overwrite", where=str(output))


def refuse_unsafe_target(path: Path) -> None:
    """Raise :class:`UsageError` unless ``path`` is a regular file or a path that can be created as one.

    A rename over a device, a FIFO or a symbolic link would replace the node itself (``/dev/full`` becomes a
    file; ``/proc/self/fd/1`` stops being standard output), and a directory or a parent that is a file cannot
    hold the output: each is refused with one line saying what the path is.

    >>> refuse_unsafe_target(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: /dev/null: refusing to write: a device, not a regular file
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        _refuse_file_parent(path)
        return
    except OSError as exc:  # e.g. a parent that is a file (ENOTDIR) or cannot be searched
        if isinstance(exc, NotADirectoryError):
            _refuse_file_parent(path)
        raise UsageError.keyed("file.cannot_write", where=str(path), reason=os_reason(exc)) from None
    if stat.S_ISREG(mode):
        return
    raise UsageError.keyed("file.not_regular", where=str(path), kind=_kind(mode))


def _kind(mode: int) -> Text:
    if stat.S_ISLNK(mode):
        kind = "link"
    elif stat.S_ISDIR(mode):
        kind = "directory"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    elif stat.S_ISFIFO(mode):
        kind = "fifo"
    else:
        kind = "socket" if stat.S_ISSOCK(mode) else "other"
    return words(f"file.kind.{kind}")


def _refuse_file_parent(path: Path) -> None:
    """The nearest existing ancestor of a new path must be a directory (``mkdir -p`` makes the rest)."""
    for parent in path.absolute().parents:
        if os.path.lexists(parent):
            if not parent.is_dir():
                raise UsageError.keyed("file.parent", where=str(path), parent=parent)
            return


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never a part.

    Refuses (:func:`refuse_unsafe_target`) anything but a regular file or a new path.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
    >>> write_atomic(target, b"{}"); target.read_bytes()
    b'{}'
    """
    refuse_unsafe_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
    # os.open with 0o666 lets the umask decide the mode, as for any new file (mkstemp would force 0600).
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        refuse_unsafe_target(path)  # once more, just before the rename: a link made meanwhile is not followed
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused before reading: no report is anywhere near it."""


def read_input(path: str | Path) -> bytes:
    """A file's bytes, refused (:class:`LoadError` naming it) when unreadable or larger than
    :data:`MAX_INPUT_BYTES`: the one size-limited read of every input.

    >>> read_input("no-such-file.csv")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: no-such-file.csv: cannot read: No such file or directory
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise LoadError.keyed("error.too_large", where=str(path), size=size, limit=MAX_INPUT_BYTES)
        return path.read_bytes()
    except OSError as exc:
        raise LoadError.keyed("error.unreadable", where=str(path), reason=os_reason(exc)) from None


def os_reason(exc: OSError) -> Text:
    """Why the system could not open a file, in both languages (the system's own words in English).

    >>> os_reason(FileNotFoundError(2, "No such file or directory")).zh
    '文件不存在'
    """
    english = exc.strerror or str(exc)
    key = {errno.ENOENT: "os.missing", errno.EACCES: "os.denied", errno.EISDIR: "os.directory"}.get(exc.errno or 0)
    return Text(say(key) if key else english, english)
