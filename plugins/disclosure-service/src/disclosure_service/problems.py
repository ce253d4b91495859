"""Errors as RFC 9457 problem documents: the CLI's one-line message and place, a status per kind, no trace.

A client sees what ``disclosure`` would print after ``error:``, split into ``detail`` (the whole line),
``file`` and ``place`` where the message names them, a ``type`` URI it can switch on, and ``key``: the
message catalogue's stable key for the detail. ``title`` and ``detail`` are in the request's language
(:func:`request_language`: ``?lang=``, else ``Accept-Language``, else English for programs).
"""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

import attrs
from starlette.responses import Response

from disclosure_core import DisclosureError, RuleSetError, UsageError
from disclosure_core.catalogue import LANGUAGES, Text, say, words

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://disclosure-core.example/problems/"

log = logging.getLogger("disclosure_service")


@attrs.frozen
class Problem(Exception):
    """A request that cannot be served, with its HTTP status; ``words`` and ``key`` when the detail comes from
    the message catalogue (:meth:`keyed`), so the document is in the request's language.

    >>> Problem(413, "too-large", "request body is larger than 20 MiB").document()["status"]
    413
    >>> Problem.keyed(413, "too-large", "service.too_large", limit=20).document("zh")["detail"]
    '请求体超过 20 MiB'
    """

    status: int
    kind: str
    detail: str
    words: Text | None = None
    key: str = ""

    @classmethod
    def keyed(cls, status: int, kind: str, key: str, /, **values: object) -> Problem:
        """The problem whose detail is the catalogue's ``key`` filled with ``values``."""
        said = words(key, **values)
        return cls(status, kind, said.en, said, key)

    def __str__(self) -> str:
        return self.detail

    def document(self, lang: str = "en") -> dict[str, object]:
        """The problem document in ``lang`` (``type``, ``title``, ``status``, ``detail``, ``key`` when keyed,
        and ``file`` when the detail names one)."""
        data: dict[str, object] = {
            "type": TYPE_BASE + self.kind,
            "title": say(f"service.title.{self.kind}", lang),
            "status": self.status,
            "detail": self.words.text(lang) if self.words is not None else self.detail,
        }
        if self.key:
            data["key"] = self.key
        file, _, rest = self.detail.partition(": ")
        if rest and ("." in file or "/" in file) and " " not in file:
            data["file"] = file
        return data

    def response(self, lang: str = "en") -> Response:
        """The ``application/problem+json`` response in ``lang``."""
        body = json.dumps(self.document(lang), ensure_ascii=False).encode("utf-8")
        headers = {"WWW-Authenticate": "Bearer"} if self.status == 401 else None
        return Response(body, status_code=self.status, media_type=PROBLEM_JSON, headers=headers)


def request_language(query: bytes | str, accept_language: str | None) -> str:
    """The language of a request's problem documents: ``?lang=zh|en``, else the first of zh and en that
    ``Accept-Language`` prefers, else English (a program that asks for nothing reads the English).

    >>> request_language("lang=zh", None), request_language("", "zh-CN,zh;q=0.9,en;q=0.8")
    ('zh', 'zh')
    >>> request_language("", "en-GB;q=0.5, zh;q=0.4"), request_language(b"lang=fr", "fr"), request_language("", None)
    ('en', 'en', 'en')
    """
    text = query.decode("latin-1") if isinstance(query, bytes) else query
    asked = parse_qs(text).get("lang", [""])[0]
    if asked in LANGUAGES:
        return asked
    best, chosen = 0.0, "en"
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if primary in LANGUAGES and weight > best:
            best, chosen = weight, primary
    return chosen


_STATUS: dict[type[DisclosureError], tuple[int, str]] = {UsageError: (400, "usage"), RuleSetError: (400, "rules")}
"""The status and kind of a library error; any other (a :class:`LoadError` …) is a report that cannot be read."""


def problem_for(exc: BaseException) -> Problem:
    """The problem a library error stands for; anything else is our bug (500, logged, never shown).

    >>> from disclosure_core import LoadError
    >>> problem_for(UsageError("--disable x: no such rule")).status
    400
    >>> problem_for(LoadError("a.pdf: page 3: not a table")).document()["file"]
    'a.pdf'
    >>> problem_for(KeyError("secret")).detail
    'internal error (logged by the service)'
    """
    if isinstance(exc, Problem):
        return exc
    if isinstance(exc, DisclosureError):
        status, kind = next(((s, k) for t, (s, k) in _STATUS.items() if isinstance(exc, t)), (422, "not-readable"))
        return Problem(status, kind, str(exc), exc.words, exc.key)
    log.error("internal error", exc_info=exc)
    return Problem.keyed(500, "internal", "service.internal")
