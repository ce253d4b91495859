"""The one error tree of disclosure-core.

::

    DisclosureError            anything the library raises on purpose
    ├── LoadError              input that cannot be read: bad JSON, wrong types, broken files
    ├── LayoutError            a layout file that is malformed or inconsistent
    ├── RuleSetError           a rule file that is malformed, or lints badly
    ├── RenderError            a report that cannot be rendered to the asked format
    ├── PluginError            a plugin that fails to load or register (strict mode)
    └── UsageError             a request that cannot be honoured (unknown format, refusing to overwrite an input)

Every message is one line that names the file and the place in it, e.g.
``daixian.json: $.tables.requests.new.total: expected an integer, got "7件"``.

An error made with :meth:`DisclosureError.keyed` takes its words from the message catalogue in both
languages: ``str(error)`` is the English (for logs and programs), :meth:`DisclosureError.text` the language
a command prints in. The place (``where``: file, then place) is kept apart and never translated.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from disclosure_core.text import Text


class DisclosureError(Exception):
    """Base of every error disclosure-core raises on purpose.

    >>> from disclosure_core import loads
    >>> try:
    ...     loads("{}", origin="empty.json")
    ... except DisclosureError as error:  # one except clause catches every error of the library
    ...     print(type(error).__name__)
    LoadError

    A message is always one line: control characters from the input (a member name, a parser's own text)
    are shown escaped.

    >>> str(LoadError("a.docx: not a readable DOCX document (Char 0x0 out of allowed range\\n, line 2)"))
    'a.docx: not a readable DOCX document (Char 0x0 out of allowed range\\\\n, line 2)'
    """

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str):
            args = (one_line(args[0]), *args[1:])
        super().__init__(*args)

    words: Text | None = None
    """The message in both languages, when the error was made from the catalogue (:meth:`keyed`)."""
    key: str = ""
    """The catalogue key the message was made from ("" otherwise): stable, for programs (the service's
    problem documents and the CLI's JSON lines carry it)."""

    @classmethod
    def keyed(cls, key: str, /, *, where: str | Text = "", **values: object) -> Self:
        """An error whose message is the catalogue's ``key`` filled with ``values``, after ``where``.

        >>> error = UsageError.keyed("error.overwrite", where="out.json")
        >>> str(error), error.text("zh"), error.key
        ('out.json: refusing to overwrite the input file', 'out.json：拒绝覆盖输入文件', 'error.overwrite')
        """
        # Imported here: every module imports the errors, and `disclosure --version` should not load the catalogue.
        from disclosure_core.catalogue import words as catalogue_words

        return cls.said(catalogue_words(key, **values), where=where, key=key)

    @classmethod
    def said(cls, said: Text, /, *, where: str | Text = "", key: str = "") -> Self:
        """An error whose message is ``said`` (both languages, e.g. a problem a helper worded), after ``where``.

        >>> from disclosure_core.text import Text
        >>> UsageError.said(Text("不行", "no"), where="$.a").text("zh")
        '$.a：不行'
        """
        from disclosure_core.text import Text

        place = where if isinstance(where, Text) else Text(where, where)
        error = cls(f"{place.en}: {said.en}" if place.en else said.en)
        error.words = Text(one_line(f"{place.zh}：{said.zh}" if place.zh else said.zh), str(error))
        error.key = key
        return error

    def text(self, lang: str = "zh") -> str:
        """The message in ``lang`` (errors not made from the catalogue have their one wording)."""
        return self.words.text(lang) if self.words is not None else str(self)


class LoadError(DisclosureError):
    """An input could not be read into a report.

    >>> from disclosure_core import loads
    >>> loads("[1,", origin="a.json")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: a.json: line 1 column 4: malformed JSON: Expecting value
    """


@contextlib.contextmanager
def reraise_as_load_error(key: str, *, where: str) -> Iterator[None]:
    """Within the block, any exception but a :class:`LoadError` becomes the ``LoadError`` the catalogue's ``key``
    says at ``where``, with the exception's own words as its ``reason`` (in English after its type): a reader
    wraps a parser that raises many unrelated types for damaged files (zip, XML, KeyError, ValueError …).

    >>> with reraise_as_load_error("xlsx.unreadable", where="book.xlsx"):
    ...     raise KeyError("There is no item named 'xl/workbook.xml' in the archive")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: book.xlsx: not a readable workbook: KeyError: There is no item named 'xl/workbook.xml' in the archive
    >>> with reraise_as_load_error("xlsx.unreadable", where="book.xlsx"):  # a reader's own error stays as it is
    ...     raise LoadError("book.xlsx: sheet 1: too wide")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LoadError: book.xlsx: sheet 1: too wide
    """
    from disclosure_core.catalogue import reason

    try:
        yield
    except LoadError:
        raise
    except Exception as exc:  # the parser's zoo of types: each is a load error naming the file
        raise LoadError.keyed(key, where=where, reason=reason(exc, kind=True)) from None


class LayoutError(DisclosureError):
    """A layout description is malformed or inconsistent.

    >>> from disclosure_core import parse_layout
    >>> parse_layout('id = "x"\\nextends = "gov-2030"', origin="x.toml")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.LayoutError: ...
    """


class RuleSetError(DisclosureError):
    """A rule file is malformed or fails linting.

    >>> from disclosure_core.rules import parse_rule_set
    >>> parse_rule_set("[[rules]]\\nid = 1", origin="mine.toml")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.RuleSetError: mine.toml: ...
    """


class RenderError(DisclosureError):
    """A report could not be rendered.

    >>> issubclass(RenderError, DisclosureError)  # what a renderer raises when it cannot make its document
    True
    """


class PluginError(DisclosureError):
    """A plugin failed to load or register.

    >>> from disclosure_core import Registry, hookimpl
    >>> class Broken:
    ...     @hookimpl
    ...     def disclosure_renderers(self):
    ...         return [object()]
    >>> Registry(entry_points=False, strict=True, plugins=[Broken()]).renderers()
    Traceback (most recent call last):
    ...
    disclosure_core.errors.PluginError: plugin '...' returned a object, not a renderer
    """


class UsageError(DisclosureError):
    """A request the library cannot honour (unknown format or renderer, overwriting an input).

    >>> from disclosure_core import Body, Report, render
    >>> render(Report("gov-2021", 2025, Body("某县人民政府", "county")), "rtf")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: unknown renderer 'rtf' (available: ...)
    """


class PluginWarning(UserWarning):
    """A plugin failed to load or register and was skipped.

    >>> import warnings
    >>> from disclosure_core import Registry, hookimpl
    >>> class Exploding:
    ...     @hookimpl
    ...     def disclosure_renderers(self):
    ...         raise RuntimeError("boom")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     names = sorted(Registry(entry_points=False, plugins=[Exploding()]).renderers())
    >>> names, caught[0].category.__name__
    (['json'], 'PluginWarning')
    """


def long_number_place(text: str | bytes) -> Text:
    """Where the first run of more than 4 300 digits (Python's limit for an int) starts, in both languages:
    "line N column M: ". TOML's digit separators count as digits; nothing when no such run is found.

    >>> long_number_place("a = 1\\nb = " + "9" * 4301)
    Text(zh='第 2 行第 5 列：', en='line 2 column 5: ')
    """
    from disclosure_core.catalogue import words
    from disclosure_core.text import Text

    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    found = re.search(rb"[0-9](?:_?[0-9]){4300}", data)
    if found is None:
        return Text("", "")
    before = data[: found.start()]
    line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
    return words("place.line_column", line=line, column=column)


def one_line(text: str) -> str:
    """``text`` with every character that is not printable (newlines, tabs, NUL, terminal escapes) escaped.

    >>> one_line("a.xlsx: x\\n\\x1b[2Jy: 规章")
    'a.xlsx: x\\\\n\\\\x1b[2Jy: 规章'
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
