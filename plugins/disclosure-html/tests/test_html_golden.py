"""Golden files: the exact HTML of the Dai County example and of both versions' tables, so that any change of
structure or styling is a visible diff. Regenerate deliberately with ``DISCLOSURE_REGENERATE_GOLDEN=1``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from disclosure_html import HtmlRenderer

from disclosure_core import RenderOptions, Report, builtin_layout
from disclosure_core.testing import daixian_report, numbered_report


@pytest.fixture(scope="module")
def daixian() -> Report:
    """The Dai County 2020 report (fixtures live in each module: plugin test directories share no conftest)."""
    return daixian_report()


GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DISCLOSURE_REGENERATE_GOLDEN") == "1"


def render(report: Report) -> str:
    return HtmlRenderer().render(report, RenderOptions(builtin_layout(report.format))).decode("utf-8")


def compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with DISCLOSURE_REGENERATE_GOLDEN=1 to write it, then review the diff")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: review, then regenerate if intended"


def tables_only(page: str) -> str:
    """The table groups of a page, one after another (each runs to the end of its section)."""
    return "".join(
        page[m.start() : page.index("</section>", m.start())] for m in re.finditer('<div class="table-group"', page)
    )


def test_dai_county_page_matches_its_golden_file(daixian: Report) -> None:
    compare("daixian-2020.html", render(daixian))


@pytest.mark.parametrize("layout_id", ["gov-2019", "gov-2021"])
def test_tables_match_their_golden_files(layout_id: str) -> None:
    tables = tables_only(render(numbered_report(layout_id)))
    assert tables.count("<table ") == sum(len(t.blocks) for t in builtin_layout(layout_id).tables)
    compare(f"tables-{layout_id}.html", tables)
