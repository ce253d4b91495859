"""Built-in plugin: canonical JSON as a source and as a renderer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from disclosure_core._formats import Loaded, Renderer, RenderOptions, Source
from disclosure_core._hints import ReportHints
from disclosure_core._serialize import dumps, loads
from disclosure_core.hookspecs import hookimpl
from disclosure_core.layouts import Layout
from disclosure_core.model import Report


class JsonSource:
    """Reads canonical JSON (``disclosure-core/report/1``)."""

    name = "json"
    suffixes: tuple[str, ...] = (".json",)
    description = "canonical JSON (disclosure-core/report/1)"

    def sniff(self, head: bytes, filename: str) -> bool:
        """JSON files by name; bytes that open a JSON object otherwise."""
        return filename.lower().endswith(".json") or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")

    def load(
        self, data: bytes, *, origin: str, layouts: Mapping[str, Layout], hints: ReportHints | None = None
    ) -> Loaded:
        """Parse and validate; any problem is a LoadError naming ``origin`` and the JSON path."""
        return Loaded(loads(data, origin=origin, layouts=layouts))


class JsonRenderer:
    """Writes canonical JSON: every cell of the format listed, blanks as null."""

    name = "json"
    suffix = ".json"
    media_type = "application/json"
    description = "canonical JSON (disclosure-core/report/1)"

    def render(self, report: Report, options: RenderOptions) -> bytes:
        """UTF-8 bytes of the canonical JSON text."""
        return dumps(report, layouts={options.layout.id: options.layout}).encode("utf-8")


@hookimpl
def disclosure_sources() -> Iterable[Source]:
    """The canonical JSON source."""
    return [JsonSource()]


@hookimpl
def disclosure_renderers() -> Iterable[Renderer]:
    """The canonical JSON renderer."""
    return [JsonRenderer()]
