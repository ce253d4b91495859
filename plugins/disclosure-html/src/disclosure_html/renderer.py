"""The HTML renderer: one self-contained HTML5 page per report, from jinja2 templates with autoescape on.

Every text of the report reaches the page through autoescaping; the only markup not built by the templates
is the stylesheet shipped with this package. Undefined template variables are errors (StrictUndefined).
"""

from __future__ import annotations

import functools

import jinja2
import markupsafe

from disclosure_core import RenderOptions, Report
from disclosure_core.catalogue import reason
from disclosure_core.errors import RenderError
from disclosure_core.rendering import format_date, is_subheading, outline, report_title, title_lines
from disclosure_html.overlay import build_overlay
from disclosure_html.tables import table_group


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment (built once): package templates, autoescape, StrictUndefined."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("disclosure_html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["subheading"] = is_subheading
    env.filters["css_string"] = css_string
    return env


def css_string(text: str) -> markupsafe.Markup:
    """``text`` as a quoted CSS string safe inside a ``<style>`` element: every ASCII character but letters,
    digits and spaces is a hex escape, so no quote, backslash or ``</style>`` can end it early.

    >>> print(css_string('代县"2020"</style>'))
    "代县\\22 2020\\22 \\3c \\2f style\\3e "
    """
    escaped = "".join(
        char if char.isalnum() or char == " " or (ord(char) > 0x7F and char.isprintable()) else f"\\{ord(char):x} "
        for char in text
    )
    return markupsafe.Markup(f'"{escaped}"')  # built only from escaped text above


class HtmlRenderer:
    """Renders a report as an accessible HTML5 page (``lang="zh-CN"``, inline CSS, no external requests).

    >>> from disclosure_core import Body, Report, builtin_layout, RenderOptions
    >>> page = HtmlRenderer().render(Report("gov-2021", 2025, Body("某县人民政府", "county")),
    ...                              RenderOptions(builtin_layout("gov-2021")))
    >>> page[:15], b'<html lang="zh-CN">' in page
    (b'<!DOCTYPE html>', True)
    """

    name = "html"
    suffix = ".html"
    media_type = "text/html; charset=utf-8"
    description = "self-contained accessible HTML5 page (disclosure-html)"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """The page as UTF-8 bytes; findings in ``options.findings`` are listed and marked on their cells."""
        layout = options.layout
        parts = outline(report, layout)
        overlay = build_overlay(options.findings, layout, options.lang, report)
        tables = {
            table.id: table_group(report, layout, table, overlay.marks_of) for part in parts for table in part.tables
        }
        title = report_title(report)
        try:
            page = (
                environment()
                .get_template("report.html.j2")
                .render(
                    title=title,
                    title_lines=title_lines(title),
                    lead=report.lead,
                    parts=parts,
                    tables=tables,
                    publisher=report.publisher,
                    published=format_date(report.published) if report.published else None,
                    layout=layout,
                    overlay=overlay,
                )
            )
        except jinja2.TemplateError as exc:  # a broken template is our bug, but it must surface as a RenderError
            raise RenderError.keyed("renderer.template", template="report.html.j2", failure=reason(exc)) from exc
        return page.encode("utf-8")
