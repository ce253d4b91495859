"""Catalogue entries for the shipped readers (:mod:`disclosure_core.catalogue`): the load errors and diagnostics
of the published-report, workbook and Word sources, in Chinese and English.

Keys: ``published.*`` (text, HTML, Markdown, Word and PDF reports as published), ``xlsx.*`` (the disclosure
workbook) and ``docx.*`` (Word documents written by disclosure-docx). The plugins ask for them through the public
:mod:`disclosure_core.catalogue` (:func:`~disclosure_core.catalogue.words`, ``Diagnostic.keyed``,
``LoadError.keyed``).

>>> ENTRIES["published.table_twice"].zh
'表{number}重复印出'
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ published reports: the tables
    "published.table": T("表{number}", "table {number}"),
    "published.the_text": T("正文", "the text"),
    "published.a_table": T("表格", "a table"),
    "published.outside_row": T(
        "{table}中有不在任何表格行内的数值：{value} 未采用",
        "a value outside any table row in {table}: {value} not kept",
    ),
    "published.missing_table": T(
        "未找到表{number}（{label}）：其单元格全部为空白（文档可能不完整）",
        "table {number} ({label}) not found: all its cells are blank (the document may be truncated)",
    ),
    "published.table_twice": T("表{number}重复印出", "table {number} printed a second time"),
    "published.row_twice": T(
        "“{row}”行重复印出：采用第一次的数值", "row {row} printed a second time: its first values are kept"
    ),
    "published.header": T(
        "表头为 {printed}，格式为 {expected}：按格式的列序读取数值",
        "header reads {printed}, expected {expected}: values read in the format's order",
    ),
    "published.row_too_long": T(
        "“{row}”行的单元格多于列数：{value} 未采用", "row {row} has more cells than columns: {value} not kept"
    ),
    "published.cell_note": T("{cell}：{note}", "{cell}: {note}"),
    "published.unknown_row": T(
        "{row} 行不在 {layout} 的{table}中：其数值 {values} 未采用（省级变体格式可以采用）",
        "row {row} is not in {layout} {table}: its values {values} are not kept (a provincial variant layout"
        " would keep them)",
    ),
    "published.stray": T(
        "{table}中有不属于 {layout} 标签的文字：{text}", "text in {table} that is no label of {layout}: {text}"
    ),
    "published.short_row": T(
        "“{row}”行：{count} 个单元格只印出 {filled} 个，按从左到右读取；未印出：{missing}",
        "row {row}: {filled} of {count} cells printed, read left to right; not printed: {missing}",
    ),
    "published.before_header": T(
        "数值 {values} 印在表头结束之前：未采用", "values {values} printed before the end of the header: not kept"
    ),
    "published.empty_rows": T(
        "表{number}：{count} 行没有印出任何单元格（{rows}）：留空",
        "table {number}: {count} rows printed with no cells at all ({rows}): left blank",
    ),
    "published.missing_rows": T(
        "表{number}：未找到 {count} 行（{rows}）：留空", "table {number}: {count} rows not found ({rows}): left blank"
    ),
    "published.short_table": T(
        "表{number}：{count} 个单元格只印出 {filled} 个；其余留空",
        "table {number}: {filled} of {count} cells printed; the rest left blank",
    ),
    "published.extra_values": T(
        "表{number}：多出的数值 {values} 未采用", "table {number}: extra values {values} not kept"
    ),
    # ------------------------------------------------------------ published reports: one printed cell
    "published.cell.placeholder": T(
        "数字单元格中是占位符 {printed}：读作无数字，不是 0",
        "placeholder {printed} in a numeric cell: read as no number, not 0",
    ),
    "published.cell.not_number": T(
        "不是数字：{printed} 按文字保留，读作无数字", "not a number: {printed} kept as text, read as no number"
    ),
    "published.cell.thousands": T("{printed} 中有千位分隔符", "thousands separators in {printed}"),
    "published.cell.money_in_count": T(
        "件数单元格中是金额：{printed} 按文字保留", "an amount of money in a count cell: {printed} kept as text"
    ),
    "published.cell.unit": T("单元格中填写了单位：{printed}", "unit typed into the cell: {printed}"),
    "published.cell.not_whole": T("不是整数：{printed} 按文字保留", "not a whole number: {printed} kept as text"),
    "published.cell.decimal_point": T("件数中有小数点：{printed}", "decimal point in a count: {printed}"),
    "published.cell.negative": T(
        "计数列中出现负数 {printed}（只有本年增/减可以为负）：按文字保留，读作无数字",
        "negative number {printed} in a column that counts (only 本年增/减 may be negative): kept as text, read as"
        " no number",
    ),
    "published.cell.not_amount": T("不是金额：{printed} 按文字保留", "not an amount: {printed} kept as text"),
    "published.cell.count_unit": T(
        "金额单元格中是件数单位：{printed}，金额按无单位读取",
        "count unit in an amount cell: {printed}, amount read without a unit",
    ),
    "published.cell.other_unit": T(
        "单元格中填写的单位 {unit} 与格式规定的 {expected} 不同：{printed} 按 {unit} 保留",
        "unit {unit} typed into a cell the format gives in {expected}: {printed} kept in {unit}",
    ),
    # ------------------------------------------------------------ published reports: digits run together
    "published.digits.too_many": T(
        "数字 {digits} 的拆分方式太多，无法选择（{count} 个单元格）：未采用任何数值",
        "digits {digits} admits too many splits to choose from ({count} cells): no value kept",
    ),
    "published.digits.unsplittable": T(
        "数字 {digits} 无法拆分到各单元格（{count} 个单元格）：未采用任何数值",
        "digits {digits} cannot be split into its cells ({count} cells): no value kept",
    ),
    "published.digits.exhausted": T(
        "{rows} 行：可能的联合读法太多，无法逐一比较；单元格标为不确定",
        "{rows} rows: too many joint readings to compare; cells left uncertain",
    ),
    "published.digits.fewest": T("违反的勾稽关系最少", "the fewest identities broken"),
    "published.digits.chosen": T(
        "数字 {digits} 在 {count} 种拆分中读作 {shown}；依据：{decided}",
        "digits {digits} read as {shown} of {count} splits; decided by {decided}",
    ),
    "published.digits.tied": T(
        "数字 {digits}：{count} 种拆分同样符合（{others}）；采用 {shown}，不确定：{uncertain}",
        "digits {digits}: {count} splits fit equally well ({others}); kept {shown}, uncertain: {uncertain}",
    ),
    # ------------------------------------------------------------ published reports: what the report is
    "published.no_layouts": T("没有注册任何格式版本", "no format layouts are registered"),
    "published.format.by_year": T(
        "没有能区分格式版本的标签：按年度确定", "no label tells the format version apart: taken from the year"
    ),
    "published.format.by_labels": T("有 {count} 个标签只见于 {layout}", "{count} labels found only in {layout}"),
    "published.format": T("格式 {layout}：{why}", "format {layout}: {why}"),
    "published.format_for_year": T(
        "{year} 年的报告按 {layout} 格式（{basis}）印制，该格式适用于 {first}–{last} 年",
        "a {year} report printed in the {layout} format ({basis}), which applies to {first}–{last}",
    ),
    "published.not_a_report": T(
        "未找到报告标题、章节标题或表格标签：不是年度报告",
        "no report title, section heading or table label found: not an annual report",
    ),
    "published.no_year": T(
        "未找到报告年度（标题中没有年份，正文中没有日期）",
        "no report year found (no title with a year, no dates in the text)",
    ),
    "published.year_from": T("报告年度 {year} 取自{source}", "report year {year} taken from the {source}"),
    "published.year_source.name": T("正文中的报告名称", "report's name in the text"),
    "published.year_source.period": T("统计期限", "statistics period"),
    "published.year_source.text": T("正文中出现的第一个年份", "first year named in the text"),
    "published.year_source.publication": T("公布日期的上一年", "the year before publication"),
    "published.dates": T(
        "网页发布日期为 {published}，落款日期为 {signed}：采用 {published}",
        "page published {published}, signed {signed}: taking {published}",
    ),
    "published.skipped": T("跳过网页文字：{text}", "page text skipped: {text}"),
    "published.no_sections": T("未找到以下部分：{sections}", "sections not found: {sections}"),
    "published.name_source.sentence": T("提及报告的句子", "a sentence naming the report"),
    "published.name_source.publisher": T("网页的发布机构一栏", "the page's publisher line"),
    "published.name_source.signature": T("落款", "the signature"),
    "published.name_from": T(
        "标题未写明报送机关：{name} 取自{source}", "no title names the body: {name} read from {source}"
    ),
    "published.name_guessed": T(
        "标题未写明报送机关：{name} 系从正文推断", "no title names the body: {name} guessed from the text"
    ),
    "published.no_name": T("未找到报送机关名称：请用 --body 提示", "body name not found: pass it as a hint"),
    "published.no_level": T(
        "未找到机关层级：按县级政府处理；请用 --level 提示", "body level not found: county assumed; pass it as a hint"
    ),
    "published.level_from_text": T(
        "机关层级 {body_level} 系从正文对本机关的称呼推断",
        "body level {body_level} inferred from how the text names its body",
    ),
    "published.level_from_name": T(
        "机关层级 {body_level} 系从名称 {name} 推断", "body level {body_level} inferred from the name {name}"
    ),
    # ------------------------------------------------------------ published reports: PDF
    "published.pdf.chosen": T(
        "第 {page} 页续表的列有 {count} 种读法：按勾稽关系选定{reading}的读法（违反 {broken} 项勾稽关系，次优读法违反 {next} 项）",
        "the table continued on page {page} admits {count} readings of its columns: the reading with {reading}"
        " chosen by the arithmetic ({broken} identities broken, the next best reading {next})",
    ),
    "published.pdf.uncertain": T(
        "第 {page} 页续表的列有 {count} 种读法；最优读法（{reading}）违反 {broken} 项勾稽关系，次优违反 {next} 项："
        "其单元格标为不确定（可能是读取问题，不是报告错误）",
        "the table continued on page {page} admits {count} readings of its columns; the best (with {reading})"
        " breaks {broken} identities and the next {next}: its cells are read as uncertain (this may be a reading"
        " problem, not an error of the report)",
    ),
    "published.pdf.column_missing": T("第 {columns} 个数据列未印出", "data column {columns} not printed"),
    "published.pdf.shifted": T(
        "第 {page} 页续表的列位置不同：按顺序对应其 {count} 个数据列",
        "table continued on page {page} with its columns at other x-positions: its {count} data columns matched"
        " in order",
    ),
    "published.pdf.pages": T(
        "共 {count} 页，超过可接受的 {limit} 页", "{count} pages is more than the {limit} accepted"
    ),
    "published.pdf.unreadable": T("无法读取的 PDF：{reason}", "not a readable PDF: {reason}"),
    "published.pdf.no_text": T(
        "没有文字层（扫描件 PDF 需先做文字识别）", "no text layer (a scanned PDF needs OCR first)"
    ),
    "published.pdf.running": T("删去页眉或页脚 {text}", "running header or footer {text} dropped"),
    "published.page_number": T("删去页码 {number}", "page number {number} dropped"),
    "published.page_footer": T("删去页脚 {text}", "page footer {text} dropped"),
    "published.pdf.objects": T(
        "一页上的字符和图形超过 {limit} 个（报告的一页只有几千个）",
        "more than {limit} characters and drawings on one page (a report page holds a few thousand)",
    ),
    "published.pdf.chars": T("文档字符超过 {limit} 个", "more than {limit} characters in the document"),
    "published.pdf.stream": T("数据流解压后超过 {limit} 字节", "a stream inflating to more than {limit} bytes"),
    "published.pdf.streams": T("数据流解压后共超过 {limit} 字节", "streams inflating to more than {limit} bytes"),
    # ------------------------------------------------------------ published reports: text, HTML, Word
    "published.nested": T("嵌套过深，无法读取", "nested too deeply to read"),
    "published.too_large": T("文件过大，无法读取", "too large to read"),
    "published.binary": T("二进制数据，不是文本", "binary data, not text"),
    "published.chars": T(
        "共 {count} 个字符，超过可接受的 {limit} 个", "{count} characters is more than the {limit} accepted"
    ),
    "published.encoding": T("既不是 UTF-8 也不是 GB18030 文本", "neither UTF-8 nor GB18030 text"),
    "published.html.decode": T("无法解码网页（已尝试 {codecs}）", "cannot decode the page (tried {codecs})"),
    "published.html.empty": T("空白网页", "empty page"),
    "published.html.unreadable": T("无法读取的 HTML 网页：{reason}", "not a readable HTML page: {reason}"),
    "published.docx.unreadable": T("无法读取的 DOCX 文档（{reason}）", "not a readable DOCX document ({reason})"),
    "published.docx.no_body": T("没有 `w:body` 元素：文档中没有文字", "no w:body element: the document holds no text"),
    "published.docx.chars": T("文字超过 {limit} 个字符，拒绝读取", "more than {limit} characters of text; refusing it"),
    "published.cell_remark": T(
        "单元格中的备注按备注保留：{note}；单元格读作 {value}",
        "note in a cell kept as a note: {note}; the cell reads {value}",
    ),
    "published.fuzzy": T(
        "行标签印作 {printed}（{why}），按 {label} 读取", "row label printed {printed} ({why}), taken for {label}"
    ),
    "published.fuzzy.typo": T("笔误", "a typo"),
    "published.fuzzy.numbering": T("编号不同", "another numbering"),
    "published.fuzzy.wording": T("{layout} 的措辞", "the wording of {layout}"),
    "published.heading.unnumbered": T(
        "标题 {heading} 未印出序号 {expected}、", "heading {heading} printed without its number {expected}、"
    ),
    "published.heading.numbered": T(
        "标题 {heading} 的序号为 {number}，格式中为 {expected}",
        "heading {heading} numbered {number}, the format numbers it {expected}",
    ),
    # ------------------------------------------------------------ the disclosure workbook (disclosure-xlsx)
    "xlsx.cell.date": T(
        "{cell}：数字单元格中是日期（电子表格是否把输入的内容转成了日期？）：{text}",
        "{cell}: a date in a number cell (did the spreadsheet turn what was typed into a date?): {text}",
    ),
    "xlsx.cell.unreadable": T("{cell}：无法读取的单元格内容 {raw}", "{cell}: unreadable cell content {raw}"),
    "xlsx.cell.spaces": T("{cell}：只有空格；读作空白", "{cell}: only spaces; read as blank"),
    "xlsx.cell.placeholder": T(
        "{cell}：以占位符 {text} 代替数字；按缺失保留，不按 0 计",
        "{cell}: placeholder {text} instead of a number; kept as missing, not 0",
    ),
    "xlsx.cell.not_number": T("{cell}：不是数字：{text}；按缺失保留", "{cell}: not a number: {text}; kept as missing"),
    "xlsx.cell.money_in_count": T(
        "{cell}：件数单元格中是金额：{text}", "{cell}: an amount of money in a count cell: {text}"
    ),
    "xlsx.cell.count_in_money": T("{cell}：金额单元格中是件数：{text}", "{cell}: a count in a money cell: {text}"),
    "xlsx.cell.read_as": T("{cell}：{raw} 读作 {value}（{how}）", "{cell}: read {raw} as {value} ({how})"),
    "xlsx.how.text": T("以文本形式输入", "typed as text"),
    "xlsx.how.full_width": T("全角字符", "full-width characters"),
    "xlsx.how.thousands": T("千位分隔符", "thousands separators"),
    "xlsx.how.unit": T("单元格中填写了单位", "unit typed into the cell"),
    "xlsx.how.spaces": T("前后有空格", "spaces around it"),
    "xlsx.how.overrides": T("单元格中的单位 {typed} 取代旁边的 {unit}", "its unit {typed} overrides {unit} beside it"),
    "xlsx.cell.negative_amount": T("{cell}：金额为负数：{number}", "{cell}: a negative amount: {number}"),
    "xlsx.cell.not_whole": T("{cell}：不是整数：{number}", "{cell}: not a whole number: {number}"),
    "xlsx.cell.negative": T(
        "{cell}：件数为负数：{count}（只有本年增/减可以为负）：按文字保留，读作无数字",
        "{cell}: a negative count: {count} (only 本年增/减 may be negative): kept as text, read as no number",
    ),
    "xlsx.header_missing": T(
        "表头 {header} 不在其所在列（是否插入、删除或改写了列？）",
        "header {header} not found in its column (were columns inserted, deleted or relabelled?)",
    ),
    "xlsx.row_missing": T(
        "{sheet}：未找到标签为 {label} 的行（已删除或改写？）；其单元格为空白",
        "{sheet}: row labelled {label} not found (deleted or relabelled?); its cells are blank",
    ),
    "xlsx.label_changed": T("{cell}：标签已改动，格式中为 {label}", "{cell}: label changed, expected {label}"),
    "xlsx.rows_moved": T(
        "{sheet}：插入或删除了行；按标签定位单元格",
        "{sheet}: rows were inserted or deleted; cells were located by their labels",
    ),
    "xlsx.formula.unsaved": T(
        "{cell}：公式 {formula} 没有保存的计算结果（请在电子表格程序中打开并保存）；按缺失保留",
        "{cell}: formula {formula} has no saved result (open and save the file in a spreadsheet); kept as missing",
    ),
    "xlsx.formula.saved": T(
        "{cell}：数值单元格中是公式（{formula}）；读取其保存的结果 {result}",
        "{cell}: a formula ({formula}) in a value cell; its saved result {result} was read",
    ),
    "xlsx.unit": T(
        "{cell}：未知的单位 {unit}（应为万元或元）；金额按无单位读取",
        "{cell}: unknown unit {unit} (万元 or 元); the amount is read without a unit",
    ),
    "xlsx.extra_row": T(
        "{cell}：不属于格式的行（{label}）中有数值；未读取",
        "{cell}: a row that is not in the format ({label}) holds values; not read",
    ),
    "xlsx.info.unknown_row": T("未知的行 {label}；已忽略", "unknown row {label}; ignored"),
    "xlsx.info.marked_no": T("标为否但有内容；保留其内容", "marked 否 but has content; the content is kept"),
    "xlsx.info.marker": T("应为是或否，实为 {got}", "expected 是 or 否, got {got}"),
    "xlsx.no_label": T("无标签", "no label"),
    "xlsx.info.unlabelled": T("无标签的行", "a row without a label"),
    "xlsx.info.not_in_group": T("{label} 不属于本组；已忽略", "{label} is not part of this group; ignored"),
    "xlsx.info.missing": T("缺少{label}", "{label} is missing"),
    "xlsx.info.year": T("应为年份，实为 {got}", "expected a year, got {got}"),
    "xlsx.info.level": T("未知的层级 {got}（可选：{allowed}）", "unknown level {got} (one of: {allowed})"),
    "xlsx.info.date": T("不是日期：{got}；未填公布日期", "not a date: {got}; publication date left out"),
    "xlsx.info.not_whole": T("不是整数：{number}；未采用", "not a whole number: {number}; left out"),
    "xlsx.info.not_number": T("{label}：不是数字：{got}；未采用", "{label}: not a number: {got}; left out"),
    "xlsx.no_info_sheet": T(
        "没有工作表 {sheet}：不是信息公开年报工作簿（用 `disclosure new --to xlsx` 生成；申请台账请用 `disclosure ledger` 读取）",
        "no sheet {sheet}: not a disclosure workbook (make one with `disclosure new --to xlsx`; a register of"
        " requests is read by `disclosure ledger`)",
    ),
    "xlsx.no_sheet": T("没有工作表 {sheet}（{label}）", "no sheet {sheet} ({label})"),
    "xlsx.truncated": T(
        "{sheet}：只读取了前面的行；该工作表大得多", "{sheet}: only the first rows were read; the sheet is far larger"
    ),
    "xlsx.too_large": T(
        "文件为 {size} 字节，超过工作簿可接受的 {limit} 字节",
        "{size} bytes is larger than the {limit} bytes a workbook may have",
    ),
    "xlsx.unreadable": T("无法读取的工作簿：{reason}", "not a readable workbook: {reason}"),
    "xlsx.damaged": T("工作表已损坏：{reason}", "damaged worksheet: {reason}"),
    # ------------------------------------------------------------ Word documents written by disclosure-docx
    "docx.unreadable": T("无法读取的 DOCX 文档（{reason}）", "not a readable DOCX document ({reason})"),
    "docx.custom_xml": T("自定义属性部件：{reason}", "not well-formed XML ({reason})"),
    "docx.custom_nested": T("自定义属性 {name}：JSON 嵌套过深", "custom property {name}: JSON nested too deeply"),
    "docx.custom_schema": T(
        "自定义属性 {name} 不是 {schema} 元数据", "custom property {name} is not {schema} metadata"
    ),
    "docx.not_word": T(
        "主部件不是 Word 文档（其根元素为 `{root}`）", "the main part is not a Word document (its root is {root})"
    ),
    "docx.no_metadata": T(
        "没有 disclosure-core 元数据（不是由 disclosure-docx 生成的）",
        "no disclosure-core metadata (not written by disclosure-docx)",
    ),
    "docx.no_format": T("缺少", "missing"),
    "docx.headings": T(
        "找到 {found} 个章节标题（样式 {style}），格式中为 {expected} 个",
        "found {found} section headings (style {style}), expected {expected}",
    ),
    "docx.tables": T(
        "找到 {found} 张表，格式 {layout} 中为 {expected} 张", "found {found} tables, expected {expected} ({layout})"
    ),
    "docx.rows": T(
        "表{number}：{found} 行，格式中为 {expected} 行", "table {number}: {found} rows, expected {expected}"
    ),
    "docx.no_cell": T(
        "表{number} 第 {row} 行第 {column} 列：此处没有单元格开始",
        "table {number} row {row} column {column}: no cell starts here",
    ),
    "docx.label": T("标签为 {found}，格式中为 {expected}", "label {found} where the format has {expected}"),
    "docx.negative": T(
        "{cell}：计数列中出现负数 {text}：按文字保留，读作无数字",
        "{cell}: negative number {text} in a column that counts: kept as text, read as no number",
    ),
}
