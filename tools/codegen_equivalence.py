"""Generated code against the interpreter on many varied reports: ``python tools/codegen_equivalence.py [N] [SEED]``.

Checks N reports (default 100 000) of every registered layout both ways with the default registry's rules
and exits 1 if any finding differs (see :mod:`disclosure_core.rules.equivalence`). ``make test-long`` runs it.
"""

from __future__ import annotations

import sys

from disclosure_core import Registry
from disclosure_core.rules.equivalence import run


def main(argv: list[str]) -> int:
    """Run the comparison; 0 when every finding agrees."""
    count = int(argv[0]) if argv else 100_000
    seed = int(argv[1]) if len(argv) > 1 else 0
    registry = Registry()
    return 1 if run(count, seed, registry.rule_set(), registry.layouts()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
