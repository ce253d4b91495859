"""Catalogue entries for what is wrong in a rule file beyond its shape (:mod:`disclosure_core.catalogue`): an
expression that does not parse, a reference that names no cell, an expansion too large, a rule that can never
fail, in Chinese and English. The shape of a rule file (keys, types) is in
:mod:`disclosure_core._catalogue_loading` (``rulefile.*``).

Keys: ``expr.*`` (parsing an expression), ``selector.*`` (what a reference names in a layout), ``lint.*``
(``rules lint`` and ``check --rules``), ``yearly.*`` (the previous report given to a check). The English is
what these messages said before they were keyed.

>>> ENTRIES["lint.same_sides"]
Text(zh='两边相同', en='both sides are the same')
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ one rule, one layout
    "lint.rule": T("规则 {rule}（{layout}）：{problem}", "rule {rule} ({layout}): {problem}"),
    "lint.no_such_id": T("没有 {id}", "{id}"),
    "lint.nested": T("表达式嵌套过深", "expression nested too deeply"),
    "lint.never_fails": T(
        "规则 {rule}（{layout}）：永远不会不通过：{problem}", "rule {rule} ({layout}): can never fail: {problem}"
    ),
    "lint.same_sides": T("两边相同", "both sides are the same"),
    "lint.constants": T("只比较常数", "it compares constants"),
    "lint.placeholder": T(
        "规则 {rule}：`message.{lang}` 使用了未知的占位符 {name}",
        "rule {rule}: message.{lang} uses unknown placeholder {name}",
    ),
    "lint.expand_count": T(
        "展开后有 {count} 个实例（最多 {limit} 个）", "expand gives {count} instances (at most {limit})"
    ),
    "lint.expand_table": T("`expand.{name}`：{layout} 中没有表 {table}", "expand.{name}: no table {table} in {layout}"),
    "lint.cannot_read": T("无法读取：{reason}", "cannot read: {reason}"),
    # ------------------------------------------------------------ parsing an expression
    "expr.character": T("第 {offset} 个字符处有意外的字符 {char}", "unexpected character {char} at {offset}"),
    "expr.too_long": T(
        "表达式过长（{length} 个字符；最多 {limit} 个）", "expression too long ({length} characters; at most {limit})"
    ),
    "expr.unexpected": T("第 {offset} 个字符处有意外的 {token}", "unexpected {token} at {offset}"),
    "expr.expected": T("第 {offset} 个字符处应为 {wanted}", "expected {wanted} at {offset}"),
    "expr.expected_end": T("表达式末尾应为 {wanted}", "expected {wanted} at the end"),
    "expr.operand_end": T("表达式末尾应为数字、引用或 '('", "expected a number, reference or '(' at the end"),
    "expr.function": T(
        "第 {offset} 个字符处有未知的函数 {name}（已知：{known}）",
        "unknown function {name} at {offset} (known: {known})",
    ),
    "expr.cell_reference": T("应为单元格引用，实为 {text}", "expected a cell reference, got {text}"),
    # ------------------------------------------------------------ what a reference names
    "selector.fact": T("未知的事实 {path}（已知：{known}）", "unknown fact {path} (known: {known})"),
    "selector.shape": T("{path} 不是“表.行.列”（也不是事实）", "{path} is not table.row.column (nor a fact)"),
    "selector.table": T("{path}：{layout} 中没有表 {table}", "{path}: no table {table} in {layout}"),
    "selector.no_cell": T("{path} 不是 {layout} 的单元格", "{path} names no cell of {layout}"),
    "selector.group": T("{what}：分组 {group} 不存在", "{what} group {group} does not exist"),
    "selector.range": T("{what}：范围 {range} 不是本表的范围", "{what} range {range} is not a range of this table"),
    "selector.missing": T("{what} {segment} 不存在", "{what} {segment} does not exist"),
    "selector.row": T("{path} 的行", "{path}: row"),
    "selector.column": T("{path} 的列", "{path}: column"),
    "selector.breakdown_whole": T(
        "{whole}：分项规则的总数只能是一个单元格，实为 {count} 个",
        "{whole}: a breakdown's whole is one cell, not {count}",
    ),
    "selector.breakdown_parts": T(
        "{parts}：分项规则除总数外还需要分项", "{parts}: a breakdown needs parts besides its whole"
    ),
    "selector.figure": T("未知的数字 {figure}（已知：{known}）", "unknown figure {figure} (known: {known})"),
    # ------------------------------------------------------------ the previous report given to a check
    "yearly.year": T(
        "上年报告是 {given} 年的，不是 {expected} 年的", "the previous report is for {given}, not {expected}"
    ),
    "yearly.body": T(
        "上年报告的报送机关是 {given}，不是 {expected}", "the previous report is by {given}, not {expected}"
    ),
}
