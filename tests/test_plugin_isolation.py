"""A misbehaving plugin costs only itself: real Registry instances with plugins that raise, return the wrong
types or claim every file, beside well-behaved ones whose files must still load."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from disclosure_core import (
    DataFile,
    Loaded,
    LoadError,
    Outcome,
    PluginError,
    PluginWarning,
    Registry,
    RenderError,
    Report,
    hookimpl,
)
from disclosure_core.testing import InMemorySource, daixian_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


class Source:
    """A source whose sniff and load do what the test says."""

    def __init__(self, name: str, sniff: Any = False, load: Any = None, suffixes: tuple[str, ...] = (".bad",)) -> None:
        self.name, self.suffixes, self.description = name, suffixes, f"test source {name}"
        self._sniff, self._load = sniff, load

    def sniff(self, head: bytes, filename: str) -> bool:
        answer: bool = self._sniff(head, filename) if callable(self._sniff) else self._sniff
        return answer

    def load(self, data: bytes, *, origin: str, layouts: Any, hints: Any = None) -> Loaded:
        result: Loaded = self._load(origin) if callable(self._load) else self._load
        return result


class Renderer:
    def __init__(self, name: Any, render: Any) -> None:
        self.name, self.suffix, self.media_type, self.description = name, ".t", "text/plain", "test renderer"
        self._render = render

    def render(self, report: Report, options: Any) -> bytes:
        data: bytes = self._render(report)
        return data


class Plugin:
    """A plugin object with the given hooks (each returns the list given)."""

    def __init__(self, **hooks: Any) -> None:
        for hook, items in hooks.items():
            setattr(self, hook, hookimpl(specname=hook)(lambda items=items: items))


def raises(exc: Exception) -> Any:
    def call(*_: Any) -> Any:
        raise exc

    return call


def registry(*plugins: tuple[str, object], strict: bool = False) -> Registry:
    built = Registry(entry_points=False, strict=strict)
    for name, plugin in plugins:
        built.register(plugin, name=name)
    return built


def memory() -> tuple[str, Plugin]:
    return "memory", Plugin(disclosure_sources=[InMemorySource({"dai.memory": daixian_report()})])


def problems(call: Any) -> tuple[Any, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]


# ---------------------------------------------------------------- sniffing


def test_a_sniff_that_raises_costs_only_its_plugin() -> None:
    reg = registry(("flaky", Plugin(disclosure_sources=[Source("flaky", sniff=raises(KeyError("x")))])), memory())
    loaded, said = problems(lambda: reg.load_bytes(b"", origin="dai.memory"))
    assert loaded.report.body.name == "代县人民政府"
    assert said == ["plugin 'flaky': source 'flaky' failed to sniff dai.memory: KeyError: 'x'"]
    again, said = problems(lambda: reg.load(EXAMPLE))
    assert again.report.year == 2020
    assert said == []


def test_a_sniff_that_answers_something_else_than_a_bool_claims_nothing() -> None:
    reg = registry(("vague", Plugin(disclosure_sources=[Source("vague", sniff="yes")])), memory())
    loaded, said = problems(lambda: reg.load_bytes(b"", origin="dai.memory"))
    assert loaded.report.year == 2020
    assert said == ["plugin 'vague': source 'vague' answered a str to sniff, not a bool"]


def test_a_sniff_that_claims_every_file_is_reported_and_asked_no_more() -> None:
    greedy = Source("greedy", sniff=True, load=raises(AssertionError("never read")))
    reg = registry(("greedy", Plugin(disclosure_sources=[greedy])), memory())
    (first, second), said = problems(
        lambda: (reg.load_bytes(b"", origin="dai.memory"), reg.load_bytes(b"", origin="dai.memory"))
    )
    assert first.report == second.report == daixian_report()
    assert said == [
        "plugin 'greedy': source 'greedy' claims every file (even one no source can read); "
        "it is no longer asked, and reads only files named for it or by suffix"
    ]


def test_a_second_source_claiming_the_same_file_is_reported_once() -> None:
    also = Source("also-json", sniff=lambda head, name: name.endswith(".json"), load=raises(AssertionError("no")))
    reg = registry(("copycat", Plugin(disclosure_sources=[also])))
    (first, second), said = problems(lambda: (reg.load(EXAMPLE), reg.load(EXAMPLE)))
    assert first.report.year == second.report.year == 2020  # the built-in source, registered first, reads it
    assert said == [
        "plugin 'copycat': source 'also-json' also claims files that source 'json' "
        f"(plugin 'disclosure_core.canonical_json') reads, such as {EXAMPLE}"
    ]


def test_a_source_claiming_by_content_a_file_another_claims_by_its_name_is_no_conflict() -> None:
    # The service names a body it was told is JSON "report.json": the text source's claim on its content
    # is not the text plugin's fault, and the name decides (the first source in order reads the file).
    text = Source("text-like", sniff=lambda head, name: "政府信息公开".encode() in head)
    reg = registry(("texts", Plugin(disclosure_sources=[text])))
    body = "代县2020年政府信息公开工作年度报告".encode()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(LoadError, match=r"^report\.json: "):
            reg.load_bytes(body, origin="report.json")
    assert [str(w.message) for w in caught] == []
    with pytest.raises(LoadError, match=r"^report\.txt: source 'text-like' \(plugin 'texts'\) returned a NoneType"):
        reg.load_bytes(body, origin="report.txt")  # named for no source: the content claim reads it


def test_a_second_source_claiming_the_same_content_is_reported() -> None:
    braces = Source("braces", sniff=lambda head, name: head.lstrip().startswith(b"{"), load=raises(AssertionError()))
    reg = registry(("curly", Plugin(disclosure_sources=[braces])))
    loaded, said = problems(lambda: reg.load_bytes(EXAMPLE.read_bytes(), origin="upload"))
    assert loaded.report.year == 2020
    assert said == [
        "plugin 'curly': source 'braces' also claims files that source 'json' "
        "(plugin 'disclosure_core.canonical_json') reads, such as upload"
    ]


def test_strict_registries_refuse_a_failing_sniff() -> None:
    reg = registry(("flaky", Plugin(disclosure_sources=[Source("flaky", sniff=raises(OSError("disk")))])), strict=True)
    with pytest.raises(PluginError, match=r"^plugin 'flaky': source 'flaky' failed to sniff .*: OSError: disk$"):
        reg.load(EXAMPLE)


# ---------------------------------------------------------------- loading


@pytest.mark.parametrize(
    ("load", "message"),
    [
        (raises(RuntimeError("boom")), "x.bad: source 'bad' (plugin 'p') failed: RuntimeError: boom"),
        (raises(ZeroDivisionError()), "x.bad: source 'bad' (plugin 'p') failed: ZeroDivisionError"),
        (None, "x.bad: source 'bad' (plugin 'p') returned a NoneType, not a loaded report"),
        (daixian_report(), "x.bad: source 'bad' (plugin 'p') returned a Report, not a loaded report"),
        (Loaded("a report"), "x.bad: source 'bad' (plugin 'p') returned a str, not a report"),  # type: ignore[arg-type]
        (raises(LoadError("line 3: no table")), "x.bad: line 3: no table"),  # a LoadError always names the file
        (raises(LoadError("x.bad: line 3: no table")), "x.bad: line 3: no table"),
    ],
)
def test_a_source_either_returns_a_report_or_raises_a_load_error_naming_the_file(load: Any, message: str) -> None:
    reg = registry(("p", Plugin(disclosure_sources=[Source("bad", sniff=True, load=load)])))
    with pytest.raises(LoadError) as raised:
        reg.load_bytes(b"data", origin="x.bad", source="bad")
    assert str(raised.value) == message


def test_a_failing_source_leaves_other_files_loading() -> None:
    reg = registry(("p", Plugin(disclosure_sources=[Source("bad", load=raises(TypeError("no")))])), memory())
    with pytest.raises(LoadError, match=r"^x\.bad: source 'bad' \(plugin 'p'\) failed: TypeError: no$"):
        reg.load_bytes(b"", origin="x.bad")  # claimed by suffix
    assert reg.load_bytes(b"", origin="dai.memory").report.year == 2020


# ---------------------------------------------------------------- rendering and registering


@pytest.mark.parametrize(
    ("render", "message"),
    [
        (raises(ValueError("bad glyph")), r"^renderer 'odd' \(plugin 'p'\) failed: ValueError: bad glyph$"),
        (lambda report: report.body.name, r"^renderer 'odd' \(plugin 'p'\) returned a str, not bytes$"),
        (raises(RenderError("$.title: too long")), r"^\$\.title: too long$"),
    ],
)
def test_a_renderer_returns_bytes_or_raises_a_render_error_naming_it(render: Any, message: str) -> None:
    reg = registry(("p", Plugin(disclosure_renderers=[Renderer("odd", render)])))
    with pytest.raises(RenderError, match=message):
        reg.render(daixian_report(), "odd")
    assert reg.render(daixian_report(), "json").startswith(b"{")


def test_a_renderer_named_by_something_else_than_a_str_is_refused() -> None:
    reg, said = problems(lambda: registry(("p", Plugin(disclosure_renderers=[Renderer(["odd"], bytes)]))))
    names, said = problems(lambda: sorted(reg.renderers()))
    assert names == ["json"]
    assert said == ["plugin 'p': a renderer named by a list, not a str"]


def test_a_hook_failing_halfway_contributes_none_of_its_items() -> None:
    class Halfway:
        @hookimpl
        def disclosure_renderers(self) -> Iterator[Renderer]:
            yield Renderer("first", lambda report: b"1")
            raise RuntimeError("second one broke")

    reg = registry(("halfway", Halfway()))
    names, said = problems(lambda: sorted(reg.renderers()))
    assert names == ["json"]
    assert said == ["plugin 'halfway' failed in disclosure_renderers: second one broke"]


# ---------------------------------------------------------------- data files


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (DataFile("p/rules.toml", b"rules = []"), "plugin 'p': rule file 'p/rules.toml' has a bytes text, not a str"),  # type: ignore[arg-type]
        (DataFile(7, "rules = []"), "plugin 'p': rule file 7 has a int name, not a str"),  # type: ignore[arg-type]
        ("rules = []", "plugin 'p' returned a str, not a rule file"),
        (DataFile("p/rules.toml", "rules = 1"), "plugin 'p': rule file skipped: p/rules.toml"),
    ],
)
def test_a_broken_rule_file_costs_only_its_plugin(file: Any, message: str) -> None:
    shipped = (ROOT / "src/disclosure_core/rules/common.toml").read_text(encoding="utf-8")
    first = shipped.index("[[rules]]")
    one_rule = shipped[first : shipped.index("[[rules]]", first + 1)]
    rule_id = one_rule.split('id = "', 1)[1].split('"', 1)[0]
    good = DataFile("good/rules.toml", one_rule.replace(f'id = "{rule_id}"', 'id = "good.rule"', 1))
    reg = registry(("p", Plugin(disclosure_rule_sets=[file])), ("good", Plugin(disclosure_rule_sets=[good])))
    rules, said = problems(reg.rule_set)
    assert len(said) == 1
    assert said[0].startswith(message)
    assert "requests.balance" in rules.ids()
    assert "good.rule" in rules.ids()
    assert reg.check(daixian_report()).by_outcome()[Outcome.FAIL] >= 3


def test_a_broken_layout_file_costs_only_its_plugin() -> None:
    reg = registry(("p", Plugin(disclosure_layouts=[DataFile("p/layout.toml", None), DataFile("p/l2.toml", "x")])))  # type: ignore[arg-type]
    layouts, said = problems(reg.layouts)
    assert sorted(layouts) == ["gov-2019", "gov-2021"]
    assert said[0] == "plugin 'p': layout 'p/layout.toml' has a NoneType text, not a str"
    assert said[1].startswith("plugin 'p': ")
    assert "p/l2.toml" in said[1]
    assert len(said) == 2


def test_a_disabled_rule_that_is_not_an_id_is_refused() -> None:
    reg = registry(("p", Plugin(disclosure_disabled_rules=[3, "requests.balance"])))
    disabled, said = problems(reg.disabled_rules)
    assert disabled == {"requests.balance"}
    assert said == ["plugin 'p' returned a int, not a rule id"]


def test_a_plugin_problem_is_the_english_line_with_its_key_and_chinese_words() -> None:
    from disclosure_core.testing.language import english_words

    class Exploding:
        @hookimpl
        def disclosure_renderers(self) -> list[object]:
            raise RuntimeError("boom")

    with pytest.warns(PluginWarning):
        reg = Registry(entry_points=False, plugins=[Exploding()])
        sorted(reg.renderers())
    (problem,) = reg.problems
    assert isinstance(problem, str)
    assert problem == "plugin 'Exploding' failed in disclosure_renderers: boom"  # its class, not pluggy's id()
    assert problem.key == "plugin.failed_in"
    assert problem.text("zh") == "插件 'Exploding' 在 disclosure_renderers 中出错：`boom`"  # the plugin's words, quoted
    assert english_words(problem.text("zh")) == set()
    with pytest.raises(PluginError) as raised:
        sorted(Registry(entry_points=False, strict=True, plugins=[Exploding()]).renderers())
    assert raised.value.key == "plugin.failed_in"
    assert raised.value.text("zh") == problem.text("zh")
