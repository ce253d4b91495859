"""Robustness of the core's sources — canonical JSON, ledger registers (CSV and XLSX), rule files: mutated real
inputs give a report (a rule set) or one line naming the file, never another exception."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Registry, ReportHints, check, load, load_rule_file
from disclosure_core.testing.robustness import mutated, mutated_packages, robust_settings, survives

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "daixian-2020.json").read_bytes()
DAIXIAN = load(ROOT / "examples" / "daixian-2020.json").report
RULES = ROOT / "src" / "disclosure_core" / "rules"
REGISTRY = Registry(entry_points=False)
LAYOUTS = REGISTRY.layouts()
HINTS = ReportHints(name="某县人民政府", level="county", year=2025)
JSON_PIECES = [b"-1", b"null", b"{}", b"[]", b'"x"', b"1e999", b"9" * 4400, b"[" * 3000, b"\\u0000", b'"\\ud800"']
ROWS = [
    ["编号", "收到日期", "申请人类型", "办理结果", "办结日期"],
    ["A1", "2024-12-20", "自然人", "予以公开", "2025-01-06"],
    ["A2", "2025-03-01", "企业", "部分公开", "2025-03-20"],
    ["A3", "2025年5月4日", "科研机构", "", ""],
]


def register_csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(ROWS)
    return out.getvalue().encode("utf-8")


def register_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in ROWS:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def load_json(data: bytes) -> None:
    assert REGISTRY.source("json").load(data, origin="in.json", layouts=LAYOUTS).report.year > 0


def load_register(data: bytes) -> None:
    loaded = REGISTRY.source("ledger").load(data, origin="in.register", layouts=LAYOUTS, hints=HINTS)
    assert loaded.report.year == 2025


@robust_settings(40)
@given(mutated(EXAMPLE, JSON_PIECES))
def test_mutated_canonical_json(data: bytes) -> None:
    survives(load_json, data, origin="in.json")


@robust_settings(40)
@given(mutated(register_csv(), [piece.encode() for piece in (",", "\n", '"', "\t", "2025-02-30", "不予公开", "\x00")]))
def test_mutated_csv_registers(data: bytes) -> None:
    survives(load_register, data, origin="in.register")


@robust_settings(20)
@given(mutated(register_xlsx()) | mutated_packages(register_xlsx(), [b'<dimension ref="A1:XFD1048576"/>', b"<c r="]))
def test_mutated_xlsx_registers(data: bytes) -> None:
    survives(load_register, data, origin="in.register")


@robust_settings(25)
@given(
    st.sampled_from(sorted(RULES.glob("*.toml"))).flatmap(
        lambda path: mutated(path.read_bytes(), [b"not ", b"(", b"[[rules]]", b"expand = ", b"=", b"9" * 4400])
    )
)
def test_mutated_rule_files(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("rules") / "in.toml"
    path.write_bytes(data)

    def read(_: bytes) -> None:
        check(DAIXIAN, rules=load_rule_file(path))  # compiled against the layout: expansion and depth bounds

    survives(read, data, origin=str(path))
