"""Acceptance on real published reports (../shared/reports): Dai County equals its transcription, Shanghai
parses completely, every excerpt gives a partial report with diagnostics."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from disclosure_published import Hints, TextSource, parse_text

from disclosure_core import AbsenceKind, Absent, BodyLevel, Count, Loaded, Money, Registry, load, to_dict
from disclosure_core.layouts import builtin_layout

ROOT = Path(__file__).resolve().parents[3]
REPORTS = ROOT.parent / "shared" / "reports"
EXCERPTS = sorted(REPORTS.glob("excerpt-*.txt"))


def read(name: str, hints: Hints | None = None) -> Loaded:
    path = REPORTS / name
    return TextSource(hints).load(path.read_bytes(), origin=path.name, layouts=Registry(entry_points=False).layouts())


def codes(loaded: Loaded) -> set[str]:
    return {d.code for d in loaded.diagnostics}


def test_daixian_equals_its_transcription() -> None:
    expected = load(ROOT / "examples" / "daixian-2020.json").report
    loaded = read("daixian-2020.txt", Hints(region="山西省忻州市代县"))
    got = to_dict(loaded.report)
    got.pop("provenance")
    assert got == to_dict(expected)


def test_daixian_body_and_level_are_inferred_without_hints() -> None:
    report = read("daixian-2020.txt").report
    assert (report.body.name, report.body.level, report.body.region) == ("代县人民政府", BodyLevel.COUNTY, None)


def test_daixian_values_point_back_to_their_lines() -> None:
    report = read("daixian-2020.txt").report
    amount = report.cell("requests.new.natural_person")
    assert amount == Count(7)
    assert amount.provenance is not None
    assert (amount.provenance.source, amount.provenance.line, amount.provenance.cell) == (
        "daixian-2020.txt",
        120,
        "R4C2",
    )
    blank = report.cell("requests.new.total")
    assert blank == Absent(AbsenceKind.BLANK)
    assert blank.provenance is not None
    assert blank.provenance.line == 126


def test_daixian_oddities_become_diagnostics() -> None:
    loaded = read("daixian-2020.txt")
    messages = [str(d) for d in loaded.diagnostics]
    assert any("line 95" in m and "43101万元" in m for m in messages)
    assert sum("printed without its number" in m for m in messages) == 3


def test_shanghai_parses_completely() -> None:
    loaded = read("shanghai-gov-office-2019.txt")
    report = loaded.report
    assert (report.format, report.year, report.published.isoformat() if report.published else None) == (
        "gov-2019",
        2019,
        "2020-01-31",
    )
    assert (report.body.name, report.body.level) == ("上海市人民政府办公厅", BodyLevel.PROVINCE_DEPARTMENT)
    assert all(section is not None for _, section in report.sections.items())
    assert report.cell("proactive.procurement.amount") == Money(Decimal(251000), "元")
    printed = {
        "requests.new.natural_person": 821,
        "requests.new.commercial": 35,
        "requests.new.total": 859,
        "requests.withheld_inquiry.commercial": 2,
        "requests.total.natural_person": 767,
        "requests.total.total": 805,
        "requests.carried_forward.total": 72,
        "appeals.review.upheld": 5,
        "appeals.review.total": 7,
        "appeals.litigation_direct.upheld": 8,
        "appeals.litigation_direct.pending": 1,
        "appeals.litigation_direct.total": 9,
    }
    assert {address: report.number(address) for address in printed} == printed
    # every row of all three tables was found: the only table diagnostics are about cell texts
    assert not codes(loaded) & {"missing-rows", "missing-table", "short-row", "unknown-row", "blank-rows"}
    numbers = [report.number(a) for a in builtin_layout("gov-2019").addresses()]
    assert sum(n is not None for n in numbers) == 22 + 35 + 6
    assert report.cell("requests.granted.total").provenance is not None  # printed blank, with its place


@pytest.mark.parametrize("path", EXCERPTS, ids=lambda p: p.name[:10])
def test_every_excerpt_gives_a_partial_report_with_diagnostics(path: Path) -> None:
    loaded = read(path.name)
    assert loaded.diagnostics
    assert "missing-table" in codes(loaded) or "missing-rows" in codes(loaded) or "blank-rows" in codes(loaded)


def test_excerpt_10_is_a_2022_report_in_the_2019_format() -> None:
    loaded = read("excerpt-10_xizhen_jiaxian_2022.txt")
    assert (loaded.report.format, loaded.report.year) == ("gov-2019", 2022)
    assert any(d.code == "format-version" and "2022 report" in d.message for d in loaded.diagnostics)
    assert not any(value.number is not None for _, value in loaded.report.tables)


def test_excerpt_06_reads_traditional_annotated_labels_and_reports_the_hubei_row() -> None:
    loaded = read("excerpt-06_wuhan_shengtaihuanjingju_2020.txt")
    report = loaded.report
    assert report.number("proactive.normative_documents.total_published") == 19
    assert report.number("proactive.other_services.decisions") == 165
    assert report.cell("proactive.coercion.decisions") == Absent(AbsenceKind.PLACEHOLDER, "-")
    unknown = [d for d in loaded.diagnostics if d.code == "unknown-row"]
    assert len(unknown) == 1
    assert "186, 86, 255" in unknown[0].message
    assert unknown[0].where is not None
    assert unknown[0].where.line == 8


HUBEI_VARIANT = """
id = "gov-2019-hubei"
extends = "gov-2019"
[[add_rows]]
table = "proactive"
after = "normative_documents"
id = "other_documents"
zh = "其他主动公开文件"
en = "Other proactively published documents"
"""
EXCERPT_06 = REPORTS / "excerpt-06_wuhan_shengtaihuanjingju_2020.txt"


def hubei_registry() -> Registry:
    import disclosure_published.plugin

    from disclosure_core import DataFile, hookimpl

    class Hubei:
        @hookimpl
        def disclosure_layouts(self) -> list[DataFile]:
            return [DataFile("hubei.toml", HUBEI_VARIANT)]

    return Registry(entry_points=False, plugins=[disclosure_published.plugin, Hubei()])


def assert_read_as_hubei(loaded: Loaded) -> None:
    assert loaded.report.format == "gov-2019-hubei"
    assert [
        loaded.report.number(f"proactive.other_documents.{c}") for c in ("made", "published", "total_published")
    ] == [186, 86, 255]
    assert "unknown-row" not in codes(loaded)


def test_excerpt_06_keeps_the_hubei_row_when_a_variant_is_registered() -> None:
    registry = hubei_registry()
    loaded = TextSource().load(EXCERPT_06.read_bytes(), origin=EXCERPT_06.name, layouts=registry.layouts())
    assert_read_as_hubei(loaded)
    assert_read_as_hubei(registry.load(EXCERPT_06))


def test_parse_text_with_a_list_of_layouts_considers_the_variant_too() -> None:
    # Regression: a list of layouts used to become a callable lookup that the reader could not enumerate,
    # so it fell back to the official layouts, chose gov-2019 and dropped the Hubei row.
    layouts = hubei_registry().layouts()
    chosen = [layouts["gov-2019"], layouts["gov-2021"], layouts["gov-2019-hubei"]]
    assert_read_as_hubei(parse_text(EXCERPT_06.read_bytes(), origin=EXCERPT_06.name, layouts=chosen))
    assert_read_as_hubei(parse_text(EXCERPT_06.read_bytes(), origin=EXCERPT_06.name, layouts=layouts))


def test_excerpt_03_duplicated_header_is_reported() -> None:
    loaded = read("excerpt-03_shangwanxiang_kangle_2019.txt")
    assert any(
        d.code == "header-mismatch" and "本年新制作数量、本年新制作数量" in d.message for d in loaded.diagnostics
    )
    assert loaded.report.cell("proactive.procurement.amount") == Money(Decimal(152790), "元")
    assert (loaded.report.body.name, loaded.report.body.level) == ("上湾乡人民政府", BodyLevel.TOWNSHIP)


def test_excerpt_11_reads_a_2021_format_with_flattened_group_labels() -> None:
    loaded = read("excerpt-11_guanzhoujiedao_haizhu_2023.txt")
    report = loaded.report
    assert (report.format, report.year, report.body.name) == ("gov-2021", 2023, "官洲街道办事处")
    assert report.number("proactive.penalties.decisions") == 1472
    assert report.cell("proactive.fees.amount") == Money(Decimal(0), "万元")
    assert report.number("requests.withheld_process_info.other_org") == 0
    assert report.cell("requests.withheld_process_info.total") == Absent()  # cut off mid-row
    assert any(d.code == "short-row" and d.where is not None and d.where.line == 33 for d in loaded.diagnostics)
