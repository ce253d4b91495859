"""Catalogue entries for ``--help`` (:mod:`disclosure_core.catalogue`): the help of every command and option,
and click's own words around them, in Chinese and English (:mod:`disclosure_core.cli.help_words` reads them).

Keys: ``help.<command>`` (its docstring), ``help.<command>.<option>`` (an option's ``help=``), ``help.option.<option>``
(the help shared by many commands) and ``help.chrome.*`` (click's headings). The English is the text of the
source exactly: an entry whose English no longer matches is not used, so the help never says something stale.

>>> ENTRIES["help.chrome.usage"].zh
'用法：'
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

_HINT = "提示信息："

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ click's own words
    "help.chrome.usage": T("用法：", "Usage:"),
    "help.chrome.options": T("选项", "Options"),
    "help.chrome.commands": T("命令", "Commands"),
    "help.chrome.help": T("显示本帮助并退出。", "Show this message and exit."),
    "help.chrome.options_metavar": T("[选项]", "[OPTIONS]"),
    "help.chrome.subcommand_metavar": T("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.chrome.default": T("默认：`{value}`", "default: {value}"),
    "help.chrome.required": T("必填", "required"),
    # ------------------------------------------------------------ options many commands share
    "help.option.lang": T(
        "输出和提示信息的语言（默认取 `$DISCLOSURE_LANG`，其次取系统区域设置，否则为 `zh`）。",
        "Language of the output and messages (default: $DISCLOSURE_LANG, else the locale, else zh).",
    ),
    "help.option.quiet": T(
        "标准错误输出只显示警告和错误（不显示进度）。", "Say nothing on stderr but warnings and errors (no progress)."
    ),
    "help.option.verbose": T(
        "在标准错误输出显示更多信息（所用配置、所选读取器）。",
        "Say more on stderr (configuration used, source chosen).",
    ),
    "help.option.body_hint": T(
        _HINT + "报告机关名称（优先于读取结果）。", "Hint: the reporting body's name (overrides what is read)."
    ),
    "help.option.level_hint": T(_HINT + "机关的行政层级。", "Hint: the body's administrative level."),
    "help.option.region_hint": T(
        _HINT + "机关所在地区，如 山西省忻州市代县。", "Hint: the body's region, e.g. 山西省忻州市代县."
    ),
    "help.option.year_hint": T(_HINT + "报告年度。", "Hint: the report year."),
    "help.option.output": T("输出文件（`-` 表示标准输出）。", "Output file ('-' for stdout)."),
    "help.option.to": T(
        "所用渲染器（默认按输出文件后缀确定，否则为 `json`）。",
        "Renderer to use (default: from the output suffix, else json).",
    ),
    "help.option.source": T("所用读取器（默认自动识别）。", "Source to read with (default: detected)."),
    "help.option.diagnostics_format": T(
        "标准错误输出的诊断信息格式：`text` 为文本行，`json` 为每行一个 JSON 对象。",
        "Diagnostics on stderr: text lines, or one JSON object a line.",
    ),
    "help.option.output_format": T(
        "输出格式：`text` 为文本，`json` 为供脚本使用的 JSON。", "Output: text, or JSON for scripts."
    ),
    "help.option.format_id": T(
        "格式版本（默认取 --year 年度规定的版本）。", "Format version (default: the one prescribed for --year)."
    ),
    "help.option.body_name": T("报告机关名称。", "Name of the reporting body."),
    "help.option.level": T("行政层级。", "Administrative level."),
    "help.option.region": T("所在地区，如 山西省忻州市代县。", "Region, e.g. 山西省忻州市代县."),
    # ------------------------------------------------------------ disclosure
    "help.disclosure": T(
        "核查、渲染和转换政府信息公开工作年度报告。\n\n"
        "规则（`rules`）、停用（`disable`）、语言（`lang`）、失败级别（`fail_on`）和空白按 0 计（`blank_as_zero`）等设置，"
        "从本目录或上级目录中找到的第一个 `disclosure.toml`（或 `pyproject.toml` 的 `[tool.disclosure]`）读取；"
        "命令行给出的选项优先。",
        "Check, render and convert 政府信息公开工作年度报告 (annual reports on government information disclosure).\n\n"
        "Settings for rules, disable, lang, fail_on and blank_as_zero are read from the first disclosure.toml\n"
        "(or [tool.disclosure] of a pyproject.toml) in this folder or above; options given here win.",
    ),
    "help.disclosure.version": T("显示版本号并退出。", "Show the version and exit."),
    "help.disclosure.strict_plugins": T(
        "已安装的插件无法加载时即失败。", "Fail when an installed plugin cannot be loaded."
    ),
    "help.disclosure.config_file": T(
        "使用此设置文件，而不使用从本目录向上查找到的 `disclosure.toml`（或 `pyproject.toml`）。",
        "Settings file to use instead of the disclosure.toml (or pyproject.toml) found upward from here.",
    ),
    "help.disclosure.no_config": T("不使用任何设置文件。", "Use no settings file."),
    # ------------------------------------------------------------ new
    "help.new": T(
        "为某机关某年度生成一份空白报告（已有文件保留不动，除非给出 --force）。",
        "Write a blank report for a body and year (an existing file is kept unless --force).",
    ),
    "help.new.year": T("报告年度。", "Report year."),
    "help.new.force": T("用空白报告替换已有文件。", "Replace an existing file with the blank report."),
    # ------------------------------------------------------------ convert
    "help.convert": T(
        "在任意已注册的读取器和渲染器之间转换报告（`SOURCE_FILE` 为 `-` 时读取标准输入）。\n\n"
        "政府信息公开申请台账用 `--from ledger --year Y --body NAME --level LEVEL` 读取。",
        "Convert a report between any registered source and renderer (SOURCE_FILE `-`: standard input).\n\n"
        "A register of requests is read with `--from ledger --year Y --body NAME --level LEVEL`.",
    ),
    "help.convert.source": T(
        "所用读取器（默认自动识别；台账用 `ledger`）。",
        "Source to read with (default: detected; `ledger` for a register).",
    ),
    # ------------------------------------------------------------ schema
    "help.schema": T("输出标准报告 JSON 的 `JSON Schema`。", "Print the JSON Schema of canonical report JSON."),
    "help.schema.format_id": T(
        "只输出此格式版本（默认输出全部已注册版本）。", "Only this format version (default: all registered)."
    ),
    # ------------------------------------------------------------ plugins
    "help.plugins": T(
        "列出插件及其版本、挂钩和所提供的功能。", "List plugins with their versions and hooks, and what they provide."
    ),
    # ------------------------------------------------------------ summary
    "help.summary": T(
        "显示报告机关、年度和格式，各表填报了多少，以及读取的可靠程度。",
        "Print who reported, for which year and format, how much of each table is filled and how surely it was read.",
    ),
    # ------------------------------------------------------------ render
    "help.render": T(
        "将报告渲染为 HTML 页面、规范格式的 DOCX、标准 JSON 或任何已安装的格式。\n\n{examples}",
        "Render a report as an HTML page, an official DOCX, canonical JSON or any installed format.\n\n{examples}",
    ),
    "help.render.to": T(
        "渲染器：`html`、`docx`、`json` 或任何已安装的渲染器（默认按输出文件后缀确定）。",
        "Renderer: html, docx, json or any installed (default: from the output suffix).",
    ),
    "help.render.output": T("输出文件（`-` 或不给出表示标准输出）。", "Output file ('-' or none for stdout)."),
    "help.render.with_findings": T(
        "核查报告并显示核查结果（HTML 标注层）。", "Check the report and show the findings (the HTML overlay)."
    ),
    # ------------------------------------------------------------ check
    "help.check": T(
        "按规则集核查报告；有核查结果达到 --fail-on 级别时退出码为 1。\n\n"
        "依据未能准确读取的单元格得出的核查结果属于读取疑点：单独列出；没有其他核查结果达到 --fail-on 级别时，"
        "退出码为 3 而不是 1。",
        "Check a report against the rule sets; exit 1 when a finding reaches --fail-on.\n\n"
        "A finding resting on a cell the source did not read exactly is a reading concern: listed apart, and it\n"
        "makes the exit code 3 instead of 1 when no other finding reaches --fail-on.",
    ),
    "help.check.previous_file": T("同一机关上一年度的报告。", "Last year's report by the same body."),
    "help.check.fail_on": T(
        "有此严重程度或更严重的规则不符时退出码为 1（只有读取疑点时为 3）。",
        "Exit 1 when a rule of this severity or worse fails (3 when only reading concerns do).",
    ),
    "help.check.fail_on_unverifiable": T(
        "--fail-on 级别的规则因数字空白或缺失而无法核验时，退出码也为 1。",
        "Also exit 1 when a rule at the --fail-on level cannot be verified for a blank or missing number.",
    ),
    "help.check.blank_as_zero": T(
        "空白单元格按 0 计（由此得出的每条核查结果都会注明）。",
        "Read blank cells as 0 (every finding made so says it).",
    ),
    "help.check.rule_files": T("额外的规则文件（TOML）；可重复给出。", "Extra rule file (TOML); repeatable."),
    "help.check.disable": T(
        "按编号停用一条规则（或其中一个实例）；可重复给出。", "Switch off a rule (or one instance) by id; repeatable."
    ),
    "help.check.output": T("核查结果写入此处（`-` 表示标准输出）。", "Write the findings here ('-' for stdout)."),
    # ------------------------------------------------------------ diff
    "help.diff": T(
        "显示同一机关两份报告之间的变化：两个年度，或同一年度的两个版本。\n\n"
        "先列出改变的数字；由空白变为 0 的合并为一行（JSON 逐项列出每处变化及其类型）。"
        "相邻两个年度还会列出跨年度勾稽关系的核查结果：其中有不符时退出码为 1（只有读取疑点时为 3）。",
        "Show what changed between two reports of one body: two years, or two versions of one year.\n\n"
        "The changed numbers come first; blanks that became 0 are folded into one line (the JSON lists every\n"
        "change with its kind). For consecutive years the year-over-year findings follow: exit 1 when one of\n"
        "them fails (3 when only reading concerns do).",
    ),
    # ------------------------------------------------------------ rules
    "help.rules": T(
        "列出规则（内置的和插件提供的）；`rules explain ID` 显示一条规则，`rules lint FILE` 检查一个规则文件。",
        "List the rules (shipped and from plugins); `rules explain ID` shows one, `rules lint FILE` checks a file.",
    ),
    "help.rules.output_format": T(
        "输出格式：`text` 或 `json`（给出 gov-2021 这样的格式版本时视为 --format-version）。",
        "Output: text or json (a format version such as gov-2021 is taken as --format-version).",
    ),
    "help.rules.format_id": T("只列出适用于此格式版本的规则。", "Only the rules that apply to this format version."),
    "help.rules.explain": T(
        "显示一条规则：核查什么、依据、适用范围，以及一个通过和一个不符的示例。",
        "Show one rule: what it checks, its basis, scope, and a passing and a failing example.",
    ),
    "help.rules.lint": T(
        "按 `check --rules` 加载的方式检查一个规则文件（`-` 表示标准输入），并演示每条规则不符的情形。\n\n"
        "规则文件无误时退出码为 0，有问题时为 1（指明问题及其位置），无法读取时为 2。",
        "Check a rule file (`-`: standard input) as `check --rules` would load it, and show each rule failing.\n\n"
        "Exit 0 when it is sound, 1 when it is not (the problem named with its place), 2 when it cannot be read.",
    ),
    # ------------------------------------------------------------ aggregate
    "help.aggregate": T(
        "将多个单位报告的各表汇总为一份全地区的报告。\n\n"
        "--manifest 所列单位中有未报送报告的，退出码为 1（汇总结果照常写出）。",
        "Sum the tables of many units' reports into one region-wide report.\n\n"
        "Exit 1 when a unit of the --manifest sent no report (the sum is still written).",
    ),
    "help.aggregate.body_name": T("全地区汇总报告所属机关的名称。", "Name of the body the region-wide report is for."),
    "help.aggregate.region": T("该机关所在地区。", "Region of the body."),
    "help.aggregate.manifest": T("应报送的单位名称，每行一个。", "Expected unit names, one per line."),
    "help.aggregate.blank_as_zero": T(
        "空白和占位符单元格按 0 计（并注明位置）。", "Treat blank and placeholder cells as 0 (and say where)."
    ),
    # ------------------------------------------------------------ batch
    "help.batch": T(
        "批量检查多份报告（文件或目录），逐份写出核查结果并写出汇总表。\n\n"
        "以相同选项重新运行时，跳过结果已写出且未改变的报告；中断（即使被强行终止）的运行从中断处继续。"
        "有报告无法加载，或有错误、警告级别的规则不符时退出码为 1；只有读取疑点"
        "（依据未能准确读取的单元格得出的核查结果）时为 3。",
        "Check many reports (files or directories) and write per-report findings and summary tables.\n\n"
        "Re-running with the same options skips reports whose results are already written and unchanged; a run\n"
        "that was interrupted (even killed) resumes where it stopped. Exit 1 when any report fails to load or\n"
        "has a failing error or warning; 3 when the only ones are reading concerns (findings resting on cells\n"
        "not read exactly).",
    ),
    "help.batch.output": T("输出目录。", "Output directory."),
    "help.batch.jobs": T("工作进程数。", "Worker processes."),
    "help.batch.executor": T(
        "在何处检查：`process`（本机 --jobs 个进程的进程池）、`dask-local`（本机有 --jobs 个工作进程的 `Dask` 集群），"
        "或 `Dask` 调度器地址 `tcp://host:port`。",
        "Where to check: process (a local pool of --jobs), dask-local (a local Dask cluster of --jobs workers) or a "
        "Dask scheduler address tcp://host:port.",
    ),
    "help.batch.blank_as_zero": T(
        "空白和占位符单元格按 0 计（核查结果会注明）。", "Treat blank and placeholder cells as 0 (findings say so)."
    ),
    "help.batch.disabled": T("按编号停用一条规则（可重复给出）。", "Switch off a rule by id (repeatable)."),
    "help.batch.source": T(
        "读取每个输入所用的读取器（默认逐个文件自动识别）。",
        "Source to read every input with (default: detected per file).",
    ),
    # ------------------------------------------------------------ ledger
    "help.ledger": T(
        "将政府信息公开申请台账（CSV 或 XLSX）统计为 --year 年度报告的表二。\n\n"
        "与 `disclosure convert FILE --from ledger --year ... --body ...` 相同，另可给出 --format-version。\n\n"
        "无法统计的行在标准错误输出中连同行号列出；报告照常写出，此时退出码为 1。"
        "可接受的列名和名称见 `docs/ledger.md`。",
        "Count a register of requests (CSV or XLSX) into Table 2 of a report for --year.\n\n"
        "The same as `disclosure convert FILE --from ledger --year ... --body ...`, with --format-version.\n\n"
        "Lines that cannot be counted are listed on stderr with their line numbers; the report is still\n"
        "written, and the exit code is then 1. See docs/ledger.md for the accepted columns and names.",
    ),
    "help.ledger.year": T(
        "统计的年度（与相邻年度之间的结转）。", "The year to count (carry-over from and into its neighbours)."
    ),
    "help.ledger.output_format": T(
        "标准错误输出的诊断信息格式：`text` 或 `json`（每行一个对象）；给出 gov-2021 这样的格式版本时视为 --format-version。",
        "Diagnostics on stderr: text, or json (one object a line); a format version such as gov-2021 is taken as"
        " --format-version.",
    ),
    # ------------------------------------------------------------ completion
    "help.completion": T(
        "输出 `SHELL`（`bash`、`zsh` 或 `fish`）的命令补全脚本（以下示例依次写入 `~/.bashrc`、`~/.zshrc` 和"
        " `fish` 的补全目录）。\n\n{examples}",
        "Print the completion script for SHELL (bash, zsh or fish).\n\n{examples}",
    ),
    # ------------------------------------------------------------ serve (disclosure-service)
    "help.serve": T(
        "通过 HTTP 提供核查、渲染和转换服务（`/v1`，`OpenAPI` 文档见 `/openapi.json`）。\n\n"
        "设置 `DISCLOSURE_TOKEN` 后，访问 `/v1` 须携带令牌（`bearer token`）。",
        "Serve check, render and convert over HTTP (/v1, OpenAPI at /openapi.json).\n\n"
        "Set DISCLOSURE_TOKEN to require a bearer token on /v1.",
    ),
    "help.serve.host": T("监听地址。", "Address to listen on."),
    "help.serve.port": T("端口。", "Port."),
    "help.serve.workers": T("服务进程数。", "Service processes."),
    "help.serve.parse_workers": T(
        "每个进程读取上传文件的工作线程数 [默认：`2`]。", "Upload readers per process [default: 2]."
    ),
    "help.serve.parse_timeout": T("一次上传最多可用的秒数 [默认：`30`]。", "Seconds an upload may take [default: 30]."),
    "help.serve.max_body_mb": T("请求体最大为多少 MiB [默认：`20`]。", "Largest request body in MiB [default: 20]."),
    "help.serve.cors_origins": T(
        "允许此来源跨域访问（未给出时不启用 `CORS`）。", "Allow this origin (CORS is off without one)."
    ),
}
