"""``disclosure serve``: run the service with uvicorn (the command the core CLI finds through an entry point)."""

from __future__ import annotations

import logging
import os

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Service processes.")
@click.option("--parse-workers", type=click.IntRange(1, 64), help="Upload readers per process [default: 2].")
@click.option("--parse-timeout", type=click.FloatRange(min=0.1), help="Seconds an upload may take [default: 30].")
@click.option("--max-body-mb", type=click.FloatRange(min=0.01), help="Largest request body in MiB [default: 20].")
@click.option("--cors-origin", "cors_origins", multiple=True, help="Allow this origin (CORS is off without one).")
def serve(
    host: str,
    port: int,
    workers: int,
    parse_workers: int | None,
    parse_timeout: float | None,
    max_body_mb: float | None,
    cors_origins: tuple[str, ...],
) -> None:
    """Serve check, render and convert over HTTP (/v1, OpenAPI at /openapi.json).

    Set DISCLOSURE_TOKEN to require a bearer token on /v1.
    """
    import uvicorn

    given = {
        "DISCLOSURE_PARSE_WORKERS": parse_workers,
        "DISCLOSURE_PARSE_TIMEOUT": parse_timeout,
        "DISCLOSURE_MAX_BODY_MB": max_body_mb,
        "DISCLOSURE_CORS_ORIGINS": ",".join(cors_origins) or None,
    }
    for name, value in given.items():
        if value is not None:
            os.environ[name] = str(value)
    from disclosure_service.settings import Settings

    Settings.from_env(os.environ)  # a wrong variable is one line here, not a traceback in every worker
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # Our access log records method, path, status and time, never the query (it may carry a body's name).
    uvicorn.run("disclosure_service.asgi:app", host=host, port=port, workers=workers, access_log=False)
