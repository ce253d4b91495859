"""A batch's plugin problems, told once by the batch in the user's language wherever its inputs were checked.

Every process that checks inputs (the batch itself, or each worker) has its own registry, which finds the
same broken plugin again. A worker has no user to tell, and a worker started afresh (spawn, forkserver: the
default on macOS, and on Linux from Python 3.14) would print Python's own English warning line. So the
registry of a batch keeps its problems, each result carries those not yet sent, and the batch warns only the
ones its own registry has not told, each once whichever file showed it (the command line shows a
:class:`PluginWarning` in the user's language).

>>> registry = batch_registry()
>>> unsent(registry) == tuple(registry.problems), unsent(registry)
(True, ())
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable

from disclosure_core._isolation import PluginProblem
from disclosure_core.errors import PluginWarning
from disclosure_core.registry import Registry


class _KeptProblems(Registry):
    """A registry that keeps its plugins' problems in ``problems`` without warning them where it runs."""

    sent = 0
    """How many of ``problems`` have been sent back with a result."""

    def _problem(self, message: PluginProblem) -> None:
        self.problems.append(message)


@functools.cache
def batch_registry(strict: bool = False, blocked: tuple[str, ...] = ()) -> Registry:
    """The registry this process checks a batch's inputs with: built-ins and the installed plugins not
    ``blocked``, made once (forked workers inherit the batch's, its compiled rules included), its problems kept
    for the batch to tell."""
    return _KeptProblems(strict=strict, block=blocked)


def unsent(registry: Registry) -> tuple[PluginProblem, ...]:
    """The problems ``registry`` found since it was last asked (each travels back to the batch once)."""
    if not isinstance(registry, _KeptProblems):
        return ()
    new = tuple(registry.problems[registry.sent :])
    registry.sent = len(registry.problems)
    return new


def tell(problems: Iterable[PluginProblem], told: set[tuple[str, ...]]) -> None:
    """Warn each of ``problems`` whose subject is not in ``told`` (and add it there), as a :class:`PluginWarning`.

    >>> sniff = "plugin.sniff_failed"
    >>> first, second = (PluginProblem.keyed(sniff, plugin="'p'", source="'s'", file=f, failure="x") for f in "ab")
    >>> told = {first.subject}
    >>> tell([second], told), told == {second.subject}  # one problem, whichever file showed it
    (None, True)
    """
    for problem in problems:
        if problem.subject not in told:
            told.add(problem.subject)
            warnings.warn(problem, PluginWarning, stacklevel=2)
