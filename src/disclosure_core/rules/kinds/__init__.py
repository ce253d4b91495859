"""The kinds of rule, one module each, and the table the loader, compiler, lint and examples look them up in.

Adding a kind is one module defining a :class:`~disclosure_core.rules.kinds.base.Kind` and one line in
``KINDS`` below (see "Adding a kind" in ``docs/rules.md``); ``make schemas`` then regenerates
``docs/rules.schema.json``.

>>> kind_of("year_over_year").name, kind_of("format").name
('relation', 'format_year')
>>> words()[:3]
('sum', 'balance', 'compare')
"""

from __future__ import annotations

from disclosure_core.rules.kinds import (
    breakdown,
    deadline,
    format_year,
    narrative,
    pattern,
    relation,
    required,
    threshold,
    unit,
)
from disclosure_core.rules.kinds.base import CompiledCheck, Form, Kind, Sample

KINDS: tuple[Kind, ...] = (
    relation.KIND,
    threshold.KIND,
    required.KIND,
    narrative.KIND,
    deadline.KIND,
    format_year.KIND,
    pattern.KIND,
    unit.KIND,
    breakdown.KIND,
)
"""Every kind, in the order the schema and error messages list them."""


def words() -> tuple[str, ...]:
    """The words a rule file may write after ``kind =``, in table order."""
    return tuple(form.word for kind in KINDS for form in kind.forms)


def kind_of(word: str) -> Kind:
    """The kind a rule file means by ``kind = word``; KeyError for an unknown word."""
    for kind in KINDS:
        if any(form.word == word for form in kind.forms):
            return kind
    raise KeyError(word)


__all__ = ["KINDS", "CompiledCheck", "Form", "Kind", "Sample", "kind_of", "words"]
