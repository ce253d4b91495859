"""mkdocs hook: pages generated at build time from the code and data, so they cannot drift.

* ``changelog.md`` — the repository's CHANGELOG.md, as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def generated_pages() -> dict[str, str]:
    """Page path → Markdown, for every generated page."""
    return {"changelog.md": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")}


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the site."""
    from mkdocs.structure.files import File

    for path, text in generated_pages().items():
        files.append(File.generated(config, path, content=text))
    return files
