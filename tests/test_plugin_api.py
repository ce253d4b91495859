"""Plugins and the example plugin import only the declared plugin API of disclosure-core.

The declared API is the facade (``disclosure_core.__all__``), the modules written for plugin authors
(:mod:`disclosure_core.sources`, :mod:`disclosure_core.renderers`, :mod:`disclosure_core.rendering`, :mod:`disclosure_core.catalogue` (the words a plugin prints), each with
its ``__all__``), the layout data (:mod:`disclosure_core.layouts`, its ``__all__``), the error tree
(:mod:`disclosure_core.errors`), the hook contract (:mod:`disclosure_core.hookspecs`) and the test helpers
(:mod:`disclosure_core.testing` and its submodules), and the ``disclosure`` command's entry point
(``disclosure_core.cli.main``, for tests that run the command). Everything else may change without notice, so code under
``plugins/`` and ``examples/`` — sources, tests and the examples in docstrings alike — may not import it.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = [ROOT / "plugins", ROOT / "examples"]

WITH_ALL = (
    "disclosure_core",
    "disclosure_core.sources",
    "disclosure_core.renderers",
    "disclosure_core.rendering",
    "disclosure_core.layouts",
    "disclosure_core.catalogue",
)
"""Modules whose public names are exactly their ``__all__``."""
WHOLE = ("disclosure_core.errors", "disclosure_core.hookspecs", "disclosure_core.testing", "disclosure_core.progress")
"""Modules (and, for testing, packages) whose every name without a leading underscore is public."""
FACADE_EXTRA = {"__version__", "testing"}
SINGLE = {("disclosure_core.cli", "main")}


def declared(module: str, name: str | None) -> bool:
    """Whether ``from module import name`` (or ``import module`` when ``name`` is None) is the declared API.

    >>> declared("disclosure_core.sources", "located"), declared("disclosure_core.values", "located")
    (True, False)
    """
    if (module, name) in SINGLE:
        return True
    if module in WITH_ALL:
        if name is None:
            return True
        if module == "disclosure_core" and name in FACADE_EXTRA:
            return True
        return name in importlib.import_module(module).__all__
    if any(module == whole or module.startswith(whole + ".") for whole in WHOLE):
        return name is None or not name.startswith("_")
    return False


def imports(tree: ast.AST) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) of every import from disclosure_core in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "disclosure_core" or node.module.startswith("disclosure_core."):
                for alias in node.names:
                    yield node.lineno, node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "disclosure_core" or alias.name.startswith("disclosure_core."):
                    yield node.lineno, alias.name, None


def docstring_trees(tree: ast.AST) -> Iterator[tuple[int, ast.AST]]:
    """The code of each docstring example (doctest) in ``tree``, with the line its docstring starts on."""
    parser = doctest.DocTestParser()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            text = ast.get_docstring(node, clean=False)
            if text and ">>>" in text:
                line = node.body[0].lineno
                for example in parser.get_examples(text):
                    try:
                        yield line + example.lineno, ast.parse(example.source)
                    except SyntaxError:
                        continue


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [(line, module, name) for line, module, name in imports(tree)]
    for start, example in docstring_trees(tree):
        found += [(start + line - 1, module, name) for line, module, name in imports(example)]
    where = path.relative_to(ROOT)
    return [
        f"{where}:{line}: {module}{'' if name is None else '.' + name}"
        for line, module, name in found
        if not declared(module, name)
    ]


FILES = sorted(file for folder in CHECKED for file in folder.rglob("*.py") if ".venv" not in file.parts)


def test_the_checked_trees_hold_the_plugins() -> None:
    names = {file.parts[len(ROOT.parts) + 1] for file in FILES}
    assert {"disclosure-docx", "disclosure-html", "disclosure-xlsx", "disclosure-published"} <= names
    assert "disclosure-example-hubei" in names


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_plugin_code_imports_only_the_declared_api(path: Path) -> None:
    assert violations(path) == []


def test_a_private_or_undeclared_import_is_found(tmp_path: Path) -> None:
    plugin = ROOT / "plugins" / "probe.py"  # the path only names it; the text is parsed from here
    text = '''
import disclosure_core._document
from disclosure_core.values import located
from disclosure_core import Report, _WHERE
from disclosure_core.sources import located as fine
import disclosure_core.rendering


def f():
    """
    >>> from disclosure_core.rules.instances import compile_rules
    """
'''
    tree = ast.parse(text)
    found = [(module, name) for _, module, name in imports(tree)]
    found += [(module, name) for _, example in docstring_trees(tree) for _, module, name in imports(example)]
    assert [(module, name) for module, name in found if not declared(module, name)] == [
        ("disclosure_core._document", None),
        ("disclosure_core.values", "located"),
        ("disclosure_core", "_WHERE"),
        ("disclosure_core.rules.instances", "compile_rules"),
    ]
    assert plugin.parent.is_dir()


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_plugin_code_reaches_no_file_outside_its_plugin(path: Path) -> None:
    """Test data comes through ``disclosure_core.testing`` (``daixian_report()``, ``data.daixian_json()``,
    ``data.published_reports()``, ``data.artifacts()``), never by walking up from ``__file__``."""
    text = path.read_text(encoding="utf-8")
    assert ".parents[" not in text
    # A path joined onto the repository's folders (a dictionary key named "examples" is not a path).
    assert not re.search(r'/\s*"(examples|shared)"', text)
