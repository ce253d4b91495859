"""The language audit of issue 16, as a test: every command, on the hostile inputs, a real report and wrong usages,
speaks one language at a time. A zh run prints no English sentence (ids, names, options, code, paths and
quoted text aside: :mod:`disclosure_core.testing.language`); an en run prints no Chinese but the labels of the
layouts and rules and what the input itself holds (names, titles, headings)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from disclosure_core import Registry
from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.cli import cli, main
from disclosure_core.cli.help_words import keyed_text
from disclosure_core.layouts import official_layouts
from disclosure_core.ledger.vocabulary import COLUMNS
from disclosure_core.rules import builtin_rule_set, kinds
from disclosure_core.testing.data import published_reports
from disclosure_core.testing.language import chinese_runs, english_words

REPORTS = published_reports()
HOSTILE = REPORTS.parent / "hostile"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
DAIXIAN = REPORTS / "daixian-2020.txt"

LEDGER = ["--year", "2025", "--body", "某县", "--level", "county", "-o", "{tmp}/ledger.json"]
DATA = sorted(p.name for p in HOSTILE.iterdir() if p.suffix != ".toml" and p.name != "README.md")
RULE_FILES = {
    **{p.name: p.read_text(encoding="utf-8") for p in HOSTILE.glob("*.toml")},
    "syntax.toml": '[[rules]]\nid = "x.y"\nkind = "compare"\nseverity = "error"\ntitle = { zh = "甲", en = "a" }\n'
    'message = { zh = "甲", en = "a" }\nbasis = "x"\nleft = "requests.new.total +* 3"\nop = "=="\n'
    'right = "requests.new.total"\n',
    "no-cell.toml": '[[rules]]\nid = "x.y"\nkind = "compare"\nseverity = "error"\ntitle = { zh = "甲", en = "a" }\n'
    'message = { zh = "甲", en = "a" }\nbasis = "x"\nleft = "requests.new.totl"\nop = "=="\n'
    'right = "requests.new.total"\n',
    "never-fails.toml": '[[rules]]\nid = "x.y"\nkind = "compare"\nseverity = "error"\ntitle = { zh = "甲", en = "a" }\n'
    'message = { zh = "甲", en = "a" }\nbasis = "x"\nleft = "requests.new.total"\nop = "=="\n'
    'right = "requests.new.total"\n',
    "unknown-kind.toml": '[[rules]]\nid = "x.y"\nkind = "relation"\n',
    "malformed.toml": "[[rules]\nid = 1\n",
}


def _runs() -> Iterator[tuple[str, list[str]]]:
    """(name, argv) for every command on every input; ``{tmp}`` is the test's folder, ``{rules}`` its rule files."""
    for name in [*DATA, "daixian-2020.txt", "daixian-2020.json"]:
        path = str(HOSTILE / name) if name in DATA else str(DAIXIAN if name.endswith(".txt") else EXAMPLE)
        yield f"check {name}", ["check", path]
        yield f"summary {name}", ["summary", path]
        yield f"convert {name}", ["convert", path, "-o", "{tmp}/out.json"]
        yield f"render html {name}", ["render", path, "--with-findings", "-o", "{tmp}/out.html"]
        yield f"render docx {name}", ["render", path, "-o", "{tmp}/out.docx"]
        yield f"render xlsx {name}", ["render", path, "-o", "{tmp}/out.xlsx"]
        yield f"diff {name}", ["diff", path, str(EXAMPLE)]
    for name in ("H1-ledger-dimension-xfd.xlsx", "C4-zip-version-98-register.xlsx"):
        yield f"ledger {name}", ["ledger", str(HOSTILE / name), *LEDGER]
    yield "ledger of a report", ["ledger", str(EXAMPLE), *LEDGER]
    for name in RULE_FILES:
        yield f"rules lint {name}", ["rules", "lint", "{rules}/" + name]
        yield f"check --rules {name}", ["check", str(EXAMPLE), "--rules", "{rules}/" + name]
    yield "aggregate duplicates", ["aggregate", str(DAIXIAN), str(EXAMPLE), "--body", "某市", "--level", "city"]
    yield (
        "aggregate hostile",
        ["aggregate", str(HOSTILE / "C1-json-4301-digits.json"), "--body", "某市", "--level", "city"],
    )
    yield "batch", ["batch", *(str(HOSTILE / n) for n in DATA[:4]), str(EXAMPLE), "-o", "{tmp}/batch"]
    yield "rules", ["rules"]
    yield "rules explain", ["rules", "explain", "requests.balance"]
    yield "rules explain unknown", ["rules", "explain", "no.such"]
    yield "plugins", ["plugins"]
    yield "new", ["new", "--year", "2025", "--body", "某县", "--level", "county", "-o", "{tmp}/new.json"]
    yield "new without a format", ["new", "--year", "1900", "--body", "某县", "--level", "county"]
    yield "schema of an unknown format", ["schema", "--format", "gov-2099"]
    # wrong usages: click's errors and ours
    yield "missing argument", ["check"]
    yield "no such option", ["check", "--nosuch"]
    yield "a near option", ["check", "--lagn"]
    yield "bad choice", ["check", str(EXAMPLE), "--fail-on", "fatal"]
    yield "bad level", ["check", str(EXAMPLE), "--level", "village"]
    yield "not an integer", ["new", "--year", "abc", "--body", "x", "--level", "county"]
    yield "missing option", ["new", "--body", "x"]
    yield "out of range", ["batch", str(EXAMPLE), "-j", "0", "-o", "{tmp}/b"]
    yield "no such command", ["nosuch"]
    yield "extra argument", ["summary", str(EXAMPLE), str(EXAMPLE)]
    yield "a directory", ["check", "{tmp}"]
    yield "a missing file", ["check", "{tmp}/missing.json"]
    yield "no such rule", ["check", str(EXAMPLE), "--disable", "no.such"]
    yield "unknown renderer", ["render", str(EXAMPLE), "--to", "rtf"]
    yield "unknown suffix", ["render", str(EXAMPLE), "-o", "{tmp}/x.rtf"]
    yield "unknown source", ["check", str(EXAMPLE), "--from", "nosuch"]
    yield "unknown format", ["rules", "--format", "gov-2099"]
    yield "overwrite the input", ["convert", str(EXAMPLE), "-o", str(EXAMPLE)]
    yield "a previous report that cannot be read", ["check", str(EXAMPLE), "--previous", str(HOSTILE / DATA[0])]
    yield "unknown shell", ["completion", "tcsh"]
    # --help of the program, every command and every subcommand
    yield "--help", ["--help"]
    for command in HELPED:
        yield f"{' '.join(command)} --help", [*command, "--help"]


HELPED = [
    *([name] for name in cli.list_commands(click.Context(cli))),
    ["rules", "explain"],
    ["rules", "lint"],
]
"""Every command and subcommand (``serve`` of disclosure-service too), for ``--help``."""

RUNS = dict(_runs())
TEXT_OUTPUT = {"check", "summary", "diff", "rules", "plugins", "batch"}
"""Commands whose stdout is words (the others write a document there)."""


def _names() -> set[str]:
    """Ids that are single words: rule kinds, plugins, sources and renderers (``disclosure plugins`` lists them)."""
    registry = Registry()
    plugins = {info.name for info in registry.plugins()}
    commands = {"disclosure", *(name for command in HELPED for name in command)}  # as in ``Usage:`` and examples
    return {*kinds.words(), *plugins, *registry.sources(), *registry.renderers(), *commands}


def _labels() -> list[str]:
    """Chinese an English line may hold: labels and bases of the layouts and rules, the inputs' own text."""
    texts = [DAIXIAN.read_text(encoding="utf-8"), EXAMPLE.read_text(encoding="utf-8"), "某县某市"]
    texts += [header for headers in COLUMNS.values() for header in headers]  # a register's column headers
    for layout in official_layouts().values():
        texts.append(layout.basis)
        for table in layout.tables:
            texts += [table.label.zh, *(r.label.zh for r in table.rows), *(c.label.zh for c in table.columns)]
        texts += [layout.title.zh, *(section.heading.zh for section in layout.sections)]
    texts += [rule.basis for rule in builtin_rule_set().rules]
    return texts


NAMES = _names()
LABELS = _labels()


@pytest.fixture(autouse=True)
def a_broken_plugin_is_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed plugin whose module is missing (its dependency not installed): its problem is told too."""
    info = tmp_path / "site" / "broken_demo-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-demo\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[disclosure_core]\nbroken = disclosure_no_such_module\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path / "site")])
    for variable in ("DISCLOSURE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def _run(name: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for file, text in RULE_FILES.items():
        (folder / file).write_text(text, encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)).replace("{rules}", str(folder)) for a in RUNS[name]]
    code = main(["--lang", lang, *argv])
    out, err = capsys.readouterr()
    helped = "--help" in argv
    shown = (out if argv[0] in TEXT_OUTPUT or helped else "") + err
    lines = [line.replace(str(tmp_path), "T") for line in shown.splitlines() if line.strip()]
    return code, [_SET_ASIDE.sub(" ", line) for line in lines if not _EXAMPLE.match(line)] if helped else lines


_SET_ASIDE = re.compile(r"\[[\w|-]+\]|\b[A-Z][A-Z_]*[A-Z]\b(?: RANGE)?")
"""What ``--help`` shows of the code rather than in words: the values of a choice and metavars."""
_EXAMPLE = re.compile(r"^\s+(?:disclosure|eval) ")
"""A command line shown as an example in a command's help."""


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_chinese_run_prints_no_english_sentence(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = _run(name, "zh", tmp_path, capsys)
    assert lines, name
    assert code in (0, 1, 2, 3)
    english = [(line, sorted(english_words(line, NAMES))) for line in lines if english_words(line, NAMES)]
    assert english == [], name


@pytest.mark.parametrize("name", sorted(RUNS))
def test_an_english_run_prints_no_chinese_but_labels_and_the_input_s_own(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, lines = _run(name, "en", tmp_path, capsys)
    chinese = [(line, runs) for line in lines if (runs := chinese_runs(line, LABELS))]
    assert chinese == [], name


def test_a_broken_plugin_is_told_once_in_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--lang", "zh"]) == 0
    told = [line for line in capsys.readouterr().err.splitlines() if "broken" in line]
    assert told == ["警告：插件 'broken'（disclosure_no_such_module）加载失败：找不到模块 'disclosure_no_such_module'"]
    assert main(["plugins", "--lang", "en"]) == 0
    told = [line for line in capsys.readouterr().err.splitlines() if "broken" in line]
    assert told == [
        "warning: plugin 'broken' (disclosure_no_such_module) failed to load: No module named 'disclosure_no_such_module'"
    ]


def test_lang_given_after_the_mistake_still_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--nosuch", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "error: No such option '--nosuch'. (see `disclosure check --help`)\n"
    assert main(["check", "--nosuch", "--lang=zh"]) == 2
    assert capsys.readouterr().err == "错误：没有选项 `--nosuch`（见 `disclosure check --help`）\n"


def test_help_in_english_is_the_source_s_own_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help", "--lang", "zh"]) == 0
    assert "用法：disclosure check [选项] SOURCE_FILE" in capsys.readouterr().out
    assert main(["check", "--help", "--lang", "en"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Usage: disclosure check [OPTIONS] SOURCE_FILE\n\n  Check a report against the rule sets;")
    assert "  -h, --help                      Show this message and exit.\n" in shown
    assert "[default: warning]" in shown
    assert main(["--lang", "en", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "Options:\n  --version         Show the version and exit.\n" in shown
    assert "\nCommands:\n  new         Write a blank report for a body and year" in shown


def test_help_in_chinese_says_click_s_words_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0  # zh by default
    shown = capsys.readouterr().out
    assert shown.startswith("用法：disclosure [选项] 命令 [参数]...\n\n  核查、渲染和转换政府信息公开工作年度报告。")
    assert "\n选项：\n  --version         显示版本号并退出。\n" in shown
    assert "\n命令：\n  new         为某机关某年度生成一份空白报告" in shown
    assert main(["check", "-h"]) == 0
    shown = capsys.readouterr().out
    assert "[默认：`warning`]" in shown
    assert "  -h, --help                      显示本帮助并退出。" in shown


def test_every_help_entry_of_the_catalogue_is_a_text_of_the_source() -> None:
    """An entry whose English no longer matches the code is never shown: it must not linger either."""
    sources: set[str] = set()

    def collect(command: click.Command) -> None:
        sources.update(keyed_text(text)[0] for text in (command.help,) if text)
        sources.update(p.help for p in command.params if isinstance(p, click.Option) and p.help)
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                found = command.get_command(context, name)
                assert found is not None
                collect(found)

    assert main(["--lang", "en", "--help"]) == 0  # the English of the source, as every command has it
    collect(cli)
    chrome = {"help.chrome." + k for k in ("usage", "options", "commands", "help", "options_metavar")}
    chrome |= {"help.chrome." + k for k in ("subcommand_metavar", "default", "required")}
    stale = [k for k, t in ENTRIES.items() if k.startswith("help.") and k not in chrome and t.en not in sources]
    assert stale == []


def test_a_plugin_s_command_takes_lang_like_the_core_s(capsys: pytest.CaptureFixture[str]) -> None:
    """``serve`` comes from disclosure-service through an entry point: ``--lang`` reaches it too."""
    assert main(["serve", "--port", "99999", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: Invalid value for '--port': 99999 is not in the range")
    assert main(["serve", "--port", "99999", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("错误：选项 `--port` 的值无效：`99999`")
    assert main(["serve", "--help", "--lang", "en"]) == 0
    assert "  --lang [zh|en]" in capsys.readouterr().out


def test_chinese_help_keeps_a_closing_bracket_with_the_code_it_closes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help", "--lang", "zh"]) == 0
    assert not any(line.strip().startswith(("]", "）")) for line in capsys.readouterr().out.splitlines())
