"""Why a parser refused a file, in our words: the messages of tomllib, zipfile and the XML parsers told in
Chinese and English (:func:`reason`), so an error about a broken file speaks the user's language throughout.

The English is the parser's own message, as before. A message the table does not know is shown in Chinese
verbatim between backticks: the parser's words, quoted, never passed off as ours.

>>> import tomllib
>>> try:
...     tomllib.loads("a = ?")
... except tomllib.TOMLDecodeError as exc:
...     said = reason(exc)
>>> said.zh, said.en
('无效的值（第 1 行第 5 列）', 'Invalid value (at line 1, column 5)')
"""

from __future__ import annotations

import re

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ where the parser stopped
    "reason.at": T("{problem}（第 {line} 行第 {column} 列）", "{problem} (at line {line}, column {column})"),
    "reason.at_end": T("{problem}（在文件末尾）", "{problem} (at end of document)"),
    "reason.verbatim": T("`{text}`", "{text}"),
    "reason.nested": T("嵌套过深", "nested too deeply"),
    "reason.long_number": T("数字超过 4300 位", "a number of more than 4300 digits"),
    # ------------------------------------------------------------ TOML (tomllib)
    "reason.toml.value": T("无效的值", "Invalid value"),
    "reason.toml.statement": T("无效的语句", "Invalid statement"),
    "reason.toml.key_start": T("键名的首字符无效", "Invalid initial character for a key part"),
    "reason.toml.hex": T("无效的十六进制值", "Invalid hex value"),
    "reason.toml.date": T("无效的日期或时间", "Invalid date or datetime"),
    "reason.toml.unterminated": T("字符串未结束", "Unterminated string"),
    "reason.toml.inline_table": T("内联表未闭合", "Unclosed inline table"),
    "reason.toml.array": T("数组未闭合", "Unclosed array"),
    "reason.toml.overwrite": T("不能覆盖已有的值", "Cannot overwrite a value"),
    "reason.toml.backslash": T("字符串中有未转义的反斜杠", "Unescaped '\\' in a string"),
    "reason.toml.equals": T("键后应为 '='", "Expected '=' after a key in a key/value pair"),
    "reason.toml.table_end": T("表头应以 ']' 结束", "Expected ']' at the end of a table declaration"),
    "reason.toml.array_end": T("数组表头应以 ']]' 结束", "Expected ']]' at the end of an array declaration"),
    "reason.toml.scalar": T("转义的字符不是有效字符", "Escaped character is not a Unicode scalar value"),
    "reason.toml.immutable": T("不能修改已定义的表 {name}", "Cannot mutate immutable namespace {name}"),
    "reason.toml.illegal": T("非法字符 {name}", "Illegal character {name}"),
    "reason.toml.invalid_char": T("无效字符 {name}", "Found invalid character {name}"),
    "reason.toml.newline": T("语句后应换行或结束", "Expected newline or end of document after a statement"),
    "reason.toml.expected": T("应为 {name}", "Expected {name}"),
    "reason.toml.duplicate_key": T("内联表的键 {name} 重复", "Duplicate inline table key {name}"),
    "reason.toml.redefine": T("不能重新定义表 {name}", "Cannot redefine namespace {name}"),
    "reason.toml.twice": T("{name} 声明了两次", "Cannot declare {name} twice"),
    # ------------------------------------------------------------ XML
    "reason.xml": T("XML 格式错误（第 {line} 行第 {column} 列）", "malformed XML (line {line}, column {column})"),
    # ------------------------------------------------------------ ZIP (zipfile)
    "reason.zip.version": T("需要 {version} 版的解压方式", "zip file version {version}"),
    "reason.zip.method": T("不支持的压缩方式", "That compression method is not supported"),
    "reason.zip.not_zip": T("不是 ZIP 文件", "File is not a zip file"),
    "reason.zip.crc": T("成员 {name} 校验失败", "Bad CRC-32 for file {name}"),
    "reason.zip.header": T("成员的文件头已损坏", "Bad magic number for file header"),
    "reason.zip.truncated": T("成员的文件头不完整", "Truncated file header"),
    "reason.zip.directory": T("压缩包目录已损坏", "Bad magic number for central directory"),
    "reason.zip.overlap": T("成员相互重叠", "Overlapped entries"),
    "reason.zip.no_member": T("压缩包中没有 {name}", "There is no item named {name} in the archive"),
    "reason.zip.encrypted": T("成员 {name} 已加密", "File {name} is encrypted, password required for extraction"),
}

_TOML_PLACE = re.compile(r"^(?P<problem>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")
_PATTERNS = [
    (re.compile(f"^{re.escape(entry.en).replace(re.escape('{name}'), '(?P<name>.+)').replace(re.escape('{version}'), '(?P<version>[0-9.]+)')}$"), key)
    for key, entry in ENTRIES.items()
    if key.startswith(("reason.toml.", "reason.zip."))
]  # fmt: skip


LONGEST = 260
"""How much of a parser's message is kept (a message is one line, not a dump)."""


def reason(exc: BaseException, *, kind: bool = False) -> Text:
    """Why ``exc`` refused a file, in both languages (the English is the parser's own message, after its type
    when ``kind``).

    >>> import zipfile
    >>> reason(NotImplementedError("zip file version 9.8")).zh
    '需要 9.8 版的解压方式'
    >>> reason(zipfile.BadZipFile("File is not a zip file"), kind=True)
    Text(zh='不是 ZIP 文件', en='BadZipFile: File is not a zip file')
    >>> reason(ValueError("something new")).zh
    '`something new`'
    """
    from disclosure_core.catalogue import words

    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    # Whole, not its first line: a parser's message may go on after a newline (the error escapes it).
    text = text.strip()[:LONGEST] or type(exc).__name__
    said = _known(text, exc)
    if said is None:
        said = words("reason.verbatim", text=text)
    if kind and text != type(exc).__name__:
        return Text(said.zh, f"{type(exc).__name__}: {text}")
    return said


def _known(text: str, exc: BaseException) -> Text | None:
    from disclosure_core.catalogue import say, words

    # The English stays the parser's own message; the Chinese is ours.
    if isinstance(exc, RecursionError):
        return Text(say("reason.nested"), text)
    if isinstance(exc, ValueError) and "integer string conversion" in text:
        return Text(say("reason.long_number"), text)
    position = getattr(exc, "position", None)
    if isinstance(position, tuple) and len(position) == 2 and isinstance(exc, SyntaxError | ValueError):
        return Text(say("reason.xml", line=position[0], column=position[1]), text)
    place = _TOML_PLACE.match(text)
    problem = place.group("problem") if place else text
    for pattern, key in _PATTERNS:
        if (found := pattern.match(problem)) is not None:
            said = words(key, **found.groupdict())
            break
    else:
        return None
    if place is None:
        return said
    if place.group("line") is None:
        return words("reason.at_end", problem=said)
    return words("reason.at", problem=said, line=place.group("line"), column=place.group("column"))
