"""The entries of the message catalogue (:mod:`disclosure_core.catalogue`): key → Chinese and English text.

Keys are grouped by where the words appear: ``outcome.*`` and ``severity.*`` (the one table of those words,
for the text output, the findings JSON labels and the HTML overlay), ``findings.*`` (the text output),
``note.*`` (notes of findings), ``overlay.*`` (the HTML overlay), ``summary.*``, ``cli.*`` (diagnostics on
stderr), ``aggregate.*``, ``batch.*`` and ``rules.*``. Placeholders are ``{name}``: both languages use the same.
The words of reading inputs (errors and diagnostics of the core and of the shipped readers) are kept in
:mod:`disclosure_core._catalogue_loading` and :mod:`disclosure_core._catalogue_readers`, a parser's reasons in
:mod:`disclosure_core._catalogue_reasons`, plugins' problems in :mod:`disclosure_core._catalogue_plugins`, the
HTTP service's in :mod:`disclosure_core._catalogue_service`, a mistyped command line's in
:mod:`disclosure_core._catalogue_usage`, a rule file's deeper problems in
:mod:`disclosure_core._catalogue_rules` and why a cell was not read exactly in
:mod:`disclosure_core._catalogue_readings`; all are merged here.

>>> ENTRIES["severity.error"]
Text(zh='错误', en='error')
"""

from __future__ import annotations

from disclosure_core import (
    _catalogue_loading,
    _catalogue_plugins,
    _catalogue_readers,
    _catalogue_readings,
    _catalogue_reasons,
    _catalogue_rules,
    _catalogue_service,
    _catalogue_usage,
)
from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ outcomes and severities (one table)
    "outcome.pass": T("通过", "pass"),
    "outcome.fail": T("不符", "fails"),
    "outcome.not_verifiable": T("无法核验", "not verifiable"),
    "outcome.rule_error": T("规则出错", "rule error"),
    "outcome.empty": T("未填报", "not filled in"),
    "severity.error": T("错误", "error"),
    "severity.warning": T("警告", "warning"),
    "severity.info": T("提示", "information"),
    "suggestion.transposition": T("数字顺序颠倒", "transposition"),
    "suggestion.digit": T("个别数字有误", "one digit"),
    "suggestion.sign": T("正负号有误", "sign"),
    "suggestion.unit": T("单位有误", "unit"),
    "suggestion.value": T("数值有误", "value"),
    # ------------------------------------------------------------ the text output of `check`
    "findings.heading": T("{body} · {year} · {format}", "{body} · {year} · {format}"),
    "findings.tally.outcome": T(
        "结果：通过 {passed} 项，不符 {failed} 项，无法核验 {not_verifiable} 项，规则出错 {rule_error} 项，未填报 {empty} 项",
        "outcomes: {passed} pass, {failed} fail, {not_verifiable} not verifiable, {rule_error} rule errors,"
        " {empty} not filled in",
    ),
    "findings.tally.concerns": T("（另有 {count} 项可能是读取问题）", " ({count} more may be reading problems)"),
    "findings.tally.severity": T(
        "未通过（不符或规则出错）按严重程度：错误 {error} 项，警告 {warning} 项，提示 {info} 项",
        "failing (fails or rule errors) by severity: {error} errors, {warning} warnings, {info} information",
    ),
    "findings.tally.unverified": T(
        "无法核验按严重程度：错误级 {error} 项，警告级 {warning} 项，提示级 {info} 项（缺少数字，不是错误）",
        "not verifiable by severity: {error} error-level, {warning} warning-level, {info} information-level"
        " (a number is missing: not an error)",
    ),
    "findings.table": T("表{number} {label}", "Table {number} {label}"),
    "findings.document": T("报告整体", "The report as a whole"),
    "findings.unverified": T("无法核验（缺少数字，请补齐后再核）", "Not verifiable (a number is missing)"),
    "findings.line": T("{mark} {severity} {rule}（{outcome}）", "{mark} {severity} {rule}  ({outcome})"),
    "findings.line.unverified": T(
        "{mark} {rule}（{outcome}；{severity}级规则，缺少数字不是错误）",
        "{mark} {rule}  ({outcome}; a rule of level {severity}: a missing number is not an error)",
    ),
    "findings.culprits": T("可能出错的单元格：{cells}", "probably wrong: {cells}"),
    "findings.check": T("请对照原文核对：{cells}", "check against the document: {cells}"),
    "findings.suggest": T(
        "建议核对：{cell} {before} → {after}（{kind}，置信度 {confidence}）",
        "suggested: {cell} {before} → {after} ({kind}, confidence {confidence})",
    ),
    "findings.concerns": T(
        "可能是读取问题（以下结果所依据的单元格未被确切读取，并非确认的报告错误，请对照原文核对）",
        "Possible reading problems (these findings rest on cells that were not read exactly; they are not"
        " confirmed errors of the report: check them against the document)",
    ),
    "findings.previous": T(
        "未提供上年报告（--previous），{count} 项跨年度核对未进行：",
        "no previous report given (--previous): {count} year-over-year checks not made:",
    ),
    # ------------------------------------------------------------ notes of findings
    "note.no_previous": T("上年报告（未提供）", "last year's report (none given)"),
    "note.previous_lacks_cell": T(
        "上年报告的格式（{format}）没有 {cell}", "the previous report's format ({format}) has no {cell}"
    ),
    "note.blank_as_zero": T("空白单元格按 0 计（--blank-as-zero）", "blank cells were read as 0 (--blank-as-zero)"),
    "note.zero_policy": T("本规则将空白单元格按 0 计", "this rule reads blank cells as 0"),
    "note.expected_format": T("按报告年度应使用 {expected} 格式", "expected {expected}"),
    "note.no_deadline": T(
        "规则未规定本级（{level}）机关的公布期限，可由规则集补充",
        "no deadline is set for the level '{level}'; a rule set may give one",
    ),
    "note.date_unknown": T("公布日期不详", "the publication date is unknown"),
    "note.late": T("公布日期 {published} 晚于期限 {deadline}", "{published} > {deadline}"),
    "note.heading": T("{section}：报告所用标题为“{heading}”", "{section}: {heading}"),
    "note.rule_error": T("求值出错：{error}", "{error}"),
    "note.quote": T("正文：「{quote}」", "「{quote}」"),
    # ------------------------------------------------------------ the HTML overlay
    "overlay.heading": T("核查结果", "Check findings"),
    "overlay.none": T("未发现问题。", "No findings."),
    "overlay.summary.outcome": T(
        "共列出 {count} 项：不符 {failed} 项，规则出错 {rule_error} 项，无法核验 {not_verifiable} 项。",
        "{count} findings listed: {failed} fail, {rule_error} rule errors, {not_verifiable} not verifiable.",
    ),
    "overlay.summary.severity": T(
        "不符或规则出错的按严重程度：错误 {error} 项，警告 {warning} 项，提示 {info} 项。",
        "Failing by severity: {error} errors, {warning} warnings, {info} information.",
    ),
    "overlay.summary.unverified": T(
        "无法核验的 {count} 项缺少数字，不是错误，列在最后。",
        "The {count} not verifiable lack a number: they are not errors, and come last.",
    ),
    "overlay.lhs": T("左边", "left side"),
    "overlay.rhs": T("右边", "right side"),
    "overlay.difference": T("差额", "difference"),
    "overlay.cells": T("涉及单元格", "cells"),
    "overlay.suggestion": T(
        "建议将 {cell} 改为 {value}（{kind}，置信度 {confidence}）",
        "suggested: {cell} → {value} ({kind}, confidence {confidence})",
    ),
    "overlay.previous": T("上年报告", "previous report"),
    "overlay.blank": T("（空白）", "(blank)"),
    "overlay.see": T("见核查结果第{number}项（{severity}）", "see finding {number} ({severity})"),
    "overlay.table": T("表{number}", "Table {number}"),
    "overlay.deferred": T(
        "未提供上年报告，{count} 项跨年度核对未进行：",
        "No previous report given: {count} year-over-year checks not made:",
    ),
    "overlay.concerns": T("可能是读取问题", "Possible reading problems"),
    "overlay.concerns_intro": T(
        "以下 {count} 项所依据的单元格未被确切读取，并非确认的报告错误，请对照原文核对；不给出更正建议。",
        "These {count} findings rest on cells that were not read exactly: they are not confirmed errors of the"
        " report; check them against the document. No corrections are suggested for them.",
    ),
    "overlay.concerns_summary": T("另有 {count} 项可能是读取问题。", "{count} more may be reading problems."),
    "overlay.reading": T("可能是读取问题", "possible reading problem"),
    "overlay.level": T("{severity}级规则", "{severity}-level rule"),
    "overlay.colon": T("：", ": "),
    "overlay.separator": T("；", "; "),
    # ------------------------------------------------------------ `disclosure summary`
    "summary.body": T("  报送机关：{body}（{level}{region}）", "  body:      {body} ({level}{region})"),
    "summary.year": T("  年度：{year}　格式：{format}（{basis}）", "  year:      {year}   format: {format} ({basis})"),
    "summary.published": T("  公布：{published}{publisher}", "  published: {published}{publisher}"),
    "summary.publisher": T("，公布机关 {publisher}", "  by {publisher}"),
    "summary.unknown": T("不详", "unknown"),
    "summary.none": T("无", "none"),
    "summary.sections": T("  正文部分：{present}/{total}（{names}）", "  sections:  {present} of {total} ({names})"),
    "summary.table": T(
        "  表{number} {label}：{filled}/{count} 个单元格有数字",
        "  table {number} {label}: {filled} of {count} cells hold a number",
    ),
    "summary.read": T("  读取：共放置 {count} 个单元格：{readings}", "  read:      {count} cells placed: {readings}"),
    "reading.exact": T("确切 {count}", "{count} exact"),
    "reading.fuzzy_label": T("标签近似 {count}", "{count} fuzzy_label"),
    "reading.chosen": T("按勾稽选定 {count}", "{count} chosen"),
    "reading.uncertain": T("不确定 {count}", "{count} uncertain"),
    "level.state_council_department": T("国务院部门", "State Council department"),
    "level.province": T("省级政府", "province"),
    "level.province_department": T("省级部门", "province department"),
    "level.city": T("市级政府", "city"),
    "level.city_department": T("市级部门", "city department"),
    "level.county": T("县级政府", "county"),
    "level.county_department": T("县级部门", "county department"),
    "level.township": T("乡镇", "township"),
    # ------------------------------------------------------------ `plugins`
    "plugins.plugin": T("{name}（{version}）：{hooks}", "{name} ({version}): {hooks}"),
    "plugins.builtin": T("内置", "built-in"),
    "plugins.no_hooks": T("无钩子", "no hooks"),
    "plugins.layouts": T("格式版本：{names}", "layouts:   {names}"),
    "plugins.sources": T("来源：    {names}", "sources:   {names}"),
    "plugins.renderers": T("输出格式：{names}", "renderers: {names}"),
    # ------------------------------------------------------------ diagnostics on stderr
    "cli.error": T("错误：{message}", "error: {message}"),
    "cli.usage": T("错误：{message}（见 `{command} --help`）", "error: {message} (see `{command} --help`)"),
    "cli.warning": T("警告：{message}", "warning: {message}"),
    "cli.internal": T("内部错误：{kind}：{message}", "internal error: {kind}: {message}"),
    "cli.aborted": T("已中止", "aborted"),
    "cli.interrupted": T("已中断", "interrupted"),
    "cli.no_such_rule": T("--disable {rule}：没有这条规则", "--disable {rule}: no such rule"),
    "cli.unknown_rule": T("没有规则 {rule}（见 `disclosure rules`）", "no rule {rule} (see `disclosure rules`)"),
    "cli.years_order": T(
        "{old} 是 {old_year} 年的报告，{new} 是 {new_year} 年的：请先给较早的年度",
        "{old} is for {old_year} and {new} for {new_year}: give the earlier year first",
    ),
    "cli.suffix": T(
        "{output}：无法从后缀判断输出格式，请用 --to 指定",
        "{output}: cannot tell the output format from the suffix; pass --to",
    ),
    "cli.binary_to_terminal": T(
        "拒绝把二进制内容输出到终端：请用 `-o 文件` 指定文件，或通过管道输出",
        "refusing to write binary output to a terminal: name a file with -o FILE, or pipe it",
    ),
    "cli.blank_over_existing": T(
        "文件已存在，拒绝用空白报告替换它（确需替换请加 --force）",
        "already exists: refusing to replace it with a blank report (--force to do so)",
    ),
    "cli.stdin_twice": T("一次运行中只能读取一次标准输入", "standard input can be read only once in a run"),
    "cli.stdin_too_large": T("超过允许的 {limit} 字节", "more than the {limit} bytes accepted"),
    "cli.settings_from": T("设置来自 {path}：{keys}", "settings from {path}: {keys}"),
    "cli.settings_none": T("本命令无适用设置", "none for this command"),
    "cli.reading": T("读取", "reading"),
    "cli.reading_file": T("读取 {file}", "reading {file}"),
    "error.too_large": T(
        "文件为 {size} 字节，超过可接受的 {limit} 字节", "{size} bytes is larger than the {limit} bytes accepted"
    ),
    "os.missing": T("文件不存在", "No such file or directory"),
    "os.denied": T("没有访问权限", "Permission denied"),
    "os.directory": T("这是一个目录", "Is a directory"),
    "diagnostic.info": T("提示", "info"),
    "diagnostic.warning": T("警告", "warning"),
    "diagnostic.error": T("错误", "error"),
    "error.overwrite": T("拒绝覆盖输入文件", "refusing to overwrite the input file"),
    "error.unreadable": T("无法读取：{reason}", "cannot read: {reason}"),
    "error.no_format_for_year": T("没有适用于 {year} 年的格式版本", "no format version applies to the year {year}"),
    "error.no_source": T(
        "没有能读取此类文件的来源（已知：{known}）", "no source reads this kind of file (known: {known})"
    ),
    "error.unknown_renderer": T(
        "未知的输出格式 {name}（可用：{known}）", "unknown renderer {name} (available: {known})"
    ),
    "error.unknown_source": T("未知的来源 {name}（可用：{known}）", "unknown source {name} (available: {known})"),
    "error.unknown_layout": T(
        "未知的格式版本 {name}（可用：{known}）", "unknown format version {name} (available: {known})"
    ),
    # ------------------------------------------------------------ rendering (`render`, `new`)
    "render.unprintable": T("{code} 不是可打印字符", "{code} is not a printable character"),
    "render.layout": T(
        "报告的格式是 {format}，但给出的格式版本是 {layout}",
        "report is in format {format} but the layout given is {layout}",
    ),
    "render.no_sections": T(
        "格式版本 {layout} 没有列出章节标题：无法排版报告 {title}",
        "layout {layout} lists no section headings: cannot lay out report {title}",
    ),
    "docx.soffice_missing": T(
        "生成 PDF 需要 LibreOffice，但未找到 {program}：请安装（Debian 系统：`apt-get install libreoffice-writer-nogui"
        " fonts-noto-cjk fonts-arphic-ukai`）或设置 `DISCLOSURE_SOFFICE`",
        "LibreOffice is needed to make a PDF but {program} was not found: install it (Debian: apt-get install"
        " libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai) or set DISCLOSURE_SOFFICE",
    ),
    "docx.soffice_nothing": T(
        "LibreOffice 没有为 {name} 生成 {extension}（是否安装了相应的过滤器？）",
        "LibreOffice wrote no {extension} for {name} (is its filter installed?)",
    ),
    "docx.soffice_timeout": T(
        "LibreOffice 未在 {seconds} 秒内完成：已放弃转换",
        "LibreOffice did not finish within {seconds} s: conversion abandoned",
    ),
    "docx.soffice_failed": T(
        "LibreOffice 运行失败（退出码 {code}）：{message}", "LibreOffice failed (exit {code}): {message}"
    ),
    "docx.pdftotext_missing": T(
        "未找到 pdftotext：请安装 `poppler-utils`", "pdftotext not found: install poppler-utils"
    ),
    # ------------------------------------------------------------ `aggregate`
    "aggregate.done": T("已汇总 {count} 个单位：{units}", "aggregated {count} units: {units}"),
    "aggregate.missing": T(
        "缺少的单位（清单中有、无报告）：{units}", "missing units (in the manifest, no report): {units}"
    ),
    "aggregate.unexpected": T("清单之外的单位：{units}", "unexpected units (not in the manifest): {units}"),
    "aggregate.absent.zero": T("{cell}：{units} 未填数字（按 0 计）", "{cell}: no number from {units} (treated as 0)"),
    "aggregate.absent.blank": T(
        "{cell}：{units} 未填数字（汇总为空白）", "{cell}: no number from {units} (so the sum is blank)"
    ),
    "aggregate.units": T(
        "{cell}：金额单位不同，无法相加（留空）", "{cell}: money in units that cannot be added (left blank)"
    ),
    # ------------------------------------------------------------ progress of long work (a line of a log)
    "progress.line": T("{label}：{done}/{total}（{percent}%）", "{label}: {done} of {total} ({percent}%)"),
    "progress.count": T("{label}：{done}", "{label}: {done}"),
    "aggregate.manifest": T("无法读取清单：{reason}", "cannot read the manifest: {reason}"),
    "aggregate.nothing": T("没有可汇总的内容：未给出报告", "nothing to aggregate: no reports given"),
    "aggregate.duplicates": T("同一单位出现不止一次：{units}", "the same unit appears more than once: {units}"),
    "aggregate.different_format": T(
        "无法汇总不同格式的报告（{parts}）", "cannot aggregate reports of different formats ({parts})"
    ),
    "aggregate.different_year": T(
        "无法汇总不同年度的报告（{parts}）", "cannot aggregate reports of different years ({parts})"
    ),
    # ------------------------------------------------------------ `diff`
    "diff.bodies": T("上一份报告的报送机关是 {old}，不是 {new}", "the previous report is by {old}, not {new}"),
    "diff.years": T(
        "第一份报告是 {old} 年的，第二份是 {new} 年的：请先给较早的年度",
        "the first report is for {old} and the second for {new}: give the earlier year first",
    ),
    # ------------------------------------------------------------ configuration files (disclosure.toml)
    "config.not_utf8": T("不是 UTF-8 文本", "not UTF-8 text"),
    "config.malformed": T("TOML 格式错误：{reason}", "malformed TOML: {reason}"),
    "config.table": T("应为表", "expected a table"),
    "config.unknown_key": T("未知的键（已知：{known}）", "unknown key (known: {known})"),
    "config.choice": T("应为 {choices} 之一，实为 {got}", "expected one of {choices}, got {got}"),
    "config.strings": T("应为字符串列表，实为 {got}", "expected a list of strings, got {got}"),
    # ------------------------------------------------------------ `batch`
    "batch.start": T(
        "共 {count} 份报告，已完成 {done} 份，待核查 {todo} 份", "{count} reports, {done} already done, {todo} to check"
    ),
    "batch.progress": T("核查中", "checking"),
    "batch.done": T(
        "{count} 份报告：{unread} 份无法读取，{failing} 份有未通过的错误或警告；{rules} 条规则在某处未通过。结果见 {output}/",
        "{count} reports: {unread} could not be read, {failing} with failing errors or warnings; {rules} rules fail"
        " somewhere. Results in {output}/",
    ),
    "batch.doubtful": T(
        "{count} 份报告的结果可能是读取问题（单元格未被确切读取），{unsure} 份报告的表格读取把握不足：请对照原文核对。",
        "{count} reports with findings that may be reading problems (cells not read exactly), {unsure} whose tables"
        " were not read with confidence: check them against the documents.",
    ),
    # ------------------------------------------------------------ `rules` and `rules explain`
    "rules.all_formats": T("全部", "all"),
    "rules.origin": T("{rule}（{kind}，{severity}，来自 {origin}）", "{rule}  ({kind}, {severity}, from {origin})"),
    "rules.basis": T("依据：{basis}", "basis:    {basis}"),
    "rules.formats": T("格式：{formats}", "formats:  {formats}"),
    "rules.years": T("；年度 {start}–{end}", "; years {start}–{end}"),
    "rules.levels": T("；层级 {levels}", "; levels {levels}"),
    "rules.missing": T("缺少数字时：{policy}", "missing:  {policy}"),
    "rules.expands": T("展开：{over}", "expands:  {over}"),
    "rules.expand_over": T("`{name}` 取 {source}", "{name} over {source}"),
    "rules.message": T("消息：{message}", "message:  {message}"),
    "rules.note": T("说明：{note}", "note:     {note}"),
    "rules.passes": T("通过的示例：", "example that passes:"),
    "rules.fails": T("不通过的示例：", "example that fails:"),
    "rules.example": T("{rule}：{outcome}", "{rule}: {outcome}"),
    "rules.lint_sound": T("{path}：{count} 条规则，适用于 {formats}", "{path}: {count} rules, sound for {formats}"),
    "rules.lint_examples": T("  {rule}：能构造的示例：{labels}", "  {rule}: examples: {labels}"),
    "rules.lint_no_example": T("  {rule}：无法构造示例", "  {rule}: no example can be built"),
    "policy.not_verifiable": T("结果为无法核验", "the finding is not verifiable"),
    "policy.zero": T("空白按 0 计", "blank cells count as 0"),
    "policy.skip": T("跳过该单元格", "the cell is skipped"),
}
ENTRIES.update(_catalogue_loading.ENTRIES)
ENTRIES.update(_catalogue_readers.ENTRIES)
ENTRIES.update(_catalogue_plugins.ENTRIES)
ENTRIES.update(_catalogue_service.ENTRIES)
ENTRIES.update(_catalogue_reasons.ENTRIES)
ENTRIES.update(_catalogue_usage.ENTRIES)
ENTRIES.update(_catalogue_rules.ENTRIES)
ENTRIES.update(_catalogue_readings.ENTRIES)
