"""mkdocs hook: fill the service guide's ``console run-service`` blocks with what the service really answers.

Each block holds ``$ curl …`` lines (``-i``, ``-X``, ``-H``, ``--data-binary @FILE``, ``-F name=@FILE``, one URL
on ``http://127.0.0.1:8080``, optionally ``| head -n N``). They are sent in order to the service's ASGI app in
process (its parse worker included), in a scratch directory holding the Dai County example as JSON and as
published text, so the page shows real responses and fails the build when the service changes.
"""

from __future__ import annotations

import contextlib
import re
import shlex
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
RUN_BLOCK = re.compile(r"```console run-service\n(.*?)```\n", re.S)
SHOWN_HEADERS = ("content-type", "content-disposition", "www-authenticate")


class CurlFailed(Exception):
    """A curl line of the guide that the hook cannot run as written."""


def service_page(markdown: str) -> str:
    """The guide with every ``console run-service`` block filled with real responses."""
    from disclosure_service import Settings, create_app
    from disclosure_service.testing import InProcessClient

    from disclosure_core.testing.data import daixian_json, published_reports

    published = published_reports() / "daixian-2020.txt"  # found from the working directory: before chdir
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
        Path("daixian-2020.json").write_bytes(daixian_json())
        shutil.copy(published, "daixian-2020.txt")
        with InProcessClient(create_app(Settings(parse_workers=1))) as client:
            return RUN_BLOCK.sub(lambda block: "```console\n" + _session(client, block.group(1)) + "```\n", markdown)


def _session(client: Any, block: str) -> str:
    shown: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            shown += [line, *run_curl(client, line[2:]).splitlines(), ""]
    return "\n".join(shown).strip("\n") + "\n"


def run_curl(client: Any, command: str) -> str:
    """What ``curl`` would print for ``command`` against the in-process service."""
    command, _, piped = command.partition("|")
    args = shlex.split(command)
    if not args or args[0] != "curl":
        raise CurlFailed(f"{command!r}: the guide shows only curl commands")
    method, headers, body, files, url, show_headers = "GET", {}, None, {}, None, False
    rest = iter(args[1:])
    for arg in rest:
        if arg in {"-s", "--silent"}:
            continue
        if arg == "-i":
            show_headers = True
        elif arg == "-X":
            method = next(rest)
        elif arg == "-H":
            name, _, value = next(rest).partition(":")
            headers[name.strip().lower()] = value.strip()
        elif arg == "--data-binary":
            body = Path(next(rest).removeprefix("@")).read_bytes()
            method = "POST" if method == "GET" else method
        elif arg == "-F":
            name, _, value = next(rest).partition("=@")
            files[name] = (Path(value).name, Path(value).read_bytes(), "application/octet-stream")
            method = "POST" if method == "GET" else method
        elif arg.startswith("http://127.0.0.1:8080/"):
            url = arg
        else:
            raise CurlFailed(f"{command!r}: the guide's curl supports -s -i -X -H --data-binary -F and one URL")
    if url is None:
        raise CurlFailed(f"{command!r}: no URL on http://127.0.0.1:8080")
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    response = client.request(method, target, headers=headers, content=body, files=files or None)
    media = response.headers.get("content-type", "")
    text = (
        response.text
        if media.startswith(("application/json", "application/problem+json", "text/"))
        else f"<{len(response.content)} bytes of {media.split(';')[0]}>\n"
    )
    if piped:
        count = re.fullmatch(r"\s*head -n (\d+)\s*", piped)
        if not count:
            raise CurlFailed(f"{piped!r}: only head -n N may follow a pipe")
        text = "".join(text.splitlines(keepends=True)[: int(count.group(1))])
    if show_headers:
        head = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
        head += [f"{name}: {response.headers[name]}" for name in SHOWN_HEADERS if name in response.headers]
        text = "\n".join(head) + "\n\n" + text
    return text


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the service guide's responses."""
    return service_page(markdown) if page.file.src_uri == "service.md" else markdown
