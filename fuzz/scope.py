"""What the atheris targets instrument for coverage: our packages only, unless ``FUZZ_INSTRUMENT=all``.

Instrumenting the third-party parsers too (openpyxl, pdfminer, python-docx: pure Python) makes every input
3-4 times slower — 5 against 17 inputs a second for the workbook target on the same machine — while the
property under test is ours: our readers' handling of whatever those parsers return or raise. So coverage
guides the fuzzer through our code by default; ``FUZZ_INSTRUMENT=all`` steers by the parsers' branches too,
for longer runs; ``FUZZ_INSTRUMENT=none`` instruments only the harness: no coverage guidance, libFuzzer
mutating the seeds blindly at the speed of the uninstrumented readers (the HTML reader: 15 ms an input
instead of about 150), for sources too slow to reach 100 000 guided inputs in a session.
"""

from __future__ import annotations

import os

OURS = ["disclosure_core", "disclosure_published", "disclosure_xlsx", "disclosure_docx", "disclosure_html", "harness"]
MODE = os.environ.get("FUZZ_INSTRUMENT", "ours")
INCLUDE: list[str] | None = {"all": None, "none": ["harness"]}.get(MODE, OURS)
