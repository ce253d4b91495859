"""The drawn workbook: merged headers, verbatim labels, locking, validation, units and formula checks."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from disclosure_xlsx.package import FIXED_TIME
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_core import Body, Registry, Report


@pytest.fixture(scope="module")
def workbook(xlsx_registry: Registry, daixian_report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx_registry.render(daixian_report, "xlsx")))


def _validation_of(sheet: Worksheet, coordinate: str) -> str:
    found = [dv for dv in sheet.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, coordinate
    dv = found[0]
    return f"{dv.type} {dv.operator} {dv.formula1} {dv.formula2}"


def test_sheets_in_order(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["报告信息", "表1", "表2", "表3"]


def test_table_2_is_drawn_like_the_official_table(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表2"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A4:C6", "D4:J4", "D5:D6", "E5:I5", "J5:J6", "A9:A28", "B11:B18", "B19:B21", "B22:B26", "A7:C7"} <= merged
    assert sheet["A4"].value == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert [sheet.cell(6, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert sheet["C26"].value == "5.要求行政机关确认或重新出具已获取信息"
    assert sheet["A29"].value == "四、结转下年度继续办理"
    assert sheet["D7"].value == 7
    assert sheet["J7"].value is None  # the report's blank total stays blank


def test_labels_are_locked_values_unlocked_and_the_sheet_protected_without_password(
    workbook: openpyxl.Workbook,
) -> None:
    for name in ("表1", "表2", "表3", "报告信息"):
        sheet = workbook[name]
        assert sheet.protection.sheet is True
        assert not sheet.protection.password
    sheet = workbook["表2"]
    assert sheet["C11"].protection.locked is True
    assert sheet["D7"].protection.locked is False
    assert sheet["L7"].protection.locked is True  # formula checks cannot be overtyped
    assert sheet.protection.insertRows is False  # rows may be inserted


def test_numeric_cells_are_validated_by_their_kind(workbook: openpyxl.Workbook) -> None:
    assert _validation_of(workbook["表2"], "J29") == "whole greaterThanOrEqual 0 None"
    assert _validation_of(workbook["表1"], "C10") == "whole between -1000000000 1000000000"  # 本年增/减
    money = _validation_of(workbook["表1"], "C21")  # 采购总金额
    assert money == "custom None AND(ISNUMBER(C21),C21>=0,ROUND(C21,2)=C21) None"
    assert workbook["表1"]["C21"].number_format == "0.00"
    assert workbook["表1"]["F21"].value == "万元"  # the unit Dai County printed


def test_totals_are_recomputed_beside_and_the_balance_checked_below(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表2"]
    assert sheet["L7"].value == "=SUM(D7,E7,F7,G7,H7,I7)"
    row = "D7,E7,F7,G7,H7,I7,J7"  # a check reads its cells: all blank is 未填, OK only when all are filled and agree
    assert sheet["M7"].value == (
        f'=IF(COUNTA({row})=0,"未填",IF(J7=SUM(D7,E7,F7,G7,H7,I7),IF(COUNTA({row})=7,"OK",'
        f'"未填 "&(7-COUNTA({row}))&" 格"),"差额 "&((J7)-(SUM(D7,E7,F7,G7,H7,I7)))))'
    )
    assert sheet["A33"].value == "勾稽关系：一＋二＝三（七）＋四"
    assert sheet["D33"].value == (
        '=IF(COUNTA(D7,D8,D28,D29)=0,"未填",IF(D7+D8=D28+D29,IF(COUNTA(D7,D8,D28,D29)=4,"OK",'
        '"未填 "&(4-COUNTA(D7,D8,D28,D29))&" 格"),"差额 "&((D7+D8)-(D28+D29))))'
    )
    assert sheet["D31"].value.startswith("=SUM(D9,D10,D11,")
    appeals = workbook["表3"]
    assert appeals["E9"].value == "=SUM(A7,B7,C7,D7)"
    assert appeals["O10"].value == (
        '=IF(COUNTA(K7,L7,M7,N7,O7)=0,"未填",IF(O7=SUM(K7,L7,M7,N7),IF(COUNTA(K7,L7,M7,N7,O7)=5,"OK",'
        '"未填 "&(5-COUNTA(K7,L7,M7,N7,O7))&" 格"),"差额 "&((O7)-(SUM(K7,L7,M7,N7)))))'
    )


def test_the_info_sheet_holds_metadata_and_sections(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["报告信息"]
    pairs = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(4, 13)}
    assert pairs["格式版本"] == "gov-2019"
    assert pairs["报告年度"] == 2020
    assert pairs["机关名称"] == "代县人民政府"
    assert pairs["机关层级"] == "县级人民政府"
    assert sheet["B4"].protection.locked is True
    assert sheet["B5"].protection.locked is False
    column_a = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    assert "一、总体情况" in column_a
    assert "六、其他需要报告的事项" in column_a


def test_text_that_looks_like_a_formula_stays_text(xlsx_registry: Registry) -> None:
    report = Report("gov-2021", 2025, Body('=HYPERLINK("http://x")', "county"))
    data = xlsx_registry.render(report, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["报告信息"]
    assert sheet["B6"].data_type == "s"
    assert xlsx_registry.load_bytes(data, origin="x.xlsx").report.body.name == report.body.name


def test_document_dates_and_member_times_are_fixed(xlsx_registry: Registry, daixian_report: Report) -> None:
    data = xlsx_registry.render(daixian_report, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {member.date_time for member in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(io.BytesIO(data)).properties
    assert properties.created == properties.modified == FIXED_TIME
