"""The documentation's code runs: every python block of docs/api.md, every command of the CLI guide, the service guide."""

from __future__ import annotations

import importlib.util
import os
import re
import warnings
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_every_python_block_of_the_api_guide_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = BLOCK.findall((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "docs_api"}
    for number, code in enumerate(blocks, 1):
        exec(compile(code, f"docs/api.md block {number}", "exec"), namespace)  # the guide is code we ship


@pytest.mark.parametrize("page", ["plugins.md", "contributing.md"])
def test_every_python_block_of_the_plugin_guides_runs(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    blocks = [
        block for block in BLOCK.findall(text) if "--8<--" not in block
    ]  # included files are tested where they live
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page}"}
    for number, code in enumerate(blocks, 1):
        exec(compile(code, f"docs/{page} block {number}", "exec"), namespace)


def test_the_contributor_page_names_a_file_and_a_registering_line_for_each_thing() -> None:
    text = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    for thing in ("rule kind", "source format", "renderer", "layout variant", "provincial rule set"):
        section = text.split(f"## A new {thing}\n", 1)[1].split("\n## ", 1)[0]
        assert "| add | register |" in section, thing


def test_the_docs_site_lists_every_page_it_has() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    names = {p.name for p in (ROOT / "docs").glob("*.md")}
    english = {name.removesuffix(".en.md") + ".md" for name in names if name.endswith(".en.md")}
    pages = (names - {name for name in names if name.endswith(".en.md")}) | {"changelog.md", "rule-reference.md"}
    listed = set(re.findall(r":\s*([\w-]+\.md)$", nav, re.M))
    assert listed == pages, f"pages not in nav: {pages - listed}; nav entries without a page: {listed - pages}"
    assert os.path.exists(ROOT / "CHANGELOG.md")
    # The user-facing pages are in Chinese (page.md) with the English beside them (page.en.md).
    assert english >= {"index.md", "getting-started.md", "cli.md", "faq.md"}
    assert english <= names, f"English pages without their Chinese: {english - names}"
    for name in english:
        assert re.search(r"[\u4e00-\u9fff]{4}", (ROOT / "docs" / name).read_text(encoding="utf-8")[:400])


def test_the_rule_reference_is_made_in_both_languages_from_the_rule_data() -> None:
    from disclosure_core.rules import builtin_rule_set

    pages = _gen_pages().generated_pages()
    rule = builtin_rule_set().rules[0]
    zh, en = pages["rule-reference.md"], pages["rule-reference.en.md"]
    assert zh.startswith("# 规则参考\n")
    assert en.startswith("# Rule reference\n")
    assert f"**{rule.title.zh}** — {rule.title.en}" in zh
    assert f"**{rule.title.en}** — {rule.title.zh}" in en
    assert "不通过的示例：" in zh
    assert "Example that fails:" in en
    assert zh.count('<div class="rule-example" markdown>') == en.count('<div class="rule-example" markdown>') > 50


def test_the_build_fails_when_build_code_is_published_or_doctests_run_together(tmp_path: Path) -> None:
    gen_pages = _gen_pages()
    (tmp_path / "reference").mkdir()
    shown = '<div class="highlight"><pre><code><span class="gp">&gt;&gt;&gt; </span>1 + 1</code></pre></div>'
    (tmp_path / "reference" / "index.html").write_text(shown, encoding="utf-8")
    gen_pages.on_post_build({"site_dir": str(tmp_path)})
    (tmp_path / "reference" / "index.html").write_text("<blockquote>\n<p>&gt;&gt;&gt; 1 + 1\n2</p>", encoding="utf-8")
    with pytest.raises(gen_pages.CommandFailed, match="doctest examples are not shown as code"):
        gen_pages.on_post_build({"site_dir": str(tmp_path)})
    (tmp_path / "reference" / "index.html").write_text(shown, encoding="utf-8")
    (tmp_path / "gen_pages.py").write_text("")
    with pytest.raises(gen_pages.CommandFailed, match="build code published"):
        gen_pages.on_post_build({"site_dir": str(tmp_path)})


def _gen_pages() -> ModuleType:
    return _hook("gen_pages")


def _hook(name: str) -> ModuleType:
    """A build hook of docs/ (mkdocs.yml's ``hooks``), imported from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", ["cli.md", "cli.en.md"])
def test_the_cli_guide_shows_every_command_with_its_real_output(page: str) -> None:
    from disclosure_core.cli import COMMANDS

    source = (ROOT / "docs" / page).read_text(encoding="utf-8")
    shown = set(re.findall(r"^\$ disclosure (?:(?:-[qv]|--no-config|--config \S+) )*([\w-]+)", source, re.M))
    assert shown == set(COMMANDS), f"commands the guide does not run: {set(COMMANDS) - shown}"
    assert "$ disclosure rules explain " in source
    page = _gen_pages().cli_page(source)
    assert "console run" not in page
    # The English page shows the English output (issue 16: one language at a time).
    assert "  table 2 Requests for government information received and handled: 4 of 161 cells hold a number\n" in page
    assert "报送机关" not in page
    assert "  表2 收到和处理政府信息公开申请情况：4/161 个单元格有数字\n" in _gen_pages().run_shown_command(
        "disclosure summary examples/daixian-2020.json", "zh"
    )
    assert 'error: broken.json: $.tables.requests.new.natural_person: expected an integer, got "7件"\n' in page
    assert '"kind": "transposition"' in page
    assert "missing units (in the manifest, no report): 丙镇人民政府\n" in page
    assert "3 reports, 3 already done, 0 to check\n" in page  # the second batch run resumes
    assert "ours.typo" in page  # rules lint names the broken rule …
    assert "natural_persn" in page  # … and the cell it misspells
    assert '"level": "error"' in page  # ledger's diagnostics as JSON lines
    assert "settings from county/disclosure.toml: rules, disable, lang, fail_on\n" in page
    assert "error: wrong/disclosure.toml: fail_on: expected one of error, warning, info, got 'often'\n" in page
    assert "error: examples: refusing to write: a directory (name a file inside it), not a regular file\n" in page
    assert "error: units.txt: refusing to overwrite the input file\n" in page
    assert "_disclosure_completion() {\n" in page


def test_the_service_guide_runs_without_a_plugin_warning() -> None:
    # Its 422 example posts published text as JSON: the service names the body report.json, the JSON source
    # claims it by that name and the text source by its content. No plugin is at fault, so no PluginWarning
    # (mkdocs shows every warning of a build; `make docs` printed one).
    from disclosure_core import PluginWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = _hook("gen_service").service_page((ROOT / "docs" / "service.md").read_text(encoding="utf-8"))
    assert "report.json: " in page  # the example still answers with the JSON source's error
    assert [str(w.message) for w in caught if issubclass(w.category, PluginWarning)] == []


def test_a_command_that_does_not_exit_as_the_guide_says_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    gen_pages = _gen_pages()
    with pytest.raises(gen_pages.CommandFailed, match=r"exited with 1, the guide says 0"):
        gen_pages.cli_page("```console run\n$ disclosure check examples/daixian-2020.json\n```\n")
    with pytest.raises(gen_pages.CommandFailed, match="selects nothing"):
        gen_pages.run_shown_command(
            "disclosure check examples/daixian-2020.json --format json | jq '.findings[] | select(.rule == \"x\")' # exit 1"
        )
    with pytest.raises(gen_pages.CommandFailed, match="no such value"):
        gen_pages.run_shown_command("disclosure schema | jq '.properties.nothing'")
    with pytest.raises(gen_pages.CommandFailed, match="only disclosure commands"):
        gen_pages.run_shown_command("rm -rf /")


def test_piped_commands_filter_standard_output_only() -> None:
    gen_pages = _gen_pages()
    head = gen_pages.run_shown_command("disclosure rules | head -n 2").splitlines()
    assert [line.split()[0] for line in head] == ["requests.balance", "requests.row_total"]
    assert gen_pages.run_shown_command("disclosure schema | jq '.properties.schema.const'") == (
        '"disclosure-core/report/1"\n'
    )
