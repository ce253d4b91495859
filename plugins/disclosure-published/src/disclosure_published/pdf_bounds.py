"""What one PDF may cost to read: pages, inflated stream sizes, and characters and drawings per page.

A PDF is small on disk and large in memory by design: one 1.4 KB content stream shared by 200 pages
inflates to 130 KB of text operators a page, 100 000 characters each, and pdfplumber keeps about 1 KB per
character (a 33 KB file took more than 3 GB). The reader therefore

* refuses files of more than :data:`MAX_PAGES` pages before reading any;
* inflates no stream (page contents, fonts, forms; images are never decoded) beyond
  :data:`MAX_STREAM_BYTES`, nor all of them together beyond :data:`MAX_INFLATED_BYTES`, checked with a
  bounded decompression before pdfminer decodes anything;
* stops interpreting a page at :data:`MAX_PAGE_OBJECTS` characters and drawn objects, and a document at
  :data:`MAX_DOCUMENT_CHARS` characters;
* reads one page at a time and releases it (pdfplumber caches every object of a page until it is closed).

Each refusal is a :class:`~disclosure_core.errors.LoadError` naming the file (and the page).

>>> Budget("a.pdf").count_page(3, MAX_PAGE_OBJECTS + 1, 0)
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.pdf: page 3: more than 20000 characters and drawings on one page (a report page holds a few thousand)
"""

from __future__ import annotations

import zlib
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
)
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from disclosure_core.catalogue import place_of
from disclosure_core.errors import LoadError

MAX_PAGES = 200
"""A report runs to a few dozen pages; longer files are refused rather than read for minutes."""

MAX_STREAM_BYTES = 16 * 1024 * 1024
"""Inflated size of any one stream that is decoded to read the text (a page's contents are 10–50 KB)."""

MAX_INFLATED_BYTES = 64 * 1024 * 1024
"""Inflated size of all those streams together."""

MAX_PAGE_OBJECTS = 20_000
"""Characters, lines and rectangles on one page (the committed Chromium and LibreOffice pages have 75–615)."""

MAX_DOCUMENT_CHARS = 400_000
"""Characters in the whole document: 200 dense pages of a real report hold fewer."""

_RUNLENGTH_GROWTH = 128  # a RunLength byte pair expands to at most 128 bytes


class Budget:
    """What has been spent reading one document; refuses (LoadError naming ``origin``) past a bound."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.chars = 0
        self.inflated = 0

    def count_page(self, page: int, objects: int, chars: int) -> None:
        """Refuse a page with too many objects, or a document with too many characters so far."""
        if objects > MAX_PAGE_OBJECTS:
            raise LoadError.keyed(
                "published.pdf.objects", where=place_of(self.origin, page=page), limit=MAX_PAGE_OBJECTS
            )
        if self.chars + chars > MAX_DOCUMENT_CHARS:
            raise LoadError.keyed(
                "published.pdf.chars", where=place_of(self.origin, page=page), limit=MAX_DOCUMENT_CHARS
            )

    def check_streams(self, document: PDFDocument) -> None:
        """Refuse a document with a stream that would inflate beyond the bounds, before any is decoded."""
        seen: set[int] = set()
        for xref in document.xrefs:
            for objid in xref.get_objids():
                if objid in seen:
                    continue
                seen.add(objid)
                try:
                    obj = document.getobj(objid)
                except Exception:  # a damaged object: pdfminer says so, if it is ever needed
                    continue
                if isinstance(obj, PDFStream) and not _is_image(obj):
                    size = _inflated_size(obj, MAX_STREAM_BYTES)
                    if size > MAX_STREAM_BYTES:
                        where = place_of(self.origin, object=objid)
                        raise LoadError.keyed("published.pdf.stream", where=where, limit=MAX_STREAM_BYTES)
                    self.inflated += size
                    if self.inflated > MAX_INFLATED_BYTES:
                        raise LoadError.keyed("published.pdf.streams", where=self.origin, limit=MAX_INFLATED_BYTES)

    def lay_out(self, page: Page, number: int) -> None:
        """Interpret one page as pdfplumber would, stopping at the page's bounds; pdfplumber then uses this
        layout (it computes one only when the page has none)."""
        device = _CountingAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        device.budget, device.number = self, number
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
        self.chars += device.chars
        page._layout = device.get_result()


class _CountingAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, counting what a page draws and refusing past the bounds while interpreting."""

    budget: Budget
    number = 0
    objects = 0
    chars = 0

    def _spent(self, chars: int) -> None:
        self.objects += 1
        self.chars += chars
        if self.objects > MAX_PAGE_OBJECTS or self.chars % 1000 == 0:
            self.budget.count_page(self.number, self.objects, self.chars)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self._spent(1)
        advance: float = super().render_char(*args, **kwargs)
        return advance

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self._spent(0)
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self._spent(0)
        super().render_image(*args, **kwargs)


def _is_image(stream: PDFStream) -> bool:
    """Image data is never decoded to read the text layer (pdfminer keeps the stream undecoded)."""
    subtype = stream.attrs.get("Subtype")
    return getattr(subtype, "name", None) == "Image"


def _inflated_size(stream: PDFStream, limit: int) -> int:
    """The decoded size of a stream, counted up to a little more than ``limit`` (never inflating further).

    >>> from pdfminer.psparser import LIT
    >>> _inflated_size(PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(b"x" * 5000)), 100)
    101
    """
    data = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    try:
        filters = stream.get_filters()
    except Exception:
        return len(data)
    for index, (name, _) in enumerate(filters):
        last = index == len(filters) - 1
        if name in LITERALS_FLATE_DECODE:
            data = _inflate(data, limit + 1)
        elif name in LITERALS_LZW_DECODE:
            data = _unlzw(data, limit + 1)
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in LITERALS_RUNLENGTH_DECODE and last:
            return min(len(data) * _RUNLENGTH_GROWTH, limit + 1)
        else:  # image codecs and anything pdfminer does not decode itself
            return len(data)
        if len(data) > limit:
            return len(data)
    return len(data)


def _inflate(data: bytes, most: int) -> bytes:
    """At most ``most`` bytes of a zlib stream; of a damaged one, what inflates before the damage (pdfminer
    reads damaged streams that far too)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), 65536):
        try:
            out += inflater.decompress(data[start : start + 65536], most - len(out))
        except zlib.error:
            break
        if len(out) >= most:
            break
    return bytes(out)


def _unlzw(data: bytes, most: int) -> bytes:
    """At most ``most`` bytes of an LZW stream (a few kilobytes of codes can stand for gigabytes)."""
    import io

    out = bytearray()
    try:
        for chunk in LZWDecoder(io.BytesIO(data)).run():
            out += chunk
            if len(out) >= most:
                break
    except Exception:
        pass
    return bytes(out[:most])


__all__ = [
    "MAX_DOCUMENT_CHARS",
    "MAX_INFLATED_BYTES",
    "MAX_PAGES",
    "MAX_PAGE_OBJECTS",
    "MAX_STREAM_BYTES",
    "Budget",
]
