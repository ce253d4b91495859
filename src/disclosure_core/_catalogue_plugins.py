"""Catalogue entries for plugins that misbehave and for renderers that fail (:mod:`disclosure_core.catalogue`),
in Chinese and English.

Keys: ``plugin.*`` (the registry's and the isolation layer's problems: one broken plugin costs only itself),
``plugin.kind.*`` (what a hook was expected to return), ``failure.*`` (what a plugin's exception says, where
Python's own wording can be told in words of ours) and ``renderer.*`` (a renderer that fails or cannot hold
what it was given). The English of every ``plugin.*`` entry is the line the registry printed before it was
keyed, so logs and scripts read the same.

>>> ENTRIES["plugin.kind.renderer"]
Text(zh='输出格式', en='renderer')
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ what a hook returns
    "plugin.kind.renderer": T("输出格式", "renderer"),
    "plugin.kind.source": T("来源", "source"),
    "plugin.kind.layout": T("格式版本", "layout"),
    "plugin.kind.rule_file": T("规则文件", "rule file"),
    "plugin.kind.rule_id": T("规则编号", "rule id"),
    "plugin.part.text": T("内容", "text"),
    "plugin.part.name": T("名称", "name"),
    # ------------------------------------------------------------ the registry
    "plugin.not_registered": T(
        "插件 {plugin} 无法注册：{failure}", "plugin {plugin} could not be registered: {failure}"
    ),
    "plugin.unknown_hook": T(
        "已跳过插件 {plugin}：未知的钩子 {hook}（插件接口中没有这个钩子）",
        "plugin {plugin} skipped: unknown hook {hook} (no such hook in the contract)",
    ),
    "plugin.invalid_hook": T(
        "已跳过插件 {plugin}：钩子不符合插件接口（{failure}）",
        "plugin {plugin} skipped: {failure} (no such hook in the contract)",
    ),
    "plugin.failed_to_load": T(
        "插件 {plugin}（{value}）加载失败：{failure}", "plugin {plugin} ({value}) failed to load: {failure}"
    ),
    "plugin.failed_in": T("插件 {plugin} 在 {hook} 中出错：{failure}", "plugin {plugin} failed in {hook}: {failure}"),
    "plugin.returned": T(
        "插件 {plugin} 返回了 {type}，而不是{kind}", "plugin {plugin} returned a {type}, not a {kind}"
    ),
    "plugin.name_type": T(
        "插件 {plugin}：{kind}的名称是 {type}，而不是字符串", "plugin {plugin}: a {kind} named by a {type}, not a str"
    ),
    "plugin.duplicate": T(
        "插件 {plugin}：{kind} {name} 已被注册", "plugin {plugin}: {kind} {name} is already registered"
    ),
    "plugin.layout_broken": T(
        "插件 {plugin}：格式版本文件 {origin} 出错：{failure}", "plugin {plugin}: layout {origin}: {failure}"
    ),
    "plugin.said": T("插件 {plugin}：{problem}", "plugin {plugin}: {problem}"),
    "plugin.rule_file_skipped": T("已跳过规则文件：{problem}", "rule file skipped: {problem}"),
    "plugin.rule_file_broken": T("{origin}：{failure}", "{origin}: {failure}"),
    "plugin.data_type": T(
        "插件 {plugin}：{kind} {origin} 的{part}是 {type}，而不是字符串",
        "plugin {plugin}: {kind} {origin} has a {type} {part}, not a str",
    ),
    # ------------------------------------------------------------ sources: sniffing and loading
    "plugin.sniff_failed": T(
        "插件 {plugin}：来源 {source} 判断文件 {file} 时出错：{failure}",
        "plugin {plugin}: source {source} failed to sniff {file}: {failure}",
    ),
    "plugin.sniff_answer": T(
        "插件 {plugin}：来源 {source} 判断文件时回答了 {type}，而不是布尔值",
        "plugin {plugin}: source {source} answered a {type} to sniff, not a bool",
    ),
    "plugin.claims_twice": T(
        "插件 {plugin}：来源 {source} 也认领来源 {other}（插件 {other_plugin}）读取的文件，如 {file}",
        "plugin {plugin}: source {source} also claims files that source {other} (plugin {other_plugin}) reads,"
        " such as {file}",
    ),
    "plugin.claims_all": T(
        "插件 {plugin}：来源 {source} 认领任何文件（连任何来源都读不了的文件也认领），今后不再询问它；"
        "它只读取指定由它读取或后缀相符的文件",
        "plugin {plugin}: source {source} claims every file (even one no source can read); it is no longer asked,"
        " and reads only files named for it or by suffix",
    ),
    "plugin.source_failed": T(
        "来源 {source}（插件 {plugin}）出错：{failure}", "source {source} (plugin {plugin}) failed: {failure}"
    ),
    "plugin.source_returned": T(
        "来源 {source}（插件 {plugin}）返回了 {type}，而不是读取结果",
        "source {source} (plugin {plugin}) returned a {type}, not a loaded report",
    ),
    "plugin.source_report": T(
        "来源 {source}（插件 {plugin}）返回了 {type}，而不是报告",
        "source {source} (plugin {plugin}) returned a {type}, not a report",
    ),
    # ------------------------------------------------------------ renderers
    "renderer.failed": T(
        "输出格式 {renderer}（插件 {plugin}）出错：{failure}", "renderer {renderer} (plugin {plugin}) failed: {failure}"
    ),
    "renderer.returned": T(
        "输出格式 {renderer}（插件 {plugin}）返回了 {type}，而不是字节",
        "renderer {renderer} (plugin {plugin}) returned a {type}, not bytes",
    ),
    "renderer.template": T("模板 {template} 出错：{failure}", "{template}: {failure}"),
    "renderer.findings": T(
        "核查结果：应为 `Finding` 对象，实为 {type}", "findings: expected Finding objects, got a {type}"
    ),
    "renderer.cell_too_long": T(
        "{count} 个字符放不进一个单元格（最多 {limit} 个）",
        "{count} characters do not fit in one cell ({limit} at most)",
    ),
    # ------------------------------------------------------------ what an exception says
    "failure.module": T("找不到模块 {module}", "No module named {module}"),
}
