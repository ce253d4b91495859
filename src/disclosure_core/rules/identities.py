"""The linear identities a layout's tables must satisfy, as readers use them to choose between readings.

Sources reach them through :mod:`disclosure_core.sources` (``layout_identities``, ``broken_identities``).

Derived from the shipped rule set compiled for the layout: every error-severity equality over this
year's cells whose both sides are linear (Table 2 row totals, the stated balance 一 + 二 = （七）+ 四 per
column, the result rows summing to （七）, Table 3 group totals). A reader that can read a table in more
than one way (digits run together, a continued table, a shifted row) counts how many identities each
reading breaks: a misreading breaks many, a real publishing error one or two.

>>> from disclosure_core.layouts import builtin_layout
>>> found = layout_identities(builtin_layout("gov-2021"))
>>> sorted({i.rule for i in found})
['appeals.group_total', 'requests.balance', 'requests.results_total', 'requests.row_total']
>>> len(found)
42
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from disclosure_core.findings import Severity
from disclosure_core.layouts import CellAddress, Layout
from disclosure_core.rules.instances import compile_rules
from disclosure_core.rules.kinds.relation import RelationCheck
from disclosure_core.rules.sets import builtin_rule_set
from disclosure_core.rules.spec import RuleSet

Number = int | Decimal


@attrs.frozen
class Identity:
    """``Σ weight × cell + constant == 0``: one instance of a rule (``id``), from rule ``rule``.

    >>> a, b = CellAddress("appeals", "review", "total"), CellAddress("appeals", "review", "upheld")
    >>> Identity("t", "t", ((a, 1), (b, -1))).residual({a: 3, b: 3})
    0
    """

    id: str
    rule: str
    terms: tuple[tuple[CellAddress, int], ...]
    constant: int = 0

    @property
    def cells(self) -> tuple[CellAddress, ...]:
        """The cells the identity reads."""
        return tuple(cell for cell, _ in self.terms)

    def residual(self, cells: Mapping[CellAddress, Number | None]) -> Number | None:
        """``lhs − rhs`` for these cell values; None when a cell is blank or unknown (not verifiable)."""
        total: Number = self.constant
        for cell, weight in self.terms:
            value = cells.get(cell)
            if value is None:
                return None
            total += weight * value
        return total


_CACHE: dict[tuple[int, int], tuple[Layout, RuleSet, tuple[Identity, ...]]] = {}


def layout_identities(layout: Layout, rule_set: RuleSet | None = None) -> tuple[Identity, ...]:
    """Every linear equality of ``rule_set`` (the shipped rules by default) over ``layout``'s cells.

    Only error-severity rules count: warnings (year over year, plausibility) may fairly be broken.
    Cached per layout and rule set object.

    >>> from disclosure_core.layouts import builtin_layout
    >>> row_total = next(i for i in layout_identities(builtin_layout("gov-2019")) if i.id == "requests.row_total.new")
    >>> [(str(c), w) for c, w in row_total.terms][:2]
    [('requests.new.total', 1), ('requests.new.natural_person', -1)]
    """
    rules = rule_set or builtin_rule_set()
    key = (id(layout), id(rules))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is layout and cached[1] is rules:
        return cached[2]
    found = []
    for instance in compile_rules(rules, layout).instances:
        check = instance.check
        if instance.rule.severity is not Severity.ERROR or not isinstance(check, RelationCheck):
            continue
        if check.op != "==" or check.rhs is None or check.lhs.linear is None or check.rhs.linear is None:
            continue
        if any(previous or not isinstance(name, CellAddress) for previous, name in check.keys):
            continue
        difference = check.lhs.linear.combine(check.rhs.linear, -1)
        terms = tuple((name, int(weight)) for (_, name), weight in difference.terms if isinstance(name, CellAddress))
        if terms and all(weight == int(weight) for _, weight in difference.terms):
            found.append(Identity(instance.id, instance.rule.id, terms, int(difference.constant)))
    identities = tuple(found)
    _CACHE[key] = (layout, rules, identities)
    return identities


def broken_identities(identities: Sequence[Identity], cells: Mapping[CellAddress, Number | None]) -> int:
    """How many identities the cells break; an identity with a blank or unknown cell breaks nothing.

    The measure to minimise between candidate readings of one document (a published report may really
    break one or two: what the check is for).

    >>> from disclosure_core.layouts import builtin_layout
    >>> layout = builtin_layout("gov-2021")
    >>> group = [i for i in layout_identities(layout) if i.id == "appeals.group_total.review"]
    >>> review = {CellAddress("appeals", "review", c): v for c, v in zip(["upheld", "corrected", "other", "pending", "total"], [1, 0, 0, 0, 1])}
    >>> broken_identities(group, review), broken_identities(group, {**review, CellAddress("appeals", "review", "total"): 2})
    (0, 1)
    """
    return sum(1 for identity in identities if identity.residual(cells) not in (None, 0))
