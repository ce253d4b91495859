"""Catalogue entries for the HTTP service (disclosure-service): the titles and details of its problem documents
(RFC 9457), in Chinese and English.

Keys: ``service.title.<kind>`` (one title per kind of problem: the ``type`` URI ends with the kind) and
``service.*`` (each detail the service words itself; a library error keeps its own key). The English is what
the service answered before its problems were keyed.

>>> ENTRIES["service.title.too-large"]
Text(zh='请求体过大', en='The request body is too large')
"""

from __future__ import annotations

from disclosure_core.text import Text

T = Text

ENTRIES: dict[str, Text] = {
    # ------------------------------------------------------------ one title per kind of problem
    "service.title.usage": T("请求无效", "The request is not valid"),
    "service.title.unauthorized": T("需要有效的访问令牌", "A valid bearer token is required"),
    "service.title.not-found": T("没有这个资源", "No such resource"),
    "service.title.method": T("不允许的请求方法", "Method not allowed"),
    "service.title.too-large": T("请求体过大", "The request body is too large"),
    "service.title.unknown-format": T("没有能读取此类文件的来源", "No source reads this kind of file"),
    "service.title.not-readable": T("无法读取报告", "The report could not be read"),
    "service.title.rules": T("规则文件无效", "A rule file is not valid"),
    "service.title.time-limit": T("读取上传文件超时", "Reading the upload took too long"),
    "service.title.internal": T("内部错误", "Internal error"),
    # ------------------------------------------------------------ details the service words itself
    "service.internal": T("内部错误（已记入服务日志）", "internal error (logged by the service)"),
    "service.unauthorized": T("缺少访问令牌或令牌有误", "missing or wrong bearer token"),
    "service.not_found": T("没有这个资源：{path}", "no such resource: {path}"),
    "service.method": T("{path} 不接受 {method} 请求", "{method} is not allowed on {path}"),
    "service.bad_request": T("请求无效（HTTP {status}）", "bad request (HTTP {status})"),
    "service.too_large": T("请求体超过 {limit} MiB", "request body is larger than {limit} MiB"),
    "service.time_limit": T("读取上传文件超过 {seconds} 秒", "reading the upload took longer than {seconds} s"),
    "service.crashed": T(
        "无法读取上传文件：读取程序内存不足或崩溃",
        "the upload could not be read: its reader ran out of memory or crashed",
    ),
    "service.out_of_memory": T(
        "无法读取上传文件：读取程序内存不足", "the upload could not be read: its reader ran out of memory"
    ),
    "service.no_boundary": T(
        "`multipart/form-data` 请求缺少分隔符（`boundary`）", "multipart/form-data without a boundary"
    ),
    "service.no_body": T(
        "请求没有内容：请发送报告（JSON）或上传文件",
        "the request has no body: send a report (JSON) or upload a file",
    ),
    "service.malformed_form": T("`multipart/form-data` 格式错误：{reason}", "malformed multipart/form-data: {reason}"),
    "service.no_field_name": T("表单的某一部分没有字段名", "a multipart part has no field name"),
    "service.no_report_part": T("表单中没有 `report` 部分", "the form has no `report` part"),
    "service.body_not_json": T("请求体：不是 JSON（{reason}）", "request body: not JSON ({reason})"),
    "service.body_object": T("请求体：应为 JSON 对象", "request body: give a JSON object"),
    "service.year": T("`{field}`：应为四位数的年度", "{field}: give a four-digit year"),
    "service.body_name": T("`{field}`：应为报送机关名称", "{field}: give the name of the reporting body"),
    "service.one_of": T("`{field}`：应为以下之一：{allowed}", "{field}: give one of {allowed}"),
    "service.string": T("`{field}`：应为字符串", "{field}: give a string"),
    "service.format_id": T("`{field}`：应为格式版本编号", "{field}: give a format id"),
    "service.renderer_name": T("`{field}`：应为输出格式名称", "{field}: give a renderer name"),
    "service.flag": T("`{field}`：应为 `true` 或 `false`", "{field}: give true or false"),
    "service.no_rule": T("没有规则 {rule}（见 `/v1/rules`）", "no rule {rule} (see /v1/rules)"),
    "service.setting_number": T("{name}：{raw} 不是数字", "{name}: {raw} is not a number"),
    "service.setting_positive": T("{name}：{raw} 应为正数", "{name}: {raw} must be positive"),
}
