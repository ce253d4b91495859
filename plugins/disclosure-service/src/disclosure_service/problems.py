"""Errors as RFC 9457 problem documents: the CLI's one-line message and place, a status per kind, no trace.

A client sees what ``disclosure`` would print after ``error:``, split into ``detail`` (the whole line),
``file`` and ``place`` where the message names them, and a ``type`` URI it can switch on.
"""

from __future__ import annotations

import json
import logging

import attrs
from starlette.responses import Response

from disclosure_core import DisclosureError, LoadError, RuleSetError, UsageError

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://disclosure-core.example/problems/"

log = logging.getLogger("disclosure_service")


@attrs.frozen
class Problem(Exception):
    """A request that cannot be served, with its HTTP status.

    >>> Problem(413, "too-large", "request body is larger than 20 MiB").document()["status"]
    413
    """

    status: int
    kind: str
    detail: str

    def __str__(self) -> str:
        return self.detail

    def document(self) -> dict[str, object]:
        """The problem document (``type``, ``title``, ``status``, ``detail``, and ``file`` when named)."""
        data: dict[str, object] = {
            "type": TYPE_BASE + self.kind,
            "title": TITLES[self.kind],
            "status": self.status,
            "detail": self.detail,
        }
        file, _, rest = self.detail.partition(": ")
        if rest and ("." in file or "/" in file) and " " not in file:
            data["file"] = file
        return data

    def response(self) -> Response:
        """The ``application/problem+json`` response."""
        body = json.dumps(self.document(), ensure_ascii=False).encode("utf-8")
        headers = {"WWW-Authenticate": "Bearer"} if self.status == 401 else None
        return Response(body, status_code=self.status, media_type=PROBLEM_JSON, headers=headers)


TITLES = {
    "usage": "The request is not valid",
    "unauthorized": "A valid bearer token is required",
    "not-found": "No such resource",
    "method": "Method not allowed",
    "too-large": "The request body is too large",
    "unknown-format": "No source reads this kind of file",
    "not-readable": "The report could not be read",
    "rules": "A rule file is not valid",
    "time-limit": "Reading the upload took too long",
    "internal": "Internal error",
}
"""One title per kind of problem (the ``type`` URI ends with the kind)."""


def problem_for(exc: BaseException) -> Problem:
    """The problem a library error stands for; anything else is our bug (500, logged, never shown).

    >>> problem_for(UsageError("--disable x: no such rule")).status
    400
    >>> problem_for(LoadError("a.pdf: page 3: not a table")).document()["file"]
    'a.pdf'
    >>> problem_for(KeyError("secret")).detail
    'internal error (logged by the service)'
    """
    if isinstance(exc, Problem):
        return exc
    if isinstance(exc, UsageError):
        return Problem(400, "usage", str(exc))
    if isinstance(exc, RuleSetError):
        return Problem(400, "rules", str(exc))
    if isinstance(exc, LoadError | DisclosureError):
        return Problem(422, "not-readable", str(exc))
    log.error("internal error", exc_info=exc)
    return Problem(500, "internal", "internal error (logged by the service)")
