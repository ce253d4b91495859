"""Write the committed PDF fixtures of this folder, made by Chromium and LibreOffice from documents we write.

    .venv/bin/python plugins/disclosure-published/tests/pdfs/make_fixtures.py

Each is printed from a document of :mod:`disclosure_published.printing` (never from an edited real
report); the tests read these files, so that they hold whatever fonts the machine running them has.
"""

from __future__ import annotations

from pathlib import Path

from disclosure_published.printing import fixture_pdfs


def main() -> None:
    folder = Path(__file__).resolve().parent
    for name, make in fixture_pdfs().items():
        data = make()
        (folder / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
