"""A PDF page's characters and drawings read with pdfium (pypdfium2), as the objects pdfplumber's finders use.

pdfium interprets a page in C, about ten times faster than pdfminer in Python; pdfplumber's table finder and
text-line extraction then work on the same dictionaries pdfminer's layout would give them:

* a character's box is pdfminer's: from its origin, as wide as its advance and as tall as its font size,
  standing on the baseline (the producers measured, Chromium and LibreOffice, declare no font descent, and
  pdfminer takes a missing descent for 0: Latin digits and CJK glyphs of one line then share their bottom);
* a path is split into subpaths and classified as pdfminer does: a straight segment is a ``line``, an
  axis-aligned closed quadrilateral a ``rect``, anything else a ``curve`` through its end points;
* coordinates are pdfplumber's: from the top-left corner of the page as displayed (rotation applied).

pdfium gives real CJK characters where a font's map names Kangxi radicals (⼈ for 人), which the
text folding does as well. It replaces a space glyph by a space of its own without a box, and generates
spaces where words seem to break: those (``generated``) are left out, and text extraction puts spaces in
the gaps between glyphs, as it does wherever pdfminer had no space glyph.

>>> _classified([("m", (0, 0)), ("l", (10, 0)), ("l", (10, 5)), ("l", (0, 5)), ("h", (0, 0))])
[('rect', [(0, 0), (10, 0), (10, 5), (0, 5), (0, 0)])]
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import attrs
import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type hints
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from pdfplumber.page import Page

Point = tuple[float, float]
Segment = tuple[str, Point]
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
_MOVE, _BEZIER = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Matrix = tuple[float, float, float, float, float, float]


class ObjectPage(Page):
    """A pdfplumber page whose objects were read by pdfium: its finders work as on a pdfminer page."""

    def __init__(self, number: int, width: float, height: float, objects: dict[str, list[dict[str, Any]]]) -> None:
        self.pdf = None  # type: ignore[assignment]  # no pdfminer document behind it
        self.root_page = self
        self.page_obj = None  # type: ignore[assignment]
        self.page_number = number
        self.initial_doctop = 0
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = (0, 0, width, height)
        self.get_textmap = lru_cache()(self._get_textmap)
        self._objects = objects


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix of ``inner`` followed by ``outer``."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


@attrs.frozen
class Shown:
    """How a page is displayed: the matrix from its user space to pdfplumber's coordinates (from the top-left
    corner; pdfminer's device space turned upside down), and its displayed width and height."""

    matrix: Matrix
    width: float
    height: float


def shown(page: pdfium.PdfPage) -> Shown:
    """How ``page`` is displayed (its rotation applied)."""
    x0, y0, x1, y1 = page.get_mediabox()
    rotation = page.get_rotation() % 360
    device: Matrix = {
        90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
        180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
        270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
    }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
    width, height = (y1 - y0, x1 - x0) if rotation in (90, 270) else (x1 - x0, y1 - y0)
    return Shown(_compose(device, (1.0, 0.0, 0.0, -1.0, 0.0, height)), width, height)


def _apply(m: Matrix, x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def characters(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, shown: Shown, number: int, count: Callable[[int], None]
) -> list[dict[str, Any]]:
    """The characters of a page pdfium read, as pdfplumber's ``char`` objects; ``count`` is told how many
    glyphs the page draws (:func:`glyphs`) before any character is built."""
    to_page, height = shown.matrix, shown.height
    raw = textpage.raw
    total = max(pdfium_c.FPDFText_CountChars(raw), 0)
    count(total)  # the text page is a bound of its own: the pass below keeps a tuple per character
    kept = []
    per_object: dict[int, int] = {}
    for index in range(total):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) or code in (0, 0xFFFE, 0xFFFF) or code > 0x10FFFF:
            continue
        text_object = pdfium_c.FPDFText_GetTextObject(raw, index)
        key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
        per_object[key] = per_object.get(key, 0) + 1
        kept.append((index, code, key, text_object))
    count(glyphs(page, per_object))
    chars = []
    x, y = ctypes.c_double(), ctypes.c_double()
    m = pdfium_c.FS_MATRIX()
    width = ctypes.c_float()
    widths: dict[tuple[int, int], float] = {}
    objects: dict[int, tuple[float, float, float, float, float, Any]] = {}
    for index, code, key, text_object in kept:
        if key not in objects:  # one matrix, size and font for all the characters of a text object
            pdfium_c.FPDFText_GetMatrix(raw, index, m)
            font = pdfium_c.FPDFTextObj_GetFont(text_object)
            objects[key] = (m.a, m.b, m.c, m.d, pdfium_c.FPDFText_GetFontSize(raw, index), font)
        a, b, c, d, fontsize, font = objects[key]
        if (key, code) not in widths:
            found = font and pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(fontsize), width)
            widths[key, code] = width.value if found else fontsize
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        # The box of pdfminer: from the origin as far as the advance along the baseline, and the font size
        # up, through the character's matrix (text matrix, horizontal scaling and CTM).
        advance, ox, oy = widths[key, code], x.value, y.value
        corners = (
            (ox, oy),
            (ox + a * advance, oy + b * advance),
            (ox + c * fontsize, oy + d * fontsize),
            (ox + a * advance + c * fontsize, oy + b * advance + d * fontsize),
        )
        box = [_apply(to_page, px, py) for px, py in corners]
        x0, x1 = min(p[0] for p in box), max(p[0] for p in box)
        top, bottom = min(p[1] for p in box), max(p[1] for p in box)
        # Upright as pdfminer says it, in its device space (y up: the display matrix without its flip).
        da, db = to_page[0] * a + to_page[2] * b, -(to_page[1] * a + to_page[3] * b)
        dc, dd = to_page[0] * c + to_page[2] * d, -(to_page[1] * c + to_page[3] * d)
        chars.append(
            {
                "object_type": "char",
                "page_number": number,
                "text": chr(code),
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "y0": height - bottom,
                "y1": height - top,
                "width": x1 - x0,
                "height": bottom - top,
                "size": bottom - top,
                "upright": da * dd > 0 and db * dc <= 0,
            }
        )
    return chars


def glyphs(page: pdfium.PdfPage, per_object: dict[int, int]) -> int:
    """The glyphs a page draws, as pdfminer counts them, from the characters of each text object in pdfium's
    text page (``per_object``): the text page leaves out a text object that repeats the text of one it holds
    close by (a fake bold, or a line stamped many times over a page); such a repeat counts as many glyphs as
    the object of the same extent it repeats."""
    total = sum(per_object.values())
    by_extent: dict[tuple[float, float], int] = {}
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj, _ in _objects_of(page.raw, _TEXT, _IDENTITY, depth=0):
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        extent = (round(right.value - left.value, 2), round(top.value - bottom.value, 2))
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key in per_object:
            by_extent[extent] = per_object[key]
        else:
            total += by_extent.get(extent, 0)
    return total


def paths(page: pdfium.PdfPage, shown: Shown, number: int, count: Callable[[], None]) -> dict[str, list[Any]]:
    """The painted paths of a page (forms included), as pdfplumber's ``line``, ``rect`` and ``curve`` objects;
    ``count`` is called for each path before it is read."""
    to_page, height = shown.matrix, shown.height
    found: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    for raw, matrix in _objects_of(page.raw, _PATH, _IDENTITY, depth=0):
        count()
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(raw, fill_mode, stroke) or not (fill_mode.value or stroke.value):
            continue
        to_shown = _compose(matrix, to_page)
        colour = _colour(pdfium_c.FPDFPageObj_GetFillColor, raw)
        stroke_colour = _colour(pdfium_c.FPDFPageObj_GetStrokeColor, raw)
        for kind, pts in _classified(list(_segments(raw, to_shown))):
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            top, bottom = min(ys), max(ys)
            found[kind].append(
                {
                    "object_type": kind,
                    "page_number": number,
                    "x0": min(xs),
                    "x1": max(xs),
                    "top": top,
                    "bottom": bottom,
                    "doctop": top,
                    "y0": height - bottom,
                    "y1": height - top,
                    "width": max(xs) - min(xs),
                    "height": bottom - top,
                    "pts": pts,
                    "fill": bool(fill_mode.value),
                    "stroke": bool(stroke.value),
                    "evenodd": fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE,
                    "non_stroking_color": colour,
                    "stroking_color": stroke_colour,
                }
            )
    return found


def _objects_of(parent: Any, kind: int, outer: Matrix, depth: int) -> Iterator[tuple[Any, Matrix]]:
    """The objects of one kind on a page or in a form (forms included), each with the matrix from its space
    to the page's user space."""
    in_form = depth > 0
    count = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
    m = pdfium_c.FS_MATRIX()
    for index in range(max(count(parent), 0)):
        obj = get(parent, index)
        found = pdfium_c.FPDFPageObj_GetType(obj)
        if found not in (kind, _FORM):
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, m)
        matrix = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if found == kind:
            yield obj, matrix
        elif depth < 15:  # bounded (as pypdfium2 bounds it): forms nested deeper are not looked into
            yield from _objects_of(obj, kind, matrix, depth + 1)


def _segments(raw: Any, to_shown: Matrix) -> Iterator[Segment]:
    """A path's operations as pdfminer records them (``m``, ``l``, ``c`` with its end point, ``h``)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start: Point | None = None
    bezier = 0
    for index in range(max(pdfium_c.FPDFPath_CountSegments(raw), 0)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(to_shown, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        closes = bool(pdfium_c.FPDFPathSegment_GetClose(segment))
        if kind == _MOVE:
            start, bezier = point, 0
            yield ("m", point)
        elif kind == _BEZIER:
            bezier += 1
            if bezier % 3 == 0:  # two control points, then the end point
                yield ("c", point)
        elif closes and start is not None and point == start:
            yield ("h", point)  # pdfium closes a path by a line back to its start
            continue
        else:
            yield ("l", point)
        if closes and start is not None:
            yield ("h", start)


def _classified(path: list[Segment]) -> list[tuple[str, list[Point]]]:
    """The objects pdfminer makes of a painted path: one per subpath, a line, a rectangle or a curve."""
    shape = "".join(op for op, _ in path)
    if not shape.startswith("m"):
        return []
    if shape.count("m") > 1:
        pieces = []
        starts = [i for i, op in enumerate(shape) if op == "m"] + [len(shape)]
        for begin, end in itertools.pairwise(starts):
            if end - begin > 1:
                pieces += _classified(path[begin:end])
        return pieces
    pts = [point for _, point in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        return [("line", pts[:2])]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return [("rect", pts)]
    return [("curve", pts)]


def _colour(getter: Any, raw: Any) -> tuple[float, ...] | None:
    """An object's fill or stroke colour as RGB in 0..1 (None when pdfium has none: a pattern)."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(raw, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)
