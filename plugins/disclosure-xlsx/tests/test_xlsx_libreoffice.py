"""LibreOffice opens the workbook as a real spreadsheet and computes its checks (needs libreoffice-calc)."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from disclosure_docx.pdf_text import pdf_pages
from hypothesis import HealthCheck, given, settings

from disclosure_core import Body, Registry, Report, new_report
from disclosure_core.testing import strategies

pytestmark = pytest.mark.slow

_CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _convert(workbook: bytes, tmp_path: Path, target: str) -> Path:
    source = tmp_path / "report.xlsx"
    source.write_bytes(workbook)
    subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", target,
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path


def _sheet(folder: Path, name: str) -> list[list[str]]:
    with (folder / f"report-{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_libreoffice_computes_the_dai_county_defects(
    xlsx_registry: Registry, daixian_report: Report, tmp_path: Path
) -> None:
    folder = _convert(xlsx_registry.render(daixian_report, "xlsx"), tmp_path, _CSV_ALL_SHEETS)
    table = _sheet(folder, "表2")
    rows = {row[0] or row[1] or row[2]: row for row in table}
    new = rows["一、本年新收政府信息公开申请数量"]
    assert (new[3], new[9], new[12]) == ("7", "", "差额 -7")  # 自然人 7, 总计 blank
    assert rows["（七）总计核对"][3] == "差额 7"  # 7 handled, none classified
    # 自然人 balances (7 + 0 = 7 + 0); the other six columns are left blank: 未填, not OK (a blank is not a 0)
    assert rows["勾稽关系：一＋二＝三（七）＋四"][3:10] == ["OK"] + ["未填"] * 6
    assert _sheet(folder, "表3")[9][4] == "OK"
    assert _sheet(folder, "报告信息")[4][1] == "2020"


@settings(max_examples=1, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.reports(("gov-2021",), consistent=True))
def test_libreoffice_finds_every_check_ok_in_a_consistent_report(xlsx_registry: Registry, report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = _convert(xlsx_registry.render(report, "xlsx"), Path(folder_name), _CSV_ALL_SHEETS)
        table = _sheet(folder, "表2")
    checks = [cell for row in table for cell in row if cell.startswith(("OK", "差额"))]
    assert len(checks) == 25 + 7 + 7
    assert set(checks) == {"OK"}


def test_libreoffice_prints_the_workbook_to_pdf(
    xlsx_registry: Registry, daixian_report: Report, tmp_path: Path
) -> None:
    folder = _convert(xlsx_registry.render(daixian_report, "xlsx"), tmp_path, "pdf")
    pdf = (folder / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 4  # one page per sheet at least


def test_libreoffice_shows_unfilled_not_ok_for_a_blank_report(xlsx_registry: Registry, tmp_path: Path) -> None:
    """A row left blank is not a row that balances: every check of a blank workbook says 未填."""
    blank = new_report("gov-2021", 2025, Body("某县人民政府", "county"))
    folder = _convert(xlsx_registry.render(blank, "xlsx"), tmp_path, _CSV_ALL_SHEETS)
    checks = [cell for name in ("表2", "表3") for row in _sheet(folder, name) for cell in row]
    checks = [cell for cell in checks if cell in {"OK", "未填"} or cell.startswith(("差额", "未填 "))]
    assert len(checks) == 25 + 7 + 7 + 3
    assert set(checks) == {"未填"}


def test_libreoffice_says_how_many_cells_are_missing_when_the_rest_agree(
    xlsx_registry: Registry, tmp_path: Path
) -> None:
    report = new_report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells(
        {"requests.new.natural_person": 3, "requests.new.total": 3}
    )
    folder = _convert(xlsx_registry.render(report, "xlsx"), tmp_path, _CSV_ALL_SHEETS)
    rows = {row[0] or row[1] or row[2]: row for row in _sheet(folder, "表2")}
    assert rows["一、本年新收政府信息公开申请数量"][12] == "未填 5 格"  # 3 = 3, five kinds of applicant blank


def test_the_printed_workbook_is_one_page_wide_with_title_and_page_numbers(
    xlsx_registry: Registry, daixian_report: Report, tmp_path: Path
) -> None:
    folder = _convert(xlsx_registry.render(daixian_report, "xlsx"), tmp_path, "pdf")
    pages = pdf_pages(folder / "report.pdf")
    assert len(pages) >= 4
    title = "代县2020年政府信息公开工作年度报告"
    for index, page in enumerate(pages, start=1):
        assert title in page.text, f"page {index} has no title above it"
        assert re.search(r"第\d+页共\d+页", page.text), f"page {index} has no page number"
        assert all(word.right <= page.width for word in page.words), f"page {index}: text runs off the page"
    info = [page for page in pages if "报告信息" in page.text]
    assert info
    # Labels, values and hints side by side: each hint is printed on the page of its label and its value.
    first = next(page for page in info if "例如2025" in page.text)
    assert "年度" in first.text
    assert "2020" in first.text
    assert "黄色单元格可填写；正文每段一行，不够可插入行。格式版本决定表格，不要修改。" in info[0].text  # not cut
    paragraph = daixian_report.sections.overview.paragraphs[0] if daixian_report.sections.overview else ""
    assert re.sub(r"\s+", "", paragraph) in "".join(page.text for page in info)  # wrapped, printed whole
