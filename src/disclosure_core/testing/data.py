"""Where tests find their data, so a plugin's tests need no ``Path(__file__).parents[3]`` arithmetic.

* :func:`daixian_json` — the Dai County 2020 report as canonical JSON bytes (shipped in the package);
* :func:`published_reports` — the directory of real published reports (``shared/reports``): from the
  ``DISCLOSURE_REPORTS`` environment variable, else the nearest ``shared/reports`` beside a parent of the
  working directory (the layout of this project's checkouts and worktrees);
* :func:`artifacts` — the directory where tests keep files for people to look at (rendered PDFs, screenshots).

>>> daixian_json()[:1]
b'{'
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

REPORTS_VARIABLE = "DISCLOSURE_REPORTS"
ARTIFACTS_VARIABLE = "DISCLOSURE_ARTIFACTS"


def daixian_json() -> bytes:
    """The Dai County 2020 report, as canonical JSON bytes (identical to ``examples/daixian-2020.json``)."""
    return resources.files("disclosure_core.testing").joinpath("daixian-2020.json").read_bytes()


def published_reports(start: Path | None = None) -> Path:
    """The directory of real published reports; :class:`FileNotFoundError` naming what was tried.

    >>> (published_reports() / "daixian-2020.txt").is_file()
    True
    """
    given = os.environ.get(REPORTS_VARIABLE)
    if given:
        return Path(given)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "shared" / "reports"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no shared/reports above {here}: set {REPORTS_VARIABLE}")


def artifacts() -> Path:
    """The directory for files a test keeps for people to look at, made if missing: from the
    ``DISCLOSURE_ARTIFACTS`` environment variable, else ``test-artifacts`` in the working directory (which CI
    uploads).

    >>> artifacts().is_dir()
    True
    """
    folder = Path(os.environ.get(ARTIFACTS_VARIABLE) or Path.cwd() / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


__all__ = ["ARTIFACTS_VARIABLE", "REPORTS_VARIABLE", "artifacts", "daixian_json", "published_reports"]
