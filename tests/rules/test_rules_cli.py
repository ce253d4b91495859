"""`disclosure check` and `disclosure rules`: text and JSON output, exit codes, extra rules, disabling."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from disclosure_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"
SCHEMA = json.loads((ROOT / "docs" / "findings.schema.json").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_text_groups_by_table_names_cells_in_chinese_and_shows_arithmetic(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "check", str(EXAMPLE))
    assert (code, err) == (1, "")
    assert "表1 主动公开政府信息情况" in out
    assert "表2 收到和处理政府信息公开申请情况" in out
    assert "报告整体" in out
    assert out.index("表1") < out.index("proactive.published_within_total") < out.index("表2")
    assert "规范性文件: 本年新公开数量 18 > 对外公开总数量 12" in out
    # One language at a time (issue 16): the kind of suggestion and the punctuation are Chinese too.
    assert "建议核对：行政许可·处理决定数量 10125 → 10215（数字顺序颠倒，置信度 0.8）" in out
    assert "一、本年新收政府信息公开申请数量: 总计 （空白） = 自然人 7" in out
    # The checks that wait for last year's report: a sentence, then their ids on a line of their own.
    assert (
        "未提供上年报告（--previous），14 项跨年度核对未进行：\n  proactive.items_yoy, proactive.total_published_yoy"
        in out
    )


def test_check_text_is_in_one_language_and_keeps_outcome_and_severity_apart(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(EXAMPLE))
    lines = out.splitlines()
    assert lines[1] == "代县人民政府 · 2020 · gov-2019"
    assert lines[2] == "结果：通过 27 项，不符 4 项，无法核验 17 项，规则出错 0 项，未填报 53 项"
    assert lines[3] == "未通过（不符或规则出错）按严重程度：错误 1 项，警告 2 项，提示 1 项"
    assert lines[4].startswith("无法核验按严重程度：错误级 3 项，警告级 0 项")
    # Not verifiable is never called an error: those come after every real failure, under their own heading.
    assert out.index("sections.numbered") < out.index("无法核验（缺少数字") < out.index("requests.row_total.new")
    assert "? requests.row_total.new（无法核验；错误级规则，缺少数字不是错误）" in out
    assert "✗ 错误 requests.results_classified.natural_person（不符）" in out
    # Besides ids (rules, formats, options), no Latin word is left in the Chinese output.
    ids = re.compile(r"[a-z_]+(?:\.[a-z_0-9]+)+|gov-\d+|--[a-z-]+")
    assert re.findall(r"[A-Za-z]{2,}", ids.sub("", out)) == []
    _, en, _ = run(capsys, "check", str(EXAMPLE), "--lang", "en")
    assert "outcomes: 27 pass, 4 fail, 17 not verifiable, 0 rule errors, 53 not filled in" in en


def test_check_json_is_the_documented_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    assert code == 1
    assert document["schema"] == "disclosure-core/findings/1"
    assert document["report"] == {
        "body": "代县人民政府",
        "level": "county",
        "year": 2020,
        "format": "gov-2019",
        "title": "代县2020年政府信息公开工作年度报告",
    }
    assert document["summary"]["fail"] == 4  # with requests.results_classified (issue 16)
    assert all(f["outcome"] != "pass" for f in document["findings"])
    pattern = next(f for f in document["findings"] if f["rule"] == "proactive.pattern.items")
    assert pattern["suggestions"] == [
        {"cell": "proactive.licensing.decisions", "value": 10215, "kind": "transposition", "confidence": 0.8}
    ]
    assert {
        "cell": "proactive.licensing.decisions",
        "value": 10125,
        "report": "current",
        "side": "lhs",
        "weight": 1,
    } in pattern["cells"]


def test_fail_on_error_exits_zero_when_only_warnings_fail(capsys: pytest.CaptureFixture[str]) -> None:
    # Dai County's one failing error (its results not classified) switched off, only warnings fail.
    args = ("check", str(EXAMPLE), "--fail-on", "error", "--lang", "en")
    assert run(capsys, *args, "--disable", "requests.results_classified")[0] == 0
    assert run(capsys, *args)[0] == 1


def test_disable_switches_rules_off_and_refuses_unknown_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        str(EXAMPLE),
        "--format",
        "json",
        "--disable",
        "sections.numbered",
        "--disable",
        "proactive.published_within_total",
        "--disable",
        "requests.results_classified",
    )
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "sections.numbered" not in rules
    assert "proactive.pattern.items" in rules
    assert code == 0
    code, _, err = run(capsys, "check", str(EXAMPLE), "--disable", "no.such.rule", "--lang", "en")
    assert (code, err) == (2, "error: --disable no.such.rule: no such rule\n")


def test_extra_rules_are_linted_and_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "shanxi.toml"
    extra.write_text(
        '[[rules]]\nid = "shanxi.deadline"\nkind = "deadline"\nseverity = "error"\nlevels = ["county"]\n'
        'title = { zh = "山西：2月1日前公布", en = "Shanxi: publish by 1 February" }\n'
        'message = { zh = "逾期 {days} 天", en = "{days} days late" }\nbasis = "晋政办（示例）"\n'
        'by_level = { county = "02-01" }\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--rules", str(extra), "--format", "json")
    late = next(f for f in json.loads(out)["findings"] if f["rule"] == "shanxi.deadline")
    assert (late["outcome"], late["difference"], late["message"]["en"]) == ("fail", 2, "2 days late")
    extra.write_text(extra.read_text(encoding="utf-8").replace("{days}", "{weeks}"), encoding="utf-8")
    code, _, err = run(capsys, "check", str(EXAMPLE), "--rules", str(extra), "--lang", "en")
    assert code == 2
    assert err == f"error: {extra}: rule 'shanxi.deadline': message.zh uses unknown placeholder {{weeks}}\n"


def test_check_writes_atomically_and_never_over_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.json"
    assert run(capsys, "check", str(EXAMPLE), "--format", "json", "-o", str(target))[0] == 1
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "disclosure-core/findings/1"
    code, _, err = run(capsys, "check", str(EXAMPLE), "-o", str(EXAMPLE), "--lang", "en")
    assert (code, err) == (2, f"error: {EXAMPLE}: refusing to overwrite the input file\n")


def test_rules_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "gov-2021")
    assert code == 0
    assert "requests.balance" in out
    assert "proactive.fees_unit" in out
    assert "proactive.pattern.items" not in out
    code, out, _ = run(capsys, "rules", "explain", "requests.balance", "--lang", "en")
    assert code == 0
    assert "basis:    国办公开办函〔2019〕60号" in out
    assert "example that passes:\n  requests.balance.natural_person: pass" in out
    assert "example that fails:\n  requests.balance.natural_person: fails" in out  # the catalogue's word (issue 16)
    assert (
        run(capsys, "rules", "explain", "nope", "--lang", "en")[2] == "error: no rule 'nope' (see `disclosure rules`)\n"
    )


def test_fail_on_unverifiable_makes_the_unclassified_requests_fail_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    # Dai County: 7 requests handled, none classified. The sum rule cannot verify it (blank is not 0); the
    # results_classified rule judges it a failing error, so --fail-on error fails without --fail-on-unverifiable.
    assert main(["check", str(EXAMPLE), "--fail-on", "error"]) == 1
    off = ["--disable", "requests.results_classified"]
    assert main(["check", str(EXAMPLE), "--fail-on", "error", *off]) == 0
    assert main(["check", str(EXAMPLE), "--fail-on", "error", "--fail-on-unverifiable", *off]) == 1
    capsys.readouterr()
