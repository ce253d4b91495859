"""Folding text as PDFs and web pages print it into the characters it means: width, compatibility forms, radicals.

Text extracted from PDFs often carries look-alike code points instead of the CJK unified ideographs the author
typed: which ones depends only on the fonts of the machine that printed it. Chromium, for one, may emit the
Kangxi Radicals (⼈ U+2F08 for 人, ⼯ U+2F2F for 工) and the CJK Radicals Supplement (⺠ U+2EA0 for 民).
NFKC folds the Kangxi radicals and the CJK compatibility ideographs, but not the Radicals Supplement; the
table here does, after the Unicode Character Database's EquivalentUnifiedIdeograph.txt.

Two strengths:

* :func:`fold_ideographs` replaces only such look-alikes, keeping punctuation and width as printed: for text
  that is kept (titles, body names, narrative);
* :func:`fold` is NFKC on top of that: for comparing text (labels, headings, keys).

>>> fold_ideographs("代县\u2f08\u2ea0政府（\u2f2f作）")
'代县人民政府（工作）'
>>> fold("（三）\u2f08\u2ea0１２")
'(三)人民12'
"""

from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement (U+2E80–U+2EFF) to the unified ideograph each radical is a form of, from the
# UCD's EquivalentUnifiedIdeograph.txt. U+2E80 (CJK RADICAL REPEAT) has no entry there; it is drawn as the
# two dots of 冫, which is what a PDF that prints it means.
RADICALS_SUPPLEMENT: dict[int, int] = {
    0x2E80: 0x51AB,
    0x2E81: 0x5382,
    0x2E82: 0x4E5B,
    0x2E83: 0x4E5A,
    0x2E84: 0x4E59,
    0x2E85: 0x4EBB,
    0x2E86: 0x5182,
    0x2E87: 0x20628,
    0x2E88: 0x5200,
    0x2E89: 0x5202,
    0x2E8A: 0x535C,
    0x2E8B: 0x353E,
    0x2E8C: 0x5C0F,
    0x2E8D: 0x5C0F,
    0x2E8E: 0x5140,
    0x2E8F: 0x5C23,
    0x2E90: 0x5C22,
    0x2E91: 0x21BC2,
    0x2E92: 0x5DF3,
    0x2E93: 0x5E7A,
    0x2E94: 0x5F51,
    0x2E95: 0x2B739,
    0x2E96: 0x5FC4,
    0x2E97: 0x5FC3,
    0x2E98: 0x624C,
    0x2E99: 0x6535,
    0x2E9B: 0x65E1,
    0x2E9C: 0x65E5,
    0x2E9D: 0x6708,
    0x2E9E: 0x6B7A,
    0x2E9F: 0x6BCD,
    0x2EA0: 0x6C11,
    0x2EA1: 0x6C35,
    0x2EA2: 0x6C3A,
    0x2EA3: 0x706C,
    0x2EA4: 0x722B,
    0x2EA5: 0x722B,
    0x2EA6: 0x4E2C,
    0x2EA7: 0x725B,
    0x2EA8: 0x72AD,
    0x2EA9: 0x738B,
    0x2EAA: 0x24D14,
    0x2EAB: 0x76EE,
    0x2EAC: 0x793A,
    0x2EAD: 0x793B,
    0x2EAE: 0x25AD7,
    0x2EAF: 0x7CF9,
    0x2EB0: 0x7E9F,
    0x2EB1: 0x7F53,
    0x2EB2: 0x7F52,
    0x2EB3: 0x34C1,
    0x2EB4: 0x5197,
    0x2EB5: 0x2626B,
    0x2EB6: 0x7F8A,
    0x2EB7: 0x2634C,
    0x2EB8: 0x2634B,
    0x2EB9: 0x8002,
    0x2EBA: 0x8080,
    0x2EBB: 0x807F,
    0x2EBC: 0x8089,
    0x2EBD: 0x26951,
    0x2EBE: 0x8279,
    0x2EBF: 0x8279,
    0x2EC0: 0x8279,
    0x2EC1: 0x864E,
    0x2EC2: 0x8864,
    0x2EC3: 0x8980,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC7: 0x278B2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECA: 0x27FB7,
    0x2ECB: 0x8F66,
    0x2ECC: 0x8FB6,
    0x2ECD: 0x8FB6,
    0x2ECE: 0x8FB6,
    0x2ECF: 0x9091,
    0x2ED0: 0x9485,
    0x2ED1: 0x9577,
    0x2ED2: 0x9578,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED5: 0x28E0F,
    0x2ED6: 0x961D,
    0x2ED7: 0x96E8,
    0x2ED8: 0x9752,
    0x2ED9: 0x97E6,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EDE: 0x2967F,
    0x2EDF: 0x98E0,
    0x2EE0: 0x9963,
    0x2EE1: 0x29810,
    0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE,
    0x2EEB: 0x6589,
    0x2EEC: 0x9F50,
    0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F,
    0x2EEF: 0x7ADC,
    0x2EF0: 0x9F99,
    0x2EF1: 0x9F9C,
    0x2EF2: 0x4E80,
    0x2EF3: 0x9F9F,
}

# Blocks whose every character NFKC maps to a unified ideograph: Kangxi Radicals, CJK Compatibility
# Ideographs (12 of which are unified ideographs themselves and stay) and their Supplement.
_NFKC_BLOCKS = ((0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _table() -> dict[int, str]:
    table = {radical: chr(ideograph) for radical, ideograph in RADICALS_SUPPLEMENT.items()}
    for first, last in _NFKC_BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code) and len(folded) == 1:
                table[code] = folded
    return table


_IDEOGRAPHS = _table()
# Most text holds none of these: a search is much cheaper than translating every character.
_FOLDABLE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def fold_ideographs(text: str) -> str:
    """``text`` with radicals and compatibility ideographs replaced by the unified ideographs they stand for.

    Everything else is kept as printed (full-width brackets, spaces, punctuation).

    >>> fold_ideographs("\u2ec4\u2f6c\u2eab\uf900")
    '西目目豈'
    """
    return text.translate(_IDEOGRAPHS) if _FOLDABLE.search(text) else text


# PDF text layers write a printed "——" (two em dashes) as one TWO-EM DASH, "———" as one THREE-EM DASH.
_LONG_DASHES = str.maketrans({"\u2e3a": "\u2014\u2014", "\u2e3b": "\u2014\u2014\u2014"})


def fold(text: str) -> str:
    """``text`` in NFKC with radicals folded as well, and long dashes as the em dashes they print: the form to
    compare printed text in.

    >>> fold("\u2eb6\u3000\uff08\u2f00\uff09"), fold("\u2e3a") == "\u2014\u2014"
    ('羊 (一)', True)
    """
    return unicodedata.normalize("NFKC", fold_ideographs(text)).translate(_LONG_DASHES)
