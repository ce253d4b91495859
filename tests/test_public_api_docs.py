"""Every public name — in ``disclosure_core.__all__``, ``disclosure_core.testing`` and each plugin package's
``__all__`` — has a docstring with an example (a doctest, which pytest runs, or a code block)."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

PACKAGES = [
    "disclosure_core",
    "disclosure_core.testing",
    "disclosure_core.testing.strategies",
    "disclosure_core.sources",
    "disclosure_core.renderers",
    "disclosure_core.rendering",
    "disclosure_html",
    "disclosure_docx",
    "disclosure_xlsx",
    "disclosure_published",
    "disclosure_example_hubei",
]
EXAMPLE = re.compile(r"^\s*>>> |^\s*```|::\s*$", re.M)


def public_names() -> list[tuple[str, str]]:
    names = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        exported = getattr(module, "__all__", None)
        if exported is None:  # a module without __all__: its public classes and functions defined there
            exported = [
                name
                for name, obj in vars(module).items()
                if not name.startswith("_")
                and (inspect.isclass(obj) or inspect.isfunction(obj))
                and obj.__module__ == package
            ]
        names += [(package, name) for name in exported]
    return names


def documented(obj: object) -> str:
    """The object's own docstring (a class without one would otherwise show its base's)."""
    return (vars(obj).get("__doc__") if inspect.isclass(obj) else obj.__doc__) or ""


def test_every_package_exports_something() -> None:
    packages = {package for package, _ in public_names()}
    assert packages == set(PACKAGES)


@pytest.mark.parametrize(("package", "name"), public_names(), ids=lambda value: value)
def test_every_public_name_has_a_docstring_with_an_example(package: str, name: str) -> None:
    obj = getattr(importlib.import_module(package), name)
    if not (inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismodule(obj)):
        return  # constants (BLANK, SECTION_IDS …) are documented where they are defined
    doc = documented(obj)
    assert len(doc.strip()) > 20, f"{package}.{name} has no docstring"
    assert EXAMPLE.search(doc), f"{package}.{name}: the docstring has no example (>>> or a code block)"


def test_the_check_finds_a_missing_example() -> None:
    class Undocumented:
        """A class described, but with nothing to run."""

    class Inherits(Undocumented):
        pass

    assert not EXAMPLE.search(documented(Undocumented))
    assert documented(Inherits) == ""
