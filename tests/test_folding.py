"""Folding: every radical and compatibility ideograph a PDF may carry becomes the unified ideograph it means."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from disclosure_core.folding import fold, fold_ideographs

# The CJK Unified Ideographs blocks (the basic block, extensions A to H), and the twelve unified ideographs
# of the CJK Compatibility Ideographs block. By range rather than by name: Python's Unicode database may be
# older than a target (U+2E95 folds to U+2B739, an ideograph of Unicode 15).
_UNIFIED = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0x2CEB0, 0x2EBEF),
    (0x30000, 0x3134F),
    (0x31350, 0x323AF),
)
_UNIFIED_COMPATIBILITY = {0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24}
_UNIFIED_COMPATIBILITY |= {0xFA27, 0xFA28, 0xFA29}


def _is_unified(text: str) -> bool:
    if len(text) != 1:
        return False
    code = ord(text)
    return code in _UNIFIED_COMPATIBILITY or any(first <= code <= last for first, last in _UNIFIED)


def _assigned(first: int, last: int) -> list[str]:
    return [chr(c) for c in range(first, last + 1) if unicodedata.category(chr(c)) != "Cn"]


def test_every_radical_of_the_radicals_supplement_folds_to_a_unified_ideograph() -> None:
    radicals = _assigned(0x2E80, 0x2EFF)
    assert len(radicals) == 115
    assert [hex(ord(r)) for r in radicals if not _is_unified(fold_ideographs(r))] == []
    assert [hex(ord(r)) for r in radicals if not _is_unified(fold(r))] == []


def test_every_kangxi_radical_folds_to_a_unified_ideograph() -> None:
    radicals = _assigned(0x2F00, 0x2FDF)
    assert len(radicals) == 214
    assert [hex(ord(r)) for r in radicals if not _is_unified(fold_ideographs(r))] == []


def test_every_compatibility_ideograph_folds_to_a_unified_ideograph() -> None:
    compatibility = _assigned(0xF900, 0xFAFF) + _assigned(0x2F800, 0x2FA1F)
    assert len(compatibility) > 800
    assert [hex(ord(c)) for c in compatibility if not _is_unified(fold_ideographs(c))] == []


def test_the_forms_chromium_prints_read_as_the_words_they_spell() -> None:
    printed = "\u4ee3\u53bf\u2f08\u2ea0\u653f\u5e9c\u2f2f\u4f5c"  # 代县⼈⺠政府⼯作
    assert fold_ideographs(printed) == "代县人民政府工作"
    assert fold("（\u2f00）\u3000１２") == "(一) 12"


@given(
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from("（）、，。：１２３ "))
)
def test_folding_keeps_ideographs_and_punctuation_as_printed(text: str) -> None:
    assert fold_ideographs(text) == text
    assert fold(text) == unicodedata.normalize("NFKC", text)


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert fold_ideographs(fold_ideographs(text)) == fold_ideographs(text)


def test_text_is_folded_in_one_place() -> None:
    """Every reader compares text through disclosure_core.folding (issue 12: one text folding, not several)."""
    root = Path(__file__).resolve().parents[1]
    sources = [*root.glob("src/**/*.py"), *root.glob("plugins/*/src/**/*.py")]
    folding_elsewhere = [
        str(path.relative_to(root))
        for path in sources
        if path.name != "folding.py" and "unicodedata.normalize(" in path.read_text(encoding="utf-8")
    ]
    assert len(sources) > 100
    assert folding_elsewhere == []
