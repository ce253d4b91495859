"""The rule-file language: expression grammar, loading errors, linting, the narrative extractor, slips."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_core.errors import RuleSetError
from disclosure_core.layouts import builtin_layout
from disclosure_core.rules.compile import Selector, compile_text
from disclosure_core.rules.expr import ExpressionError, parse
from disclosure_core.rules.lint import lint
from disclosure_core.rules.loader import parse_rule_set
from disclosure_core.rules.narrative import SAMPLES, extract_figures
from disclosure_core.rules.suggest import classify

GOV2021 = builtin_layout("gov-2021")

RULE = """
[[rules]]
id = "x.rule"
kind = "{kind}"
severity = "error"
title = {{ zh = "标题", en = "title" }}
message = {{ zh = "{{lhs}} ≠ {{rhs}}", en = "{{lhs}} != {{rhs}}" }}
basis = "test"
{body}
"""


def rules(kind: str, body: str) -> str:
    return RULE.format(kind=kind, body=body)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a.b.c +", "expected a number, reference or '(' at the end"),
        ("a.b.c >= (1", "expected ')' at the end"),
        ("eval(a.b.c)", "unknown function 'eval' at 0 (known: abs, max, min, sum)"),
        ("a.b.c; 1", "unexpected character ';' at 5"),
        ("__import__.x.y == 1 and", "expected a number, reference or '(' at the end"),
        ("-" * 1900 + "1", "expression nested too deeply"),
        ("1 + " * 600 + "1", "expression too long (2401 characters; at most 2000)"),
    ],
)
def test_malformed_expressions_say_where(text: str, problem: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert str(caught.value) == problem


def test_selectors_expand_groups_ranges_and_wildcards() -> None:
    selector = Selector(GOV2021)
    withheld = compile_text("requests.@withheld.total", selector)
    assert [str(k[1]) for k in withheld.keys] == [
        f"requests.{r}.total"
        for r in (
            "withheld_state_secret",
            "withheld_prohibited_by_law",
            "withheld_security_stability",
            "withheld_third_party",
            "withheld_internal_affairs",
            "withheld_process_info",
            "withheld_enforcement_file",
            "withheld_inquiry",
        )
    ]
    ranged = compile_text("appeals.review.upheld..pending", selector)
    assert len(ranged.keys) == 4
    assert compile_text("2 * appeals.review.total - appeals.review.upheld", selector).linear is not None
    assert compile_text("abs(appeals.review.total - 1)", selector).linear is None


def test_expressions_evaluate_without_eval() -> None:
    compiled = compile_text(
        "max(appeals.review.total, 2) / 4 >= 0.5 and not appeals.review.total == 3", Selector(GOV2021)
    )
    key = compiled.keys[0]
    assert compiled.function({key: 2}) is True
    assert compiled.function({key: 3}) is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (rules("sum", 'whole = "requests.new.total"'), "x.toml: rule 'x.rule' ($.rules[0].parts): missing"),
        (
            rules("compare", 'left = "a.b.c"\nop = "=>"\nright = "a.b.d"'),
            "x.toml: rule 'x.rule' ($.rules[0].op): unknown operator '=>' (one of: ==, !=, <=, >=, <, >)",
        ),
        (
            rules("compare", 'left = "a.b.c +"\nop = "=="\nright = "1"'),
            "x.toml: rule 'x.rule' ($.rules[0].left): malformed expression 'a.b.c +': expected a number, reference or '(' at the end",
        ),
        (
            rules("threshold", 'cells = "a.b.c"\nop = ">="\nvalue = 0\ncolour = 1'),
            "x.toml: rule 'x.rule' ($.rules[0].colour): unknown key for a threshold rule",
        ),
        (
            rules("compare", 'left = "previous.a.b.c"\nop = "=="\nright = "a.b.c"'),
            "x.toml: rule 'x.rule' ($.rules[0].kind): year_over_year rules, and only they, refer to previous.* cells",
        ),
        (rules("format", "") + rules("format", ""), "x.toml: rule 'x.rule': duplicate id (also in x.toml)"),
    ],
)
def test_loading_errors_name_file_rule_and_place(text: str, message: str) -> None:
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(text, origin="x.toml")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'left = "requests.new.nobody"\nop = "=="\nright = "requests.new.total"',
            "x.toml: rule 'x.rule' (gov-2021): 'requests.new.nobody': column 'nobody' does not exist",
        ),
        (
            'left = "requests.new.total"\nop = "<="\nright = "requests.new.total"',
            "x.toml: rule 'x.rule' (gov-2021): can never fail: both sides are the same",
        ),
        (
            'left = "1"\nop = "<="\nright = "2"',
            "x.toml: rule 'x.rule' (gov-2021): can never fail: it compares constants",
        ),
    ],
)
def test_lint_finds_unknown_cells_and_rules_that_cannot_fail(body: str, message: str) -> None:
    with pytest.raises(RuleSetError) as caught:
        lint(parse_rule_set(rules("compare", body), origin="x.toml"), [GOV2021])
    assert str(caught.value) == message


def test_lint_refuses_unknown_message_placeholders() -> None:
    text = rules("compare", 'left = "requests.new.total"\nop = "=="\nright = "requests.total.total"').replace(
        "{rhs}", "{rsh}"
    )
    with pytest.raises(RuleSetError, match=r"message.zh uses unknown placeholder \{rsh\}"):
        lint(parse_rule_set(text, origin="x.toml"), [GOV2021])


@pytest.mark.parametrize("figure", sorted(SAMPLES))
def test_every_figure_sample_is_extracted_back(figure: str) -> None:
    found = extract_figures(["2024年，" + SAMPLES[figure].format(n=12) + "。"])
    assert found[figure].value == (0 if figure == "appeals_not_upheld" else 12)


def test_extractor_reads_real_sentences() -> None:
    text = "共受理政府信息公开申请859件；答复政府信息公开申请805件。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%。信息公开类行政复议7件，诉讼9件，均获维持。"
    found = extract_figures([text])
    assert {k: (v.value, v.percent) for k, v in found.items()} == {
        "requests_received": (859, None),
        "requests_handled": (805, None),
        "granted_or_partial": (258, Decimal("33.9")),
        "withheld": (35, Decimal("4.34")),
        "appeals_review": (7, None),
        "appeals_litigation": (9, None),
        "appeals_not_upheld": (0, None),
    }


def test_extractor_ignores_other_counts() -> None:
    text = "政府网站“县长信箱”接收来信74件，政务服务平台“12345”接收602件，网络舆情批办4件。"
    assert extract_figures([text]) == {}


@pytest.mark.parametrize(
    ("printed", "needed", "kind"),
    [
        (10125, 10215, "transposition"),
        (18, 12, "digit"),
        (-56, 56, "sign"),
        (251000, Decimal("25.1"), "unit"),
        (2149, 2059, None),
        (12, 1200, None),
    ],
)
def test_slips_are_classified(printed: int, needed: int | Decimal, kind: str | None) -> None:
    found = classify(printed, needed)
    assert (found[0] if found else None) == kind


def test_an_explanation_is_bilingual_or_one_string_for_both() -> None:
    body = 'whole = "requests.total.total"\nparts = ["requests.new.total"]\n'
    both = parse_rule_set(rules("sum", body + 'explanation = { zh = "说明", en = "why" }'), origin="x.toml")
    assert both.rules[0].explanation is not None
    assert (both.rules[0].explanation.zh, both.rules[0].explanation.en) == ("说明", "why")
    plain = parse_rule_set(rules("sum", body + 'explanation = "one wording"'), origin="x.toml").rules[0]
    assert plain.explanation is not None
    assert plain.explanation.text("zh") == plain.explanation.text("en") == "one wording"
    assert parse_rule_set(rules("sum", body), origin="x.toml").rules[0].explanation is None
    with pytest.raises(RuleSetError, match=r"\$\.rules\[0\]\.explanation\): expected \{ zh"):
        parse_rule_set(rules("sum", body + 'explanation = { zh = "说明" }'), origin="x.toml")


def test_every_shipped_explanation_has_chinese_and_english() -> None:
    from disclosure_core.rules import builtin_rule_set

    explained = [rule for rule in builtin_rule_set().rules if rule.explanation is not None]
    assert len(explained) >= 8
    for rule in explained:
        assert rule.explanation is not None
        assert any("\u4e00" <= char <= "\u9fff" for char in rule.explanation.zh), rule.id
        assert rule.explanation.zh != rule.explanation.en, rule.id
