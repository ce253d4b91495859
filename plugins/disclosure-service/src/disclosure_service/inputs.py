"""What a request carries: its body read under the size limit, and the files of a multipart form.

Nothing touches the disk: the body is read into memory (bounded by the limit) and a multipart form is
parsed there, unlike Starlette's ``request.form()``, which spools large files to temporary files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from disclosure_service.problems import Problem


@attrs.frozen
class Upload:
    """One file of the request: its bytes, the name the client gave, and its media type."""

    data: bytes
    filename: str
    media_type: str


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it passes ``limit`` bytes (whatever Content-Length claims)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> Problem:
    return Problem.keyed(413, "too-large", "service.too_large", limit=limit // (1024 * 1024))


async def uploads(request: Request, limit: int) -> dict[str, Upload]:
    """The files of a request by field name: a multipart form's parts, or the whole body as ``report``.

    A plain body is named by ``?filename=`` (its suffix helps pick the source). Without one, a body sent as
    ``application/json`` is ``report.json``; any other, or one without a ``Content-Type`` (``curl --data-binary``
    without ``-H``), is ``upload``, and its source is told by its content: a DOCX or published text sent that way
    is read as what it is, not refused as malformed JSON.
    """
    body = await read_body(request, limit)
    media_type, options = parse_options_header(request.headers.get("content-type", ""))
    kind = media_type.decode("latin-1").lower()
    if kind == "multipart/form-data":
        boundary = options.get(b"boundary")
        if not boundary:
            raise Problem.keyed(400, "usage", "service.no_boundary")
        return parse_form(body, boundary)
    if not body:
        raise Problem.keyed(400, "usage", "service.no_body")
    default = "report.json" if kind == "application/json" else "upload"
    name = _safe_name(request.query_params.get("filename") or default)
    return {"report": Upload(body, name, kind or "application/octet-stream")}


def parse_form(body: bytes, boundary: bytes) -> dict[str, Upload]:
    """The parts of a ``multipart/form-data`` body, in memory.

    >>> form = (b'--b\\r\\nContent-Disposition: form-data; name="report"; filename="r.json"\\r\\n'
    ...         b'Content-Type: application/json\\r\\n\\r\\n{}\\r\\n--b--\\r\\n')
    >>> parse_form(form, b"b")["report"]
    Upload(data=b'{}', filename='r.json', media_type='application/json')
    """
    parts: dict[str, Upload] = {}
    headers: dict[bytes, bytes] = {}
    field: list[bytes] = []
    data: list[bytes] = []
    value: list[bytes] = []

    def on_header_field(buf: bytes, start: int, end: int) -> None:
        field.append(buf[start:end])

    def on_header_value(buf: bytes, start: int, end: int) -> None:
        value.append(buf[start:end])

    def on_header_end() -> None:
        headers[b"".join(field).lower()] = b"".join(value)
        field.clear()
        value.clear()

    def on_part_data(buf: bytes, start: int, end: int) -> None:
        data.append(buf[start:end])

    def on_part_end() -> None:
        parts_add(parts, headers, b"".join(data))
        headers.clear()
        data.clear()

    callbacks = {
        "on_header_field": on_header_field,
        "on_header_value": on_header_value,
        "on_header_end": on_header_end,
        "on_part_data": on_part_data,
        "on_part_end": on_part_end,
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    try:
        parser.write(body)
        parser.finalize()
    except Exception as exc:  # python-multipart raises its own MultipartParseError and ValueError
        raise Problem.keyed(400, "usage", "service.malformed_form", reason=exc) from None
    return parts


def parts_add(parts: dict[str, Upload], headers: Mapping[bytes, bytes], data: bytes) -> None:
    """Add one part: its field name and file name from Content-Disposition."""
    _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
    name = disposition.get(b"name", b"").decode("utf-8", "replace")
    if not name:
        raise Problem.keyed(400, "usage", "service.no_field_name")
    filename = _safe_name(disposition.get(b"filename", name.encode()).decode("utf-8", "replace"))
    media_type = headers.get(b"content-type", b"application/octet-stream").decode("latin-1")
    parts[name] = Upload(data, filename, media_type)


def _safe_name(name: str) -> str:
    """The last path component of a client's file name, without control characters (it appears in errors).

    >>> _safe_name("../../etc/passwd\\n"), _safe_name("C:\\\\报告\\\\代县.pdf")
    ('passwd', '代县.pdf')
    """
    last = re.split(r"[\\/]", name)[-1]
    cleaned = "".join(ch for ch in last if ch.isprintable())[:200]
    return cleaned or "upload"
