"""From a token stream to a report: detect the format version, walk, and read the metadata.

This is the container-independent core every published-report source ends in.

>>> from disclosure_core.layouts import official_layouts
>>> from disclosure_published.text import text_tokens
>>> text = "代县2020年政府信息公开工作年度报告\\n二、主动公开政府信息情况\\n政府集中采购 | 189 | 43101万元"
>>> loaded = parse_tokens(text_tokens(text, origin="a.txt"), origin="a.txt", layouts=official_layouts())
>>> loaded.report.format, loaded.report.year, loaded.report.body.name, loaded.report.number("proactive.procurement.projects")
('gov-2019', 2020, '代县人民政府', 189)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from disclosure_core import Body, BodyLevel, Diagnostic, DiagnosticLevel, Facts, Loaded, Provenance, Report, Tables
from disclosure_core.catalogue import Text, place_of, words
from disclosure_core.errors import LoadError
from disclosure_core.layouts import Layout
from disclosure_core.sources import assessment_weight, disagreement, fees_charged
from disclosure_published import bodies, metadata
from disclosure_published.bodies import Hints
from disclosure_published.normalize import clean, label_key
from disclosure_published.stream import Token
from disclosure_published.vocabulary import vocabulary_of
from disclosure_published.walker import walk

_MAX_LABEL = 120
INFO, WARNING, ERROR = DiagnosticLevel.INFO, DiagnosticLevel.WARNING, DiagnosticLevel.ERROR


def choose_layout(tokens: Sequence[Token], candidates: Sequence[Layout], year: int | None) -> tuple[Layout, Text]:
    """The layout whose own labels the document prints most, and why it was chosen.

    Labels every candidate shares say nothing; a variant wins over its base only with its extra labels;
    without telling labels the layout prescribed for ``year`` is taken.
    """
    if not candidates:
        raise LoadError.keyed("published.no_layouts")
    keys = {label_key(t.text) for t in tokens if not t.is_break and 0 < len(t.text) <= _MAX_LABEL}
    matched = {
        layout.id: {k for k in keys if vocabulary.lookup_key(k)}
        for layout in candidates
        for vocabulary in [vocabulary_of(layout)]
    }
    shared = set.intersection(*matched.values()) if matched else set()
    scores = {layout_id: len(found - shared) for layout_id, found in matched.items()}

    def preference(layout: Layout) -> tuple[int, int, int]:
        applies = year is not None and layout.applies_to(year)
        return scores[layout.id], layout.extends is None, applies

    best = max(candidates, key=preference)
    if scores[best.id] == 0:
        official = [c for c in candidates if c.extends is None]
        for_year = [c for c in official if year is not None and c.applies_to(year)]
        chosen = (for_year or official or list(candidates))[-1]
        return chosen, words("published.format.by_year")
    return best, words("published.format.by_labels", count=scores[best.id], layout=best.id)


def parse_tokens(
    tokens: list[Token], *, origin: str, layouts: Mapping[str, Layout], hints: Hints | None = None
) -> Loaded:
    """Read a report from a token stream; LoadError when the stream is no annual report at all.

    Every layout in ``layouts`` (variants included) is a candidate for the report's format.

    >>> from disclosure_core import official_layouts
    >>> from disclosure_core import Provenance
    >>> at = Provenance("t.txt", line=2)
    >>> tokens = [Token("二、主动公开政府信息情况", Provenance("t.txt", line=1)), Token("行政许可", at, cell=True), Token("12", at, cell=True)]
    >>> parse_tokens(tokens, origin="t.txt", layouts=official_layouts(), hints=Hints(year=2022)).report.number(
    ...     "proactive.licensing.decisions"
    ... )
    12
    """
    hints = hints or Hints()
    candidates = list(layouts.values())
    year_guess = hints.year or _guess_year(tokens)
    layout, why = choose_layout(tokens, candidates, year_guess)
    walked = walk(tokens, layout, origin=origin)
    diagnostics: list[Diagnostic] = [*walked.diagnostics]
    front = metadata.read_front([p for p in walked.paragraphs if p.section is None])
    if not (walked.headings or walked.mapper.tables_seen or front.title):
        raise LoadError.keyed("published.not_a_report", where=place_of(origin, line=1))
    running = [p for p in walked.paragraphs if p.section is not None]
    closing = metadata.take_closing(running)
    texts = front.lead + [p.text for p in running]
    read_year, year_source = metadata.year_of(front.title, texts)
    if hints.year and read_year and read_year != hints.year:
        diagnostics.append(disagreement("report year", hints.year, read_year, Provenance(origin)))
    year, year_source = (hints.year, "hint") if hints.year else (read_year, year_source)
    published = front.meta_date or closing.date
    if year is None and published is not None:
        year, year_source = published.year - 1, "the year before publication"
    if year is None:
        raise LoadError.keyed("published.no_year", where=place_of(origin, line=1))
    where = Provenance(origin, line=front.title_where.line if front.title_where else None)
    if year_source not in ("title", "hint"):
        level = INFO if year_source == "report's name in the text" else WARNING
        source = words(f"published.year_source.{metadata.YEAR_SOURCES.get(year_source, 'text')}")
        diagnostics.append(metadata.note("published.year_from", where, level, year=year, source=source))
    diagnostics.append(
        Diagnostic.keyed("published.format", INFO, Provenance(origin), "format-version", layout=layout.id, why=why)
    )
    if not layout.applies_to(year):
        diagnostics.append(
            Diagnostic.keyed(
                "published.format_for_year",
                WARNING,
                Provenance(origin),
                "format-version",
                year=year,
                layout=layout.id,
                basis=layout.basis,
                first=layout.first_year,
                last=layout.last_year or "",
            )
        )
    if front.meta_date and closing.date and front.meta_date != closing.date:
        diagnostics.append(
            metadata.note("published.dates", closing.where, INFO, published=front.meta_date, signed=closing.date)
        )
    for skipped in front.skipped:
        diagnostics.append(metadata.note("published.skipped", skipped.where, INFO, text=repr(clean(skipped.text)[:40])))
    body = _body(front.title, texts, hints, where, diagnostics, (front.meta_publisher, closing.publisher))
    sections = metadata.sections(walked.headings, running)
    missing = [s for s, section in sections.items() if section is None]
    if missing:
        headings = {spec.id: spec.heading for spec in layout.sections}
        shown = [headings.get(section, Text(section, section)) for section in missing]
        names = Text("；".join(h.zh for h in shown), ", ".join(h.en for h in shown))
        diagnostics.append(metadata.note("published.no_sections", Provenance(origin), sections=names))
    overview = list(sections.overview.paragraphs) if sections.overview else []
    report = Report(
        format=layout.id,
        year=year,
        body=body,
        published=published,
        publisher=closing.publisher,
        contact=metadata.contact(texts),
        title=front.title.strip() if front.title else None,
        lead=tuple(p.strip() for p in front.lead),
        sections=sections,
        facts=Facts(
            # The core's reader of the narrative, the one every source's report is checked with.
            assessment_weight=assessment_weight(overview + front.lead) or assessment_weight(texts),
            fees=fees_charged(sections.other.paragraphs) if sections.other else None,
        ),
        tables=Tables(walked.mapper.cells),
        provenance=Provenance(origin),
    )
    return Loaded(report, [*diagnostics, *walked.mapper.diagnostics])


def _body(
    title: str | None,
    texts: list[str],
    hints: Hints,
    where: Provenance,
    notes: list[Diagnostic],
    signed: tuple[str | None, str | None] = (None, None),
) -> Body:
    """The body from the hints, else the title, else the places real reports name it (see :mod:`.bodies`).

    ``signed`` is the page's 发布机构 line and the signature under the last section.
    """
    read_name = bodies.name_from_title(title) if title else None
    if hints.name and read_name and read_name != hints.name:
        notes.append(disagreement("body name", hints.name, read_name, where))
    name = hints.name or read_name
    if name is None:
        found = bodies.name_from_sentence(texts)
        source = "sentence"
        if found is None:
            page, signature = signed
            found = next((bodies.full_name(n) for n in (page, signature) if n and bodies.is_body_name(n)), None)
            source = "publisher" if found and found == page else "signature"
        if found:
            name = found
            said = words(f"published.name_source.{source}")
            notes.append(metadata.note("published.name_from", where, INFO, name=repr(name), source=said))
    if name is None:
        name = bodies.name_from_text(texts[:10])
        if name:
            notes.append(metadata.note("published.name_guessed", where, name=repr(name)))
        else:
            name = ""
            notes.append(metadata.note("published.no_name", where, ERROR))
    read_level = bodies.infer_level(read_name) if read_name else None
    if hints.level and read_level and read_level != hints.level:
        notes.append(disagreement("body level", hints.level.value, read_level.value, where))
    level = hints.level or (bodies.infer_level(name) if name else None)
    if level is None:
        level = bodies.level_from_text(texts[:10])
        if level is None:
            level = BodyLevel.COUNTY
            notes.append(metadata.note("published.no_level", where, ERROR))
        else:
            notes.append(metadata.note("published.level_from_text", where, body_level=words(f"level.{level.value}")))
    elif not hints.level:
        notes.append(
            metadata.note("published.level_from_name", where, INFO, body_level=words(f"level.{level.value}"), name=name)
        )
    return Body(name, level, hints.region)


def _guess_year(tokens: Sequence[Token]) -> int | None:
    """A first guess at the year (to break ties between format versions), from the first lines."""
    texts = [t.text for t in tokens[:400] if not t.is_break and not t.cell]
    title = next((t for t in texts if "报告" in t and len(t) <= 60 and re.search(r"\d{4}", t)), None)
    year, _ = metadata.year_of(title, texts)
    return year
