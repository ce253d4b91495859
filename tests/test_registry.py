"""The plugin registry: isolation, built-ins through hooks, entry points, broken plugins, every hook."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from disclosure_core import (
    Body,
    DataFile,
    Loaded,
    PluginError,
    PluginWarning,
    Registry,
    RenderOptions,
    Report,
    UsageError,
    hookimpl,
    hookspecs,
)
from disclosure_core.testing import InMemorySource

REPORT = Report("gov-2021", 2025, Body("某县人民政府", "county")).with_cells({"appeals.review.total": 3})


class TextRenderer:
    name = "text"
    suffix = ".txt"
    media_type = "text/plain"
    description = "one line"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        return f"{report.body.name} {options.layout.id} {report.number('appeals.review.total')}".encode()


class TextPlugin:
    @hookimpl
    def disclosure_renderers(self) -> Iterable[Any]:
        return [TextRenderer()]


class MemoryPlugin:
    @hookimpl
    def disclosure_sources(self) -> Iterable[Any]:
        return [InMemorySource({"a.memory": REPORT})]


class RulesPlugin:
    @hookimpl
    def disclosure_rule_sets(self) -> Iterable[DataFile]:
        return [DataFile("hubei-rules.toml", "# rules")]

    @hookimpl
    def disclosure_disabled_rules(self) -> Iterable[str]:
        return ["deadline.county"]


def test_builtins_register_through_the_same_hooks() -> None:
    registry = Registry(entry_points=False)
    by_name = {info.name: info for info in registry.plugins()}
    assert by_name["disclosure_core.canonical_json"].hooks == ("disclosure_renderers", "disclosure_sources")
    assert by_name["disclosure_core.official_layouts"].hooks == ("disclosure_layouts",)
    assert all(info.builtin for info in by_name.values())


def test_disclosure_renderers_adds_a_renderer() -> None:
    registry = Registry(entry_points=False, plugins=[TextPlugin()])
    assert registry.render(REPORT, "text") == "某县人民政府 gov-2021 3".encode()


def test_disclosure_sources_adds_a_source() -> None:
    registry = Registry(entry_points=False, plugins=[MemoryPlugin()])
    assert registry.load_bytes(b"", origin="a.memory").report == REPORT
    assert registry.source_for("a.memory", b"").name == "memory"


def test_disclosure_rule_sets_adds_rule_files() -> None:
    registry = Registry(entry_points=False, plugins=[RulesPlugin()])
    assert registry.rule_set_files() == [DataFile("hubei-rules.toml", "# rules")]


def test_disclosure_disabled_rules_switches_shipped_rules_off() -> None:
    registry = Registry(entry_points=False, plugins=[RulesPlugin()])
    assert registry.disabled_rules() == {"deadline.county"}


def test_two_registries_do_not_see_each_other() -> None:
    with_text = Registry(entry_points=False, plugins=[TextPlugin()])
    plain = Registry(entry_points=False)
    assert "text" in with_text.renderers()
    assert "text" not in plain.renderers()
    with pytest.raises(UsageError, match=r"unknown renderer 'text' \(available: json\)"):
        plain.render(REPORT, "text")


def test_a_hook_that_raises_costs_only_its_own_plugin() -> None:
    class Exploding:
        @hookimpl
        def disclosure_renderers(self) -> Iterable[Any]:
            raise RuntimeError("boom")

    with pytest.warns(PluginWarning, match="plugin 'exploding' failed in disclosure_renderers: boom"):
        registry = Registry(entry_points=False, plugins=[TextPlugin()])
        registry.register(Exploding(), name="exploding")
        assert sorted(registry.renderers()) == ["json", "text"]


def test_strict_mode_turns_a_broken_plugin_into_an_error() -> None:
    class NotARenderer:
        @hookimpl
        def disclosure_renderers(self) -> Iterable[Any]:
            return [object()]

    registry = Registry(entry_points=False, strict=True, plugins=[NotARenderer()])
    with pytest.raises(PluginError, match="returned a object, not a renderer"):
        registry.renderers()


def test_a_name_taken_by_a_builtin_stays_with_the_builtin() -> None:
    class Impostor(TextRenderer):
        name = "json"

    class ImpostorPlugin:
        @hookimpl
        def disclosure_renderers(self) -> Iterable[Any]:
            return [Impostor()]

    with pytest.warns(PluginWarning, match="renderer 'json' is already registered"):
        registry = Registry(entry_points=False, plugins=[ImpostorPlugin()])
        assert registry.renderer("json").description.startswith("canonical JSON")


def install_plugins(where: Path, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    """A distribution installed as pip installs one: its modules and a dist-info with entry_points.txt."""
    for name, text in modules.items():
        (where / f"{name}.py").write_text(text, encoding="utf-8")
    metadata = where / "demo_plugins-1.2.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugins\nVersion: 1.2\n", encoding="utf-8")
    lines = "".join(f"{name} = {value}\n" for name, value in entry_points.items())
    (metadata / "entry_points.txt").write_text(f"[disclosure_core]\n{lines}", encoding="utf-8")


TEXT_PLUGIN_MODULE = """
from disclosure_core import hookimpl

class Renderer:
    name, suffix, media_type, description = "text", ".txt", "text/plain", "one line"

    def render(self, report, options):
        return report.body.name.encode()

@hookimpl
def disclosure_renderers():
    return [Renderer()]
"""


def test_entry_point_plugins_are_discovered_and_broken_ones_become_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(
        tmp_path,
        {"text": "demo_text_plugin_a", "broken": "demo_broken_plugin_a"},
        {
            "demo_text_plugin_a": TEXT_PLUGIN_MODULE,
            "demo_broken_plugin_a": "raise ImportError(\"No module named 'lxml'\")\n",
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(PluginWarning, match="plugin 'broken' .* failed to load: No module named 'lxml'"):
        registry = Registry()
    assert "text" in registry.renderers()
    assert any("broken" in problem for problem in registry.problems)
    assert {info.name: info.version for info in registry.plugins()}["text"] == "1.2"
    with pytest.raises(PluginError, match="broken"):
        Registry(strict=True)


def test_loading_a_missing_or_unknown_file_is_a_usage_or_load_error(tmp_path: Path) -> None:
    registry = Registry(entry_points=False)
    unknown = tmp_path / "report.xyz"
    unknown.write_bytes(b"\x00\x01")
    with pytest.raises(UsageError, match=r"report\.xyz: no source reads this kind of file"):
        registry.load(unknown)


def test_loaded_results_carry_diagnostics() -> None:
    assert Loaded(REPORT).diagnostics == ()


def test_every_hook_is_documented_and_exercised_by_a_test() -> None:
    hooks = [name for name, obj in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("disclosure_")]
    assert len(hooks) == 5
    tests = "".join(path.read_text(encoding="utf-8") for path in Path(__file__).parent.rglob("test_*.py"))
    for name in hooks:
        assert len((getattr(hookspecs, name).__doc__ or "").strip()) > 40, f"hook {name} has no real docstring"
        assert f"def test_{name}_" in tests, f"hook {name} has no test named test_{name}_…"
