"""Checked in a real client: headless Chromium, networking off, loads each page from a file; the DOM it built
holds every label and every value in table order, and screenshots (desktop and phone) are kept as test artifacts
in ``test-artifacts/`` for people to look at."""

from __future__ import annotations

import struct
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest
from disclosure_html import HtmlRenderer

from disclosure_core import (
    CellAddress,
    CellUse,
    Finding,
    Findings,
    Message,
    Outcome,
    RenderOptions,
    Severity,
    builtin_layout,
)
from disclosure_core.rendering import cell_text
from disclosure_core.testing import data, numbered_report
from disclosure_core.testing.chromium import chromium as run_chromium
from disclosure_core.testing.chromium import chromium_binary

pytestmark = pytest.mark.slow

ARTIFACTS = data.artifacts()
NS = "{http://www.w3.org/1999/xhtml}"
LAYOUTS = ("gov-2019", "gov-2021")


def chromium(profile: Path, *args: str) -> bytes:
    if chromium_binary() is None:
        pytest.fail("chromium not found: install it (see .ci/run)")
    return run_chromium(profile, *args, timeout=120)


def page_file(tmp_path: Path, layout_id: str) -> Path:
    report = numbered_report(layout_id)
    finding = Finding(
        "requests.balance.natural_person",
        Severity.ERROR,
        Outcome.FAIL,
        Message("一加二不等于三加四", "1 + 2 differs from 3 + 4"),
        (CellUse(CellAddress.parse("requests.new.natural_person"), report.cell("requests.new.natural_person")),),
        lhs=2029,
        rhs=2357,
        difference=-328,
    )
    page = HtmlRenderer().render(report, RenderOptions(builtin_layout(layout_id), Findings((finding,))))
    path = tmp_path / f"numbered-{layout_id}.html"
    path.write_bytes(page)
    return path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def text(element: Element) -> str:
    return "".join(element.itertext())


@pytest.mark.parametrize("layout_id", LAYOUTS)
def test_the_dom_chromium_builds_holds_every_label_and_value(tmp_path: Path, layout_id: str) -> None:
    layout = builtin_layout(layout_id)
    report = numbered_report(layout_id)
    dom = chromium(tmp_path / "profile", "--dump-dom", page_file(tmp_path, layout_id).as_uri())
    root = html5lib.parse(dom, namespaceHTMLElements=True)
    assert root.get("lang") == "zh-CN"
    values = [text(td).split("⚠")[0] for td in root.iter(NS + "td")]
    assert values == [cell_text(report.cell(a), layout.column_of(a)) for a in layout.addresses()]
    headers = {text(th) for th in root.iter(NS + "th")} | {text(c) for c in root.iter(NS + "caption")}
    labels = {c.label.zh for t in layout.tables for c in t.columns}
    labels |= {r.label.zh for t in layout.tables for r in t.rows}
    labels |= {g.label.zh for t in layout.tables for g in t.groups}
    labels |= {b.heading.zh for t in layout.tables for b in t.blocks if b.heading}
    labels |= {h.label.zh for t in layout.tables for b in t.blocks for row in b.header for h in row}
    assert labels <= headers, sorted(labels - headers)


@pytest.mark.parametrize(("layout_id", "size"), [("gov-2019", (1000, 3200)), ("gov-2021", (390, 2600))])
def test_screenshots_are_produced_on_desktop_and_phone(tmp_path: Path, layout_id: str, size: tuple[int, int]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"numbered-{layout_id}-{size[0]}px.png"
    shot.unlink(missing_ok=True)
    window = f"--window-size={size[0]},{size[1]}"
    chromium(
        tmp_path / "profile",
        "--hide-scrollbars",
        window,
        f"--screenshot={shot}",
        page_file(tmp_path, layout_id).as_uri(),
    )
    assert png_size(shot) == size
    assert shot.stat().st_size > 50_000  # a page of text and tables, not a blank image
