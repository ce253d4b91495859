"""mkdocs hook: pages generated at build time from the code and data, so they cannot drift.

* ``changelog.md`` — the repository's CHANGELOG.md, as it is.
* ``rule-reference.md`` (Chinese) and ``rule-reference.en.md`` (English) — every shipped rule, read from the
  rule files, with a passing and a failing example produced by running the rule engine on generated reports.

and one page filled in at build time:

* ``cli.md`` and ``cli.en.md`` — each ```` ```console run ```` block holds only ``$ disclosure …`` lines; the hook runs them
  (through ``disclosure_core.cli.main``, in a scratch directory holding the bundled example and every code block
  of the page that has a ``title="FILE"``) and shows what they print. A command whose exit code is not the one
  its ``# exit N`` comment declares (0 when none) fails the build.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import shlex
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def generated_pages() -> dict[str, str]:
    """Page path → Markdown, for every generated page (``page.md`` Chinese, ``page.en.md`` English)."""
    return {
        "changelog.md": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
        "rule-reference.md": rule_reference("zh"),
        "rule-reference.en.md": rule_reference("en"),
    }


_WORDS = {
    "zh": {
        "title": "规则参考",
        "intro": "网站构建时由随附的规则文件生成，共 {n} 条规则。每个示例都是一份生成的报告经规则引擎实际运行的结果；"
        "`disclosure rules explain ID` 打印同样的内容。",
        "head": "| 规则 | 严重程度 | 类型 | 标题 |",
        "severity": "严重程度",
        "kind": "类型",
        "basis": "依据",
        "formats": "格式版本",
        "years": "年度",
        "levels": "机关层级",
        "missing": "缺少单元格时",
        "file": "规则文件",
        "all": "全部",
        "pass": "通过的示例：",
        "fail": "不通过的示例：",
    },
    "en": {
        "title": "Rule reference",
        "intro": "Generated from the shipped rule files when the site is built: {n} rules. Each example is a generated "
        "report run through the engine; `disclosure rules explain ID` prints the same.",
        "head": "| rule | severity | kind | title |",
        "severity": "severity",
        "kind": "kind",
        "basis": "basis",
        "formats": "formats",
        "years": "years",
        "levels": "body levels",
        "missing": "missing cells",
        "file": "file",
        "all": "all",
        "pass": "Example that passes:",
        "fail": "Example that fails:",
    },
}


def rule_reference(lang: str = "en") -> str:
    """The rule reference in ``lang`` (zh or en): one section per shipped rule, in rule-file order.

    Each rule's title, message and explanation come from the rule data, which carries both languages; the
    failing example's message is shown whole, wrapped (docs/stylesheets/extra.css), never cut off.
    """
    from disclosure_core.rules import builtin_rule_set
    from disclosure_core.rules.examples import rule_examples

    words = _WORDS[lang]
    rules = builtin_rule_set().rules
    lines = [f"# {words['title']}", "", words["intro"].format(n=len(rules)), "", words["head"], "|---|---|---|---|"]
    lines += [
        f"| [`{r.id}`](#{_anchor(r.id)}) | {r.severity.value} | {r.kind} | {getattr(r.title, lang)} |" for r in rules
    ]
    for rule in rules:
        scope = rule.applies
        every = words["all"]
        years = f"{scope.from_year or '…'}–{scope.to_year or '…'}" if scope.from_year or scope.to_year else every
        other = "en" if lang == "zh" else "zh"
        lines += [
            "",
            f"## `{rule.id}` {{#{_anchor(rule.id)}}}",
            "",
            f"**{getattr(rule.title, lang)}** — {getattr(rule.title, other)}",
            "",
            "| | |",
            "|---|---|",
            f"| {words['severity']} | {rule.severity.value} |",
            f"| {words['kind']} | {rule.kind} |",
            f"| {words['basis']} | {rule.basis} |",
            f"| {words['formats']} | {', '.join(scope.formats) or every} |",
            f"| {words['years']} | {years} |",
            f"| {words['levels']} | {', '.join(scope.levels) or every} |",
            f"| {words['missing']} | {rule.missing.value} |",
            f"| {words['file']} | `{rule.origin}` |",
        ]
        if rule.explanation:
            lines += ["", rule.explanation.text(lang)]
        for outcome, example in rule_examples(rule).items():
            lines += ["", words["pass" if outcome == "pass" else "fail"], "", '<div class="rule-example" markdown>', ""]
            lines += ["```text", f"{example.instance}: {example.finding.outcome.value}"]
            if outcome != "pass":
                lines.append(getattr(example.finding.message, lang))
            lines += ["```", "", "</div>"]
    return "\n".join(lines) + "\n"


def _anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-").replace("_", "-")


RUN_BLOCK = re.compile(r"^```console run\n(.*?)^```\n", re.S | re.M)
FILE_BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```\n', re.S | re.M)
EXIT_COMMENT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")


class CommandFailed(Exception):
    """A command of the CLI guide did not end as the page says it does."""


def cli_page(markdown: str, lang: str = "en") -> str:
    """The CLI guide with every ``console run`` block filled with what its commands really print.

    Commands run in order in one scratch directory, so a later command reads what an earlier one wrote, in
    the page's language (``DISCLOSURE_LANG``: the English page shows the English output).
    """
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
        Path("examples").mkdir()
        shutil.copy(ROOT / "examples" / "daixian-2020.json", "examples/daixian-2020.json")
        for name, text in FILE_BLOCK.findall(markdown):
            Path(name).parent.mkdir(parents=True, exist_ok=True)
            Path(name).write_text(text, encoding="utf-8")
        return RUN_BLOCK.sub(lambda block: "```console\n" + _session(block.group(1), lang) + "```\n", markdown)


def _session(block: str, lang: str = "en") -> str:
    shown: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            output = run_shown_command(line[2:], lang).splitlines()
            shown += [line, *output, *([""] if output else [])]  # silent commands stay together
    return "\n".join(shown).strip("\n") + "\n"


def run_shown_command(command: str, lang: str = "en") -> str:
    """What ``command`` (``disclosure …``, optionally fed ``< FILE`` and piped into ``head -n N`` or ``jq PATH``) prints.

    Standard error comes first, as a terminal shows it when standard output goes through a pipe.
    """
    from click.testing import CliRunner

    from disclosure_core.cli import main

    declared = EXIT_COMMENT.search(command)
    expected = int(declared.group(1)) if declared else 0
    stages = _stages(command[: declared.start()] if declared else command)
    program, *argv = stages[0]
    if program != "disclosure":
        raise CommandFailed(f"{command!r}: the guide shows only disclosure commands")
    fed = None
    if "<" in argv:  # `disclosure … - < FILE`: the file on standard input
        at = argv.index("<")
        fed, argv = Path(argv[at + 1]).read_bytes(), argv[:at] + argv[at + 2 :]
    with CliRunner().isolation(input=fed, env={"DISCLOSURE_LANG": lang}) as (stdout, stderr, mixed):
        code = main(argv)
    if code != expected:
        raise CommandFailed(f"{command!r} exited with {code}, the guide says {expected}:\n{mixed.getvalue().decode()}")
    if len(stages) == 1:
        return mixed.getvalue().decode("utf-8")
    text = stdout.getvalue().decode("utf-8")
    for stage in stages[1:]:
        text = _FILTERS[stage[0]](text, stage[1:])
    return stderr.getvalue().decode("utf-8") + text


def _stages(command: str) -> list[list[str]]:
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|<")
    lexer.whitespace_split = True
    stages: list[list[str]] = [[]]
    for token in lexer:
        if token == "|":
            stages.append([])
        else:
            stages[-1].append(token)
    for stage in stages[1:]:
        if not stage or stage[0] not in _FILTERS:
            raise CommandFailed(f"{command!r}: only head -n N and jq PATH may follow a pipe")
    return stages


def _head(text: str, args: list[str]) -> str:
    if len(args) != 2 or args[0] != "-n":
        raise CommandFailed(f"head {' '.join(args)}: the guide supports head -n N")
    return "".join(text.splitlines(keepends=True)[: int(args[1])])


def _jq(text: str, args: list[str]) -> str:
    """A small part of jq: ``.key``, ``[n]``, ``[]`` and ``select(.key == "value")``, joined by ``|``."""
    values: list[Any] = [json.loads(text)]
    for step in " ".join(args).split("|"):
        step = step.strip()
        if not re.fullmatch(r'(?:\.\w+|\[\d+\]|\[\])+|select\(\.\w+ == "[^"]*"\)', step):
            raise CommandFailed(f'jq {step!r}: the guide supports .key, [n], [] and select(.key == "value")')
        if select := re.fullmatch(r'select\(\.(\w+) == "([^"]*)"\)', step):
            values = [v for v in values if v.get(select.group(1)) == select.group(2)]
            continue
        try:
            for key, index in re.findall(r"\.(\w+)|\[(\d+)\]|\[\]", step):
                if key:
                    values = [v[key] for v in values]
                elif index:
                    values = [v[int(index)] for v in values]
                else:
                    values = [item for v in values for item in v]
        except (KeyError, IndexError, TypeError) as exc:
            raise CommandFailed(f"jq {step!r}: no such value ({exc!r})") from None
    if not values:  # a filter that finds nothing shows nothing: the page would silently lose its example
        raise CommandFailed(f"jq {' '.join(args)}: selects nothing")
    return "".join(json.dumps(v, ensure_ascii=False, indent=2) + "\n" for v in values)


_FILTERS: dict[str, Callable[[str, list[str]], str]] = {"head": _head, "jq": _jq}


CLI_PAGES = ("cli.md", "cli.en.md")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the CLI guide's outputs (in both languages)."""
    if page.file.src_uri not in CLI_PAGES:
        return markdown
    return cli_page(markdown, "en" if page.file.src_uri.endswith(".en.md") else "zh")


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the site, as if they were in docs/ (their text comes from
    :func:`on_page_read_source`): the i18n plugin remakes every File from its path, so a generated File's
    content would be lost, and a File with no source path breaks it."""
    from mkdocs.structure.files import File

    for path in generated_pages():
        files.append(File(path, config["docs_dir"], config["site_dir"], config["use_directory_urls"]))
    return files


def on_page_read_source(page: Any, config: Any) -> str | None:
    """The text of a generated page."""
    name = page.file.src_uri
    if name in ("changelog.md", "rule-reference.md", "rule-reference.en.md"):
        return generated_pages()[name]
    return None


def on_post_build(config: Any) -> None:
    """Fail the build on what once went wrong unseen: build code published as a page, doctests run together."""
    site = Path(config["site_dir"])
    published = sorted(str(p.relative_to(site)) for p in site.rglob("*.py"))
    if published or any(site.rglob("gen_pages*")):
        raise CommandFailed(f"build code published in the site: {published}")
    for page in site.rglob("reference/index.html"):
        html = page.read_text(encoding="utf-8")
        if re.search(r"<blockquote>\s*<p>\s*&gt;&gt;&gt;", html) or '<span class="gp">&gt;&gt;&gt; </span>' not in html:
            raise CommandFailed(f"{page}: doctest examples are not shown as code")
