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

INDEX = "batch-index.sqlite"
PAGE = 512
"""Rows read at a time: a statement is never left open while the index is written (and memory stays small)."""

_SCHEMA = """
CREATE TABLE inputs(seq INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, path BLOB, todo INTEGER NOT NULL DEFAULT 0);
CREATE TABLE found(key BLOB PRIMARY KEY, path BLOB) WITHOUT ROWID;
CREATE TABLE done(first INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, offset INTEGER NOT NULL);
CREATE TABLE names(hash INTEGER PRIMARY KEY);
CREATE TABLE clashing(seq INTEGER PRIMARY KEY, name BLOB NOT NULL);
CREATE TABLE folders(n INTEGER PRIMARY KEY, path BLOB NOT NULL);
CREATE TABLE seen(device INTEGER, inode INTEGER, PRIMARY KEY(device, inode)) WITHOUT ROWID;
"""
# inputs: every input, ``seq`` its place in the summaries; ``todo`` whether this run checks it.
# found: a directory's files while it is walked, sorted by their key (SQLite's B-tree is the sort).
# done: the journal offset of each input's last line; ``first`` keeps the order inputs were first recorded in.
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
    """The index of the batch writing into ``root`` (which it holds the lock of); :meth:`close` deletes it."""

    def __init__(self, root: Path) -> None:
        self.file = root / INDEX
        _delete(self.file)
        self._db = sqlite3.connect(self.file, isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", "temp_store=FILE"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(_SCHEMA)
        self._db.execute("BEGIN")  # one transaction for the run: nothing here is ever committed for safety
        self._todo = 0

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
        return self._todo

    def inputs(self, *, todo: bool = False) -> Iterator[str]:
        """The inputs in summary order (only those this run checks, with ``todo``)."""
        where = "todo = 1 AND seq > ?" if todo else "seq > ?"
        for _, k, path in _pages(self._db, f"SELECT seq, key, path FROM inputs WHERE {where} ORDER BY seq LIMIT ?"):
            yield path or _path(k)

    def choose(self, check: Callable[[str, int | None], bool]) -> None:
        """Mark the inputs this run checks: those for which ``check(input, offset of its last journal line)``."""
        chosen: list[tuple[int]] = []
        for seq, path, _, offset in self.summary_rows():
            if check(path, offset):
                chosen.append((seq,))
                if len(chosen) >= PAGE:
                    self._mark(chosen)
        self._mark(chosen)

    def _mark(self, chosen: list[tuple[int]]) -> None:
        self._db.executemany("UPDATE inputs SET todo = 1 WHERE seq = ?", chosen)
        self._todo += len(chosen)
        chosen.clear()

    def summary_page(self, after: int) -> list[SummaryRow]:
        """The next inputs (a page of them) after place ``after``: see :data:`SummaryRow`."""
        rows = self._db.execute(_SUMMARY_ROWS, (after, PAGE)).fetchall()
        return [(seq, path or _path(k), bool(todo), offset) for seq, k, path, todo, offset in rows]

    def summary_rows(self) -> Iterator[SummaryRow]:
        """Every input, in summary order: see :data:`SummaryRow`."""
        after = 0
        while page := self.summary_page(after):
            yield from page
            after = page[-1][0]

    # Where each input's last journal line is.

    def offset(self, path: str) -> int | None:
        """Where ``path``'s last journal line starts, if it has one."""
        row = self._db.execute("SELECT offset FROM done WHERE key = ?", (key(path),)).fetchone()
        return None if row is None else int(row[0])

    def record(self, path: str, offset: int) -> None:
        """``path``'s last journal line starts at ``offset``."""
        self._db.execute(_RECORD, (key(path), offset))

    def others(self) -> Iterator[int]:
        """The journal offsets of inputs recorded and not among the inputs, in the order first recorded."""
        query = "SELECT first, offset FROM done d WHERE first > ? AND NOT EXISTS"
        query += " (SELECT 1 FROM inputs i WHERE i.key = d.key) ORDER BY first LIMIT ?"
        for _, offset in _pages(self._db, query):
            yield int(offset)

    # Result names.

    def claim(self, name: str) -> bool:
        """Whether result name ``name`` was free (it is not any more). Its hash is kept, not the name: two names
        of one hash (one in billions) only put the second input off, which is checked all the same."""
        return self._db.execute("INSERT OR IGNORE INTO names VALUES (?)", (hash(name),)).rowcount == 1

    def put_off(self, path: str, name: str) -> None:
        """Check ``path``, whose result name another input has, after all the others."""
        encoded = name.encode("utf-8", "surrogatepass")
        self._db.execute("INSERT INTO clashing SELECT seq, ? FROM inputs WHERE key = ?", (encoded, key(path)))

    def put_off_inputs(self) -> Iterator[tuple[str, str]]:
        """The inputs put off, with their result names, in summary order."""
        query = "SELECT c.seq, i.key, i.path, c.name FROM clashing c JOIN inputs i USING (seq)"
        for _, k, path, name in _pages(self._db, f"{query} WHERE c.seq > ? ORDER BY c.seq LIMIT ?"):
            yield path or _path(k), name.decode("utf-8", "surrogatepass")

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
_SUMMARY_ROWS = (
    "SELECT i.seq, i.key, i.path, i.todo, d.offset FROM inputs i LEFT JOIN done d ON d.key = i.key"
    " WHERE i.seq > ? ORDER BY i.seq LIMIT ?"
)
_RECORD = "INSERT INTO done(key, offset) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET offset = excluded.offset"


def _pages(db: sqlite3.Connection, query: str, after: int = 0) -> Iterator[Any]:
    """The rows of ``query`` (which takes the place to start after and a limit, and selects the place first), read a
    page at a time: no statement is left open while the caller writes to the index."""
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
