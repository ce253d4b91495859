"""Checking that an output speaks one language: the English words left in a Chinese line once ids, names,
options, code, paths and quoted text are set aside, and the Chinese left in an English line.

The catalogue's own test, the CLI's audit over every command and the service's problem documents use the same
judgement, so "one language at a time" means one thing everywhere.

>>> english_words("错误：a.json，第 1 行：缺少列 `received`（见 `docs/ledger.md`）")
set()
>>> sorted(english_words("错误：Missing argument 'SOURCE_FILE'."))
['Missing', 'argument']
>>> chinese_runs("error: a.txt, line 8: heading '政府信息公开工作总体情况' printed without 一、", allowed={"一"})
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAMES = frozenset(
    {"JSON", "TOML", "XML", "DTD", "ZIP", "UTF", "GB", "PDF", "HTML", "CSV", "DOCX", "XLSX", "HTTP", "MiB", "ID"}
    | {"gov", "Debian", "Python", "Word", "Excel", "WPS", "LibreOffice", "Markdown", "Chromium", "poppler"}
    | {"pdftotext", "openpyxl"}
)
"""Latin words a Chinese message may hold: names of file formats, protocols, units and programs."""

_SET_ASIDE = re.compile(
    r"""`[^`]*`|'[^']*'|"[^"]*"|「[^」]*」|“[^”]*”|\{[^}]*\}"""  # code, quoted text, placeholders
    r"""|https?://\S+|<[^>\s]*>|\$\.[\w.\[\]*]+|(?<![\w-])--?[A-Za-z][\w-]*(?:[ =][\w.-]+)?"""  # URIs, <stdin>, JSON paths, options and their values
    r"""|[\w.~-]*/[\w./~-]*|[\w-]*\.[A-Za-z][A-Za-z0-9]{0,4}\b"""  # paths, file names and suffixes
    r"""|\b[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)+\b"""  # ids: requests.balance, year_over_year, gov-2021
    r"""|\b[A-Z][A-Z0-9]*\d[A-Z0-9]*\b"""  # cell names: R5C2
)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CHINESE_RUN = re.compile(r"[\u3400-\u9fff]+")
_QUOTED = re.compile(r"""'[^']*'|"[^"]*"|「[^」]*」|“[^”]*”|`[^`]*`""")


def english_words(text: str, names: Iterable[str] = ()) -> set[str]:
    """The Latin words of a Chinese line that are not ids, names (:data:`NAMES` and ``names``), options,
    code, paths or quoted text: each one is English the line should not hold.

    >>> sorted(english_words("插件 'demo' 在 disclosure_renderers 中出错：`RuntimeError: boom`"))
    []
    >>> sorted(english_words("requests.balance（balance，错误）", names={"balance"}))
    []
    """
    return set(_LATIN_WORD.findall(_SET_ASIDE.sub(" ", text))) - NAMES - set(names)


def chinese_runs(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The runs of Chinese in an English line that are neither quoted nor part of an ``allowed`` text (the
    labels of the layouts, the input itself: names and headings it holds are data, not the program's words).

    >>> chinese_runs("error: no sheet '报告信息': not a disclosure workbook"), chinese_runs("报告 x")
    ([], ['报告'])
    """
    known = list(allowed)
    return [run for run in _CHINESE_RUN.findall(_QUOTED.sub(" ", text)) if not any(run in k for k in known)]
