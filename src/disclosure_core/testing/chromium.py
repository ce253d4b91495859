"""Headless Chromium for tests and tools: one way to start it offline, with a profile of its own.

Tests print our HTML to PDF, take screenshots and dump the DOM it builds. Every run gets its own
``--user-data-dir`` (parallel runs never share one) and flags that keep it off the network: on a closed
machine Chromium otherwise tries to reach Google's hosts at every start.

>>> command = chromium_command(Path("/tmp/profile"))
>>> command[1:4], command[-1]
(['--headless', '--no-sandbox', '--disable-gpu'], '--user-data-dir=/tmp/profile')
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
"""Headless, and offline: no background networking, no proxy that answers, no host that resolves."""


def chromium_binary() -> str | None:
    """The Chromium on this machine, or None (``.ci/run`` installs Debian's)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def chromium_command(profile: Path) -> list[str]:
    """The command line that starts Chromium with ``profile`` as its own user data directory."""
    return [chromium_binary() or "chromium", *FLAGS, f"--user-data-dir={profile}"]


def chromium(profile: Path, *args: str, env: Mapping[str, str] | None = None, timeout: float = 180) -> bytes:
    """Run Chromium with ``args`` (e.g. ``--dump-dom URL``); what it prints on stdout.

    Raises :class:`FileNotFoundError` when Chromium is not installed and
    :class:`subprocess.CalledProcessError` when it fails.
    """
    if chromium_binary() is None:
        raise FileNotFoundError("chromium not found: install it (see .ci/run)")
    done = subprocess.run(
        [*chromium_command(profile), *args],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=dict(env) if env is not None else None,
    )
    return done.stdout


def chromium_pdf(
    page: bytes, *, footer: bool = False, env: Mapping[str, str] | None = None, timeout: float = 180
) -> bytes:
    """``page`` (HTML bytes) printed to PDF by Chromium; ``footer`` keeps Chromium's own header and footer
    (date and title at the top, address and "1/3" at the bottom, as a browser prints a saved page)."""
    with tempfile.TemporaryDirectory() as directory:
        source, target = Path(directory) / "page.html", Path(directory) / "page.pdf"
        source.write_bytes(page)
        options = [] if footer else ["--no-pdf-header-footer"]
        profile = Path(directory) / "profile"
        chromium(profile, *options, f"--print-to-pdf={target}", source.as_uri(), env=env, timeout=timeout)
        return target.read_bytes()
