"""``python -m disclosure_core`` runs the ``disclosure`` command."""

import sys

from disclosure_core.cli import main

sys.exit(main())
