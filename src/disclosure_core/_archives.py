"""ZIP packages (XLSX, DOCX): refusing hostile ones before any XML parser sees them, writing ours byte for byte.

Office files are ZIP archives of XML. A zip bomb (tiny file, enormous members), a swarm of members, a member
zipfile cannot extract or an XML document type declaration (billion laughs, external entities) is refused here
with a :class:`LoadError` naming the file, so that a parser only ever gets archives whose sizes are bounded and
whose XML has no DTD. Every member is scanned, whatever its name, in the encoding its bytes declare (a BOM, the
UTF-16/UTF-32/EBCDIC signatures of XML 1.0 appendix F, or the XML declaration): a UTF-16 part hides no DTD.
Going out, :func:`deterministic_zip` gives one report one package, byte for byte.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
...     archive.writestr("xl/bomb.xml", b"0" * 2_000_000)
>>> check_archive(buffer.getvalue(), origin="bomb.xlsx")
Traceback (most recent call last):
...
disclosure_core.errors.LoadError: bomb.xlsx: xl/bomb.xml: expands 1023 times (more than 200); refusing a likely zip bomb
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping

import attrs

from disclosure_core._catalogue_reasons import reason
from disclosure_core.errors import LoadError


@attrs.frozen
class ArchiveLimits:
    """How large an office file may be once expanded.

    Python's :mod:`zipfile` never yields more than a member's declared size (it fails the CRC check
    instead), so checking the declared sizes in the central directory bounds what a parser can read.

    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("a.xml", b"<a/>")
    ...     archive.writestr("b.xml", b"<b/>")
    >>> check_archive(buffer.getvalue(), origin="two.xlsx", limits=ArchiveLimits(max_members=1))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: two.xlsx: 2 archive members (more than 1)
    """

    max_members: int = 2_000
    max_member_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 200
    ratio_floor: int = 1024 * 1024
    """Members smaller than this are never refused for their ratio: small XML compresses very well."""


DEFAULT_LIMITS = ArchiveLimits()


def check_archive(data: bytes, *, origin: str, limits: ArchiveLimits = DEFAULT_LIMITS) -> list[str]:
    """Check an office ZIP container and return its member names; :class:`LoadError` when it is unsafe.

    Refuses: data that is not a ZIP archive, too many members, members or totals larger than ``limits``,
    compression ratios typical of zip bombs, encrypted members, and XML members that declare a DTD.

    >>> check_archive(b"plain text", origin="a.xlsx")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: a.xlsx: not a ZIP container (an .xlsx or .docx file is one)
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:  # "zip file version 9.8": a member needs a newer unzip than Python's
        raise LoadError.keyed("archive.unsupported", where=origin, reason=reason(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise LoadError.keyed("archive.not_zip", where=origin) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise LoadError.keyed("archive.members", where=origin, count=len(members), limit=limits.max_members)
        total = 0
        for member in members:
            _check_member(member, origin, limits)
            total += member.file_size
            if total > limits.max_total_bytes:
                raise LoadError.keyed("archive.total", where=origin, limit=limits.max_total_bytes)
        for member in members:  # every member: a part is found by its content type, not by its name
            _check_no_dtd(archive, member, origin)
        return [member.filename for member in members]


def _check_member(member: zipfile.ZipInfo, origin: str, limits: ArchiveLimits) -> None:
    name = member.filename
    if member.flag_bits & 0x1:
        raise LoadError.keyed("archive.encrypted", where=origin, member=name)
    if member.file_size > limits.max_member_bytes:
        raise LoadError.keyed(
            "archive.member_size", where=origin, member=name, size=member.file_size, limit=limits.max_member_bytes
        )
    if member.file_size > limits.ratio_floor:
        ratio = member.file_size // max(member.compress_size, 1)
        if ratio > limits.max_ratio:
            raise LoadError.keyed("archive.ratio", where=origin, member=name, ratio=ratio, limit=limits.max_ratio)


def _check_no_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo, origin: str) -> None:
    # OOXML parts never carry a document type declaration; one is the door to entity expansion attacks.
    # The prolog sits at the start, but a DTD may follow a long comment, so the whole member is scanned
    # in chunks (its size is already bounded by the limits above), both as bytes and as decoded text.
    try:
        with archive.open(member) as stream:
            first = stream.read(1 << 16)
            decoder = codecs.getincrementaldecoder(_xml_encoding(first, origin, member.filename))("replace")
            tail, text_tail, chunk = b"", "", first
            while chunk:
                window, text = (tail + chunk).upper(), text_tail + decoder.decode(chunk)
                if _DTD.search(window) or _DTD_TEXT.search(text):
                    raise LoadError.keyed("archive.dtd", where=origin, member=member.filename)
                tail, text_tail = window[-16:], text[-16:]
                chunk = stream.read(1 << 16)
    except LoadError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise LoadError.keyed("archive.damaged", where=origin, member=member.filename, reason=reason(exc)) from None


_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)")
_DTD_TEXT = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (  # how "<?" or "<" starts an XML document in each encoding (XML 1.0, appendix F)
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),
)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")


def _xml_encoding(first: bytes, origin: str, name: str) -> str:
    """The encoding an XML parser would read ``first`` (a member's first bytes) in; UTF-8 when nothing says.

    >>> _xml_encoding("<?xml version='1.0'?><a/>".encode("utf-16"), "a.docx", "x")
    'utf-16-le'
    >>> _xml_encoding(b'<?xml version="1.0" encoding="GB2312"?><a/>', "a.docx", "x")
    'gb2312'
    """
    for bom, encoding in _BOMS:
        if first.startswith(bom):
            return encoding
    for signature, encoding in _SIGNATURES:
        if first.startswith(signature):
            return encoding
    declared = _DECLARED.match(first)
    if declared is None:
        return "utf-8"
    try:
        return codecs.lookup(declared[1].decode("ascii")).name
    except LookupError:
        raise LoadError.keyed("archive.encoding", where=origin, member=name, encoding=repr(declared[1])) from None


_LOCAL_HEADER = struct.Struct(
    "<4s5H3L2H"
)  # signature, version, flags, method, time, date, crc, sizes, name/extra lengths


def member_start(head: bytes, name: str, *, limit: int = 4096) -> bytes | None:
    """The first bytes (up to ``limit``) of archive member ``name``, from the first bytes of a ZIP file alone.

    For sniffing: the local headers at the start of an archive are walked in order, without the central
    directory at its end, and a deflated member is inflated as far as ``head`` holds it. None when the
    member does not start within ``head`` (or ``head`` is not a ZIP archive).

    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("a.xml", b"<a/>" * 100)
    ...     archive.writestr("docProps/custom.xml", b"<Properties>" + b"x" * 5000)
    >>> member_start(buffer.getvalue()[:200], "docProps/custom.xml", limit=12), member_start(b"PK", "a.xml")
    (b'<Properties>', None)
    """
    offset = 0
    while offset + _LOCAL_HEADER.size <= len(head):
        signature, _, flags, method, _, _, _, size, _, name_length, extra_length = _LOCAL_HEADER.unpack_from(
            head, offset
        )
        if signature != b"PK\x03\x04":
            return None
        start = offset + _LOCAL_HEADER.size + name_length + extra_length
        if head[offset + _LOCAL_HEADER.size : offset + _LOCAL_HEADER.size + name_length] == name.encode():
            data = head[start:]
            if method == zipfile.ZIP_STORED:
                # A size written after the data (flag bit 3) is unknown here: then the head is all there is.
                return data[: limit if flags & 0x8 else min(limit, size)]
            if method != zipfile.ZIP_DEFLATED:
                return None
            try:
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, limit)
            except zlib.error:
                return None
        if flags & 0x8:  # sizes follow the data in a descriptor: the next header cannot be found from here
            return None
        offset = start + size
    return None


FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The date of every member of a package we write: a rendering has no date of its own."""

PACKAGE_FIRST = ("[Content_Types].xml", "_rels/.rels")
"""The members an Office package starts with (as Word and Excel write them)."""


def deterministic_zip(data: bytes, *, first: tuple[str, ...] = PACKAGE_FIRST) -> bytes:
    """The same ZIP package with fixed member dates, a fixed member order and fixed attributes.

    python-docx and openpyxl stamp every member with the current time; a report rendered twice must give
    the same file. The members named in ``first`` come first, in that order (a sniffer reads them from a
    file's first bytes), the others sorted by name.

    >>> import io, zipfile
    >>> def package(names):
    ...     buffer = io.BytesIO()
    ...     with zipfile.ZipFile(buffer, "w") as archive:
    ...         for name in names:
    ...             archive.writestr(name, name)
    ...     return buffer.getvalue()
    >>> once = deterministic_zip(package(["b.xml", "_rels/.rels", "a.xml", "[Content_Types].xml"]))
    >>> zipfile.ZipFile(io.BytesIO(once)).namelist()
    ['[Content_Types].xml', '_rels/.rels', 'a.xml', 'b.xml']
    >>> once == deterministic_zip(package(["a.xml", "[Content_Types].xml", "b.xml", "_rels/.rels"]))
    True
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    return zip_package(entries, first=first)


def zip_package(entries: Mapping[str, bytes], *, first: tuple[str, ...] = PACKAGE_FIRST) -> bytes:
    """A ZIP package of ``entries`` (name → content) as :func:`deterministic_zip` writes one: fixed dates and
    attributes, the members of ``first`` first, the others sorted by name; for a renderer that writes its
    parts itself.

    >>> data = zip_package({"b.xml": b"<b/>", "[Content_Types].xml": b"<Types/>"})
    >>> import io, zipfile
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist(), data == deterministic_zip(data)
    (['[Content_Types].xml', 'b.xml'], True)
    """
    leading = [name for name in first if name in entries]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in leading + sorted(name for name in entries if name not in leading):
            info = zipfile.ZipInfo(name, FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name])
    return out.getvalue()


DOCX_METADATA_PART = "docProps/custom.xml"
DOCX_PROPERTY = "disclosure-core"
"""The custom document property in which disclosure-docx keeps what the printed page does not show."""

DOCX_PACKAGE_FIRST = (*PACKAGE_FIRST, DOCX_METADATA_PART)
"""disclosure-docx's member order: the metadata part right after the package's own, where a sniffer sees it."""


def written_by_disclosure_docx(head: bytes) -> bool:
    """Whether the first bytes of a file show a DOCX package carrying disclosure-docx's property.

    Both DOCX sources ask this: the exact reader (``docx``) claims these files, the published reader
    (``published-docx``) every other DOCX. The renderer writes the property third in the archive, so it shows
    in the first kilobyte; a document re-saved by Word moves it to the end and is read from its page.

    >>> written_by_disclosure_docx(b"PK\\x03\\x04 not really")
    False
    """
    start = member_start(head, DOCX_METADATA_PART, limit=1024)
    return start is not None and f'name="{DOCX_PROPERTY}"'.encode() in start
