"""Finding installed plugins from entry_points.txt: the same answer as importlib.metadata, without importing it."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from disclosure_core._entry_points import entry_points


def _as_metadata_says(group: str) -> list[tuple[str, str]]:
    return sorted((point.name, point.value) for point in importlib.metadata.entry_points(group=group))


@pytest.mark.parametrize("group", ["disclosure_core", "console_scripts", "pytest11"])
def test_installed_entry_points_are_those_importlib_metadata_finds(group: str) -> None:
    assert sorted((point.name, point.value) for point in entry_points(group)) == _as_metadata_says(group)


def test_the_first_of_two_copies_of_a_distribution_on_the_path_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for where, name, target in (("first", "Demo_Plugin-1.0", "first_module"), ("second", "demo.plugin-2.0", "second")):
        metadata = tmp_path / where / f"{name}.dist-info"
        metadata.mkdir(parents=True)
        (metadata / "entry_points.txt").write_text(f"[disclosure_core]\ndemo = {target}\n", encoding="utf-8")
    # The later copy is spelled differently but is the same distribution (PEP 503 names).
    monkeypatch.setattr(sys, "path", [str(tmp_path / "first"), str(tmp_path / "second")])
    found = entry_points("disclosure_core")
    assert [(point.name, point.value, point.distribution) for point in found] == [
        ("demo", "first_module", "demo-plugin")
    ]
    assert _as_metadata_says("disclosure_core") == [("demo", "first_module")]


def test_a_distribution_version_is_read_from_its_metadata(tmp_path: Path) -> None:
    metadata = tmp_path / "demo-3.1.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text("Metadata-Version: 2.1\nName: demo\nVersion: 3.1\n\nVersion: not this\n")
    (metadata / "entry_points.txt").write_text("# comment\n[other]\nx = y\n[disclosure_core]\n demo = json:dumps \n")
    (point,) = entry_points("disclosure_core", [str(tmp_path), str(tmp_path / "missing")])
    assert (point.name, point.value, point.version, point.load()([2])) == ("demo", "json:dumps", "3.1", "[2]")


def test_a_zip_on_the_path_is_read_through_importlib_metadata(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 1.0\n")
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[disclosure_core]\nzipped = zipped_plugin\n")
    (point,) = entry_points("disclosure_core", [str(archive)])
    assert (point.name, point.value, point.distribution) == ("zipped", "zipped_plugin", "zipped")


def test_sys_path_is_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    metadata = tmp_path / "only-1.0.dist-info"
    metadata.mkdir()
    (metadata / "entry_points.txt").write_text("[demo_group_only_here]\nonly = m\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert [point.name for point in entry_points("demo_group_only_here")] == ["only"]
