"""What an operator can set: limits, the parse pool, the token and CORS — from arguments or the environment."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_core import UsageError

MiB = 1024 * 1024


@attrs.frozen
class Settings:
    """The service's limits and switches; every field has a safe default.

    >>> Settings().max_body_bytes // MiB, Settings().token is None, Settings().cors_origins
    (20, True, ())
    """

    max_body_bytes: int = 20 * MiB
    """A request body above this ends as 413 before it is parsed (a published PDF is a few MB)."""
    parse_timeout: float = 30.0
    """Seconds an upload may take to read; then its worker process is killed and the request ends as 504."""
    parse_workers: int = 2
    """Processes that read uploads (workbook, text, HTML, DOCX, PDF), per service process."""
    parse_memory_bytes: int = 1024 * MiB
    """Address-space limit of each parse worker: a memory bomb ends that worker, not the host."""
    token: str | None = None
    """Bearer token required on /v1 when set (health checks and the OpenAPI document stay open)."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed by CORS; empty (the default) means CORS stays off."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Settings from ``DISCLOSURE_*`` variables (the way ``uvicorn --workers N`` processes get them).

        >>> Settings.from_env({"DISCLOSURE_TOKEN": "s3cret", "DISCLOSURE_MAX_BODY_MB": "5"}).max_body_bytes
        5242880
        >>> Settings.from_env({"DISCLOSURE_PARSE_TIMEOUT": "soon"})
        Traceback (most recent call last):
        ...
        disclosure_core.errors.UsageError: DISCLOSURE_PARSE_TIMEOUT: 'soon' is not a number
        """
        origins = tuple(o.strip() for o in environ.get("DISCLOSURE_CORS_ORIGINS", "").split(",") if o.strip())
        return cls(
            max_body_bytes=int(_number(environ, "DISCLOSURE_MAX_BODY_MB", 20) * MiB),
            parse_timeout=_number(environ, "DISCLOSURE_PARSE_TIMEOUT", 30.0),
            parse_workers=int(_number(environ, "DISCLOSURE_PARSE_WORKERS", 2)),
            parse_memory_bytes=int(_number(environ, "DISCLOSURE_PARSE_MEMORY_MB", 1024) * MiB),
            token=environ.get("DISCLOSURE_TOKEN") or None,
            cors_origins=origins,
        )


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UsageError.keyed("service.setting_number", name=name, raw=repr(raw)) from None
    if value <= 0:
        raise UsageError.keyed("service.setting_positive", name=name, raw=repr(raw))
    return value
