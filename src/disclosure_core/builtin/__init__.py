"""Built-in plugins: registered through the same hooks as third-party ones."""

from __future__ import annotations

from disclosure_core.builtin import canonical_json, ledger, official_layouts, official_rules

BUILTIN_PLUGINS: tuple[tuple[str, object], ...] = (
    ("disclosure_core.official_layouts", official_layouts),
    ("disclosure_core.official_rules", official_rules),
    ("disclosure_core.canonical_json", canonical_json),
    ("disclosure_core.ledger", ledger),
)
