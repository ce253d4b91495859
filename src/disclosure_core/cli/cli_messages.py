"""The command line's own sentences (refusals, settings, lint, progress) in Chinese and English, in one table.

One table so the message catalogue can take them over whole; until the commands choose a language for stderr,
they print the English (what scripts and tests already read), and ``--lang zh`` users get the Chinese from here.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "binary_to_terminal": (
        "拒绝把二进制内容输出到终端：请用 -o FILE 指定文件，或通过管道输出",
        "refusing to write binary output to a terminal: name a file with -o FILE, or pipe it",
    ),
    "blank_over_existing": (
        "{path}：文件已存在，拒绝用空白报告替换它（确需替换请加 --force）",
        "{path}: already exists: refusing to replace it with a blank report (--force to do so)",
    ),
    "stdin_twice": ("-：一次运行中只能读取一次标准输入", "-: standard input can be read only once in a run"),
    "stdin_too_large": ("<stdin>：超过允许的 {limit} 字节", "<stdin>: more than the {limit} bytes accepted"),
    "settings_from": ("设置来自 {path}：{keys}", "settings from {path}: {keys}"),
    "settings_none": ("本命令无适用设置", "none for this command"),
    "reading": ("读取", "reading"),
    "lint_sound": ("{path}：{count} 条规则，适用于 {formats}", "{path}: {count} rules, sound for {formats}"),
    "lint_examples": ("能构造的示例：{labels}", "examples: {labels}"),
    "lint_no_example": ("无法构造示例", "no example can be built"),
    "missing_units": ("清单中有而没有报告的单位：{units}", "missing units (in the manifest, no report): {units}"),
    "unexpected_units": ("不在清单中的单位：{units}", "unexpected units (not in the manifest): {units}"),
}
"""Message id → (zh, en); ``{name}`` placeholders are filled by :func:`text`."""


def text(message_id: str, lang: str = "en", **fields: object) -> str:
    """One message in ``lang`` (zh or en), filled in.

    >>> text("stdin_twice"), text("missing_units", "zh", units="丙镇人民政府")
    ('-: standard input can be read only once in a run', '清单中有而没有报告的单位：丙镇人民政府')
    """
    zh, en = MESSAGES[message_id]
    return (zh if lang == "zh" else en).format(**fields)
