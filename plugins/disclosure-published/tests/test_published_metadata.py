"""Body name, level, year and publication date from every place real reports put them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from disclosure_published import TextSource, parse_text

from disclosure_core import BodyLevel, DiagnosticLevel, Loaded, Registry

REAL = Path(__file__).resolve().parents[3].parent / "shared" / "reports" / "real"
TABLES = "\n二、主动公开政府信息情况\n行政许可 | 12\n五、存在的主要问题及改进情况\n仍有不足。\n"


def read(text: str) -> Loaded:
    return parse_text(text.encode(), origin="a.txt")


def errors(loaded: Loaded) -> list[str]:
    return [d.message for d in loaded.diagnostics if d.level is DiagnosticLevel.ERROR]


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        ("# 标题：河北省教育厅2021年政府信息公开工作年度报告\n一、总体情况\n正文。", "河北省教育厅", 2021),
        ("河北省教育厅2021年度政府信息公开工作年度报告\n一、总体情况\n正文。", "河北省教育厅", 2021),
        (
            "河北省教育厅政府信息公开工作年度报告\n统计期限为2021年1月1日至12月31日。\n一、总体情况\n正文。",
            "河北省教育厅",
            2021,
        ),
        (
            "依据条例要求，发布河北省教育厅2021年政府信息公开工作年度报告。\n一、总体情况\n正文。",
            "河北省教育厅",
            2021,
        ),
        (
            "本报告由武汉市生态环境局编制，统计期限为2020年1月1日至12月31日。\n一、总体情况\n正文。",
            "武汉市生态环境局",
            2020,
        ),
    ],
    ids=["markdown-title", "title-with-du", "title-without-year", "sentence-naming-the-report", "compiled-by"],
)
def test_the_body_is_read_from_the_title_or_a_sentence(text: str, name: str, year: int) -> None:
    loaded = read(text + TABLES)
    assert (loaded.report.body.name, loaded.report.year) == (name, year)
    assert errors(loaded) == []


def test_a_saved_pages_publisher_and_date_lines_give_body_and_date() -> None:
    loaded = read("发布机构：河北省教育厅\n发布时间：2022-01-20\n一、总体情况\n2021年，工作有序推进。" + TABLES)
    report = loaded.report
    assert (report.body.name, report.body.level, report.published) == (
        "河北省教育厅",
        BodyLevel.PROVINCE_DEPARTMENT,
        dt.date(2022, 1, 20),
    )
    assert report.year == 2021


def test_the_signature_block_gives_body_and_date() -> None:
    text = "一、总体情况\n统计期限为2021年1月1日至12月31日。" + TABLES + "河北省教育厅\n2022年1月20日\n"
    report = read(text).report
    assert (report.body.name, report.published, report.publisher) == (
        "河北省教育厅",
        dt.date(2022, 1, 20),
        "河北省教育厅",
    )


def test_a_heading_printed_as_markdown_is_a_heading_without_its_markup() -> None:
    report = read("## 一、总体情况\n2021年，正文。\n## 二、主动公开政府信息情况\n行政许可 | 3\n").report
    assert report.sections.overview is not None
    assert report.sections.overview.heading == "一、总体情况"


def test_a_name_that_is_no_body_is_not_taken() -> None:
    loaded = read("我厅编写了2019年政府信息公开工作年度报告。\n一、总体情况\n正文。" + TABLES)
    assert loaded.report.body.name == ""
    assert errors(loaded) == ["body name not found: pass it as a hint"]


@pytest.mark.parametrize(
    ("stem", "published"),
    [
        ("hebei-jyt-2019", dt.date(2020, 1, 15)),
        ("hebei-jyt-2021", dt.date(2022, 1, 20)),
        ("hebei-jyt-2022", None),
        ("hebei-jyt-2023", dt.date(2024, 1, 26)),
    ],
)
def test_real_captures_name_a_provincial_department(stem: str, published: dt.date | None) -> None:
    path = REAL / f"{stem}.txt"
    loaded = TextSource().load(path.read_bytes(), origin=path.name, layouts=Registry(entry_points=False).layouts())
    report = loaded.report
    assert (report.body.name, report.body.level) == ("河北省教育厅", BodyLevel.PROVINCE_DEPARTMENT)
    assert report.year == int(stem[-4:])
    assert report.published == published
    assert errors(loaded) == []
