"""Progress of long work (many reports, the pages of a large PDF, many units) told to a person on stderr.

The library only calls back: a long loop takes a :data:`ProgressCallback` (``done`` so far, ``total`` when
known), or calls :func:`report` for whoever is listening in :func:`reporting` (so a source deep under
``Registry.load`` need not take a parameter). :class:`Progress` is the listener the command line uses: a bar
redrawn in place on a terminal, one line every few seconds otherwise (a log, a CI job), nothing when quiet,
and nothing at all for work that ends before ``delay`` seconds (a small file shows no flicker).
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

ProgressCallback = Callable[[int, "int | None"], None]
"""Called with how many items are done so far and the total when it is known."""

_listener: contextvars.ContextVar[ProgressCallback | None] = contextvars.ContextVar("progress", default=None)


@contextlib.contextmanager
def reporting(callback: ProgressCallback | None) -> Iterator[None]:
    """Send every :func:`report` made inside the block (in this thread or task) to ``callback``.

    >>> seen = []
    >>> with reporting(lambda done, total: seen.append((done, total))):
    ...     report(1, 3)
    >>> report(2, 3); seen
    [(1, 3)]
    """
    token = _listener.set(callback)
    try:
        yield
    finally:
        _listener.reset(token)


def report(done: int, total: int | None = None) -> None:
    """Tell the current listener (if any) that ``done`` of ``total`` items are done; costs nothing otherwise."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total)


BAR_WIDTH = 30
REDRAW_SECONDS = 0.1
"""On a terminal the bar is redrawn at most this often: redrawing costs more than checking a report."""


class Progress:
    """A :data:`ProgressCallback` that shows the work on a stream (stderr unless told).

    ``interval``: seconds between lines when the stream is not a terminal; ``delay``: seconds of work before
    anything is shown; ``clock``: where time comes from (tests pass their own); ``lang``: the language of the
    lines (the command line passes the user's; the label is the caller's, already in it).

    >>> import io
    >>> ticks = iter(range(0, 100, 2))
    >>> log = io.StringIO()
    >>> with Progress("checking", total=10, stream=log, interval=5, delay=0, clock=lambda: next(ticks)) as bar:
    ...     for done in range(1, 11):
    ...         bar(done, None)
    >>> print(log.getvalue(), end="")
    checking: 3 of 10 (30%)
    checking: 6 of 10 (60%)
    checking: 9 of 10 (90%)
    """

    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        stream: TextIO | None = None,
        quiet: bool = False,
        interval: float = 5.0,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        lang: str = "en",
    ) -> None:
        self.label = label
        self.lang = lang
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.terminal = _is_terminal(self.stream)
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.shown_at: float | None = None
        self.drawn = False

    def __call__(self, done: int, total: int | None = None) -> None:
        """Record progress (``done`` so far) and show it when it is time to."""
        self.done = done
        if total is not None:
            self.total = total
        if self.quiet:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        wait = REDRAW_SECONDS if self.terminal else self.interval
        if self.shown_at is None:
            if not self.terminal and now - self.started < self.interval:
                return
        elif now - self.shown_at < wait:
            return
        self.shown_at = now
        self._show()

    def advance(self, count: int = 1) -> None:
        """``count`` more items done."""
        self(self.done + count)

    def _show(self) -> None:
        if self.terminal:
            self.stream.write("\r" + self.bar())
            self.drawn = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def line(self) -> str:
        """The progress as a line of a log.

        >>> Progress("reading", total=4).line(), Progress("reading").line(), Progress("核查中", total=4, lang="zh").line()
        ('reading: 0 of 4 (0%)', 'reading: 0', '核查中：0/4（0%）')
        """
        from disclosure_core.catalogue import say  # only when a line is shown: most runs show none

        if not self.total:
            return say("progress.count", self.lang, label=self.label, done=self.done)
        percent = 100 * self.done // self.total
        return say("progress.line", self.lang, label=self.label, done=self.done, total=self.total, percent=percent)

    def bar(self) -> str:
        """The progress as a bar for a terminal.

        >>> Progress("checking", total=4).bar()
        'checking [------------------------------] 0/4'
        """
        if not self.total:
            return f"{self.label} {self.done}"
        filled = min(BAR_WIDTH, BAR_WIDTH * self.done // self.total)
        return f"{self.label} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {self.done}/{self.total}"

    def close(self) -> None:
        """End the bar's line on a terminal (a log has nothing to end)."""
        if self.drawn:
            self.stream.write("\r" + self.bar() + "\n")
            self.stream.flush()
            self.drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or bare stream is not a terminal
        return False
