"""The bounds on reading a PDF: a tiny file that would take gigabytes ends in one line, in bounded memory."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zlib

import pytest
from disclosure_published import PdfSource
from disclosure_published.pdf_bounds import MAX_PAGE_OBJECTS, MAX_STREAM_BYTES, Budget, _inflated_size
from disclosure_published.testing import one_page_pdf
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT

from disclosure_core import LoadError, official_layouts
from disclosure_core.testing import data

HOSTILE = data.published_reports().parent / "hostile"
SHARED_STREAM = HOSTILE / "H3-pdf-200-pages-33KB.pdf"

# Run the CLI in a child of a child: RUSAGE_CHILDREN of the middle process is the CLI's peak alone.
PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, repr(done.stdout + done.stderr))
"""


def peak_of(*command: str) -> tuple[int, int, str]:
    """Exit code, peak resident memory in KB, and output of a command."""
    env = {**os.environ, "DISCLOSURE_LANG": "en"}  # the assertions read the English wording
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True, env=env
    ).stdout
    code, peak, output = out.split(" ", 2)
    return int(code), int(peak), ast.literal_eval(output)


@pytest.mark.skipif(not SHARED_STREAM.exists(), reason="the shared hostile inputs are not here")
def test_two_hundred_pages_sharing_one_stream_end_in_one_line_in_bounded_memory() -> None:
    code, peak_kb, output = peak_of(sys.executable, "-m", "disclosure_core", "check", str(SHARED_STREAM))
    assert code == 2
    assert output.splitlines() == [
        f"error: {SHARED_STREAM}: page 1: more than {MAX_PAGE_OBJECTS} characters and drawings on one page"
        " (a report page holds a few thousand)"
    ]
    assert peak_kb < 300 * 1024  # it took more than 3 GB when every page was kept


def test_a_content_stream_that_inflates_past_the_bound_is_refused_before_it_is_inflated() -> None:
    bomb = one_page_pdf(zlib.compress(b"0 0 m 1 1 l S\n" * (MAX_STREAM_BYTES // 14 + 1000), 9))
    assert len(bomb) < 100_000
    with pytest.raises(LoadError, match=r"^bomb\.pdf: object 4: a stream inflating to more than 16777216 bytes$"):
        PdfSource().load(bomb, origin="bomb.pdf", layouts=official_layouts())


def test_inflated_sizes_are_counted_without_inflating_further() -> None:
    flate = PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(b"x" * 100_000))
    assert _inflated_size(flate, 1000) == 1001
    assert _inflated_size(flate, 10**6) == 100_000
    assert _inflated_size(PDFStream({}, b"plain"), 10) == 5
    assert _inflated_size(PDFStream({"Filter": LIT("FlateDecode")}, b"not zlib"), 10) == 0


def test_a_document_is_refused_past_its_characters_and_a_real_page_is_not() -> None:
    budget = Budget("a.pdf")
    budget.count_page(1, 600, 600)  # a dense page of a real report
    budget.chars = 399_900
    with pytest.raises(LoadError, match=r"^a\.pdf: page 7: more than 400000 characters in the document$"):
        budget.count_page(7, 200, 200)
