"""The CLI is thin: a command imports what it uses when it runs, usage errors are one line, and the plugins'
renderers and sources (python-docx, openpyxl, jinja2) are imported only when a file needs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_core import Registry
from disclosure_core._lazy import LazyRenderer, LazySource
from disclosure_core.cli import main

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English diagnostics

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "daixian-2020.json"
HEAVY = ("docx", "openpyxl", "jinja2", "pdfplumber", "disclosure_core.cli.check_commands")


def modules_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``disclosure *argv``."""
    program = (
        "import json, sys\n"
        "from disclosure_core.cli import main\n"
        f"main({list(argv)!r})\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    modules: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return set(modules)


def test_version_imports_no_command_and_no_plugin() -> None:
    loaded = modules_after("--version")
    # cli.lang is the --lang option itself (click and the default language only), not a command.
    light = {"disclosure_core.cli.shared", "disclosure_core.cli.lang"}
    assert not {m for m in loaded if m.startswith("disclosure_core.cli.") and m not in light}
    assert not {m for m in loaded if m.split(".")[0] in ("docx", "openpyxl", "jinja2")}


def test_checking_a_json_report_imports_neither_docx_openpyxl_nor_jinja2() -> None:
    loaded = modules_after("check", str(EXAMPLE))
    assert "disclosure_core.cli.check_commands" in loaded
    assert {m.split(".")[0] for m in loaded} & {"docx", "openpyxl", "jinja2"} == set()
    assert "disclosure_core.cli.many_commands" not in loaded


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert"], "error: Missing argument 'SOURCE_FILE'. (see `disclosure convert --help`)\n"),
        (["no-such-command"], "error: No such command 'no-such-command'. (see `disclosure --help`)\n"),
        (
            ["check", str(EXAMPLE), "--fail-on", "bogus"],
            "error: Invalid value for '--fail-on': 'bogus' is not one of 'error', 'warning', 'info'."
            " (see `disclosure check --help`)\n",
        ),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == message


def test_every_lazy_plugin_object_says_what_its_class_says() -> None:
    registry = Registry()
    proxies = [*registry.renderers().values(), *registry.sources().values()]
    lazy = [p for p in proxies if isinstance(p, LazyRenderer | LazySource)]
    assert {p.name for p in lazy} >= {"docx", "xlsx", "html"}
    for proxy in lazy:
        real = proxy.implementation()
        fields = ("suffix", "media_type") if isinstance(proxy, LazyRenderer) else ("suffixes",)
        for field in ("name", "description", *fields):
            assert getattr(proxy, field) == getattr(real, field), (proxy.name, field)
