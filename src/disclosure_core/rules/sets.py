"""Where rule sets come from: the shipped files, plugins' files, and files a user names.

Pure functions of their inputs: the registry calls :func:`combine_rule_files` with what its plugins
contribute; nothing here reaches back into a registry.

>>> len(builtin_rule_set().rules) > 20
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from disclosure_core._files import os_reason
from disclosure_core._formats import DataFile
from disclosure_core.catalogue import words
from disclosure_core.errors import RuleSetError
from disclosure_core.layouts import Layout
from disclosure_core.rules.lint import lint
from disclosure_core.rules.loader import check_unique, parse_rule_set
from disclosure_core.rules.spec import RuleSet
from disclosure_core.text import Text

BUILTIN_RULE_FILES = ("common.toml", "gov-2019.toml", "gov-2021.toml")


@functools.cache
def builtin_rule_files() -> tuple[DataFile, ...]:
    """The shipped rule files, as the built-in plugin contributes them.

    >>> [file.origin for file in builtin_rule_files()]
    ['common.toml', 'gov-2019.toml', 'gov-2021.toml']
    """
    files = resources.files(__package__)
    return tuple(DataFile(name, files.joinpath(name).read_text(encoding="utf-8")) for name in BUILTIN_RULE_FILES)


@functools.lru_cache(maxsize=64)
def parse_rule_file(file: DataFile) -> RuleSet:
    """A rule file parsed, once per process for the same text (rule sets are immutable)."""
    return parse_rule_set(file.text, origin=file.origin)


@functools.cache
def builtin_rule_set() -> RuleSet:
    """The shipped rules (common, gov-2019, gov-2021), parsed once per process."""
    rules = RuleSet(())
    for file in builtin_rule_files():
        rules = rules + parse_rule_file(file)
    return check_unique(rules)


def with_rules(rules: RuleSet, extra: RuleSet, layouts: Iterable[Layout]) -> RuleSet:
    """``rules`` plus ``extra``, refused (:class:`RuleSetError`) when an id repeats or ``extra`` lints badly.

    Only ``extra`` is linted (compiled for each layout): ``rules`` were checked when they were made.

    >>> from disclosure_core import official_layouts
    >>> extra = load_rule_file("examples/disclosure-example-hubei/src/disclosure_example_hubei/hubei-rules.toml")
    >>> len(with_rules(builtin_rule_set(), extra, official_layouts().values()).rules) - len(builtin_rule_set().rules)
    1
    """
    combined = check_unique(rules + extra)
    lint(extra, layouts)
    return combined


def combine_rule_files(
    files: Iterable[tuple[DataFile, bool]],
    layouts: Iterable[Layout],
    *,
    problem: Callable[[DataFile, Text], None],
    disabled: Iterable[str] = (),
) -> RuleSet:
    """The rules of ``files`` (each with whether it is shipped, so trusted), minus ``disabled``.

    A contributed file that does not parse or lint, or that fails in any other way, is that plugin's problem:
    ``problem`` is told (with the file, and what is wrong in both languages) and the file skipped; checking
    goes on with the rest.

    >>> notes = []
    >>> broken = DataFile("broken.toml", "rules = 1")
    >>> rules = combine_rule_files([(f, True) for f in builtin_rule_files()] + [(broken, False)], [], problem=lambda f, m: notes.append(m))
    >>> rules.ids() == builtin_rule_set().ids(), notes[0].en.startswith("rule file skipped: broken.toml")
    (True, True)
    """
    layouts = list(layouts)
    shipped = [file for file, trusted in files if trusted]
    rules = builtin_rule_set() if tuple(shipped) == builtin_rule_files() else RuleSet(())
    for file, trusted in files:
        if trusted and rules is builtin_rule_set():
            continue
        try:
            parsed = parse_rule_file(file)
            rules = check_unique(rules + parsed) if trusted else with_rules(rules, parsed, layouts)
        except RuleSetError as exc:
            problem(file, words("plugin.rule_file_skipped", problem=Text(exc.text("zh"), str(exc))))
        except Exception as exc:  # a contributed file must not stop checking, whatever it trips over
            if trusted:
                raise
            broken = words("plugin.rule_file_broken", origin=file.origin, failure=f"{type(exc).__name__}: {exc}")
            problem(file, words("plugin.rule_file_skipped", problem=broken))
    off = set(disabled)
    return rules.without(off) if off else rules


def load_rule_file(path: str | Path) -> RuleSet:
    """Read a rule file; :class:`RuleSetError` naming the file for anything wrong with it.

    >>> load_rule_file("examples/disclosure-example-hubei/src/disclosure_example_hubei/hubei-rules.toml").ids()
    ['hubei.other_documents_within_total']
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleSetError.keyed("lint.cannot_read", where=str(path), reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise RuleSetError.keyed("lint.cannot_read", where=str(path), reason=words("config.not_utf8")) from None
    return parse_rule_set(text, origin=str(path))


__all__ = [
    "BUILTIN_RULE_FILES",
    "RuleSetError",
    "builtin_rule_files",
    "builtin_rule_set",
    "combine_rule_files",
    "load_rule_file",
    "parse_rule_file",
    "with_rules",
]
