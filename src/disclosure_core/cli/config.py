"""The project's ``disclosure.toml`` (or ``[tool.disclosure]`` of pyproject.toml), found upward from the working
directory: defaults for options every run would otherwise repeat. Options given on the command line win.

::

    # disclosure.toml
    rules = ["our-rules.toml"]     # extra rule files, relative to this file
    disable = ["proactive.fees_unit"]
    lang = "en"
    fail_on = "error"
    blank_as_zero = false
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from disclosure_core._files import os_reason
from disclosure_core.catalogue import choices, reason
from disclosure_core.errors import UsageError

CONFIG_FILE = "disclosure.toml"
PYPROJECT = "pyproject.toml"

_CHOICES = {"lang": ("zh", "en"), "fail_on": ("error", "warning", "info")}
KEYS = ("rules", "disable", "lang", "fail_on", "blank_as_zero")
"""Every key a configuration may set: each is the command-line option of the same name (``fail_on``: ``--fail-on``)."""


class ConfigError(UsageError):
    """A configuration file that cannot be used: one line naming the file and the key."""


@attrs.frozen
class Config:
    """The settings read from one file, with paths made absolute against the file's folder."""

    path: Path
    values: Mapping[str, Any]

    def defaults_for(self, option_names: Mapping[str, str]) -> dict[str, Any]:
        """The defaults for one command: ``option_names`` maps a key to the command's parameter name.

        >>> Config(Path("/p/disclosure.toml"), {"lang": "en", "fail_on": "error"}).defaults_for({"lang": "lang"})
        {'lang': 'en'}
        """
        return {param: self.values[key] for key, param in option_names.items() if key in self.values}


def find_config(start: Path) -> Config | None:
    """The first ``disclosure.toml``, or pyproject.toml with a ``[tool.disclosure]`` table, in ``start`` or above.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "disclosure.toml").write_text('lang = "en"')
    >>> (root / "sub").mkdir()
    >>> find_config(root / "sub").values
    {'lang': 'en'}
    """
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return load_config(candidate)
        project = folder / PYPROJECT
        if project.is_file():
            table = _toml(project).get("tool", {})
            if isinstance(table, dict) and "disclosure" in table:
                return _config(project, table["disclosure"], prefix="tool.disclosure.")
    return None


def load_config(path: Path) -> Config:
    """Read one configuration file (a pyproject.toml is read for its ``[tool.disclosure]`` table).

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "disclosure.toml"
    >>> _ = bad.write_text('fail_on = "often"')
    >>> load_config(bad)
    Traceback (most recent call last):
    ...
    disclosure_core.cli.config.ConfigError: .../disclosure.toml: fail_on: expected one of error, warning, info, got 'often'
    """
    if path.name == PYPROJECT:
        tool = _toml(path).get("tool", {})
        table = tool.get("disclosure", {}) if isinstance(tool, dict) else {}
        return _config(path, table, prefix="tool.disclosure.")
    return _config(path, _toml(path), prefix="")


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError.keyed("error.unreadable", where=str(path), reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise ConfigError.keyed("config.not_utf8", where=str(path)) from None
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise ConfigError.keyed("config.malformed", where=str(path), reason=reason(exc)) from None


def _config(path: Path, table: object, *, prefix: str) -> Config:
    if not isinstance(table, dict):
        where = f"{path}: {prefix.rstrip('.')}" if prefix else str(path)
        raise ConfigError.keyed("config.table", where=where)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError.keyed("config.unknown_key", where=f"{path}: {prefix}{key}", known=choices(KEYS))
        values[key] = _value(path, f"{prefix}{key}", key, value)
    return Config(path.absolute(), values)


def _value(path: Path, where: str, key: str, value: object) -> object:
    if key == "blank_as_zero":
        if not isinstance(value, bool):
            raise ConfigError.keyed("json.boolean", where=f"{path}: {where}", got=repr(value))
        return value
    if key in _CHOICES:
        if value not in _CHOICES[key]:
            choices = ", ".join(_CHOICES[key])
            raise ConfigError.keyed("config.choice", where=f"{path}: {where}", choices=choices, got=repr(value))
        return value
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise ConfigError.keyed("config.strings", where=f"{path}: {where}", got=repr(value))
    if key == "rules":  # relative to the file, so the project's rules are found from any of its folders
        return tuple(str(path.absolute().parent / item) for item in items)
    return tuple(items)
