"""The documentation's code runs: every python block of docs/api.md, in order, from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_every_python_block_of_the_api_guide_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = BLOCK.findall((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "docs_api"}
    for number, code in enumerate(blocks, 1):
        exec(compile(code, f"docs/api.md block {number}", "exec"), namespace)  # the guide is code we ship


def test_the_docs_site_lists_every_page_it_has() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {p.name for p in (ROOT / "docs").glob("*.md")} | {"changelog.md", "rule-reference.md"}
    listed = set(re.findall(r":\s*([\w-]+\.md)$", nav, re.M))
    assert listed == pages, f"pages not in nav: {pages - listed}; nav entries without a page: {listed - pages}"
    assert os.path.exists(ROOT / "CHANGELOG.md")
