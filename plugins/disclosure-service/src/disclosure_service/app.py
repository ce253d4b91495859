"""The ASGI application: ``create_app()`` for a host to mount, routes under ``/v1``, and its middleware.

>>> from disclosure_service.testing import InProcessClient
>>> with InProcessClient(create_app(Settings(parse_workers=1))) as client:
...     client.get("/healthz").json()
{'status': 'ok'}
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from disclosure_core import Registry
from disclosure_service import endpoints
from disclosure_service.openapi import openapi_document
from disclosure_service.pool import ParsePool
from disclosure_service.problems import Problem, problem_for, request_language
from disclosure_service.service import Service
from disclosure_service.settings import Settings

access_log = logging.getLogger("disclosure_service.access")

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/openapi.json"})
"""Paths served without the bearer token (probes and the contract)."""


def create_app(settings: Settings | None = None, *, registry: Callable[[], Registry] = Registry) -> Starlette:
    """The service as an ASGI app; mount it in a host app or serve it with uvicorn.

    ``registry`` makes the registry whose layouts, rules, sources and renderers the service offers (by
    default every installed plugin). It is called in the service process and in each parse worker, so it
    must be importable by name (a module-level function or class). Parse workers start with the app (its
    lifespan) and stop with it.
    """
    settings = settings or Settings()
    pool = ParsePool(
        workers=settings.parse_workers,
        timeout=settings.parse_timeout,
        memory_bytes=settings.parse_memory_bytes,
        registry=registry,
    )
    service = Service(registry(), settings, pool)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    def bind(handler: Callable[[Service, Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(service, request)
            except Exception as exc:  # every error is a problem document; 500 only for our own bugs
                return problem_for(exc).response(_language(request))

        return endpoint

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document(service.registry))

    routes = [
        Route("/healthz", bind(endpoints.healthz), methods=["GET"]),
        Route("/readyz", bind(endpoints.readyz), methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/check", bind(endpoints.check), methods=["POST"]),
        Route("/v1/render", bind(endpoints.render), methods=["POST"]),
        Route("/v1/convert", bind(endpoints.convert), methods=["POST"]),
        Route("/v1/new", bind(endpoints.new), methods=["POST"]),
        Route("/v1/rules", bind(endpoints.rules), methods=["GET"]),
        Route("/v1/rules/{rule_id}", bind(endpoints.rule), methods=["GET"]),
        Route("/v1/schema/report", bind(endpoints.report_schema), methods=["GET"]),
        Route("/v1/schema/findings", bind(endpoints.findings_schema), methods=["GET"]),
        Route("/v1/plugins", bind(endpoints.plugins), methods=["GET"]),
    ]
    middleware = [Middleware(AccessLog), Middleware(BearerToken, token=settings.token)]
    if settings.cors_origins:
        middleware.append(
            Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"])
        )
    handlers = {HTTPException: _http_problem}
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=handlers)
    app.state.service = service
    return app


async def _http_problem(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 and 405 as problem documents too."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    path, lang = request.url.path, _language(request)
    if status == 404:
        return Problem.keyed(404, "not-found", "service.not_found", path=path).response(lang)
    if status == 405:
        return Problem.keyed(405, "method", "service.method", method=request.method, path=path).response(lang)
    return Problem.keyed(status, "usage", "service.bad_request", status=status).response(lang)


def _language(request: Request) -> str:
    return request_language(request.url.query, request.headers.get("accept-language"))


class BearerToken:
    """Require ``Authorization: Bearer <token>`` on every path but :data:`OPEN_PATHS` (constant-time check)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.token is None or scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = b""
        for name, value in scope["headers"]:
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                given = value[7:].strip()
        if not hmac.compare_digest(given, self.token):
            accept = next((v.decode("latin-1") for n, v in scope["headers"] if n == b"accept-language"), None)
            lang = request_language(scope.get("query_string", b""), accept)
            response = Problem.keyed(401, "unauthorized", "service.unauthorized").response(lang)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class AccessLog:
    """One line per request: method, path (never the query or the body), status, bytes out and time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        size = 0

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            access_log.info('"%s %s" %d %d %.1fms', scope["method"], scope["path"], status, size, elapsed)
