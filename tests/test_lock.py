"""The lock file pins everything `make setup` installs: every dependency of every distribution is in it.

`make lock` regenerates it; this test fails when a pyproject.toml gains a dependency that was not re-locked
(setup would then install an unpinned release, and CI would no longer test what developers test).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "lock.txt"
DEV_IN = ROOT / "requirements" / "dev.in"
DISTRIBUTIONS = sorted([*ROOT.glob("plugins/*/pyproject.toml"), *ROOT.glob("examples/*/pyproject.toml")])
EXTRAS = ("test", "docs", "dask")  # what the Makefile installs of the core's extras


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.split(";")[0].strip().partition("==")
            pins[_name(name)] = version
    return pins


def wanted(path: Path, extras: tuple[str, ...] = ()) -> list[str]:
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    return [_name(r) for r in requirements if not _name(r).startswith("disclosure-")]


@pytest.mark.parametrize("path", [ROOT / "pyproject.toml", *DISTRIBUTIONS], ids=lambda p: p.parent.name)
def test_every_dependency_is_pinned(path: Path) -> None:
    extras = EXTRAS if path == ROOT / "pyproject.toml" else ()
    missing = sorted(set(wanted(path, extras)) - set(locked()))
    assert not missing, f"{path.relative_to(ROOT)} needs {missing}: run `make lock`"


def test_every_pin_is_exact() -> None:
    assert all(re.fullmatch(r"[\w.+!-]+", version) for version in locked().values())


def test_the_lock_was_made_from_every_distribution() -> None:
    listed = {line.removeprefix("-e ").strip() for line in DEV_IN.read_text(encoding="utf-8").splitlines()}
    assert {str(p.parent.relative_to(ROOT)) for p in DISTRIBUTIONS} <= listed, "run `make lock`"
