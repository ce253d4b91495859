"""How well the published-report reader reads the real reports in ../shared/reports (and reports/real).

    .venv/bin/python benchmarks/bench_reading.py

Per file: the cells read (printed in the document, blanks included), how many of them exactly, how many by
a fuzzy label or chosen among readings, how many uncertain; where a hand-checked expected file exists
(reports/real/expected/NAME.json), how many of its cells were read to the expected value; and the time to
read. A file the reader refuses is listed with the reason. Record the results in docs/reading.md.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from disclosure_published import TextSource

from disclosure_core import AbsenceKind, Absent, Count, LoadError, Money, Registry
from disclosure_core.layouts import CellAddress, builtin_layout
from disclosure_core.values import CellValue, Reading

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "reports"
CATALOG = Registry(entry_points=False).layouts()


def as_expected(value: CellValue, wanted: int | str | None) -> bool:
    """Whether a cell holds what the hand transcription says (None: printed blank)."""
    if wanted is None:
        return isinstance(value, Absent) and value.kind is AbsenceKind.BLANK and value.provenance is not None
    if isinstance(wanted, str):
        return isinstance(value, Money) and value.amount == Decimal(wanted)
    return isinstance(value, Count) and value.value == wanted


def expected_score(path: Path, cells: dict[CellAddress, CellValue]) -> str:
    expected_path = path.parent / "expected" / f"{path.stem}.json"
    if not expected_path.exists():
        return "–"
    expected: dict[str, Any] = json.loads(expected_path.read_text(encoding="utf-8"))
    wanted = {
        CellAddress(table, row, column): value
        for table, rows in expected["tables"].items()
        for row, columns in rows.items()
        for column, value in columns.items()
    }
    right = sum(1 for address, value in wanted.items() if address in cells and as_expected(cells[address], value))
    return f"{right}/{len(wanted)}"


def measure(path: Path) -> str:
    started = time.perf_counter()
    try:
        loaded = TextSource().load(path.read_bytes(), origin=path.name, layouts=CATALOG)
    except LoadError as error:
        return f"| {path.name} | refused: {str(error).split(': ', 1)[1]} |||||||"
    elapsed = (time.perf_counter() - started) * 1000
    report = loaded.report
    cells = {a: report.cell(a) for a in builtin_layout(report.format).addresses() if report.cell(a).provenance}
    readings = [value.provenance.reading for value in cells.values() if value.provenance is not None]
    exact = sum(1 for r in readings if r is Reading.EXACT)
    fuzzy = sum(1 for r in readings if r in (Reading.FUZZY_LABEL, Reading.CHOSEN))
    uncertain = sum(1 for r in readings if r is Reading.UNCERTAIN)
    return (
        f"| {path.name} | {report.format} | {exact} | {len(cells)} | {fuzzy} | {uncertain} "
        f"| {expected_score(path, cells)} | {elapsed:.0f} |"
    )


def main() -> None:
    print("| file | format | cells exact | cells read | fuzzy/chosen | uncertain | vs expected | ms |")
    print("|---|---|---|---|---|---|---|---|")
    for path in sorted(REPORTS.glob("*.txt")) + sorted((REPORTS / "real").glob("*.txt")):
        print(measure(path))


if __name__ == "__main__":
    main()
