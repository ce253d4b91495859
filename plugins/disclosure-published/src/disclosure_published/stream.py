"""The common currency of every reader: a stream of printed text pieces with their place in the document.

A reader (plain text, ``|`` transcription, HTML, PDF, DOCX) turns its container into tokens: each table
cell and each line or paragraph of text is one :class:`Token`; a break token ends a table row (or a
paragraph) where the container shows it, and readers that see a table's grid mark where it ends. Everything
after that — recognising tables, rows, columns, sections and metadata — works on tokens alone, so it is the
same for every container.

>>> tokens = [Token("规章", Provenance("a.txt", line=3), cell=True), Token("0", Provenance("a.txt", line=4), cell=True)]
>>> [t.text for t in tokens], tokens[0].is_break
(['规章', '0'], False)
"""

from __future__ import annotations

import attrs

from disclosure_core import Provenance


@attrs.frozen
class Token:
    """One printed piece: a table cell (``cell=True``) or a line or paragraph of running text.

    ``where`` says where it was printed; readers that know the table grid fill ``where.cell`` ("R3C2").

    >>> from disclosure_core import Provenance
    >>> Token("10125", Provenance("daixian.pdf", page=3, cell="R5C4"), cell=True).where.cell
    'R5C4'
    """

    text: str
    where: Provenance
    cell: bool = False
    is_break: bool = False
    ends_table: bool = False


def row_break(where: Provenance) -> Token:
    """The end of a table row or a paragraph.

    >>> row_break(Provenance("a.txt", line=9)).is_break
    True
    """
    return Token("", where, cell=False, is_break=True)


def table_end(where: Provenance) -> Token:
    """The end of a printed table's grid (which also ends its last row): text after it is no table material.

    A table continued on the next page is simply continued by its next cells.

    >>> end = table_end(Provenance("a.pdf", page=4))
    >>> end.is_break, end.ends_table
    (True, True)
    """
    return Token("", where, cell=False, is_break=True, ends_table=True)
