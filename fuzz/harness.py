"""What every atheris target shares: the real inputs each source is fuzzed from, and the one property checked.

The property (the same as the hypothesis robustness tests'): a source's ``load`` on any bytes returns a report,
or raises :class:`~disclosure_core.LoadError` (a rule file: :class:`~disclosure_core.RuleSetError`) whose
message is one line starting with the file's name. Anything else — another exception, a message that names no
file — is a crash, reported by atheris with the input that caused it.

ZIP sources are fuzzed through the container and inside it: an input whose first byte is below 0x80 is the
file itself; otherwise that byte picks a member of a real package and the rest of the input replaces it
(re-zipped, so the CRC holds and the mutation reaches the XML parser and the reader).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from disclosure_core import (
    DisclosureError,
    LoadError,
    Registry,
    Report,
    ReportHints,
    RuleSetError,
    builtin_layout,
    load,
)

ROOT = Path(__file__).resolve().parent.parent
REPORTS = next(
    (folder / "shared" / "reports" for folder in ROOT.parents if (folder / "shared" / "reports").is_dir()),
    ROOT.parent / "shared" / "reports",
)
ORIGIN = "fuzzed.input"
LEDGER_HINTS = ReportHints(name="某县人民政府", level="county", year=2025)


@functools.cache
def registry() -> Registry:
    """The registry with the installed plugins, built once per process."""
    return Registry()


@functools.cache
def daixian() -> Report:
    """The Dai County 2020 report of examples/."""
    return load(ROOT / "examples" / "daixian-2020.json").report


def survives(read: Callable[[bytes], object], data: bytes, *, origin: str = ORIGIN) -> None:
    """Run ``read`` on ``data``: a result, or an error of ours naming ``origin`` on one line; else AssertionError."""
    try:
        read(data)
    except (LoadError, RuleSetError) as error:
        message = str(error)
        if not message.startswith(f"{origin}: ") or "\n" in message:
            raise AssertionError(f"{type(error).__name__} not naming the file on one line: {message!r}") from None


def source_reader(name: str) -> Callable[[bytes], object]:
    """Load with the named source of the registry (the ledger with its year and body hints)."""
    source = registry().source(name)
    layouts = registry().layouts()
    hints = LEDGER_HINTS if name == "ledger" else None

    def read(data: bytes) -> object:
        loaded = source.load(data, origin=ORIGIN, layouts=layouts, hints=hints)
        assert loaded.report.year > 0
        return loaded

    with contextlib.suppress(DisclosureError):  # a plugin's source is imported on first use: now, for atheris
        read(b"")
    return read


def rule_reader(folder: Path) -> Callable[[bytes], object]:
    """Read bytes as a rule file (through a file, as users give them) and check the example report with it."""
    path = folder / ORIGIN

    def read(data: bytes) -> object:
        path.write_bytes(data)
        from disclosure_core import check, load_rule_file

        try:
            rules = load_rule_file(path)
            return check(daixian(), rules=rules)
        except DisclosureError as error:  # named by its path: compare by the name the property checks
            message = str(error).replace(str(path), ORIGIN, 1)
            raise type(error)(message) from None

    return read


def repacked(seed: bytes, data: bytes) -> bytes:
    """``data`` itself (first byte below 0x80), or ``seed`` with the member that byte picks replaced by the rest.

    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("a.xml", "<a/>")
    >>> zipfile.ZipFile(io.BytesIO(repacked(buffer.getvalue(), b"\\x80<b/>"))).read("a.xml")
    b'<b/>'
    """
    if not data or data[0] < 0x80:
        return data
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    names = sorted(members)
    members[names[(data[0] - 0x80) % len(names)]] = data[1:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def member_seeds(package: bytes) -> list[bytes]:
    """Seeds for the member mode of :func:`repacked`: each member of ``package`` behind its selecting byte."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = sorted(info.filename for info in archive.infolist())
        return [bytes([0x80 + index]) + archive.read(name) for index, name in enumerate(names)]


def register_csv() -> bytes:
    """A small register of requests in the columns docs/ledger.md describes."""
    rows = [
        ["编号", "收到日期", "申请人类型", "办理结果", "办结日期"],
        ["A1", "2024-12-20", "自然人", "予以公开", "2025-01-06"],
        ["A2", "2025-03-01", "企业", "部分公开", "2025-03-20"],
        ["A3", "2025年5月4日", "科研机构", "", ""],
        ["A4", "2025/11/30", "自然人", "不予公开", "2025/12/15"],
    ]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def register_xlsx() -> bytes:
    """The register of :func:`register_csv` as a workbook."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(register_csv().decode("utf-8"))):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def seeds(source: str) -> list[bytes]:
    """Real inputs of a source, to mutate from (the PDF seeds are the test PDFs of disclosure-published)."""
    report = daixian()
    layout = builtin_layout(report.format)
    if source == "json":
        return [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.json"))]
    if source == "published-text":
        return [path.read_bytes() for path in sorted(REPORTS.glob("*.txt"))]
    if source == "published-html":
        from disclosure_published.testing import word_page

        return [word_page(report, layout), registry().render(report, "html")]
    if source == "published-pdf":
        folder = ROOT / "plugins" / "disclosure-published" / "tests" / "pdfs"
        return [path.read_bytes() for path in sorted(folder.glob("*.pdf"))]
    if source == "published-docx":
        from disclosure_published.testing import word_document

        package = word_document(report, layout)
        return [package, *member_seeds(package)]
    if source in ("docx", "xlsx"):
        package = registry().render(report, source)
        return [package, *member_seeds(package)]
    if source == "ledger-csv":
        return [register_csv()]
    if source == "ledger-xlsx":
        package = register_xlsx()
        return [package, *member_seeds(package)]
    if source == "rules":
        shipped = sorted((ROOT / "src" / "disclosure_core" / "rules").glob("*.toml"))
        return [path.read_bytes() for path in [*shipped, *sorted((ROOT / "examples").rglob("*rules*.toml"))]]
    raise KeyError(source)


def write_corpus(source: str, folder: Path) -> Path:
    """Write the seeds of ``source`` into ``folder`` (created) for libFuzzer to start from; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, seed in enumerate(seeds(source)):
        (folder / f"seed-{index:03d}").write_bytes(seed)
    return folder


def main(source: str, one_input: Callable[[bytes], None]) -> None:
    """Fuzz with atheris (libFuzzer's options and corpus folders as arguments), or, given
    ``--write-corpus FOLDER``, write the seeds of ``source`` there."""
    if sys.argv[1:2] == ["--write-corpus"]:
        print(write_corpus(source, Path(sys.argv[2])))
        return
    import atheris  # type: ignore[import-not-found]

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
