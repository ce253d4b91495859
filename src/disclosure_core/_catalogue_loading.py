"""Catalogue entries for reading inputs (:mod:`disclosure_core.catalogue`): canonical JSON, ZIP packages, files,
registers of requests and the hints a caller gives, in Chinese and English.

Keys: ``json.*`` (canonical JSON), ``archive.*`` (the guard every ZIP package passes), ``file.*`` (writing
outputs), ``ledger.*`` (registers of requests), ``hint.*`` and ``toml.*`` (any TOML data file).

>>> ENTRIES["json.malformed"].en
'line {line} column {column}: malformed JSON: {reason}'
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ where something was read
    "place.page": T("第 {page} 页", "page {page}"),
    "place.line": T("第 {line} 行", "line {line}"),
    "place.cell": T("单元格 {cell}", "cell {cell}"),
    "place.byte": T("第 {byte} 字节", "byte {byte}"),
    "place.object": T("对象 {object}", "object {object}"),
    "place.line_column": T("第 {line} 行第 {column} 列：", "line {line} column {column}: "),
    "reader.gb18030": T("按 GB18030 编码读取（不是 UTF-8）", "read as GB18030 (not UTF-8)"),
    # ------------------------------------------------------------ canonical JSON
    "json.not_utf8": T("不是 UTF-8 文本（第 {byte} 字节：{reason}）", "not UTF-8 text ({reason} at byte {byte})"),
    "json.malformed": T(
        "第 {line} 行第 {column} 列：JSON 格式错误：{reason}", "line {line} column {column}: malformed JSON: {reason}"
    ),
    "json.reason.value": T("缺少值", "Expecting value"),
    "json.reason.comma": T("缺少逗号分隔符", "Expecting ',' delimiter"),
    "json.reason.colon": T("缺少冒号分隔符", "Expecting ':' delimiter"),
    "json.reason.name": T("属性名须用双引号括起", "Expecting property name enclosed in double quotes"),
    "json.reason.unterminated": T("字符串未结束", "Unterminated string starting at"),
    "json.reason.control": T("无效的控制字符", "Invalid control character at"),
    "json.reason.extra": T("多余的数据", "Extra data"),
    "json.reason.escape": T("无效的转义", "Invalid \\escape"),
    "json.nested": T("JSON 嵌套过深", "JSON nested too deeply"),
    "json.long_number": T("{place}数字超过 4300 位", "{place}a number of more than 4300 digits"),
    "json.at": T("{path}：{problem}", "{path}: {problem}"),
    "json.object": T("应为 JSON 对象", "expected a JSON object"),
    "json.schema": T("不支持的模式 {schema}（应为 {expected}）", "unsupported schema {schema} (expected {expected})"),
    "json.format": T("缺少或不是字符串", "missing or not a string"),
    "json.year": T(
        "报告年度应在 {first} 至 {last} 之间，实为 {year}",
        "expected a report year from {first} to {last}, got {year}",
    ),
    "json.expected_object": T("应为对象", "expected an object"),
    "json.expected_rows": T("应为由各行组成的对象", "expected an object of rows"),
    "json.expected_columns": T("应为由各列组成的对象", "expected an object of columns"),
    "json.no_table": T("{layout} 中没有表 {table}", "no table {table} in {layout}"),
    "json.no_row": T("{layout} 的表 {table} 中没有行 {row}", "no row {row} in table {table} of {layout}"),
    "json.no_cell": T("{layout} 中没有单元格 {cell}", "no cell {cell} in {layout}"),
    "json.no_such_cell": T("{layout} 中没有这个单元格", "no such cell in {layout}"),
    "json.unknown_keys": T("未知的键：{keys}", "unknown key(s): {keys}"),
    "json.required": T("缺少必需的键", "required key missing"),
    "json.wrong_type": T("类型错误", "wrong type"),
    "json.decimal": T("应为十进制数字字符串，实为 {got}", "expected a decimal string, got {got}"),
    "json.date": T("应为日期（`YYYY-MM-DD`），实为 {got}", "expected a date (YYYY-MM-DD), got {got}"),
    "json.level": T("未知的层级 {got}（可选：{allowed}）", "unknown level {got} (one of: {allowed})"),
    "json.reading": T("未知的读取方式 {got}（可选：{allowed}）", "unknown reading {got} (one of: {allowed})"),
    "json.string": T("应为字符串，实为 {got}", "expected a string, got {got}"),
    "json.integer": T("应为整数，实为 {got}", "expected an integer, got {got}"),
    "json.boolean": T("应为 `true` 或 `false`，实为 {got}", "expected true or false, got {got}"),
    "json.list": T("应为列表，实为 {got}", "expected a list, got {got}"),
    "json.non_negative": T("应为非负整数，实为 {got}", "expected a non-negative integer, got {got}"),
    "json.money_in_count": T(
        "应为整数，实为金额（{amount}）", "expected an integer, got an amount of money ({amount})"
    ),
    "json.count_in_money": T("应为金额，实为件数（{count}）", "expected an amount of money, got a count ({count})"),
    "json.keys_in": T("{got} 中有未知的键", "unknown key(s) in {got}"),
    "json.absence": T("未知的缺项类型 {got}", "unknown kind of absence {got}"),
    "json.absence_text": T("`text` 应为字符串，实为 {got}", "expected text to be a string, got {got}"),
    "json.amount": T("金额应为十进制数字字符串，实为 {got}", "expected a decimal string amount, got {got}"),
    "json.unit": T("单位应为字符串，实为 {got}", "expected a unit string, got {got}"),
    "json.unexpected": T("意外的对象 {got}", "unexpected object {got}"),
    "json.cell_address": T("不是单元格地址（表.行.列）：{got}", "not a cell address (table.row.column): {got}"),
    "json.year_number": T("年度是整数（如 2025），不是 {got}", "the year is a whole number such as 2025, not {got}"),
    "json.body_object": T(
        "报送机关应为 `disclosure_core.Body(name, level)`，不是 {kind}",
        "the body is a disclosure_core.Body(name, level), not a {kind}",
    ),
    "json.value_kind": T(
        "{value} 的类型为 {kind}：件数请给 `int`，金额请给 `Decimal`",
        "{value} is a {kind}: give a count as int, money as Decimal",
    ),
    # ------------------------------------------------------------ TOML data files (layouts, rules)
    "toml.nested": T("TOML 嵌套过深", "TOML nested too deeply"),
    "toml.long_number": T("{place}整数超过 4300 位", "{place}an integer of more than 4300 digits"),
    "toml.place": T("第 {line} 行第 {column} 列：", "line {line} column {column}: "),
    "toml.malformed": T("TOML 格式错误：{reason}", "{reason}"),
    # ------------------------------------------------------------ rule files (`check --rules`, `rules lint`)
    "rulefile.at": T("规则 {rule}（{path}）：{problem}", "rule {rule} ({path}): {problem}"),
    "rulefile.missing": T("缺少", "missing"),
    "rulefile.string": T("应为非空字符串，实为 {got}", "expected a non-empty string, got {got}"),
    "rulefile.text": T("应为 `{form}`", "expected {form}"),
    "rulefile.text_empty": T("`zh` 和 `en` 须为非空字符串", "zh and en must be non-empty strings"),
    "rulefile.nested": T("表达式嵌套过深", "expression nested too deeply"),
    "rulefile.expression": T("表达式有误 {text}：{reason}", "malformed expression {text}: {reason}"),
    "rulefile.op": T("未知的运算符 {op}（可选：{known}）", "unknown operator {op} (one of: {known})"),
    "rulefile.terms": T("至少应有一项", "expected at least one term"),
    "rulefile.unknown_key": T("未知的键", "unknown key"),
    "rulefile.rules": T("应为表的数组", "expected an array of tables"),
    "rulefile.duplicate": T("规则 {rule}：编号重复（也见于 {other}）", "rule {rule}: duplicate id (also in {other})"),
    "rulefile.id": T(
        "编号是以点连接的小写单词，如 `requests.balance`",
        "ids are lower-case words joined by dots, e.g. 'requests.balance'",
    ),
    "rulefile.kind": T("未知的类型 {kind}（可选：{known}）", "unknown kind {kind} (one of: {known})"),
    "rulefile.key_for": T("{kind} 规则没有这个键", "unknown key for a {kind} rule"),
    "rulefile.severity": T(
        "应为 `error`、`warning` 或 `info`，实为 {got}", "expected error, warning or info, got {got}"
    ),
    "rulefile.years": T(
        "应为 `[起始年, 终止年]`（整数；适用于所有年度时省略此键）",
        "expected [first, last] (integers; omit the key for every year)",
    ),
    "rulefile.expand": T("应为“变量 = 维度”的表", "expected a table of variable = dimension"),
    "rulefile.dimension": T(
        '应为 `"table.rows"`、`"table.columns"`、列表或 `{form}`',
        'expected "table.rows", "table.columns", a list, or {form}',
    ),
    "rulefile.number": T(
        "应为整数或十进制数字字符串，实为 {got}", "expected an integer or a decimal string, got {got}"
    ),
    "rulefile.by_level": T("应为 `{form}`", "expected {form}"),
    "rulefile.pattern_table": T("模式规则须写明其表", "a pattern rule names its table"),
    "rulefile.positive": T("应为正整数", "expected a positive integer"),
    "rulefile.pattern_rows": T(
        "永远不会不通过：模式所需的行数须多于 `min_followers`",
        "can never fail: a pattern needs more rows than min_followers",
    ),
    "rulefile.required": T(
        "必填规则须有 `sections`、`cells` 或 `any_of`", "a required rule needs sections, cells or any_of"
    ),
    "rulefile.measure": T("应为 `count` 或 `percent`，实为 {got}", "expected count or percent, got {got}"),
    "rulefile.previous": T(
        "只有 `year_over_year` 规则才引用 `previous.*` 单元格",
        "year_over_year rules, and only they, refer to previous.* cells",
    ),
    # ------------------------------------------------------------ layout files (format versions of plugins)
    "layout.no_base": T("没有可供继承的格式版本", "no layouts to extend from"),
    "layout.unknown_base": T("未知的格式版本 {layout}", "unknown layout {layout}"),
    "layout.missing_key": T("缺少键 {key}", "missing key {key}"),
    "layout.unknown_section": T("未知的部分 {section}", "unknown section {section}"),
    "layout.unknown_table": T("未知的表 {table}", "unknown table {table}"),
    "layout.unknown_row": T("表 {table} 中没有行 {row}", "unknown row {row} in table {table}"),
    "layout.duplicate": T("编号 {id} 重复", "duplicate id {id}"),
    "layout.unknown_group": T("未知的分组 {group}", "unknown group {group}"),
    "layout.no_block": T("不属于任何区块的行：{rows}", "rows in no block: {rows}"),
    "layout.kind": T("未知的单元格类型 {kind}", "unknown cell kind {kind}"),
    "layout.unknown_ids": T("未知的编号：{ids}", "unknown id(s): {ids}"),
    "layout.spans": T(
        "超出表格范围（{width} 列，{depth} 行表头）", "spans past the table ({width} columns, {depth} header rows)"
    ),
    "layout.overlaps": T("与另一个表头单元格重叠", "overlaps another header cell"),
    "layout.leaf": T(
        "列表头须到达表头最后一行且只跨一列", "a column header must reach the last header row and span one column"
    ),
    "layout.fill": T(
        "表头单元格没有填满 {depth}×{width} 的表头网格", "header cells do not fill the {depth}x{width} header grid"
    ),
    "layout.columns": T(
        "列表头 {got} 与数据列 {expected} 不一致", "column headers {got} do not match the data columns {expected}"
    ),
    "layout.years": T("年度须为整数", "years must be integers"),
    "layout.table": T("应为表，实为 {got}", "expected a table, got {got}"),
    # ------------------------------------------------------------ the guard every ZIP package passes
    "archive.unsupported": T(
        "压缩包中有 Python 无法解压的成员（{reason}）", "an archive member zipfile cannot extract ({reason})"
    ),
    "archive.not_zip": T(
        "不是 ZIP 容器（XLSX 和 DOCX 文件都是 ZIP 容器）", "not a ZIP container (an .xlsx or .docx file is one)"
    ),
    "archive.members": T("压缩包有 {count} 个成员（超过 {limit}）", "{count} archive members (more than {limit})"),
    "archive.total": T("解压后超过 {limit} 字节，拒绝读取", "expands to more than {limit} bytes; refusing it"),
    "archive.encrypted": T("{member}：压缩包成员已加密", "{member}: encrypted archive member"),
    "archive.member_size": T(
        "{member}：解压后 {size} 字节（超过 {limit}）", "{member}: {size} bytes expanded (more than {limit})"
    ),
    "archive.ratio": T(
        "{member}：压缩比 {ratio} 倍（超过 {limit}），疑似压缩炸弹，拒绝读取",
        "{member}: expands {ratio} times (more than {limit}); refusing a likely zip bomb",
    ),
    "archive.dtd": T("{member}：XML 含 DTD 或实体，拒绝读取", "{member}: XML with a DTD or entities; refusing it"),
    "archive.damaged": T("{member}：压缩包成员已损坏（{reason}）", "{member}: damaged archive member ({reason})"),
    "archive.encoding": T(
        "{member}：XML 的编码无法检查（{encoding}）", "{member}: XML in an encoding that cannot be checked ({encoding})"
    ),
    # ------------------------------------------------------------ writing outputs
    "file.cannot_write": T("无法写入：{reason}", "cannot write: {reason}"),
    "file.not_regular": T("拒绝写入：这是{kind}，不是普通文件", "refusing to write: {kind}, not a regular file"),
    "file.parent": T("拒绝写入：{parent} 不是目录", "refusing to write: {parent} is not a directory"),
    "file.kind.directory": T("目录（请指定其中的文件）", "a directory (name a file inside it)"),
    "file.kind.fifo": T("命名管道", "a FIFO"),
    "file.kind.device": T("设备", "a device"),
    "file.kind.socket": T("套接字", "a socket"),
    "file.kind.link": T(
        "符号链接（请写入它指向的文件，或删除该链接）",
        "a symbolic link (write to the file it points to, or remove the link)",
    ),
    "file.kind.other": T("特殊文件", "a special file"),
    # ------------------------------------------------------------ registers of requests (`disclosure ledger`)
    "ledger.no_header": T(
        "没有表头行（应有收到日期、申请人类型、办理结果、办结日期等列）",
        "no header row (expected columns such as 收到日期, 申请人类型, 办理结果, 办结日期)",
    ),
    "ledger.missing_columns": T(
        "缺少列：{columns}（见 `docs/ledger.md`）", "missing column(s): {columns} (see docs/ledger.md)"
    ),
    "ledger.not_counted": T("{problem}；该申请未计入", "{problem}; the request is not counted"),
    "ledger.received_date": T("不可能的收到日期 {date}", "impossible received date {date}"),
    "ledger.closing_date": T("不可能的办结日期 {date}", "impossible closing date {date}"),
    "ledger.no_received": T("没有收到日期", "no received date"),
    "ledger.applicant": T("未知的申请人类型 {applicant}", "unknown applicant type {applicant}"),
    "ledger.outcome": T("未知的办理结果 {outcome}", "unknown outcome {outcome}"),
    "ledger.closed_before": T(
        "办结日期 {closed} 早于收到日期 {received}", "closed on {closed} before it was received on {received}"
    ),
    "ledger.outcome_and_date": T(
        "办理结果和办结日期须同时填写", "an outcome needs a closing date and a closing date an outcome"
    ),
    "ledger.duplicate": T(
        "编号 {id} 也出现在第 {line} 行；两条都计入", "id {id} also on line {line}; both are counted"
    ),
    "ledger.too_long": T("超过 {limit} 行；请按年度拆分台账", "more than {limit} lines; split the register by year"),
    "ledger.csv": T("CSV 格式错误：{reason}", "{reason}"),
    "ledger.openpyxl": T(
        "读取 XLSX 台账需要 openpyxl：`pip install 'disclosure-core[xlsx]'`",
        "reading an .xlsx register needs openpyxl: pip install 'disclosure-core[xlsx]'",
    ),
    "ledger.hints": T(
        "申请台账需要年度和报送机关：请给出 --year 和 --body",
        "a register of requests needs the year and the body: pass --year and --body",
    ),
    # ------------------------------------------------------------ hints given on the command line
    "hint.disagrees": T(
        "{what}：提示为 {hinted}，文档中为 {read}：采用提示",
        "{what}: the hint says {hinted}, the document {read}: taking the hint",
    ),
    "hint.name": T("机关名称", "body name"),
    "hint.level": T("机关层级", "body level"),
    "hint.region": T("所在地区", "region"),
    "hint.year": T("报告年度", "report year"),
}
