"""What one PDF may cost to read: pages, inflated stream sizes, and characters and drawings per page.

A PDF is small on disk and large in memory by design: one 1.4 KB content stream shared by 200 pages
inflates to 130 KB of text operators a page, 100 000 characters each, and a character read into Python
costs about 1 KB (a 33 KB file took more than 3 GB). The reader therefore

* refuses files of more than :data:`MAX_PAGES` pages before reading any;
* inflates no stream (page contents, fonts, forms, object streams) beyond :data:`MAX_STREAM_BYTES`, nor all
  of them together beyond :data:`MAX_INFLATED_BYTES`, checked with a bounded decompression before pdfium
  decodes anything (:meth:`Budget.check_file`);
* refuses a page of more than :data:`MAX_PAGE_OBJECTS` characters and drawn objects, and a document of more
  than :data:`MAX_DOCUMENT_CHARS` characters, counted before they are read into Python;
* reads one page at a time and releases it.

Each refusal is a :class:`~disclosure_core.errors.LoadError` naming the file (and the page).

>>> Budget("a.pdf").count_page(3, MAX_PAGE_OBJECTS + 1, 0)
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: a.pdf: page 3: more than 20000 characters and drawings on one page (a report page holds a few thousand)
"""

from __future__ import annotations

import io
import logging
import re
import zlib

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
)

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

    def check_file(self, data: bytes) -> None:
        """Refuse a file with a stream that would inflate beyond the bounds, before any is decoded.

        Read off the bytes when every stream is deflated or stored as it is (what office programs and
        browsers write): each ``stream`` keyword is followed by a bounded inflation, the object's dictionary
        need not be parsed. Any other filter, an escaped name (which could spell one) or encryption sends the
        file through pdfminer's parse of every object instead (:meth:`check_streams`), slower but exact.
        """
        names = _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), data) if b"#" in data else data
        if _UNSCANNED.search(names):
            logger = logging.getLogger("pdfminer")
            level = logger.level
            logger.setLevel(logging.ERROR)  # pdfminer's warnings are about the writer, not the report
            try:
                self.check_streams(PDFDocument(PDFParser(io.BytesIO(data))))
            finally:
                logger.setLevel(level)
            return
        view = memoryview(data)
        for keyword in _STREAM.finditer(data):
            number, begins = _object_before(data, keyword.start())
            if _IMAGE.search(_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), data[begins : keyword.start()])):
                continue  # image data is never decoded to read the text layer
            size = len(_inflate(view[keyword.end() :], MAX_STREAM_BYTES + 1))
            if size > MAX_STREAM_BYTES:
                at = (
                    place_of(self.origin, object=number)
                    if number is not None
                    else place_of(self.origin, byte=keyword.start())
                )
                raise LoadError.keyed("published.pdf.stream", where=at, limit=MAX_STREAM_BYTES)
            self.inflated += size
            if self.inflated > MAX_INFLATED_BYTES:
                raise LoadError.keyed("published.pdf.streams", where=self.origin, limit=MAX_INFLATED_BYTES)


# A stream's data follows its keyword and an end of line; ``endstream`` ends one. Filters other than Flate,
# and encryption (whose streams are ciphered before they are deflated), are not read off the bytes.
_STREAM = re.compile(rb"(?<!end)stream[ \t\f\x00]*(?:\r\n|\r|\n)?")
_OBJECT = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+obj$")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_UNSCANNED = re.compile(rb"/(?:LZW|LZWDecode|ASCII85Decode|A85|ASCIIHexDecode|AHx|RunLengthDecode|RL|Crypt|Encrypt)\b")


def _object_before(data: bytes, end: int) -> tuple[int | None, int]:
    """The number of the object whose ``obj`` keyword last precedes ``end`` (None if none does within 64 KB),
    and where its dictionary begins.

    >>> _object_before(b"4 0 obj << /Length 3 >> stream", 24)
    (4, 7)
    """
    at = end
    while (at := data.rfind(b"obj", max(0, end - 65536), at)) >= 0:
        found = _OBJECT.search(data, max(0, at - 20), at + 3)
        if found and data[at - 3 : at] != b"end":
            return int(found[1]), at + 3
    return None, max(0, end - 65536)


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


def _inflate(data: bytes | memoryview, most: int) -> bytes:
    """At most ``most`` bytes of a zlib stream; of a damaged one, what inflates before the damage (pdfminer
    and pdfium read damaged streams that far too); nothing of data that is not deflated."""
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), 65536):
        try:
            out += inflater.decompress(data[start : start + 65536], most - len(out))
        except zlib.error:
            break
        if len(out) >= most or inflater.eof:
            break
    return bytes(out)


def _unlzw(data: bytes, most: int) -> bytes:
    """At most ``most`` bytes of an LZW stream (a few kilobytes of codes can stand for gigabytes)."""
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
