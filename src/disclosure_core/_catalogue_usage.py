"""Catalogue entries for a mistyped command line (:mod:`disclosure_core.catalogue`): click's usage errors in our
words, in Chinese and English (:mod:`disclosure_core.cli.usage_errors` picks the key).

Keys: ``usage.*``. Names of options, arguments and the values typed are shown as code in Chinese and quoted in
English. The command line prints click's own English; these English entries say the same for the catalogue's
other readers (the rendered message reference, a program that keys on the message).

>>> ENTRIES["usage.missing_option"].zh
'缺少选项 {name}'
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    "usage.no_such_option": T("没有选项 {option}", "no such option {option}"),
    "usage.no_such_option_like": T(
        "没有选项 {option}（是否想用 {like}？）", "no such option {option} (did you mean {like}?)"
    ),
    "usage.no_such_command": T("没有命令 {command}", "no such command {command}"),
    "usage.missing_command": T("缺少命令", "missing command"),
    "usage.missing_argument": T("缺少参数 {name}", "missing argument {name}"),
    "usage.missing_option": T("缺少选项 {name}", "missing option {name}"),
    "usage.missing_parameter": T("缺少 {name}", "missing {name}"),
    "usage.invalid_option": T("选项 {name} 的值无效：{problem}", "invalid value for option {name}: {problem}"),
    "usage.invalid_argument": T("参数 {name} 的值无效：{problem}", "invalid value for argument {name}: {problem}"),
    "usage.invalid_parameter": T("{name} 的值无效：{problem}", "invalid value for {name}: {problem}"),
    "usage.choice_option": T(
        "选项 {name} 的值 {value} 无效：应为 {allowed} 之一",
        "invalid value {value} for option {name}: give one of {allowed}",
    ),
    "usage.choice_argument": T(
        "参数 {name} 的值 {value} 无效：应为 {allowed} 之一",
        "invalid value {value} for argument {name}: give one of {allowed}",
    ),
    "usage.choice_parameter": T(
        "{name} 的值 {value} 无效：应为 {allowed} 之一", "invalid value {value} for {name}: give one of {allowed}"
    ),
    "usage.not_integer": T("{value} 不是整数", "{value} is not a whole number"),
    "usage.not_float": T("{value} 不是数字", "{value} is not a number"),
    "usage.range": T("{value} 不在 {range} 范围内", "{value} is not in the range {range}"),
    "usage.path.missing": T("{path} 不存在", "{path} does not exist"),
    "usage.path.file": T("{path} 是文件，应为目录", "{path} is a file, not a directory"),
    "usage.path.directory": T("{path} 是目录，应为文件", "{path} is a directory, not a file"),
    "usage.path.unreadable": T("{path} 无法读取", "{path} is not readable"),
    "usage.path.unwritable": T("{path} 无法写入", "{path} is not writable"),
    "usage.path.unexecutable": T("{path} 不可执行", "{path} is not executable"),
    "usage.extra": T("多余的参数：{arguments}", "unexpected extra argument(s): {arguments}"),
    "usage.needs_value": T("选项 {option} 需要一个值", "option {option} needs a value"),
    "usage.no_value": T("选项 {option} 不接受值", "option {option} takes no value"),
    "usage.verbatim": T("`{text}`", "{text}"),
}
