"""Year-over-year findings when last year's report is not given: their words made once per rule instance.

Such a check is not verifiable whatever this year's report says, and its finding is the same in every report
but for this year's cells (the values read) and its fingerprint (made from them): its note ("last year's report
(none given)"), message, operator and everything else. A batch of reports given without last year's shows
about eleven of them per report; evaluating each, filling its message and writing its fingerprint from scratch
cost more than the rest of the check. So the first such finding of an instance is made in full, as every
finding is, and what it shows is kept (:class:`Waiting`); the next ones read only their cells.

Only checks that say so (``waits_for_previous``, a relation over cells: ``rules/kinds/relation.py``) are
made so, and only when the first finding is of the expected shape: the generated and interpreted checks
(``tests/rules/test_rules_codegen.py``) compare every field of both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from disclosure_core.findings import NO_PREVIOUS, CellUse, Outcome
from disclosure_core.layouts import CellAddress
from disclosure_core.rules.context import Context, Result
from disclosure_core.rules.fingerprints import Order, digest, order, stated
from disclosure_core.rules.instances import Instance
from disclosure_core.values import BLANK

Placement = tuple[tuple[CellAddress, bool, str, int], ...]
"""Each cell of the finding: its address, whether it is last year's, its side and its weight."""


class Waiting:
    """What an instance's finding shows without last year's report, but its cells and fingerprint."""

    __slots__ = ("fields", "instance", "order", "placement")

    def __init__(self, instance: Instance, fields: Mapping[str, Any], placement: Placement, order: Order) -> None:
        self.instance = instance
        self.fields = fields
        self.placement = placement
        self.order = order

    def made(self, ctx: Context) -> dict[str, Any]:
        """The finding's fields (but its rule's) for the report of ``ctx``: the kept ones, its cells as read
        and its fingerprint."""
        current, previous = ctx.cells, ctx.previous_cells
        uses = tuple(
            CellUse(cell, (previous if before else current).get(cell, BLANK), _REPORT[before], side, weight)
            for cell, before, side, weight in self.placement
        )
        named = [name + stated(uses[i].value) for i, name in self.order]
        fingerprint = digest(self.instance.id, Outcome.NOT_VERIFIABLE, named, None, None)
        return {**self.fields, "cells": uses, "fingerprint": fingerprint, "_shape": self}


_REPORT = {True: "previous", False: "current"}


def waits(instance: Instance, ctx: Context) -> bool:
    """Whether the instance's not-verifiable finding in ``ctx`` is one whose words recur: no previous report,
    and a check that says it waits for one."""
    return ctx.previous is None and getattr(instance.check, "waits_for_previous", False) is True


def learned(instance: Instance, ctx: Context, result: Result, fields: Mapping[str, Any]) -> Waiting | None:
    """What to keep of a waiting finding made in full (``fields``: every field but its rule's, words made), or
    None when it is not of the shape :class:`Waiting` makes: not verifiable for the one reason that last year's
    report is missing, no numbers, its cells exactly the values read."""
    if (
        result.outcome is not Outcome.NOT_VERIFIABLE
        or result.notes != (NO_PREVIOUS,)
        or result.assumed_zero
        or result.lhs is not None
        or result.rhs is not None
        or result.difference is not None
        or result.culprits
        or result.suggestions
        or fields.get("culprits")
        or fields.get("suggestions")
    ):
        return None
    current, previous = ctx.cells, ctx.previous_cells
    placement = []
    for use in result.uses:
        before = use.report == "previous"
        if use.report != _REPORT[before] or use.value is not (previous if before else current).get(use.cell, BLANK):
            return None
        placement.append((use.cell, before, use.side, use.weight))
    kept = {name: value for name, value in fields.items() if name not in _MADE}
    return Waiting(instance, {**kept, "_deferred": None}, tuple(placement), order(result.uses))


_MADE = frozenset({"cells", "fingerprint", "_deferred"})
