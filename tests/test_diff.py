"""Year over year: cell-by-cell changes and the `disclosure diff` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_core import Body, Report, dumps, load
from disclosure_core.cli import main
from disclosure_core.diff import cell_changes, comparable_addresses
from disclosure_core.layouts import builtin_layout
from disclosure_core.values import BLANK, Count

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
DAIXIAN = load(EXAMPLE).report


def next_year(**cells: int) -> Report:
    return Report("gov-2021", 2021, DAIXIAN.body).with_cells({k.replace("__", "."): v for k, v in cells.items()})


def test_across_the_format_change_only_tables_2_and_3_are_compared() -> None:
    addresses = comparable_addresses(builtin_layout("gov-2019"), builtin_layout("gov-2021"))
    assert {a.table for a in addresses} == {"requests", "appeals"}
    assert len(addresses) == (23 - 1) * 7 + 15  # every row but （六）, which gov-2021 splits into three
    assert len(comparable_addresses(builtin_layout("gov-2021"), builtin_layout("gov-2021"))) == 200


def test_changes_show_old_new_and_delta_and_blank_is_not_zero() -> None:
    changes = {
        str(c.address): c
        for c in cell_changes(DAIXIAN, next_year(requests__new__natural_person=12, appeals__review__total=0))
    }
    assert (changes["requests.new.natural_person"].old, changes["requests.new.natural_person"].delta) == (Count(7), 5)
    assert changes["appeals.review.total"].delta == -1
    assert changes["appeals.review.upheld"].new == BLANK
    assert changes["appeals.review.upheld"].delta is None
    assert "proactive.licensing.decisions" not in changes


def test_diff_command_shows_changes_and_fails_on_a_broken_carry_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "2021.json"
    new.write_text(dumps(next_year(requests__carried_over__natural_person=1)), encoding="utf-8")
    assert main(["diff", str(EXAMPLE), str(new)]) == 1
    out = capsys.readouterr().out
    assert "代县人民政府: 2020 (gov-2019) → 2021 (gov-2021)" in out
    assert "二、上年结转政府信息公开申请数量·自然人: 0 → 1  (+1)" in out
    assert "error requests.carried_over_yoy.natural_person" in out
    assert main(["diff", str(EXAMPLE), str(new), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "disclosure-core/diff/1"
    assert {
        "cell": "requests.carried_over.natural_person",
        "old": 0,
        "new": 1,
        "delta": 1,
        "kind": "changed",
    } in document["changes"]


def test_diff_refuses_reports_of_another_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.json"
    other.write_text(dumps(next_year().evolve(body=Body("繁峙县人民政府", "county"))), encoding="utf-8")
    assert main(["diff", str(EXAMPLE), str(other)]) == 2
    assert capsys.readouterr().err == "error: the previous report is by 代县人民政府, not 繁峙县人民政府\n"


def test_diff_wants_the_earlier_year_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "2021.json"
    new.write_text(dumps(next_year()), encoding="utf-8")
    assert main(["diff", str(new), str(EXAMPLE)]) == 2
    assert capsys.readouterr().err == f"error: {new} is for 2021 and {EXAMPLE} for 2020: give the earlier year first\n"


REPORTS = Path("/work/shared/reports")
for _folder in Path(__file__).resolve().parents:
    if (_folder / "shared" / "reports").is_dir():
        REPORTS = _folder / "shared" / "reports"
        break


def zeros_written_in(report: Report, **cells: int) -> Report:
    """The next year's report in gov-2021 with Tables 2 and 3 as Dai County's, every blank written as 0, and
    ``cells`` changed: what a preparer's revision that "fills the blanks" looks like."""
    values: dict[str, int] = {}
    for address in builtin_layout("gov-2021").addresses():
        if address.table in ("requests", "appeals"):
            number = report.cell(address).number
            values[str(address)] = int(number) if number is not None else 0
    values.update({k.replace("__", "."): v for k, v in cells.items()})
    return Report("gov-2021", 2021, report.body).with_cells(values)


SIX_CHANGES = {
    "requests__new__natural_person": 9,
    "requests__total__natural_person": 9,
    "requests__granted__natural_person": 2,
    "requests__carried_forward__natural_person": 0,
    "appeals__review__upheld": 2,
    "appeals__review__total": 2,
}


def test_diff_leads_with_the_changed_numbers_and_folds_blank_to_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "2021.json"
    new.write_text(dumps(zeros_written_in(DAIXIAN, **SIX_CHANGES)), encoding="utf-8")
    assert main(["diff", str(EXAMPLE), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "可比单元格 169 个，其中 154 个有变化：数字改变 4 个，新填 1 个，空白改为 0 149 个"
    assert lines[3:14] == [
        "",
        "数字改变 4 个：",
        "表2 收到和处理政府信息公开申请情况",
        "  一、本年新收政府信息公开申请数量·自然人: 7 → 9  (+2)",
        "  （七）总计·自然人: 7 → 9  (+2)",
        "表3 政府信息公开行政复议、行政诉讼情况",
        "  行政复议·结果维持: 1 → 2  (+1)",
        "  行政复议·总计: 1 → 2  (+1)",
        "",
        "新填 1 个：",
        "表2 收到和处理政府信息公开申请情况",
    ]
    assert "空白改为 0：149 个单元格（表2 149 个）" in lines
    assert not any("（空白） → 0" in line for line in lines)
    assert len(lines) < 25


def test_the_diff_document_keeps_every_change_with_its_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "2021.json"
    new.write_text(
        dumps(zeros_written_in(DAIXIAN, **SIX_CHANGES).with_cells({"requests.new.natural_person": BLANK})),
        encoding="utf-8",
    )
    main(["diff", str(EXAMPLE), str(new), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["relation"] == "next_year"
    assert document["counts"] == {"changed": 3, "filled": 1, "emptied": 1, "blank_to_zero": 149}
    assert len(document["changes"]) == 154
    kinds = {c["cell"]: c["kind"] for c in document["changes"]}
    assert kinds["requests.new.natural_person"] == "emptied"
    assert kinds["requests.granted.natural_person"] == "filled"
    assert kinds["requests.new.total"] == "blank_to_zero"
    assert {
        "cell": "requests.new.natural_person",
        "old": 7,
        "new": {"absent": "blank", "text": ""},
        "delta": None,
        "kind": "emptied",
    } in (document["changes"])


def test_diff_compares_two_versions_of_one_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Dai County as published (text) against its transcription (canonical JSON): the same year, the same
    numbers — and a corrected version of it."""
    published = REPORTS / "daixian-2020.txt"
    assert main(["diff", str(published), str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "代县人民政府: 2020 (gov-2019) → 2020 (gov-2019)" in out
    assert "可比单元格 198 个，其中 0 个有变化：没有变化" in out
    assert "同一年度的两个版本：不做跨年度核对" in out
    corrected = tmp_path / "corrected.json"
    corrected.write_text(dumps(DAIXIAN.with_cells({"proactive.normative_documents.published": 12})), encoding="utf-8")
    assert main(["diff", str(EXAMPLE), str(corrected), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "  Normative documents·Newly published this year: 18 → 12  (-6)" in out
    assert "two versions of one year's report: no year-over-year checks" in out
    main(["diff", str(EXAMPLE), str(corrected), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert (document["relation"], document["findings"]) == ("revision", [])


def test_diff_of_years_apart_compares_cells_without_yearly_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """河北省教育厅 2019 (gov-2019) against 2021 (gov-2021), as published: Tables 2 and 3 compared."""
    assert (
        main(["diff", str(REPORTS / "real" / "hebei-jyt-2019.txt"), str(REPORTS / "real" / "hebei-jyt-2021.txt")]) == 0
    )
    out = capsys.readouterr().out
    assert "河北省教育厅: 2019 (gov-2019) → 2021 (gov-2021)" in out
    assert "  一、本年新收政府信息公开申请数量·总计: 16 → 37  (+21)" in out
    assert "相隔 2 年：跨年度核对只用于相邻年度" in out
    assert "主动公开" not in out
