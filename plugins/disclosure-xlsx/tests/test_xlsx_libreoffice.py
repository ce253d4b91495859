"""LibreOffice opens the workbook as a real spreadsheet and computes its checks (needs libreoffice-calc)."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from disclosure_core import Registry, Report
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
    assert rows["勾稽关系：一＋二＝三（七）＋四"][3:10] == ["OK"] * 7
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
