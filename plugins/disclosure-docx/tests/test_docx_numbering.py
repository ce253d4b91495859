"""The official heading numbering on request (`docx-numbered`): 一、…六、 and （一）… in order, with a note in the
metadata for every heading the source printed otherwise; the default keeps the source's headings."""

from __future__ import annotations

import io

import docx
from disclosure_docx.package import read_metadata
from disclosure_docx.template import HEADING, SUBHEADING

from disclosure_core import Registry
from disclosure_core.testing import daixian_report


def headings(data: bytes) -> tuple[list[str], list[str]]:
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.style_id if p.style else "", p.text) for p in document.paragraphs]
    return [t for s, t in styled if s == HEADING], [t for s, t in styled if s == SUBHEADING]


def test_the_numbered_document_prints_the_official_numbers_and_notes_what_changed() -> None:
    registry = Registry()
    report = daixian_report()
    data = registry.render(report, "docx-numbered")
    sections, subsections = headings(data)
    assert sections == [
        "一、政府信息公开工作总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议与行政诉讼情况",
        "五、存在的主要问题和改进措施",
        "六、其他需要报告的事项",
    ]
    assert subsections[:4] == [
        "（一）强化组织领导",
        "（二）完善平台建设",
        "（三）细化沟通渠道",
        "（四）完善监督考核机制",
    ]
    metadata = read_metadata(docx.Document(io.BytesIO(data)))
    assert metadata is not None
    changed = {(note["section"], note["printed"]) for note in metadata["renumbered"]}
    assert changed == {
        ("overview", "政府信息公开工作总体情况"),
        ("proactive", "主动公开政府信息情况"),
        ("requests", "收到和处理政府信息公开申请情况"),
    }


def test_by_default_the_document_prints_the_headings_as_the_source_did() -> None:
    data = Registry().render(daixian_report(), "docx")
    sections, _ = headings(data)
    assert sections[0] == "政府信息公开工作总体情况"
    assert sections[3] == "四、政府信息公开行政复议与行政诉讼情况"
    metadata = read_metadata(docx.Document(io.BytesIO(data)))
    assert metadata is not None
    assert "renumbered" not in metadata
