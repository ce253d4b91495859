"""Golden files: the structure of both versions' tables as written to DOCX (cells, spans, merges, repeated
headers), so that a structure change is a visible diff. Regenerate deliberately with
``DISCLOSURE_REGENERATE_GOLDEN=1``."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from disclosure_docx import DocxRenderer
from lxml import etree

from disclosure_core import RenderOptions, builtin_layout
from disclosure_core.testing import numbered_report

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DISCLOSURE_REGENERATE_GOLDEN") == "1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def structure(data: bytes) -> str:
    """One line per table row: ``H`` for a repeated header row, then each cell as ``[text]`` with ``+N`` for a
    horizontal span, ``v`` where a vertical merge starts and ``^`` where it continues, ``|`` for vertical text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    lines = []
    for number, table in enumerate(body.findall(f"{W}tbl"), start=1):
        lines.append(f"table {number}: {table.find(f'{W}tblPr/{W}tblCaption').get(f'{W}val')}")  # type: ignore[union-attr]
        for row in table.findall(f"{W}tr"):
            marks = ["H" if row.find(f"{W}trPr/{W}tblHeader") is not None else " "]
            for cell in row.findall(f"{W}tc"):
                props = cell.find(f"{W}tcPr")
                assert props is not None
                span = props.find(f"{W}gridSpan")
                merge = props.find(f"{W}vMerge")
                text = "".join(t.text or "" for t in cell.iter(f"{W}t"))
                mark = f"+{span.get(f'{W}val')}" if span is not None else ""
                if merge is not None:
                    mark += "v" if merge.get(f"{W}val") == "restart" else "^"
                if props.find(f"{W}textDirection") is not None:
                    mark += "|"
                marks.append(f"[{text}]{mark}")
            lines.append(" ".join(marks))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout_id", ["gov-2019", "gov-2021"])
def test_table_structure_matches_its_golden_file(layout_id: str) -> None:
    report = numbered_report(layout_id)
    actual = structure(DocxRenderer().render(report, RenderOptions(builtin_layout(layout_id))))
    path = GOLDEN / f"tables-{layout_id}.txt"
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with DISCLOSURE_REGENERATE_GOLDEN=1 to write it, then review the diff")
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs: review, then regenerate if intended"
