"""A batch on several worker processes tells each plugin problem once, in the user's language, as one process
does: a plugin that fails to load (found again by every worker) and a sniff that fails (found only in workers).

The workers are started each way Python can start them: fork (Linux up to 3.13), spawn (Windows, macOS) and
forkserver (Linux from 3.14), where a worker starts afresh and would print Python's own English warning line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "daixian-2020.json"

FLAKY = """
from disclosure_core import hookimpl


class FlakySniff:
    name, suffixes, description = "flaky", (".flaky",), "a sniff that fails on every file"

    def sniff(self, head, filename):
        raise RuntimeError("sniff broke")

    def load(self, data, *, origin, layouts, hints=None):
        raise AssertionError("never read")


@hookimpl
def disclosure_sources():
    return [FlakySniff()]
"""

TOLD = {
    "zh": [
        "警告：插件 'broken'（disclosure_no_such_module）加载失败：找不到模块 'disclosure_no_such_module'",
        "警告：插件 'flaky'：来源 'flaky' 判断文件 IN 时出错：`RuntimeError: sniff broke`",
    ],
    "en": [
        "warning: plugin 'broken' (disclosure_no_such_module) failed to load: No module named"
        " 'disclosure_no_such_module'",
        "warning: plugin 'flaky': source 'flaky' failed to sniff IN: RuntimeError: sniff broke",
    ],
}


@pytest.fixture
def plugged(tmp_path: Path) -> Path:
    """A folder with ``in/`` (four copies of the example) and ``site/``, where two plugins are installed: one whose
    module is missing, one whose sniff raises on every file (put ``site`` on ``PYTHONPATH``)."""
    site = tmp_path / "site"
    for name, target in (("broken_demo", "disclosure_no_such_module"), ("flaky_demo", "flaky_sniff_plugin")):
        info = site / f"{name}-0.1.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
        (info / "entry_points.txt").write_text(f"[disclosure_core]\n{name.split('_')[0]} = {target}\n")
    (site / "flaky_sniff_plugin.py").write_text(FLAKY)
    (tmp_path / "in").mkdir()
    for index in range(4):
        shutil.copy(EXAMPLE, tmp_path / "in" / f"r{index}.json")
    return tmp_path


@pytest.mark.parametrize(
    ("start", "lang", "jobs"),
    [("spawn", "zh", 2), ("forkserver", "en", 2), ("fork", "zh", 2), ("fork", "en", 2), ("fork", "zh", 1)],
)
def test_a_batch_tells_each_plugin_problem_once_in_the_user_s_language(
    start: str, lang: str, jobs: int, plugged: Path
) -> None:
    program = (
        "import multiprocessing, sys\n"
        "from disclosure_core.cli import main\n"
        "if __name__ == '__main__':\n"
        f"    multiprocessing.set_start_method({start!r})\n"
        f"    sys.exit(main(['--lang', {lang!r}, 'batch', 'in', '-o', 'out', '-j', '{jobs}']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(plugged / "site"), "PYTHONWARNINGS": ""}
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=plugged, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1, done.stderr  # the example has failing rules
    assert (plugged / "out" / "summary.csv").exists()
    told = [line for line in done.stderr.splitlines() if "broken" in line or "flaky" in line]
    assert [_any_input(line) for line in told] == TOLD[lang]
    assert "PluginWarning" not in done.stderr


def _any_input(line: str) -> str:
    """The line with the input it names (whichever a worker read first) as IN."""
    for index in range(4):
        line = line.replace(f"in/r{index}.json", "IN")
    return line


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_plugin_the_user_left_out_is_never_loaded_to_check_a_batch(jobs: int, plugged: Path) -> None:
    """``DISCLOSURE_LOAD_PLUGINS`` leaves the broken plugin out: no process of the batch loads it (before, each
    input was checked with a registry of every installed plugin, so its failure was told all the same)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(plugged / "site"),
        "PYTHONWARNINGS": "",
        "DISCLOSURE_LOAD_PLUGINS": "flaky",
    }
    command = [sys.executable, "-m", "disclosure_core", "--lang", "en", "batch", "in", "-o", "out", "-j", str(jobs)]
    done = subprocess.run(command, cwd=plugged, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the example has failing rules
    told = [_any_input(line) for line in done.stderr.splitlines() if "broken" in line or "flaky" in line]
    assert told == TOLD["en"][1:]
