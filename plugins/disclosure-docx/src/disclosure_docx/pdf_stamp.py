"""Make LibreOffice's PDF repeatable: replace what it stamps from the clock and from chance by fixed values.

LibreOffice writes the conversion time into the document information (``/CreationDate``), the XMP metadata
(``xmp:CreateDate``) and the header of the sRGB colour profile a PDF/A file carries, and a random ``/ID`` and
``/DocChecksum`` into the trailer. :func:`restamp` sets the dates to the report's date and the ids to a digest of the
DOCX the PDF was made from. The colour profile is a compressed stream whose length may change, so objects after it
move: the cross-reference table is rewritten with the new offsets. What the function does not recognise (a PDF from
another LibreOffice, a cross-reference stream) it leaves as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib

_INFO_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})")
_XMP_DATE = re.compile(rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")
_IDS = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]|/DocChecksum\s*/([0-9A-Fa-f]{32})")
_ICC = re.compile(rb"<</N 3/Length (\d+) 0 R/Filter/FlateDecode>>\s*stream\r?\n")
_XREF = re.compile(rb"\nxref\r?\n0 (\d+)\r?\n")
_STARTXREF = re.compile(rb"startxref\r?\n(\d+)\r?\n%%EOF\s*$")

Edit = tuple[int, int, bytes]


def restamp(pdf: bytes, when: dt.datetime, seed: bytes) -> bytes:
    """``pdf`` with its dates set to ``when`` and its ids derived from ``seed``.

    >>> pdf = b"%PDF-1.6\\n1 0 obj\\n<</CreationDate(D:20261201101941Z')>>\\nendobj\\n"
    >>> restamp(pdf, dt.datetime(2021, 2, 3), b"docx")[9:]
    b"1 0 obj\\n<</CreationDate(D:20210203000000Z')>>\\nendobj\\n"
    """
    edits: list[Edit] = []
    info_date = when.strftime("%Y%m%d%H%M%S").encode()
    edits += [(m.start(1), m.end(1), info_date) for m in _INFO_DATE.finditer(pdf)]
    xmp_date = when.strftime("%Y-%m-%dT%H:%M:%S").encode()
    edits += [(m.start(1), m.end(1), xmp_date) for m in _XMP_DATE.finditer(pdf)]
    digest = hashlib.md5(seed, usedforsecurity=False).hexdigest().upper().encode()
    for m in _IDS.finditer(pdf):
        edits += [(m.start(group), m.end(group), digest) for group in (1, 2, 3) if m.start(group) >= 0]
    edits += _colour_profile_edits(pdf, when)
    return _apply(pdf, edits)


def _colour_profile_edits(pdf: bytes, when: dt.datetime) -> list[Edit]:
    """The colour profile's creation date (ICC header bytes 24–35), recompressed, and its new length."""
    edits: list[Edit] = []
    for m in _ICC.finditer(pdf):
        length = re.search(rb"\n" + m.group(1) + rb" 0 obj\s*(\d+)\s*endobj", pdf)
        if length is None:
            continue
        start = m.end()
        end = start + int(length.group(1))
        try:
            profile = bytearray(zlib.decompress(pdf[start:end]))
        except zlib.error:
            continue
        if len(profile) < 128 or profile[36:40] != b"acsp":
            continue
        stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
        profile[24:36] = b"".join(part.to_bytes(2, "big") for part in stamp)
        packed = zlib.compress(bytes(profile), 6)
        edits.append((start, end, packed))
        edits.append((length.start(1), length.end(1), str(len(packed)).encode()))
    return edits


def _apply(pdf: bytes, edits: list[Edit]) -> bytes:
    """Apply non-overlapping edits and, if lengths changed, move the cross-reference offsets with them."""
    if not edits:
        return pdf
    edits.sort()
    pieces, position = [], 0
    for start, end, new in edits:
        if start < position:
            return pdf  # overlapping matches: not a file we understand
        pieces += [pdf[position:start], new]
        position = end
    pieces.append(pdf[position:])
    result = b"".join(pieces)
    shifts = [(end, len(new) - (end - start)) for start, end, new in edits if len(new) != end - start]
    if not shifts:
        return result
    xref = _XREF.search(result)
    tail = _STARTXREF.search(result)
    if xref is None or tail is None or result.count(b"\nxref") != 1:
        return pdf  # a cross-reference stream or an updated file: leave LibreOffice's output untouched

    def moved(offset: int) -> int:
        return offset + sum(delta for end, delta in shifts if end <= offset)

    entries_start = xref.end()
    count = int(xref.group(1))
    table = bytearray(result[entries_start : entries_start + 20 * count])
    for index in range(count):
        entry = table[20 * index : 20 * index + 20]
        if entry[17:18] == b"n":
            table[20 * index : 20 * index + 10] = b"%010d" % moved(int(entry[:10]))
    result = result[:entries_start] + bytes(table) + result[entries_start + 20 * count :]
    tail = _STARTXREF.search(result)
    assert tail is not None
    return result[: tail.start(1)] + str(moved(int(tail.group(1)))).encode() + result[tail.end(1) :]
