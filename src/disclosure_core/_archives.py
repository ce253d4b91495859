"""ZIP packages (XLSX, DOCX): refusing hostile ones before any XML parser sees them, writing ours byte for byte.

Office files are ZIP archives of XML. A zip bomb (tiny file, enormous members), a swarm of members or an
XML document type declaration (billion laughs, external entities) is refused here with a :class:`LoadError`
naming the file, so that a parser only ever gets archives whose sizes are bounded and whose XML has no DTD.
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

import io
import struct
import zipfile
import zlib

import attrs

from disclosure_core.errors import LoadError


@attrs.frozen
class ArchiveLimits:
    """How large an office file may be once expanded.

    Python's :mod:`zipfile` never yields more than a member's declared size (it fails the CRC check
    instead), so checking the declared sizes in the central directory bounds what a parser can read.
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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise LoadError(f"{origin}: not a ZIP container (an .xlsx or .docx file is one)") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise LoadError(f"{origin}: {len(members)} archive members (more than {limits.max_members})")
        total = 0
        for member in members:
            _check_member(member, origin, limits)
            total += member.file_size
            if total > limits.max_total_bytes:
                raise LoadError(f"{origin}: expands to more than {limits.max_total_bytes} bytes; refusing it")
        for member in members:
            if member.filename.endswith((".xml", ".rels", ".vml")):
                _check_no_dtd(archive, member, origin)
        return [member.filename for member in members]


def _check_member(member: zipfile.ZipInfo, origin: str, limits: ArchiveLimits) -> None:
    name = member.filename
    if member.flag_bits & 0x1:
        raise LoadError(f"{origin}: {name}: encrypted archive member")
    if member.file_size > limits.max_member_bytes:
        raise LoadError(f"{origin}: {name}: {member.file_size} bytes expanded (more than {limits.max_member_bytes})")
    if member.file_size > limits.ratio_floor:
        ratio = member.file_size // max(member.compress_size, 1)
        if ratio > limits.max_ratio:
            raise LoadError(
                f"{origin}: {name}: expands {ratio} times (more than {limits.max_ratio}); refusing a likely zip bomb"
            )


def _check_no_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo, origin: str) -> None:
    # OOXML parts never carry a document type declaration; one is the door to entity expansion attacks.
    # The prolog sits at the start, but a DTD may follow a long comment, so the whole member is scanned
    # in chunks (its size is already bounded by the limits above).
    try:
        with archive.open(member) as stream:
            tail = b""
            while chunk := stream.read(1 << 16):
                window = (tail + chunk).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise LoadError(f"{origin}: {member.filename}: XML with a DTD or entities; refusing it")
                tail = chunk[-16:]
    except LoadError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise LoadError(f"{origin}: {member.filename}: damaged archive member ({exc})") from None


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
