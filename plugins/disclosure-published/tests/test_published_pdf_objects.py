"""pdfium's characters and drawings are pdfminer's: the same boxes, texts and paths on every printed fixture.

pdfplumber over pdfminer is the reference here (it was the reader before pdfium): the table finder and the
text lines see the same objects, so the tables read the same.
"""

from __future__ import annotations

import base64
import io
import logging
import zlib
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from disclosure_published import PdfSource, pdf_objects
from disclosure_published.pdf_bounds import MAX_STREAM_BYTES
from disclosure_published.pdf_grid import _drawn
from disclosure_published.testing import one_page_pdf

from disclosure_core import LoadError, official_layouts
from disclosure_core.sources import fold

PDFS = Path(__file__).resolve().parent / "pdfs"
FIXTURES = sorted(p.name for p in PDFS.glob("*.pdf"))


def rotated(data: bytes, degrees: int) -> bytes:
    document = pdfium.PdfDocument(data)
    for index in range(len(document)):
        document[index].set_rotation(degrees)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def both(data: bytes) -> list[tuple[Any, dict[str, list[dict[str, Any]]]]]:
    """Per page: pdfplumber's page (pdfminer's objects) and the objects pdfium gave."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    document = pdfium.PdfDocument(data)
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as reference:
        for index, page in enumerate(reference.pages):
            ours = document[index]
            shown = pdf_objects.shown(ours)
            assert (shown.width, shown.height) == pytest.approx((page.width, page.height), abs=1e-3)
            textpage = ours.get_textpage()
            chars = pdf_objects.characters(ours, textpage, shown, index + 1, lambda _: None)
            found = {"char": chars, **pdf_objects.paths(ours, shown, index + 1, lambda: None)}
            pages.append(({kind: list(objs) for kind, objs in page.objects.items()}, found))
    return pages


def _placed(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(objects, key=lambda o: (round(o["top"], 1), round(o["x0"], 1), round(o["bottom"], 1), o["x1"]))


@pytest.mark.parametrize("degrees", [0, 90, 180, 270])
@pytest.mark.parametrize("name", FIXTURES)
def test_characters_have_pdfminers_boxes_and_texts(name: str, degrees: int) -> None:
    data = (PDFS / name).read_bytes()
    for reference, ours in both(rotated(data, degrees) if degrees else data):
        # pdfium has no box for a space glyph (it generates spaces of its own): text extraction goes by gaps.
        theirs = _placed([c for c in reference["char"] if c["text"].strip()])
        mine = _placed([c for c in ours["char"] if c["text"].strip()])
        assert [fold(c["text"]) for c in mine] == [fold(c["text"]) for c in theirs]
        for a, b in zip(mine, theirs, strict=True):
            assert [a[k] for k in ("x0", "x1", "top", "bottom", "size")] == pytest.approx(
                [b[k] for k in ("x0", "x1", "top", "bottom", "size")], abs=0.01
            )
            assert a["upright"] == b["upright"]


@pytest.mark.parametrize("name", FIXTURES)
def test_paths_are_pdfminers_lines_rects_and_curves(name: str) -> None:
    for reference, ours in both((PDFS / name).read_bytes()):
        for kind in ("line", "rect", "curve"):
            theirs, mine = _placed(reference.get(kind, [])), _placed(ours[kind])
            assert len(mine) == len(theirs), kind
            for a, b in zip(mine, theirs, strict=True):
                assert [a[k] for k in ("x0", "x1", "top", "bottom")] == pytest.approx(
                    [b[k] for k in ("x0", "x1", "top", "bottom")], abs=0.01
                )
                assert (a["stroke"], a["fill"], _drawn(a)) == (b["stroke"], b["fill"], _drawn(b))


def test_paths_are_classified_as_pdfminer_does() -> None:
    square = [("m", (0.0, 0.0)), ("l", (10.0, 0.0)), ("l", (10.0, 5.0)), ("l", (0.0, 5.0)), ("h", (0.0, 0.0))]
    slanted = [("m", (0.0, 0.0)), ("l", (10.0, 1.0)), ("l", (10.0, 5.0)), ("l", (0.0, 5.0)), ("h", (0.0, 0.0))]
    assert [kind for kind, _ in pdf_objects._classified(square)] == ["rect"]
    assert [kind for kind, _ in pdf_objects._classified(slanted)] == ["curve"]
    two = [("m", (0.0, 0.0)), ("l", (5.0, 0.0)), ("m", (0.0, 9.0)), ("l", (0.0, 20.0))]
    assert pdf_objects._classified(two) == [("line", [(0.0, 0.0), (5.0, 0.0)]), ("line", [(0.0, 9.0), (0.0, 20.0)])]


def test_a_bomb_behind_another_filter_is_refused_by_the_exact_check() -> None:
    """A filter chain the byte scan does not follow (ASCII85 before Flate, spelt with an escaped name) goes
    through pdfminer's parse of every object: the bomb is still refused before it is inflated."""
    deflated = zlib.compress(b"0 0 m 1 1 l S\n" * (MAX_STREAM_BYTES // 14 + 1000), 9)
    encoded = base64.a85encode(deflated) + b"~>"
    bomb = one_page_pdf(encoded, b"/Filter [/ASCII85#44ecode /FlateDecode]")
    with pytest.raises(LoadError, match=r"^a85\.pdf: object 4: a stream inflating to more than 16777216 bytes$"):
        PdfSource().load(bomb, origin="a85.pdf", layouts=official_layouts())
