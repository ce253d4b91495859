"""Reading the start of an archive member from a file's first bytes, for sniffing."""

from __future__ import annotations

import io
import zipfile

from disclosure_core._archives import member_start


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
