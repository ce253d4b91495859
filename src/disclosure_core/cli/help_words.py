"""``--help`` in the user's language: every command's and option's help and click's own words around them
(``Usage:``, ``Options``, ``Commands``, ``[default: …]``) looked up in the message catalogue by key.

:func:`localise` gives a command (and its subcommands) the texts of the catalogue's ``help.<command>`` and
``help.<command>.<option>`` (else ``help.option.<option>``) entries for the language chosen, and a context
whose formatter says click's words in it. An entry is used only while its English is the source's text
exactly, so English help stays what the code says and a changed help text is never shown stale.

>>> command = click.Command("new", params=[click.Option(["--force"], is_flag=True, help="Replace an existing file with the blank report.")])
>>> localise(command, "new", "zh").params[0].help
'用空白报告替换已有文件。'
>>> localise(command, "new", "en").params[0].help
'Replace an existing file with the blank report.'
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence

import click

from disclosure_core.catalogue import fill
from disclosure_core.catalogue_entries import ENTRIES
from disclosure_core.cli import lang
from disclosure_core.cli._help_wrap import wrap

_ENGLISH: dict[tuple[int, str], str | None] = {}
"""The source's own text of a command's or option's help (by the object and the attribute), kept before the
first change so each language is chosen from it, not from the other language."""

_COMMENT = re.compile(r" +# .*$", re.M)
_EXTRA = re.compile(r"\[(?P<inside>(?:default: [^\]]*|required)(?:; [^\]]*)?)\]")


def _said(key: str, lang_: str) -> str:
    return ENTRIES[key].text(lang_)


def _text(owner: object, attribute: str, keys: Sequence[str], lang_: str) -> None:
    """Set ``owner.attribute`` to the first of ``keys`` whose English is the source's (cleaned) text."""
    slot = (id(owner), attribute)
    if slot not in _ENGLISH:
        _ENGLISH[slot] = getattr(owner, attribute)
    source = _ENGLISH[slot]
    chosen = source
    if source is not None and lang_ != "en":
        text, examples = keyed_text(source)
        for key in keys:
            if key in ENTRIES and ENTRIES[key].en == text:
                chosen = fill(ENTRIES[key].text(lang_), {"examples": examples})
                break
    setattr(owner, attribute, chosen)


def keyed_text(source: str) -> tuple[str, str]:
    """The English of a help text as the catalogue holds it, and its examples: command lines (a ``\\b``
    paragraph) are code, kept as they are but for their comments, which are words the entry says instead.

    >>> keyed_text("Print it.\\n\\n    \\b\\n      disclosure x   # in a.txt\\n    ")
    ('Print it.\\n\\n{examples}', '\\x08\\n  disclosure x')
    """
    paragraphs = inspect.cleandoc(source).split("\n\n")
    examples = _COMMENT.sub("", "\n\n".join(p for p in paragraphs if p.startswith("\b")))
    return "\n\n".join("{examples}" if p.startswith("\b") else p for p in paragraphs), examples


def localise(command: click.Command, path: str, lang_: str) -> click.Command:
    """``command`` (at ``path``: ``disclosure``, ``check``, ``rules.lint``) with its help in ``lang_``."""
    _text(command, "help", [f"help.{path}"], lang_)
    _text(command, "short_help", [], lang_)
    if lang_ != "en" and command.help is not None and command.short_help is None:
        command.short_help = command.help.split("\n\n")[0].split("。")[0] + "。"
    for param in command.params:
        if isinstance(param, click.Option) and param.name is not None:
            _text(param, "help", [f"help.{path}.{param.name}", f"help.option.{param.name}"], lang_)
    command.options_metavar = _said("help.chrome.options_metavar", lang_)
    command.context_class = HelpContext
    if isinstance(command, click.Group):
        command.subcommand_metavar = _said("help.chrome.subcommand_metavar", lang_)
        for name, sub in command.commands.items():
            localise(sub, f"{path}.{name}" if path != "disclosure" else name, lang_)
    return command


class HelpFormatter(click.HelpFormatter):
    """click's formatter with click's own words in the language of the running command."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:  # a full-width colon needs no space after it
            said = lang.chosen[0]
            prefix = _said("help.chrome.usage", said) + (" " if said == "en" else "")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        said = lang.chosen[0]
        if said == "en":
            super().write_heading(heading)
            return
        key = {"Options": "help.chrome.options", "Commands": "help.chrome.commands"}.get(heading)
        self.write(f"{'':>{self.current_indent}}{_said(key, said) if key else heading}：\n")

    def write_text(self, text: str) -> None:
        if lang.chosen[0] == "en":
            super().write_text(text)
            return
        self.write(wrap(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        said = lang.chosen[0]
        if said == "en":
            super().write_dl(rows, col_max, col_spacing)
            return
        rows = list(rows)
        first_col = min(max((len(term) for term, _ in rows), default=0), col_max) + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if len(term) <= first_col - col_spacing:
                self.write(" " * (first_col - len(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(_chrome(text, said), max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


def _chrome(text: str, lang_: str) -> str:
    """An option's help with click's additions (``[default: x]``, ``[required]``, the help option's own) in
    ``lang_``.

    >>> _chrome("Exit 1. [default: warning]", "zh"), _chrome("Show this message and exit.", "zh")
    ('Exit 1. [默认：`warning`]', '显示本帮助并退出。')
    """
    if text == ENTRIES["help.chrome.help"].en:
        return _said("help.chrome.help", lang_)

    def inside(match: re.Match[str]) -> str:
        parts = []
        for part in match["inside"].split("; "):
            if part.startswith("default: "):
                part = fill(_said("help.chrome.default", lang_), {"value": part.removeprefix("default: ")})
            elif part == "required":
                part = _said("help.chrome.required", lang_)
            parts.append(part)
        return "[" + "; ".join(parts) + "]"

    return _EXTRA.sub(inside, text)


class HelpContext(click.Context):
    """A context whose help formatter speaks the language of the running command."""

    formatter_class = HelpFormatter
