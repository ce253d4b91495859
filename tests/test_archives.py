"""The archive guard: the start of a member from a file's first bytes (for sniffing), and refusing DTDs in any
member, whatever its name or encoding, and members zipfile cannot extract."""

from __future__ import annotations

import io
import zipfile

import pytest

from disclosure_core import LoadError
from disclosure_core._archives import check_archive, member_start


def archive(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return buffer.getvalue()


def test_a_member_is_found_behind_others_stored_or_deflated() -> None:
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        data = archive(
            {"[Content_Types].xml": b"<Types/>" * 20, "docProps/custom.xml": b'<property name="x"/>'}, method
        )
        assert member_start(data[:4096], "docProps/custom.xml") == b'<property name="x"/>'


def test_a_member_beyond_the_head_or_missing_is_none() -> None:
    data = archive({"big.bin": bytes(range(256)) * 40, "docProps/custom.xml": b"<x/>"}, zipfile.ZIP_STORED)
    assert member_start(data[:4096], "docProps/custom.xml") is None
    assert member_start(data, "docProps/custom.xml") == b"<x/>"
    assert member_start(data, "absent.xml") is None


def test_a_member_cut_off_by_the_head_gives_what_the_head_holds() -> None:
    text = "".join(f"<p>{i}</p>" for i in range(3000)).encode()
    data = archive({"docProps/custom.xml": text})
    start = member_start(data[:300], "docProps/custom.xml", limit=100_000)
    assert start is not None
    assert 0 < len(start) < len(text)
    assert text.startswith(start)


def test_damaged_heads_are_none() -> None:
    data = archive({"docProps/custom.xml": b"<x/>" * 100})
    damaged = data[:40] + b"\xff" * 20 + data[60:]
    assert member_start(damaged, "docProps/custom.xml") is None
    assert member_start(b"not a zip at all, but long enough to hold a header", "a") is None


def _refused(members: dict[str, bytes]) -> str:
    with pytest.raises(LoadError) as raised:
        check_archive(archive(members), origin="x.docx")
    return str(raised.value)


ENTITY = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "EXPANDED">]><Properties>&e;</Properties>'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp500"])
def test_a_dtd_is_found_in_whatever_encoding_the_member_is_in(encoding: str) -> None:
    data = ENTITY.replace('version="1.0"', f'version="1.0" encoding="{encoding}"').encode(encoding)
    assert b"<!DOCTYPE" not in data.upper() or encoding == "utf-8-sig"
    assert (
        _refused({"docProps/custom.xml": data})
        == "x.docx: docProps/custom.xml: XML with a DTD or entities; refusing it"
    )


@pytest.mark.parametrize("name", ["word/document.XML", "word/settings", "customXml/item1.bin", "[trash]/0001.dat"])
def test_every_member_is_checked_whatever_its_name(name: str) -> None:
    assert _refused({name: ENTITY.encode()}) == f"x.docx: {name}: XML with a DTD or entities; refusing it"


def test_a_declared_encoding_that_cannot_be_checked_is_refused() -> None:
    data = b'<?xml version="1.0" encoding="x-unknown-42"?><a/>'
    assert _refused({"a.xml": data}) == "x.docx: a.xml: XML in an encoding that cannot be checked (b'x-unknown-42')"


def test_a_declared_encoding_is_used_to_read_the_member() -> None:
    text = '<?xml version="1.0" encoding="GB18030"?><a>规章</a>'.encode("gb18030")
    assert check_archive(archive({"a.xml": text}), origin="x.docx") == ["a.xml"]
    assert _refused({"a.xml": text + "<!DOCTYPE a>".encode("gb18030")}).endswith(
        "XML with a DTD or entities; refusing it"
    )


def test_a_member_needing_a_newer_unzip_is_refused_by_name() -> None:
    data = bytearray(archive({"a.xml": b"<a/>"}))
    central = data.rindex(b"PK\x01\x02")
    data[central + 6 : central + 8] = (98).to_bytes(2, "little")  # "version needed to extract": 9.8
    with pytest.raises(
        LoadError, match=r"^x\.xlsx: an archive member zipfile cannot extract \(zip file version 9\.8\)$"
    ):
        check_archive(bytes(data), origin="x.xlsx")


def test_a_member_name_with_control_characters_is_shown_escaped_on_one_line() -> None:
    """Found by fuzzing the workbook source: a name holding a newline split the message over two lines."""
    assert _refused({"x\nl\x1b[2J.xml": ENTITY.encode()}) == (
        "x.docx: x\\nl\\x1b[2J.xml: XML with a DTD or entities; refusing it"
    )
