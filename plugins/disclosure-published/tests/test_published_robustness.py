"""Robustness: random and mutated bytes give a report with diagnostics or a LoadError naming the file —
never another exception, never a long wait."""

from __future__ import annotations

import time

import pytest
from disclosure_published import HtmlSource, PdfSource, TextSource
from disclosure_published.testing import word_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_core import LoadError, Registry
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import daixian_report, data

REPORTS = data.published_reports()
DAIXIAN = (REPORTS / "daixian-2020.txt").read_bytes()
SHANGHAI = (REPORTS / "shanghai-gov-office-2019.txt").read_bytes()
PAGE = word_page(daixian_report(), builtin_layout("gov-2019"))
LOOKUP = Registry(entry_points=False).layouts()
SECONDS = 2.0  # a real report takes some milliseconds; anything near this is a hang in the making

Source = TextSource | HtmlSource | PdfSource


def survives(source: Source, data: bytes) -> None:
    started = time.perf_counter()
    problem = ""
    try:
        year = source.load(data, origin="in.dat", layouts=LOOKUP).report.year
    except LoadError as error:
        problem, year = str(error), 1
    assert time.perf_counter() - started < SECONDS
    assert year > 0
    assert problem == "" or problem.startswith("in.dat: ")


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The original with a few chunks replaced, deleted or inserted, and perhaps truncated."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 40))
        data[at : at + cut] = draw(
            st.binary(max_size=40) | st.sampled_from([b"\t", b"\n\n", b" | ", b"<td>", "规章".encode()])
        )
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=3000))
@pytest.mark.parametrize("source", [TextSource(), HtmlSource(), PdfSource()], ids=lambda s: s.name)
def test_random_bytes(source: Source, data: bytes) -> None:
    survives(source, data)


@FAST
@given(st.text(alphabet=st.sampled_from("规章0123 |\t\n一、（）总计行政复议-/元万件"), max_size=400))
def test_random_text_in_the_report_alphabet(text: str) -> None:
    survives(TextSource(), text.encode())


@FAST
@given(mutated(DAIXIAN) | mutated(SHANGHAI))
def test_mutated_reports_as_text(data: bytes) -> None:
    survives(TextSource(), data)


@FAST
@given(mutated(PAGE))
def test_mutated_pages_as_html(data: bytes) -> None:
    survives(HtmlSource(), data)


@FAST
@given(st.binary(max_size=2000).map(lambda tail: b"%PDF-1.4\n" + tail))
def test_random_bytes_behind_a_pdf_signature(data: bytes) -> None:
    survives(PdfSource(), data)


def test_a_large_input_is_refused_or_read_quickly() -> None:
    big = DAIXIAN * 100  # 870 KB: a hundred reports back to back
    started = time.perf_counter()
    loaded = TextSource().load(big, origin="big.txt", layouts=LOOKUP)
    assert time.perf_counter() - started < 10
    assert any("printed a second time" in d.message for d in loaded.diagnostics)


def test_binary_data_is_refused_as_text() -> None:
    with pytest.raises(LoadError, match=r"^x\.txt: byte 3: binary data"):
        TextSource().load(b"abc\x00def", origin="x.txt", layouts=LOOKUP)


def test_a_page_without_any_report_is_a_load_error() -> None:
    with pytest.raises(LoadError, match=r"^x\.html: line 1: no report title"):
        HtmlSource().load(b"<html><body><p>hello</p></body></html>", origin="x.html", layouts=LOOKUP)
