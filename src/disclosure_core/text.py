"""Bilingual text: the one class for everything said in Chinese and English.

Layout labels (``Label``), rule titles and message templates, and the messages of findings (``Message``) are
all this class under their old names.

>>> Text("总计", "Total").text("en"), Text("总计", "Total").text()
('Total', '总计')
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Text:
    """A text in Chinese (verbatim where it comes from a format) and English.

    >>> Text("总计", "Total") == Text("总计", "Total")
    True
    """

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The text in ``lang`` ("zh" or "en").

        >>> Text("总计不符", "the total differs").text("en")
        'the total differs'
        """
        return self.en if lang == "en" else self.zh
