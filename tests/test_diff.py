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
    assert {"cell": "requests.carried_over.natural_person", "old": 0, "new": 1, "delta": 1} in document["changes"]


def test_diff_refuses_reports_of_another_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.json"
    other.write_text(dumps(next_year().evolve(body=Body("繁峙县人民政府", "county"))), encoding="utf-8")
    assert main(["diff", str(EXAMPLE), str(other), "--lang", "en"]) == 2
    assert capsys.readouterr().err == "error: the previous report is by 代县人民政府, not 繁峙县人民政府\n"


def test_diff_wants_the_earlier_year_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "2021.json"
    new.write_text(dumps(next_year()), encoding="utf-8")
    assert main(["diff", str(new), str(EXAMPLE), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"error: {new} is for 2021 and {EXAMPLE} for 2020: give the earlier year first\n"
