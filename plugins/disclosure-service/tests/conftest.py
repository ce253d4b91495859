"""The service under test: its ASGI app driven in process over httpx, parse workers included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from disclosure_service import Settings, create_app
from disclosure_service.testing import InProcessClient


@pytest.fixture(scope="module")
def client() -> Iterator[InProcessClient]:
    """One app per test module (starting parse workers costs about a second), with one parse worker."""
    with InProcessClient(create_app(Settings(parse_workers=1))) as in_process:
        yield in_process
