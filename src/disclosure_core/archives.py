"""Refusing hostile ZIP containers (XLSX, DOCX) before any XML parser sees them.

Office files are ZIP archives of XML. A zip bomb (tiny file, enormous members), a swarm of members or an
XML document type declaration (billion laughs, external entities) is refused here with a :class:`LoadError`
naming the file, so that a parser only ever gets archives whose sizes are bounded and whose XML has no DTD.

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
