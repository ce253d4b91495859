"""Where tests find their data, so a plugin's tests need no ``Path(__file__).parents[3]`` arithmetic.

* :func:`daixian_json` — the Dai County 2020 report as canonical JSON bytes (shipped in the package);
* :func:`published_reports` — the directory of real published reports (``shared/reports``): from the
  ``DISCLOSURE_REPORTS`` environment variable, else the nearest ``shared/reports`` beside a parent of the
  working directory (the layout of this project's checkouts and worktrees).

>>> daixian_json()[:1]
b'{'
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

REPORTS_VARIABLE = "DISCLOSURE_REPORTS"


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


__all__ = ["REPORTS_VARIABLE", "daixian_json", "published_reports"]
