"""Reading filled-in workbooks: typical edits, inserted and deleted rows, formulas, units, metadata."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.workbook import Workbook

from disclosure_core import (
    AbsenceKind,
    Absent,
    Body,
    Count,
    DiagnosticLevel,
    Loaded,
    LoadError,
    Money,
    Registry,
    Report,
)

Edit = Callable[[Workbook], None]


def edited(registry: Registry, report: Report, edit: Edit) -> Loaded:
    """Render ``report``, change the workbook the way a person would, and read it back."""
    workbook = openpyxl.load_workbook(io.BytesIO(registry.render(report, "xlsx")))
    edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return registry.load_bytes(buffer.getvalue(), origin="filled.xlsx", source="xlsx")


@pytest.fixture
def blank() -> Report:
    return Report("gov-2021", 2025, Body("某县人民政府", "county"))


def test_typed_text_becomes_values_with_diagnostics(xlsx_registry: Registry, blank: Report) -> None:
    def fill(workbook: Workbook) -> None:
        sheet = workbook["表2"]
        typed: dict[str, str | float] = {
            "D7": "7件",
            "E7": "１２",
            "F7": " 3 ",
            "G7": "-",
            "H7": "无",
            "I7": "若干",
            "J7": "1,234",
            "D8": "不适用",
            "E8": 2.0,
            "F8": 2.5,
        }
        for coordinate, text in typed.items():
            sheet[coordinate] = text

    loaded = edited(xlsx_registry, blank, fill)
    cell = loaded.report.cell
    assert cell("requests.new.natural_person") == Count(7)
    assert cell("requests.new.commercial") == Count(12)
    assert cell("requests.new.research") == Count(3)
    assert cell("requests.new.nonprofit") == Absent(AbsenceKind.PLACEHOLDER, "-")
    assert cell("requests.new.legal_service") == Absent(AbsenceKind.PLACEHOLDER, "无")
    assert cell("requests.new.other_org") == Absent(AbsenceKind.PLACEHOLDER, "若干")
    assert cell("requests.new.total") == Count(1234)
    assert cell("requests.carried_over.natural_person") == Absent(AbsenceKind.NOT_APPLICABLE)
    assert cell("requests.carried_over.commercial") == Count(2)
    assert cell("requests.carried_over.research") == Absent(AbsenceKind.PLACEHOLDER, "2.5")
    by_cell = {d.where.cell: d for d in loaded.diagnostics if d.where is not None}
    assert by_cell["表2!D7"].code == "unit-in-cell"
    assert by_cell["表2!D7"].level is DiagnosticLevel.WARNING
    assert by_cell["表2!E7"].message == "表2!E7: read '１２' as 12 (typed as text, full-width characters)"
    assert by_cell["表2!F7"].message == "表2!F7: read ' 3 ' as 3 (typed as text, spaces around it)"
    assert by_cell["表2!G7"].code == "placeholder"
    assert by_cell["表2!I7"].level is DiagnosticLevel.ERROR
    assert by_cell["表2!F8"].message == "表2!F8: not a whole number: 2.5"
    assert "表2!E8" not in by_cell  # a whole number stored as 2.0 is simply 2
    provenance = cell("requests.new.total").provenance
    assert provenance is not None
    assert provenance.cell == "表2!J7"


def test_inserted_rows_are_followed_by_their_labels(xlsx_registry: Registry, daixian_report: Report) -> None:
    def insert(workbook: Workbook) -> None:
        sheet = workbook["表2"]
        sheet.insert_rows(9, amount=2)  # above 三、本年度办理结果 …（一）予以公开
        sheet["C9"] = "其中：网上申请"
        sheet["D9"] = 5
        sheet["D30"] = 3  # （七）总计, 自然人: drawn on row 28, now two rows lower

    loaded = edited(xlsx_registry, daixian_report, insert)
    assert loaded.report.number("requests.new.natural_person") == 7
    assert loaded.report.number("requests.carried_over.natural_person") == 0
    assert loaded.report.number("requests.total.natural_person") == 3
    provenance = loaded.report.cell("requests.total.natural_person").provenance
    assert provenance is not None
    assert provenance.cell == "表2!D30"
    codes = {d.code: d for d in loaded.diagnostics}
    assert codes["rows-moved"].level is DiagnosticLevel.INFO
    assert (
        codes["extra-row"].message == "表2!D9: a row that is not in the format (其中：网上申请) holds values; not read"
    )
    assert loaded.report.number("appeals.review.total") == 1  # other sheets untouched


def test_a_deleted_row_leaves_its_cells_blank_and_says_so(xlsx_registry: Registry, daixian_report: Report) -> None:
    loaded = edited(xlsx_registry, daixian_report, lambda wb: wb["表2"].delete_rows(8))  # 二、上年结转
    assert loaded.report.cell("requests.carried_over.natural_person") == Absent()
    assert loaded.report.number("requests.total.natural_person") == 7
    missing = [d for d in loaded.diagnostics if d.code == "row-missing"]
    assert [d.level for d in missing] == [DiagnosticLevel.ERROR]
    assert "二、上年结转政府信息公开申请数量" in missing[0].message


def test_an_inserted_column_is_refused_rather_than_misread(xlsx_registry: Registry, daixian_report: Report) -> None:
    with pytest.raises(LoadError, match=r"^filled\.xlsx: 表2!D4: header '申请人情况' not found in its column"):
        edited(xlsx_registry, daixian_report, lambda wb: wb["表2"].insert_cols(4))


def test_a_formula_without_a_saved_result_is_kept_as_text(xlsx_registry: Registry, blank: Report) -> None:
    def formula(workbook: Workbook) -> None:
        workbook["表2"]["J7"] = "=SUM(D7:I7)"

    loaded = edited(xlsx_registry, blank, formula)
    assert loaded.report.cell("requests.new.total") == Absent(AbsenceKind.PLACEHOLDER, "=SUM(D7:I7)")
    assert [d.code for d in loaded.diagnostics] == ["formula"]


def test_money_units_typed_or_chosen(xlsx_registry: Registry) -> None:
    report = Report("gov-2019", 2020, Body("某县人民政府", "county"))

    def fill(workbook: Workbook) -> None:
        workbook["表1"]["C21"] = "251000元"  # 政府集中采购 采购总金额
        workbook["表1"]["F21"] = "万元"  # the unit beside it, overridden by the one typed in

    loaded = edited(xlsx_registry, report, fill)
    assert loaded.report.cell("proactive.procurement.amount") == Money(Decimal(251000), "元")
    assert "its unit 元 overrides 万元 beside it" in loaded.diagnostics[0].message

    def chosen(workbook: Workbook) -> None:
        workbook["表1"]["C21"] = 43101
        workbook["表1"]["F21"] = "万元"

    assert edited(xlsx_registry, report, chosen).report.cell("proactive.procurement.amount") == Money(
        Decimal(43101), "万元"
    )


def test_blank_gov_2021_fee_cells_offer_wan_yuan(xlsx_registry: Registry, blank: Report) -> None:
    loaded = edited(xlsx_registry, blank, lambda wb: wb["表1"].__setitem__("B17", 1.5))
    assert loaded.report.cell("proactive.fees.amount") == Money(Decimal("1.5"), "万元")


def test_metadata_edits_are_read_by_label(xlsx_registry: Registry, blank: Report) -> None:
    def fill(workbook: Workbook) -> None:
        sheet = workbook["报告信息"]
        sheet.insert_rows(6)  # a row inserted between 报告年度 and 机关名称
        sheet["A6"], sheet["B6"] = "备注", "自行添加"
        sheet["B8"] = "county_department"  # 机关层级 by its id
        sheet["B10"] = "2026年1月20日"
        sheet["B17"] = "本报告根据……编制。"  # the first lead paragraph

    loaded = edited(xlsx_registry, blank, fill)
    report = loaded.report
    assert report.body.level == "county_department"
    assert report.published == dt.date(2026, 1, 20)
    assert report.lead == ("本报告根据……编制。",)
    assert [d.message for d in loaded.diagnostics] == ["报告信息!B6: unknown row '备注'; ignored"]


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("B5", None, "filled.xlsx: 报告信息!B5: 报告年度 is missing"),
        ("B5", "明年", "filled.xlsx: 报告信息!B5: expected a year, got '明年'"),
        ("B7", "县政府", "filled.xlsx: 报告信息!B7: unknown level '县政府'"),
        ("B4", "gov-2030", "filled.xlsx: 报告信息!B4: unknown format version 'gov-2030'"),
    ],
)
def test_metadata_without_which_there_is_no_report(
    xlsx_registry: Registry, blank: Report, cell: str, value: str | None, message: str
) -> None:
    def spoil(workbook: Workbook) -> None:
        workbook["报告信息"][cell] = value

    with pytest.raises(LoadError) as raised:
        edited(xlsx_registry, blank, spoil)
    assert str(raised.value).startswith(message)


def test_a_present_but_empty_section_stays_present(xlsx_registry: Registry, blank: Report) -> None:
    from disclosure_core import Section, Sections

    report = blank.evolve(sections=Sections(other=Section(None, ())))
    loaded = xlsx_registry.load_bytes(xlsx_registry.render(report, "xlsx"), origin="x.xlsx")
    assert loaded.report.sections.other == Section(None, ())
    assert loaded.report.sections.problems is None
