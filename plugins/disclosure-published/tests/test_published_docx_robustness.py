"""Robustness of the DOCX path: mutated packages give a report with diagnostics or a LoadError naming the file —
never another exception, never a long wait.

Byte flips and truncation mostly break the ZIP container; mutations inside ``word/document.xml`` (re-zipped, so
the container is sound) and added, dropped or renamed members reach python-docx and the reader themselves.
"""

from __future__ import annotations

import copy
import time

import pytest
from disclosure_published import DocxSource
from disclosure_published.testing import word_document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from disclosure_core import LoadError, Registry
from disclosure_core.layouts import builtin_layout
from disclosure_core.testing import daixian_report
from disclosure_core.testing.robustness import members, robust_settings, zipped

DAIXIAN = daixian_report()
WORD = word_document(DAIXIAN, builtin_layout("gov-2019"))
OURS = Registry().render(DAIXIAN, "docx")
LOOKUP = Registry(entry_points=False).layouts()
SECONDS = 3.0  # a report reads in some tens of milliseconds; anything near this is a hang in the making
ROBUST = robust_settings(30)  # 30 under the ci profile, proportionally more under `make test-long`
XML_PIECES = st.sampled_from(
    [
        b"<w:tc>",
        b"</w:tr>",
        b'<w:gridSpan w:val="99999"/>',
        b"<w:vMerge/>",
        b"<w:tbl><w:tr><w:tc>",
        b"&amp;",
        "规章".encode(),
        b'<w:gridBefore w:val="-3"/>',
    ]
)


def survives(data: bytes) -> None:
    started = time.perf_counter()
    problem, year = "", 0
    try:
        year = DocxSource().load(data, origin="in.docx", layouts=LOOKUP).report.year
    except LoadError as error:
        problem, year = str(error), 1
    assert time.perf_counter() - started < SECONDS
    assert year > 0
    assert problem == "" or problem.startswith("in.docx: ")


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes, pieces: st.SearchStrategy[bytes]) -> bytes:
    """The original with a few chunks replaced, deleted or inserted, and perhaps truncated."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 40))
        data[at : at + cut] = draw(st.binary(max_size=24) | pieces)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@st.composite
def mutated_packages(draw: st.DrawFn, original: bytes) -> bytes:
    """A sound ZIP whose document XML is mutated, with members perhaps dropped, renamed or added."""
    parts = members(original)
    parts["word/document.xml"] = draw(mutated_bytes(parts["word/document.xml"], XML_PIECES))
    names = sorted(parts)
    for name in draw(st.lists(st.sampled_from(names), max_size=2, unique=True)):
        content = parts.pop(name)
        if draw(st.booleans()):
            parts[name.replace("word/", "word/x")] = content
    for name, content in draw(
        st.dictionaries(st.sampled_from([*names, "word/extra.xml"]), st.binary(max_size=64), max_size=2)
    ).items():
        parts[name] = content
    return zipped(parts)


@st.composite
def reshaped_documents(draw: st.DrawFn, original: bytes) -> bytes:
    """Well-formed XML with elements removed, duplicated, emptied or given odd attribute values: the damage
    that reaches the reader past the XML parser."""
    parts = members(original)
    root = etree.fromstring(parts["word/document.xml"])
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 8))):
        element = elements[draw(st.integers(1, len(elements) - 1))]
        parent = element.getparent()
        action = draw(st.sampled_from(["remove", "duplicate", "empty", "attribute", "text"]))
        if parent is None:
            continue
        if action == "remove":
            parent.remove(element)
        elif action == "duplicate":
            element.addnext(copy.deepcopy(element))
        elif action == "empty":
            element[:] = []
        elif action == "attribute":
            element.set(qn("w:val"), draw(st.sampled_from(["0", "-1", "99999", "restart", "continue", "x", ""])))
        else:
            element.text = draw(
                st.sampled_from(["", "规章", "7件", "——", "（七）总计", "三、收到和处理政府信息公开申请情况"])
            )
    parts["word/document.xml"] = etree.tostring(root)
    return zipped(parts)


@ROBUST
@given(reshaped_documents(WORD) | reshaped_documents(OURS))
def test_reshaped_document_trees(data: bytes) -> None:
    survives(data)


@ROBUST
@given(mutated_bytes(WORD, st.just(b"PK\x03\x04")) | mutated_bytes(OURS, st.just(b"PK\x01\x02")))
def test_flipped_and_truncated_docx_bytes(data: bytes) -> None:
    survives(data)


@ROBUST
@given(mutated_packages(WORD) | mutated_packages(OURS))
def test_mutated_document_xml_and_members(data: bytes) -> None:
    survives(data)


@ROBUST
@given(st.binary(max_size=2000).map(lambda tail: b"PK\x03\x04" + tail))
def test_random_bytes_behind_a_zip_signature(data: bytes) -> None:
    survives(data)


def test_mutated_xml_still_reads_what_survived() -> None:
    """Damage in one place does not cost the rest: a broken Table 3 row leaves Tables 1 and 2 read."""
    parts = members(WORD)
    xml = parts["word/document.xml"]
    last = xml.rindex(b"<w:tr")
    parts["word/document.xml"] = xml[:last] + b"<w:tr><w:tc><w:p/></w:tc></w:tr>" + xml[xml.index(b"</w:tbl>", last) :]
    loaded = DocxSource().load(zipped(parts), origin="cut.docx", layouts=LOOKUP)
    assert loaded.report.number("proactive.licensing.decisions") == 10125
    assert loaded.report.cell("appeals.review.total").number is None
    assert any(d.code == "short-row" or "appeals" in d.message or "table 3" in d.message for d in loaded.diagnostics)


def test_a_parser_message_over_two_lines_is_given_on_one() -> None:
    """Found by fuzzing: lxml's message for a NUL in document.xml ends in a newline, and the LoadError quoting it
    spanned two lines."""
    parts = members(WORD)
    xml = parts["word/document.xml"]
    at = xml.index(b">", xml.index(b"<w:t")) + 1  # inside a run's text
    parts["word/document.xml"] = xml[:at] + b"\x00" + xml[at:]
    with pytest.raises(LoadError, match=r"^nul\.docx: not a readable DOCX document \(XMLSyntaxError: ") as raised:
        DocxSource().load(zipped(parts), origin="nul.docx", layouts=LOOKUP)
    assert "\n" not in str(raised.value)
    assert "\\n" in str(raised.value)
