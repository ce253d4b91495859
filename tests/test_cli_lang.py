"""Every command speaks one language: zh by default, en with --lang, DISCLOSURE_LANG or an English locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_core.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"
IDS = re.compile(r"[a-z_]+(?:\.[a-z_0-9]+)+|gov-\d+|--[a-z-]+|`[^`]*`")
"""What a Chinese line may spell in Latin letters: rule and cell ids, format ids, options, commands."""


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("DISCLOSURE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def latin_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", IDS.sub("", text))


def test_summary_is_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", str(EXAMPLE))
    assert code == 0
    assert "  报送机关：代县人民政府（县级政府，山西省忻州市代县）" in out
    assert "  表2 收到和处理政府信息公开申请情况：4/161 个单元格有数字" in out
    assert "  正文部分：6/6（一、总体情况、二、主动公开政府信息情况" in out
    assert latin_words(out) == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "no-such.json"], "错误：no-such.json：无法读取：文件不存在\n"),
        (["check", str(EXAMPLE), "--disable", "no.such.rule"], "错误：--disable no.such.rule：没有这条规则\n"),
        (["render", str(EXAMPLE), "--to", "rtf"], "错误：未知的输出格式 'rtf'（可用："),
        (["check", str(EXAMPLE), "-o", str(EXAMPLE)], f"错误：{EXAMPLE}：拒绝覆盖输入文件\n"),
    ],
)
def test_errors_on_stderr_keep_file_and_place_and_speak_chinese(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(expected)
    assert err.count("\n") == 1


def test_lang_is_on_every_command_and_on_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_core.cli import COMMANDS, cli

    for name in COMMANDS:
        _, out, _ = run(capsys, name, "--help")
        assert "--lang [zh|en]" in out, name
    assert run(capsys, "--lang", "en", "check", "no-such.json")[2].startswith("error: no-such.json: cannot read")
    assert run(capsys, "check", "no-such.json", "--lang", "en")[2].startswith("error: no-such.json: cannot read")
    assert any(p.name == "lang" for p in cli.params)


def test_the_environment_chooses_when_no_option_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run(capsys, "summary", str(EXAMPLE))[1].splitlines()[1].startswith("  body:      代县人民政府 (county")
    monkeypatch.setenv("DISCLOSURE_LANG", "zh")
    assert run(capsys, "summary", str(EXAMPLE))[1].splitlines()[1].startswith("  报送机关：")
    assert run(capsys, "summary", str(EXAMPLE), "--lang", "en")[1].splitlines()[1].startswith("  body:")


def test_rules_explain_speaks_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules", "explain", "requests.results_classified")
    assert out.startswith("requests.results_classified（breakdown，错误，来自 common.toml）\n")
    assert "不通过的示例：\n  requests.results_classified.natural_person：不符" in out
    _, out, _ = run(capsys, "rules", "explain", "requests.results_classified", "--lang", "en")
    assert "example that fails:\n  requests.results_classified.natural_person: fails" in out


def test_rules_explain_gives_the_explanation_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules", "explain", "requests.results_classified")
    assert "说明：办理结果总计有数而各项办理结果均未填写" in out
    assert "A total of requests" not in out
    _, out, _ = run(capsys, "rules", "explain", "requests.results_classified", "--lang", "en")
    assert "note:     A total of requests handled with no result row filled" in out
