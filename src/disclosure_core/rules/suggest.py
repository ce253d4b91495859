"""Which printed value is probably a slip of which: transposed digits, one wrong digit, a sign, a unit.

>>> classify(10125, 10215), classify(18, 12), classify(-56, 56), classify(251000, 25)
(('transposition', 0.8), ('digit', 0.6), ('sign', 0.7), None)
"""

from __future__ import annotations

from decimal import Decimal

Number = int | Decimal

CONFIDENCE = {"transposition": 0.8, "sign": 0.7, "digit": 0.6, "unit": 0.6, "value": 0.3}
"""How sure a suggestion of each kind is, on its own (a unique located culprit makes a plain value plausible)."""


def classify(printed: Number, needed: Number) -> tuple[str, float] | None:
    """The kind of slip that turns ``needed`` into ``printed``, with its confidence, or None.

    >>> classify(2149, 2059) is None   # two digits differ: not a single slip
    True
    >>> classify(43101, 431010000)
    ('unit', 0.6)
    """
    if printed == needed:
        return None
    if printed == -needed:
        return "sign", CONFIDENCE["sign"]
    if needed == printed * 10000 or printed == needed * 10000:
        return "unit", CONFIDENCE["unit"]
    a, b = _digits(printed), _digits(needed)
    if a is None or b is None or len(a) != len(b) or (printed < 0) != (needed < 0):
        return None
    differing = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differing) == 2 and differing[1] == differing[0] + 1:
        i = differing[0]
        if a[i] == b[i + 1] and a[i + 1] == b[i]:
            return "transposition", CONFIDENCE["transposition"]
    if len(differing) == 1:
        return "digit", CONFIDENCE["digit"]
    return None


def _digits(number: Number) -> str | None:
    text = format(abs(Decimal(number)).normalize(), "f") if isinstance(number, Decimal) else str(abs(number))
    return text if text.replace(".", "").isdigit() else None


def transpositions(number: int) -> list[int]:
    """Every number made by swapping two adjacent, different digits (no leading zero).

    >>> transpositions(10215)
    [12015, 10125, 10251]
    """
    text = str(number)
    found = []
    for i in range(len(text) - 1):
        if text[i] != text[i + 1]:
            swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            if swapped[0] != "0" or len(swapped) == 1:
                found.append(int(swapped))
    return found
