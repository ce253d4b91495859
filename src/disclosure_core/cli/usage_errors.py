"""click's own usage errors (no such option, a missing argument, a bad choice or number) told in the words of
the message catalogue, so a mistyped command line is answered in the user's language like every other error.

click words these errors in English; :func:`usage_words` reads what went wrong from the exception (its type,
its parameter and the parameter's type) and says it in Chinese with a ``usage.*`` key. The English stays
click's own message, which scripts and users of other click programs know. A message it cannot place is
quoted verbatim (in Chinese between backticks: click's words, not passed off as ours).

>>> import click
>>> said = usage_words(click.NoSuchOption("--lagn", possibilities=["--lang"]))
>>> said.zh, said.en
('没有选项 `--lagn`（是否想用 `--lang`？）', "No such option '--lagn'. Did you mean '--lang'?")
"""

from __future__ import annotations

import re

import click

from disclosure_core.catalogue import choices, words
from disclosure_core.text import Text

_NUMBER = re.compile(r"^'(?P<value>.*)' is not a valid (?P<kind>integer|float)\.$")
_RANGE = re.compile(r"^(?P<value>.*) is not in the range (?P<range>.*)\.$")
_CHOICE = re.compile(r"^'(?P<value>.*)' is not (?:one of )?'.*'\.$")
_PATH = re.compile(
    r"^(?:File|Directory|Path) '(?P<path>.*)' (?P<problem>does not exist|is a file|is a directory|is not readable"
    r"|is not writable|is not executable)\.$"
)
_PATH_KEYS = {
    "does not exist": "usage.path.missing",
    "is a file": "usage.path.file",
    "is a directory": "usage.path.directory",
    "is not readable": "usage.path.unreadable",
    "is not writable": "usage.path.unwritable",
    "is not executable": "usage.path.unexecutable",
}
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<arguments>.*)\)$")
_COMMAND = re.compile(r"^No such command '(?P<command>.*)'\.$")
_NEEDS_VALUE = re.compile(r"^Option '(?P<option>.*)' requires (?:an argument|(?P<count>\d+) arguments)\.$")
_NO_VALUE = re.compile(r"^Option '(?P<option>.*)' does not take a value\.$")


def usage_words(exc: click.UsageError) -> Text:
    """What ``exc`` says, in both languages, one line naming the option or argument (click's own English).

    >>> import click
    >>> option = click.Option(["--fail-on"], type=click.Choice(["error", "warning"]))
    >>> usage_words(click.BadParameter("'fatal' is not one of 'error', 'warning'.", param=option)).zh
    '选项 `--fail-on` 的值 `fatal` 无效：应为 `error`、`warning` 之一'
    """
    return Text(_ours(exc).zh, exc.format_message())


def _ours(exc: click.UsageError) -> Text:
    if isinstance(exc, click.NoSuchOption):
        if exc.possibilities:
            shown = choices(exc.possibilities)
            quoted = Text(shown.zh, ", ".join(repr(p) for p in exc.possibilities))
            return words("usage.no_such_option_like", option=_name(exc.option_name), like=quoted)
        return words("usage.no_such_option", option=_name(exc.option_name))
    if isinstance(exc, click.MissingParameter):
        return words(f"usage.missing_{_kind(exc.param)}", name=_name(_hint(exc.param)))
    if isinstance(exc, click.BadParameter):
        return _bad_value(exc)
    return _said(exc.message)


def _bad_value(exc: click.BadParameter) -> Text:
    hint = exc.param_hint if isinstance(exc.param_hint, str) else " / ".join(exc.param_hint or ())
    name = _name(_hint(exc.param) if exc.param is not None else hint)
    message = exc.message
    if (found := _NUMBER.match(message)) is not None:
        problem = words(f"usage.not_{found['kind']}", value=_name(found["value"]))
    elif (found := _RANGE.match(message)) is not None:
        problem = words("usage.range", value=_name(found["value"]), range=found["range"])
    elif _CHOICE.match(message) and exc.param is not None and isinstance(exc.param.type, click.Choice):
        value = _CHOICE.match(message)["value"]  # type: ignore[index]
        allowed = choices([str(choice) for choice in exc.param.type.choices])
        return words(f"usage.choice_{_kind(exc.param)}", name=name, value=_name(value), allowed=allowed)
    elif (found := _PATH.match(message)) is not None:
        problem = words(_PATH_KEYS[found["problem"]], path=repr(found["path"]))
    else:
        problem = words("usage.verbatim", text=message)
    kind = _kind(exc.param) if exc.param is not None else "parameter"
    return words(f"usage.invalid_{kind}", name=name, problem=problem)


def _said(message: str) -> Text:
    if (found := _EXTRA.match(message)) is not None:
        return words("usage.extra", arguments=found["arguments"])
    if (found := _COMMAND.match(message)) is not None:
        return words("usage.no_such_command", command=_name(found["command"]))
    if (found := _NEEDS_VALUE.match(message)) is not None:
        return words("usage.needs_value", option=_name(found["option"]))
    if (found := _NO_VALUE.match(message)) is not None:
        return words("usage.no_value", option=_name(found["option"]))
    if message == "Missing command.":
        return words("usage.missing_command")
    return words("usage.verbatim", text=message)


def _kind(param: click.Parameter | None) -> str:
    if isinstance(param, click.Option):
        return "option"
    if isinstance(param, click.Argument):
        return "argument"
    return "parameter"


def _hint(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return " / ".join(param.opts)


def _name(name: str | None) -> Text:
    """An option, argument or value as typed: as code in Chinese, quoted in English (as click quotes it)."""
    return Text(f"`{name}`", repr(name))
