"""griffe extension: doctest examples in docstrings are shown as Python sessions in the API reference.

Docstrings here carry runnable examples (``>>>`` lines and their output) outside any "Examples:" section.
Markdown would read them as a block quote run together with its output, and cross-reference ``['fail']`` as
a link; fencing each example as ``pycon`` shows it the way ``python -m doctest`` runs it.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    r"""Wrap every run of doctest lines (a ``>>>`` line, its ``...`` continuations and output) in a fence.

    >>> fence_doctests("Say hi.\n\n>>> 1 + 1\n2\n\nMore.").splitlines()
    ['Say hi.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    inside = False
    fenced = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not inside and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fences the doctests of every documented object."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
