"""Robustness testing of sources: mutated real inputs, the one property every source keeps, and settings that
follow the hypothesis profile.

The property: a source's ``load`` on any bytes returns a report, or raises :class:`~disclosure_core.LoadError`
(a rule file: :class:`~disclosure_core.RuleSetError`) with a one-line message that starts with the file's name.
Plugin authors use these for their own sources::

    from hypothesis import given
    from disclosure_core.testing.robustness import mutated, robust_settings, survives

    @robust_settings(30)
    @given(mutated(MY_REAL_FILE))
    def test_my_source_survives(data):
        survives(lambda d: MySource().load(d, origin="in.dat", layouts=LAYOUTS), data, origin="in.dat")
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from disclosure_core.errors import LoadError, RuleSetError

CI_EXAMPLES = 60
"""``max_examples`` of the ``ci`` profile (conftest.py): the unit a test's own example count is given in."""


def robust_settings(examples: int) -> settings:
    """Settings running ``examples`` examples under the ``ci`` profile, and proportionally more under the loaded
    profile when it asks for more (``make test-long``: ``long``, 2 000 examples, runs 33 times as many).

    Everything else (derandomize, the database, deadline) comes from the loaded profile.

    >>> robust_settings(30).max_examples == round(30 * settings().max_examples / CI_EXAMPLES)
    True
    """
    loaded = settings.default.max_examples if settings.default is not None else CI_EXAMPLES
    scaled = max(1, round(examples * loaded / CI_EXAMPLES))
    return settings(
        max_examples=scaled,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


def survives(read: Callable[[bytes], object], data: bytes, *, origin: str) -> str:
    """Run ``read(data)``: the error message when it raised an error of ours naming ``origin`` on one line, ""
    when it returned; any other exception propagates and a message without ``origin`` fails an assertion.

    >>> def read(data):
    ...     raise LoadError(f"in.dat: byte 0: {data!r} is no report")
    >>> survives(read, b"?", origin="in.dat")
    "in.dat: byte 0: b'?' is no report"
    """
    try:
        read(data)
    except (LoadError, RuleSetError) as error:
        message = str(error)
        assert message.startswith(f"{origin}: "), message
        assert "\n" not in message, message
        return message
    return ""


@st.composite
def mutated(draw: st.DrawFn, original: bytes, pieces: Sequence[bytes] = ()) -> bytes:
    """``original`` with a few bytes flipped, chunks replaced, deleted or inserted (random bytes or ``pieces``),
    and perhaps truncated."""
    data = bytearray(original)
    fillers = st.binary(max_size=40) | st.sampled_from(pieces) if pieces else st.binary(max_size=40)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()) and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        else:
            data[at : at + draw(st.integers(0, 40))] = draw(fillers)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def members(package: bytes) -> dict[str, bytes]:
    """The members of a ZIP package by name, in archive order."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    """A ZIP package of ``parts`` (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


@st.composite
def mutated_packages(draw: st.DrawFn, original: bytes, pieces: Sequence[bytes] = ()) -> bytes:
    """A sound ZIP made from ``original``: one or two members mutated (see :func:`mutated`), perhaps one
    dropped, renamed (also to other letter case) or added — damage that reaches the XML parsers and the reader.
    """
    parts = members(original)
    names = sorted(parts)
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)):
        parts[name] = draw(mutated(parts[name], pieces))
    action = draw(st.sampled_from(["none", "drop", "rename", "upper", "add"]))
    name = draw(st.sampled_from(names))
    if action == "drop":
        del parts[name]
    elif action in ("rename", "upper"):
        content = parts.pop(name)
        parts[name.upper() if action == "upper" else name.replace("/", "/x", 1)] = content
    elif action == "add":
        parts[draw(st.sampled_from([*names, "extra.xml", "word/extra.XML"]))] = draw(st.binary(max_size=64))
    return zipped(parts)


PEAK_KB = """
def peak_kb():
    # VmHWM belongs to this program alone: ru_maxrss would carry over the forking parent's (pytest's) peak.
    try:
        with open("/proc/self/status") as status:
            return int(next(line for line in status if line.startswith("VmHWM:")).split()[1])
    except (OSError, StopIteration):
        import resource, sys
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak
"""
"""Source of ``peak_kb()``: the peak resident memory of the running interpreter in KB, for scripts run in a
fresh interpreter by tests."""

_CLI = (
    PEAK_KB
    + """
import atexit, os, sys
def peak():
    with open(os.environ["DISCLOSURE_PEAK_FILE"], "w") as out:
        out.write(str(peak_kb()))
atexit.register(peak)
from disclosure_core.cli import main
sys.argv = ["disclosure", *sys.argv[1:]]
sys.exit(main())
"""
)


def cli_with_peak(*args: str, cwd: Path, timeout: float = 600) -> tuple[int, str, float]:
    """Run ``disclosure ARGS`` in a fresh interpreter: its exit code, its stderr and its peak memory in MB
    (of that process alone, so one test's input cannot be blamed for another's).
    """
    peak = cwd / ".peak"
    # In English: the assertions read the messages as the library words them (zh is the default elsewhere).
    env = {**os.environ, "DISCLOSURE_PEAK_FILE": str(peak), "DISCLOSURE_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", _CLI, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd
    )
    return done.returncode, done.stderr, int(peak.read_text(encoding="ascii")) / 1024


__all__ = [
    "CI_EXAMPLES",
    "cli_with_peak",
    "members",
    "mutated",
    "mutated_packages",
    "robust_settings",
    "survives",
    "zipped",
]
