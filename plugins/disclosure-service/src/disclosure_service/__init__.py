"""disclosure-service: disclosure-core over HTTP for the systems that hold the numbers.

``create_app()`` gives the ASGI app (mount it in a host app, or run ``disclosure serve``); routes are under
``/v1`` and the contract is at ``/openapi.json``.

>>> from disclosure_service import Settings, create_app
>>> create_app(Settings(parse_workers=1)).state.service.settings.parse_workers
1
"""

from __future__ import annotations

from disclosure_service.app import create_app
from disclosure_service.settings import Settings

__all__ = ["Settings", "create_app"]
