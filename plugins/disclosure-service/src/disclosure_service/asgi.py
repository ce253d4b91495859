"""``app``: the service configured from the environment, for ``uvicorn disclosure_service.asgi:app``.

``disclosure serve --workers N`` starts N processes that each import this module (uvicorn needs an import
string to start several), so every setting travels as a ``DISCLOSURE_*`` variable (see :class:`Settings`).
"""

from __future__ import annotations

import os

from disclosure_service.app import create_app
from disclosure_service.settings import Settings

app = create_app(Settings.from_env(os.environ))
