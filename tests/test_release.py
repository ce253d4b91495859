"""One release train: the version written once, every plugin pinned to the core's major version, a
mistyped hook refused, plugins blocked on request, and public constructors refusing what the model cannot hold."""

from __future__ import annotations

import importlib.metadata
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import disclosure_core
from disclosure_core import Body, Count, PluginError, PluginWarning, Registry, UsageError, hookimpl, new_report
from disclosure_core._version import __version__ as written
from disclosure_core.cli import main

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTIONS = sorted([*ROOT.glob("plugins/*/pyproject.toml"), *ROOT.glob("examples/*/pyproject.toml")])


def test_the_version_is_written_once_and_read_from_the_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/disclosure_core/_version.py"
    assert disclosure_core.__version__ == importlib.metadata.version("disclosure-core") == written


def test_the_core_does_not_depend_on_jinja2() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert not [d for d in project["project"]["dependencies"] if d.startswith("jinja2")]


@pytest.mark.parametrize("path", DISTRIBUTIONS, ids=lambda p: p.parent.name)
def test_every_plugin_pins_the_cores_major_version(path: Path) -> None:
    major = int(written.split(".")[0])
    dependencies = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["dependencies"]
    core = [d for d in dependencies if d.startswith("disclosure-core")]
    assert (
        core == [f"disclosure-core>={major}.1,<{major + 1}"]
        if major == 0
        else [f"disclosure-core>={major},<{major + 1}"]
    )


class Mistyped:
    @hookimpl
    def disclosure_renderer(self) -> list[object]:  # the hook is disclosure_renderers
        return []


def test_a_mistyped_hook_name_is_a_plugin_problem() -> None:
    with pytest.warns(PluginWarning, match=r"plugin 'Mistyped' skipped: unknown hook 'disclosure_renderer'"):
        registry = Registry(entry_points=False, plugins=[Mistyped()])
    assert "Mistyped" not in [info.name for info in registry.plugins()]
    with pytest.raises(PluginError, match="unknown hook 'disclosure_renderer'"):
        Registry(entry_points=False, plugins=[Mistyped()], strict=True)
    later = Registry(entry_points=False)
    with pytest.warns(PluginWarning, match="unknown hook"):
        later.register(Mistyped())


def test_installed_plugins_can_be_blocked() -> None:
    assert "html" in Registry().renderers()
    assert "html" not in Registry(block=["html"]).renderers()


@pytest.mark.usefixtures("english")  # reads the English listing
def test_the_cli_loads_only_the_plugins_named_in_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCLOSURE_LOAD_PLUGINS", "html")
    assert main(["plugins"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "renderers: json (.json), html (.html)"
    monkeypatch.setenv("DISCLOSURE_LOAD_PLUGINS", "")
    assert main(["plugins"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "renderers: json (.json)"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1.5, "requests.new.total: 1.5 is a float: give a count as int, money as Decimal"),
        (True, "requests.new.total: True is a bool: give a count as int, money as Decimal"),
        ("7", "requests.new.total: '7' is a str: give a count as int, money as Decimal"),
    ],
)
def test_new_report_refuses_what_a_cell_cannot_hold(value: object, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        new_report("gov-2021", 2025, Body("某县人民政府", "county"), cells={"requests.new.total": value})  # type: ignore[arg-type]
    assert str(raised.value) == message
    made = new_report("gov-2021", 2025, Body("某县人民政府", "county"), cells={"proactive.fees.amount": Decimal("1.5")})
    assert made.number("proactive.fees.amount") == Decimal("1.5")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1.5, "requests.new.total: 1.5 is a float: give a count as int, money as Decimal"),
        (True, "requests.new.total: True is a bool: give a count as int, money as Decimal"),
        ("7", "requests.new.total: '7' is a str: give a count as int, money as Decimal"),
    ],
)
def test_changing_a_cell_refuses_what_it_cannot_hold(value: object, message: str) -> None:
    report = new_report("gov-2021", 2025, Body("某县人民政府", "county"))
    with pytest.raises(UsageError) as raised:
        report.with_cells({"requests.new.total": value})  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_a_count_is_never_a_bool_and_a_body_is_named_by_text() -> None:
    with pytest.raises(TypeError, match="not a bool"):
        Count(True)
    assert Count(0).number == 0
    with pytest.raises(TypeError, match="'name' must be <class 'str'>"):
        Body(3, "county")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "body", "message"),
    [
        (True, Body("某县", "county"), "the year is a whole number such as 2025, not True"),
        ("2025", Body("某县", "county"), "the year is a whole number such as 2025, not '2025'"),
        (2025, "某县", "the body is a disclosure_core.Body(name, level), not a str"),
    ],
)
def test_new_report_refuses_a_year_or_body_of_the_wrong_type(year: object, body: object, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        new_report("gov-2021", year, body)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_the_changelog_has_a_section_per_distribution() -> None:
    headings = [
        line for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    ]
    released = [ROOT / "pyproject.toml", *ROOT.glob("plugins/*/pyproject.toml")]
    for path in released:
        name = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["name"]
        assert any(heading.startswith(f"## {name} ") for heading in headings), f"CHANGELOG.md: no section for {name}"
    assert len(headings) >= len(released) >= 5
