"""What the atheris targets instrument for coverage: our packages only, unless ``FUZZ_INSTRUMENT=all``.

Instrumenting the third-party parsers too (openpyxl, pdfminer, python-docx: pure Python) makes every input
3-4 times slower — 5 against 17 inputs a second for the workbook target on the same machine — while the
property under test is ours: our readers' handling of whatever those parsers return or raise. So coverage
guides the fuzzer through our code by default; ``FUZZ_INSTRUMENT=all`` steers by the parsers' branches too,
for longer runs.
"""

from __future__ import annotations

import os

OURS = ["disclosure_core", "disclosure_published", "disclosure_xlsx", "disclosure_docx", "disclosure_html", "harness"]
INCLUDE: list[str] | None = None if os.environ.get("FUZZ_INSTRUMENT") == "all" else OURS
