"""A batch run's index on disk: its inputs in summary order, which of them it checks, where in the journal each
input's last line starts, and the result names given out, in one SQLite file in the output directory, so that
what the batch process holds does not grow with the number of inputs (100 000 in a national year).

The index is scratch, never the record: the journal is. Each run deletes an index left behind (by a run killed
while writing it, or at any other moment) and builds its own from the journal and the walk, and a run that ends
deletes it; so no index, torn or stale, can lose a result or count one twice, and nothing in it needs to be
durable (no rollback journal, no sync).

>>> import tempfile
>>> index = BatchIndex(Path(tempfile.mkdtemp()))
>>> index.add_inputs([(True, iter(["in/b.json", "in/a/c.json", "in/a.json"])), (False, iter(["in/a.json"]))])
>>> list(index.inputs()), index.count()
(['in/a/c.json', 'in/a.json', 'in/b.json'], 3)
>>> index.close()
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from disclosure_core._batch_inputs import Group
from disclosure_core.errors import UsageError

INDEX = "batch-index.sqlite"
PAGE = 512
"""Rows read (and offsets written) at a time: no statement is left open while the index is written, and
memory stays small."""

_SCHEMA = """
CREATE TABLE inputs(
    seq INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, path BLOB, todo INTEGER NOT NULL DEFAULT 1, offset INTEGER
);
CREATE TABLE found(key BLOB PRIMARY KEY, path BLOB) WITHOUT ROWID;
CREATE TABLE done(first INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, offset INTEGER NOT NULL);
CREATE TABLE names(hash INTEGER PRIMARY KEY);
CREATE TABLE clashing(seq INTEGER PRIMARY KEY, name BLOB NOT NULL);
CREATE TABLE folders(n INTEGER PRIMARY KEY, path BLOB NOT NULL);
CREATE TABLE seen(device INTEGER, inode INTEGER, PRIMARY KEY(device, inode)) WITHOUT ROWID;
"""
# inputs: every input; ``seq`` its place in the summaries, ``todo`` whether this run checks it, ``offset`` where
#   its last journal line starts.
# found: a directory's files while it is walked, sorted by their key (SQLite's B-tree is the sort).
# done: the journal's lines as the run found them (input and offset; ``first``: the order inputs were first
#   recorded in), and lines of this run for anything not an input.
# names: the hash of each result name given out; clashing: inputs whose name was already given, put off.
# folders, seen: the walk's folders still to visit (a stack) and visited (by identity).


def key(path: str) -> bytes:
    """The bytes an input is filed under. Their order is that of ``Path`` objects, path part by path part: the
    separator becomes NUL (below any other character, as a shorter part sorts first), and UTF-8 keeps the order of
    code points, lone surrogates (undecodable file names) included.

    >>> paths = ["a/b.json", "a/b/c.json", "a-b.json", "a/\\udcff.json", "a/\\uff08.json"]
    >>> sorted(paths, key=key) == [str(p) for p in sorted(map(Path, paths))]
    True
    """
    if _FOLD:  # Windows: paths compare (and equal) as their lower case, with either separator
        path = path.replace("/", os.sep).lower()
    return path.replace(os.sep, "\0").encode("utf-8", "surrogatepass")


def _path(key: bytes) -> str:
    return key.decode("utf-8", "surrogatepass").replace("\0", os.sep)


_FOLD = os.name == "nt"


class BatchIndex:
    """The index of the batch writing into ``root`` (which it holds the lock of); :meth:`close` deletes it.

    Inputs given out to check (:meth:`named`, :meth:`put_off_inputs`) are known by their place until their
    result is recorded: what is held is bounded by the work in flight, not by the number of inputs.
    """

    def __init__(self, root: Path) -> None:
        self.file = root / INDEX
        try:
            _delete(self.file)
            self._db = sqlite3.connect(self.file, isolation_level=None)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.executescript(_SCHEMA)
            self._db.execute("BEGIN")  # one transaction for the whole run: nothing here needs to be durable
        except (OSError, sqlite3.Error) as exc:
            raise UsageError(f"{self.file}: cannot write the batch's index: {exc}") from None
        self._current = 0
        self._flying: dict[str, int] = {}
        """Inputs given out to check and not recorded yet, with their places."""
        self._offsets: list[tuple[int, int]] = []
        """Offsets recorded and not yet written (``(offset, place)``): written a page at a time."""

    def close(self) -> None:
        """Close and delete the index."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        _delete(self.file)

    # The inputs.

    def add_inputs(self, groups: Iterable[Group]) -> None:
        """Append the inputs of every group, a directory's sorted by :func:`key`, each input once (where it
        first comes)."""
        db = self._db
        for is_directory, files in groups:
            rows = ((key(path), _original(path)) for path in files)
            if is_directory:
                db.executemany("INSERT OR IGNORE INTO found VALUES (?, ?)", rows)
                db.execute("INSERT OR IGNORE INTO inputs(key, path) SELECT key, path FROM found ORDER BY key")
                for table in ("found", "folders", "seen"):  # the next directory is walked afresh
                    db.execute(f"DELETE FROM {table}")
            else:
                db.executemany("INSERT OR IGNORE INTO inputs(key, path) VALUES (?, ?)", rows)

    def count(self) -> int:
        """How many inputs there are."""
        return int(self._db.execute("SELECT count(*) FROM inputs").fetchone()[0])

    def todo_count(self) -> int:
        """How many inputs this run checks."""
        return self.count() - self._current

    def inputs(self, *, todo: bool = False) -> Iterator[str]:
        """The inputs in summary order (only those this run checks, with ``todo``)."""
        where = "todo = 1 AND seq > ?" if todo else "seq > ?"
        for _, k, path in _pages(self._db, f"SELECT seq, key, path FROM inputs WHERE {where} ORDER BY seq LIMIT ?"):
            yield path or _path(k)

    def choose(self, current: Callable[[str, int], bool]) -> None:
        """Mark the inputs this run does not check: those with a journal line for which ``current(input, offset
        of that line)``. The others, and all that have none, are checked."""
        self._db.execute(  # not UPDATE FROM: SQLite before 3.33 (2020) has no such thing
            "UPDATE inputs SET offset = (SELECT offset FROM done WHERE done.key = inputs.key)"
            " WHERE key IN (SELECT key FROM done)"
        )
        kept: list[tuple[int]] = []
        query = "SELECT seq, key, path, offset FROM inputs WHERE offset IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?"
        for seq, k, path, offset in _pages(self._db, query):
            if current(path or _path(k), offset):
                kept.append((seq,))
                if len(kept) >= PAGE:
                    self._keep(kept)
        self._keep(kept)

    def _keep(self, kept: list[tuple[int]]) -> None:
        self._db.executemany("UPDATE inputs SET todo = 0 WHERE seq = ?", kept)
        self._current += len(kept)
        kept.clear()

    def summary_page(self, after: int) -> list[SummaryRow]:
        """The next inputs (a page of them) after place ``after``: see :data:`SummaryRow`."""
        self._write_offsets()
        rows = self._db.execute(_SUMMARY_ROWS, (after, PAGE)).fetchall()
        return [(seq, path or _path(k), bool(todo), offset) for seq, k, path, todo, offset in rows]

    def summary_rows(self) -> Iterator[SummaryRow]:
        """Every input, in summary order: see :data:`SummaryRow`."""
        after = 0
        while page := self.summary_page(after):
            yield from page
            after = page[-1][0]

    # Where each input's last journal line is.

    def learn(self, path: str, offset: int) -> None:
        """The journal, read before the inputs are taken, has ``path``'s line at ``offset``."""
        self._db.execute(_LEARN, (key(path), offset))

    def record(self, path: str, offset: int) -> None:
        """``path``'s last journal line now starts at ``offset``."""
        place = self._flying.pop(path, None)
        if place is None:  # not given out by this index: found by its key (or kept apart, if not an input)
            row = self._db.execute("SELECT seq FROM inputs WHERE key = ?", (key(path),)).fetchone()
            if row is None:
                self._db.execute(_LEARN, (key(path), offset))
                return
            place = row[0]
        self._offsets.append((offset, place))
        if len(self._offsets) >= PAGE:
            self._write_offsets()

    def offset_at(self, place: int) -> int | None:
        """Where the last journal line of the input at ``place`` starts, as it is now."""
        self._write_offsets()
        row = self._db.execute("SELECT offset FROM inputs WHERE seq = ?", (place,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def _write_offsets(self) -> None:
        if self._offsets:
            self._db.executemany("UPDATE inputs SET offset = ? WHERE seq = ?", self._offsets)
            self._offsets.clear()

    def others(self) -> Iterator[int]:
        """The journal offsets of inputs recorded and not among the inputs, in the order first recorded."""
        query = "SELECT first, offset FROM done d WHERE first > ? AND NOT EXISTS"
        query += " (SELECT 1 FROM inputs i WHERE i.key = d.key) ORDER BY first LIMIT ?"
        for _, offset in _pages(self._db, query):
            yield int(offset)

    # Result names.

    def named(self, name: Callable[[str], str]) -> Iterator[tuple[str, str]]:
        """The inputs this run checks, in summary order, each with its result name (``name(input)``), but those
        whose name an input before them has: they are put off (:meth:`put_off_inputs`).

        The hash of each name is kept, not the name: two names of one hash (one in billions) only put the
        second input off, which is checked all the same."""
        db = self._db
        query = "SELECT seq, key, path FROM inputs WHERE todo = 1 AND seq > ? ORDER BY seq LIMIT ?"
        after = 0
        while rows := db.execute(query, (after, PAGE)).fetchall():
            after = rows[-1][0]
            page = [(seq, path or _path(k)) for seq, k, path in rows]
            names = [name(path) for _, path in page]
            hashes = [hash(n) for n in names]
            known = db.execute(f"SELECT hash FROM names WHERE hash IN ({','.join('?' * len(hashes))})", hashes)
            taken = {digest for (digest,) in known}
            given: list[tuple[str, str]] = []
            claimed: list[tuple[int]] = []
            for (seq, path), result, digest in zip(page, names, hashes, strict=True):
                if digest in taken:
                    db.execute("INSERT INTO clashing VALUES (?, ?)", (seq, result.encode("utf-8", "surrogatepass")))
                else:
                    taken.add(digest)
                    claimed.append((digest,))
                    given.append((path, result))
                    self._flying[path] = seq
            db.executemany("INSERT INTO names VALUES (?)", claimed)
            yield from given

    def put_off_inputs(self) -> Iterator[tuple[str, str]]:
        """The inputs put off by :meth:`named`, with their result names, in summary order."""
        query = "SELECT c.seq, i.key, i.path, c.name FROM clashing c JOIN inputs i USING (seq)"
        for seq, k, path, name in _pages(self._db, f"{query} WHERE c.seq > ? ORDER BY c.seq LIMIT ?"):
            path = path or _path(k)
            self._flying[path] = seq
            yield path, name.decode("utf-8", "surrogatepass")

    # The walk's folders (:class:`~disclosure_core._batch_inputs.Folders`).

    def push(self, folder: Path) -> None:
        self._db.execute("INSERT INTO folders(path) VALUES (?)", (os.fsencode(folder),))

    def pop(self) -> Path | None:
        row = self._db.execute("SELECT n, path FROM folders ORDER BY n DESC LIMIT 1").fetchone()
        if row is None:
            return None
        self._db.execute("DELETE FROM folders WHERE n = ?", (row[0],))
        return Path(os.fsdecode(row[1]))

    def first_visit(self, device: int, inode: int) -> bool:
        return self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (device, inode)).rowcount == 1


SummaryRow = tuple[int, str, bool, int | None]
"""An input's place in the summaries, the input, whether this run checks it, and where its last journal line
starts (as it was when its row was read)."""
_SUMMARY_ROWS = "SELECT seq, key, path, todo, offset FROM inputs WHERE seq > ? ORDER BY seq LIMIT ?"
_LEARN = "INSERT INTO done(key, offset) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET offset = excluded.offset"


def _pages(db: sqlite3.Connection, query: str) -> Iterator[Any]:
    """The rows of ``query`` (which takes the place to start after and a limit, and selects the place first),
    read a page at a time: no statement is left open while the caller writes to the index."""
    after = 0
    while rows := db.execute(query, (after, PAGE)).fetchall():
        yield from rows
        after = rows[-1][0]


def _original(path: str) -> bytes | None:
    """What the index keeps of a path beside its key: nothing when the key gives the path back (always, but on
    Windows)."""
    return None if not _FOLD else path.encode("utf-8", "surrogatepass")


def _delete(file: Path) -> None:
    for leftover in (file, file.with_name(file.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(leftover)
