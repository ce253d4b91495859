"""Rule sets from plugins and from the command line: broken or clashing files are refused, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_core import DataFile, PluginWarning, Registry, check, hookimpl, load
from disclosure_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"


def test_a_plugins_broken_rule_file_is_skipped_with_a_warning_and_checking_goes_on() -> None:
    class Broken:
        @hookimpl
        def disclosure_rule_sets(self) -> list[DataFile]:
            return [DataFile("broken.toml", "garbage = = ")]

    registry = Registry(entry_points=False, plugins=[Broken()])
    report = load(EXAMPLE).report
    with pytest.warns(PluginWarning, match=r"rule file skipped: broken\.toml"):
        findings = check(report, registry=registry)
    plain = check(report, registry=Registry(entry_points=False))
    assert [f.rule for f in findings] == [f.rule for f in plain]


@pytest.mark.usefixtures("english")
def test_a_rule_file_that_reuses_a_shipped_id_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = (ROOT / "src/disclosure_core/rules/common.toml").read_text(encoding="utf-8")
    first = shipped[shipped.index("[[rules]]") : shipped.index("[[rules]]", shipped.index("[[rules]]") + 1)]
    extra = tmp_path / "extra.toml"
    extra.write_text(first, encoding="utf-8")
    assert main(["check", str(EXAMPLE), "--rules", str(extra)]) == 2
    assert "duplicate id" in capsys.readouterr().err
