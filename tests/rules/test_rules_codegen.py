"""The generated code: the same findings as the interpreter on varied reports, and no rule-file text in it."""

from __future__ import annotations

import ast
import random
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_core import Registry, official_layouts
from disclosure_core.layouts import CellAddress, builtin_layout
from disclosure_core.model import BodyLevel, Facts, Section
from disclosure_core.rules import builtin_rule_set
from disclosure_core.rules.codegen import UnsafeCode, names, validate
from disclosure_core.rules.engine import check, compiled_for, evaluate_interpreted
from disclosure_core.rules.equivalence import Case, differences, varied_case
from disclosure_core.rules.examples import consistent_report
from disclosure_core.rules.loader import parse_rule_set
from disclosure_core.rules.narrative import SAMPLES
from disclosure_core.testing import strategies as st_dc
from disclosure_core.values import NOT_APPLICABLE, Money, placeholder

REGISTRY = Registry()
RULES, LAYOUTS = REGISTRY.rule_set(), REGISTRY.layouts()
ALLOWED = {
    "_rules",
    "cells",
    "prev",
    "figs",
    "yoy",
    "pget",
    "fget",
    "tget",
    "facts",
    "unverified",
    "unknown",
    "broken",
    "wrong",
    "noted",
    "note",
    "value",
    "percent",
    "share_digits",
    "share_scale",
    "BLANK",
    "PH",
    "zero",
    "get",
    "number",
    "kind",
    "append",
    "failed",
    "fail",
    "empty",
    "blank",
}
GENERATED = re.compile(r"[nvqwxtKPFTC]\d+")


@given(st.randoms(use_true_random=False))
def test_generated_and_interpreted_checks_give_identical_findings(rnd: random.Random) -> None:
    case = varied_case(rnd, LAYOUTS)
    assert differences(case, RULES, LAYOUTS) == []


@given(st_dc.reports(), st.booleans())
def test_identical_findings_on_any_valid_report(report: object, zero: bool) -> None:
    assert differences(Case(report, None, zero), RULES, LAYOUTS) == []  # type: ignore[arg-type]


@given(st_dc.defective_reports())
def test_identical_findings_on_a_report_with_one_defect(defect: st_dc.Defect) -> None:
    assert differences(Case(defect.report, None, False), RULES, LAYOUTS) == []


def test_the_varied_cases_cover_every_layout_every_outcome_and_previous_reports() -> None:
    rnd = random.Random(7)
    cases = [varied_case(rnd, LAYOUTS) for _ in range(200)]
    assert {case.report.format for case in cases} == set(LAYOUTS)
    assert sum(case.previous is not None for case in cases) > 40
    outcomes = {f.outcome.value for case in cases[:60] for f in REGISTRY.check(case.report, previous=case.previous).all}
    assert outcomes >= {"pass", "fail", "empty", "not_verifiable"}


def test_a_nan_amount_the_generated_code_cannot_compare_ends_as_the_interpreter_says() -> None:
    report = consistent_report(builtin_layout("gov-2021")).with_cells(
        {"proactive.administrative_fees.amount": Money(Decimal("NaN"), "万元")}
    )
    generated = check(report, rules=builtin_rule_set(), layouts=official_layouts()).all
    assert generated == evaluate_interpreted(report, rules=builtin_rule_set(), layouts=official_layouts()).all


def test_kinds_without_code_and_checks_their_kind_cannot_emit_are_interpreted_visibly() -> None:
    compiled = compiled_for(builtin_rule_set(), builtin_layout("gov-2021"))
    interpreted = {compiled.instances[i].rule.kind for i in compiled.program.interpreted}
    inline = {compiled.instances[i].rule.kind for i in compiled.program.inline}
    assert interpreted == {"unit"}  # money cells' units: read as values, not numbers
    assert inline == {
        "sum",
        "balance",
        "compare",
        "threshold",
        "year_over_year",
        "narrative",
        "breakdown",
        "required",
        "deadline",
        "format",
    }
    gov_2019 = compiled_for(builtin_rule_set(), builtin_layout("gov-2019"))
    assert gov_2019.program.interpreted == ()
    assert "pattern" in {gov_2019.instances[i].rule.kind for i in gov_2019.program.inline}
    # What reads the report beyond its cells reads it through report_facts: the facts, headings, date, level.
    assert compiled.program.facts


def test_every_cell_is_read_once() -> None:
    source = compiled_for(builtin_rule_set(), builtin_layout("gov-2019")).program.source
    reads = re.findall(r"get\((K\d+), BLANK\)", source)
    assert len(reads) == len(set(reads)) > 100


def test_the_names_in_the_generated_code_are_ours_only() -> None:
    for layout in LAYOUTS.values():
        found = names(compiled_for(RULES, layout).program.source)
        assert {n for n in found if not GENERATED.fullmatch(n)} <= ALLOWED
        assert "__import__" not in found
        assert "eval" not in found


HOSTILE = """
title = "x\\"; __import__('os').system('echo owned') #"

[[rules]]
id = "evil.quote"
kind = "sum"
severity = "error"
title = { zh = "\\"\\"\\"; import os", en = "'); __import__('os').system('rm -rf /'); ('" }
message = { zh = "{arithmetic}\\n    fail(0)\\n", en = "\\nreturn [], []\\n" }
basis = "exec(\\"print(1)\\")"
explanation = "lambda: __builtins__"
whole = "requests.new.total"
parts = ["requests.new.*"]

[[rules]]
id = "evil.threshold"
kind = "threshold"
severity = "warning"
title = { zh = "标题\\u0000", en = "globals()" }
message = { zh = "n0 = 1", en = "K0.__init__" }
basis = "failed.clear()"
cells = "requests.*.total"
op = ">="
value = "12345678901234567890.0000000000001"

[[rules]]
id = "evil.nan"
kind = "threshold"
severity = "warning"
title = { zh = "\\u001b[31m\\u202e", en = "{{}}.__class__" }
message = { zh = "getattr(cells, 'get')", en = "`rm -rf`" }
basis = "sys.modules"
cells = "appeals.*.total"
op = "<="
value = "NaN"

[[rules]]
id = "evil.expression"
kind = "expression"
severity = "info"
title = { zh = "open('/etc/passwd')", en = "breakpoint()" }
message = { zh = "{row_label}\\r\\n\\t", en = "__class__.__mro__" }
basis = "compile('1', 'x', 'eval')"
expand = { row = ["review", "litigation_direct"] }
expr = "appeals.{row}.total * 3 - 2 * appeals.{row}.upheld == 0"
"""


@pytest.mark.parametrize(
    "body",
    [
        "    return __import__('os')",
        "    return 'text'",
        "    return n0.__class__",
        "    import os",
        "    return [x for x in cells]",
        "    return lambda: 1",
        "    return True",
        "    return 1.5",
        "    return eval(n0)",
        "    return n0(1)",
        "    return get(K0, BLANK).number.get(K1)",
    ],
)
def test_the_validator_refuses_anything_outside_the_allow_list(body: str) -> None:
    with pytest.raises(UnsafeCode):
        validate(f"def _rules(cells, prev, figs, facts, yoy, BLANK, PH, zero):\n{body}\n")


def test_the_validator_accepts_what_is_generated() -> None:
    source = compiled_for(builtin_rule_set(), builtin_layout("gov-2021")).program.source
    assert isinstance(validate(source), ast.Module)
    assert CellAddress.parse("requests.new.total") is CellAddress("requests", "new", "total")


HOSTILE_KINDS = """
[[rules]]
id = "evil.yearly"
kind = "year_over_year"
severity = "warning"
title = { zh = "__import__('os')", en = "'); exec('1'); ('" }
message = { zh = "{arithmetic}\\n    unknown(0)\\n", en = "prev.clear()" }
basis = "figs.__class__"
left = "requests.carried_over.total"
op = "=="
right = "previous.requests.carried_forward.total"

[[rules]]
id = "evil.narrative"
kind = "narrative"
severity = "info"
title = { zh = "yoy = 2; figs.clear()", en = "x0.percent.__add__" }
message = { zh = "lambda: 0", en = "`rm -rf`" }
basis = "globals()"
figure = "granted"
measure = "percent"
against = "requests.total.total"

[[rules]]
id = "evil.breakdown"
kind = "breakdown"
severity = "error"
title = { zh = "open('/etc/passwd')", en = "\\u202e" }
message = { zh = "fget(F0, evil)", en = "{{}}.__class__" }
basis = "sys.modules"
whole = "requests.total.total"
parts = "requests.granted.*"

[[rules]]
id = "evil.required"
kind = "required"
severity = "warning"
title = { zh = "\\u0000", en = "breakpoint()" }
message = { zh = "pget(P0, BLANK, evil)", en = "eval('2')" }
basis = "compile('1', 'x', 'eval')"
cells = ["appeals.review.total"]
"""


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=3),
    st.sampled_from((-1, 0, 1)),
)
def test_a_stated_share_passes_in_generated_code_exactly_when_the_interpreter_says(
    n: int, total: int, places: int, nudge: int
) -> None:
    # The share as printed (rounded to ``places``), one unit in its last place off either way, or spot on.
    unit = Decimal(1).scaleb(-places)
    share = (Decimal(n) * 100 / Decimal(total)).quantize(unit) + nudge * unit
    report = consistent_report(builtin_layout("gov-2021")).with_cells({"requests.total.total": total})
    sentence = SAMPLES["granted"].format(n=n) + f"，占{share}%"
    overview = report.sections.overview or Section("一、总体情况")
    stated = Section(overview.heading, (*overview.paragraphs, sentence + "。"))
    report = report.evolve(sections=attrs.evolve(report.sections, overview=stated))
    assert differences(Case(report, None, False), RULES, LAYOUTS) == []


PATTERN_ROWS = ("licensing", "other_services", "penalties", "coercion")
ROW_SHAPES = ("plus", "minus", "off", "blank", "placeholder", "zeros")


@given(st.lists(st.sampled_from(ROW_SHAPES), min_size=4, max_size=4), st.booleans())
def test_the_pattern_rule_decides_in_generated_code_as_the_interpreter_says(shapes: list[str], zero: bool) -> None:
    # Each row of the pattern follows it one way or the other, breaks it, lacks a number or is all zeros.
    layout = builtin_layout("gov-2019")
    compiled = compiled_for(RULES, layout)
    assert "proactive.pattern.items" in {compiled.instances[i].id for i in compiled.program.inline}
    cells: dict[str, object] = {}
    for row, shape in zip(PATTERN_ROWS, shapes, strict=True):
        decisions = {"plus": 13, "minus": 7, "off": 12, "blank": None, "placeholder": placeholder("-"), "zeros": 0}
        cells[f"proactive.{row}.previous_items"] = 0 if shape == "zeros" else 10
        cells[f"proactive.{row}.change"] = 0 if shape == "zeros" else 3
        cells[f"proactive.{row}.decisions"] = decisions[shape]
    report = consistent_report(layout).with_cells(cells)  # type: ignore[arg-type]
    assert differences(Case(report, None, zero), RULES, LAYOUTS) == []


@given(
    st.sampled_from(("requests_received", "requests_handled", "appeals_review")),
    st.sampled_from((-1, 0, 0, 1)),
    st.lists(st.sampled_from(("keep", "blank", "placeholder", "zero", "not_applicable")), min_size=8, max_size=8),
    st.booleans(),
)
def test_a_stated_count_whose_cells_lack_numbers_decides_as_the_interpreter_says(
    figure: str, nudge: int, changes: list[str], zero: bool
) -> None:
    # The whole blank, so the fallback (the parts, blanks read as 0 under missing = "zero") decides.
    layout = builtin_layout("gov-2021")
    row = {"requests_received": ("requests", "new"), "requests_handled": ("requests", "total")}.get(figure)
    table, row_id = row or ("appeals", "review")
    columns = [c.id for c in layout.table(table).columns]
    values = {"blank": None, "placeholder": placeholder("/"), "zero": 0, "not_applicable": NOT_APPLICABLE}
    cells: dict[str, object] = {f"{table}.{row_id}.total": None}
    for column, change in zip([c for c in columns if c != "total"], changes, strict=False):
        if change != "keep":
            cells[f"{table}.{row_id}.{column}"] = values[change]
    report = consistent_report(layout).with_cells(cells)  # type: ignore[arg-type]
    parts = [report.number(f"{table}.{row_id}.{c}") or 0 for c in columns if c != "total"]
    n = max(0, sum(parts) + nudge)  # the parts' total with blanks as 0, or one off
    overview = report.sections.overview or Section("一、总体情况")
    stated = Section(overview.heading, (*overview.paragraphs, SAMPLES[figure].format(n=n) + "。"))
    report = report.evolve(sections=attrs.evolve(report.sections, overview=stated))
    assert differences(Case(report, None, zero), RULES, LAYOUTS) == []


HOSTILE_REPORT_KINDS = """
[[rules]]
id = "evil.deadline"
kind = "deadline"
severity = "warning"
title = { zh = "__import__('os')", en = "'); exec('1'); ('" }
message = { zh = "{days}\\n    wrong(0)\\n", en = "facts.clear()" }
basis = "tget.__self__"
by_level = { county = "03-31", "'); import os; ('" = "07-01", province = "02-29" }

[[rules]]
id = "evil.format"
kind = "format"
severity = "error"
title = { zh = "yoy = 2", en = "lambda: 0" }
message = { zh = "globals()", en = "`rm -rf`" }
basis = "sys.modules"

[[rules]]
id = "evil.sections"
kind = "required"
severity = "warning"
title = { zh = "open('/etc/passwd')", en = "\\u202e" }
message = { zh = "note(0)", en = "eval('2')" }
basis = "compile('1', 'x', 'eval')"
sections = ["overview", "appeals"]
numbered = true

[[rules]]
id = "evil.weight"
kind = "threshold"
severity = "warning"
title = { zh = "\\u0000", en = "breakpoint()" }
message = { zh = "t0.__class__", en = "{lhs}" }
basis = "facts.__init__"
cells = "facts.assessment_weight.percent"
op = ">="
value = "4.125"

[[rules]]
id = "evil.stated"
kind = "compare"
severity = "warning"
missing = "skip"
title = { zh = "T0 = 1", en = "__builtins__" }
message = { zh = "broken.clear()", en = "noted.pop()" }
basis = "getattr"
left = "facts.assessment_weight.percent"
op = "=="
right = "facts.stated.assessment_weight.percent"

[[rules]]
id = "evil.pattern"
kind = "pattern"
severity = "info"
table = "proactive"
title = { zh = "exec", en = "import" }
message = { zh = "{breaking}", en = "os.system" }
basis = "print(1)"
rows = ["licensing", "other_services", "penalties"]
alternatives = ["proactive.{row}.decisions == proactive.{row}.previous_items + proactive.{row}.change"]

[[rules]]
id = "evil.fallback"
kind = "narrative"
severity = "info"
missing = "zero"
title = { zh = "(n0 or 1)", en = "x0.value.__class__" }
message = { zh = "{stated}\\n    note(0)", en = "noted.pop()" }
basis = "vars()"
figure = "requests_received"
against = "requests.new.total"
fallback = "requests.new.natural_person..other_org"
"""


_ANY_CODE = ("import", "exec", "lambda", "globals", "__", "'", '"', "#", "open")


@pytest.mark.parametrize(
    ("text", "layout_id", "inline", "interpreted", "words"),
    [
        pytest.param(
            HOSTILE,
            "gov-2021",
            4,  # the 20-digit constant is passed as an object …
            1,  # … and the NaN threshold is left to the interpreter
            (*_ANY_CODE, "os", "system", "print", "NaN", "123", "getattr", "sys", "clear", "\\", "\r", "\t"),
            id="cells",
        ),
        pytest.param(
            HOSTILE_KINDS, "gov-2021", 4, 0, (*_ANY_CODE, "eval", "sys", "clear", "granted"), id="newly-emitting-kinds"
        ),
        pytest.param(
            HOSTILE_REPORT_KINDS,
            "gov-2019",
            7,
            0,
            (*_ANY_CODE, "eval", "sys", "clear", "county", "overview", "assessment", "4.125", "0331", "0701"),
            id="kinds-reading-the-report",
        ),
    ],
)
def test_a_hostile_rule_file_puts_none_of_its_text_in_the_generated_code(
    text: str, layout_id: str, inline: int, interpreted: int, words: tuple[str, ...]
) -> None:
    rules = parse_rule_set(text, origin="hostile.toml")
    layout = builtin_layout(layout_id)
    program = compiled_for(rules, layout).program
    source = program.source
    assert (len(program.inline), len(program.interpreted)) == (inline, interpreted)
    for rule in rules.rules:
        for said in (rule.id, rule.title.zh, rule.title.en, rule.message.zh, rule.message.en, rule.basis):
            assert said not in source
    for word in (*words, "\x00", "{", "`", "evil", "\x1b", "licensing", "decisions"):
        assert word not in source, word
    assert {n for n in names(source) if not GENERATED.fullmatch(n)} <= ALLOWED
    report = consistent_report(layout)
    for previous in (None, consistent_report(layout, report.year - 1)):
        assert (
            check(report, rules=rules, layouts=official_layouts(), previous=previous).all
            == evaluate_interpreted(report, rules=rules, layouts=official_layouts(), previous=previous).all
        )


def test_the_kinds_reading_the_report_beyond_its_cells_decide_in_generated_code_as_the_interpreter_says() -> None:
    rules = parse_rule_set(HOSTILE_REPORT_KINDS, origin="hostile-report-kinds.toml")
    layout = builtin_layout("gov-2019")
    assert "or 0)" in compiled_for(rules, layout).program.source  # the fallback's blanks read as 0
    report = consistent_report(layout)
    variants = [
        report,
        report.evolve(published=None, year=2030),
        report.evolve(sections=attrs.evolve(report.sections, overview=Section("总体情况", ()), appeals=None)),
        report.evolve(body=attrs.evolve(report.body, level=BodyLevel.PROVINCE)),
        report.evolve(facts=Facts()),
    ]
    blanked = report.with_cells({"requests.new.total": None, "requests.new.commercial": None})
    parts = sum(blanked.number(f"requests.new.{c.id}") or 0 for c in layout.table("requests").columns[:-1])
    for n in (parts, parts + 1):  # stated as the parts add up (blanks as 0), and one more
        said = Section("一、总体情况", (SAMPLES["requests_received"].format(n=n) + "。",))
        variants.append(blanked.evolve(sections=attrs.evolve(blanked.sections, overview=said)))
    outcomes = set()
    for variant in variants:
        found = check(variant, rules=rules, layouts=official_layouts()).all
        assert found == evaluate_interpreted(variant, rules=rules, layouts=official_layouts()).all
        outcomes |= {(f.rule, f.outcome.value) for f in found}
    assert {("evil.fallback", "pass"), ("evil.fallback", "fail"), ("evil.deadline", "not_verifiable")} <= outcomes
