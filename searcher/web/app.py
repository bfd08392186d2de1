"""The ASGI application: routes, templates, static files, error answers and the guard."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from searcher.errors import (
    IndexDamagedError,
    IndexMissingError,
    QueryError,
    SearcherError,
    StorageError,
)
from searcher.web import api, pages
from searcher.web.answers import NotFound
from searcher.web.pool import ArchivePool, Overloaded
from searcher.web.security import Guard, allowed_hosts

HERE = Path(__file__).parent
Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class ServeConfig:
    """What ``search serve`` was asked for."""

    index: str
    host: str = "127.0.0.1"
    token: str | None = None
    allow_hosts: tuple[str, ...] = ()
    workers: int = 4
    timeout: float = 10.0
    #: Up to this many matches the page's timeline reads each match's date; above, it is
    #: drawn from the year counts, which needs no record read.
    timeline_exact: int = 2000


def status_of(exc: Exception) -> int:
    """The HTTP status of an error: 400 for the user's, 404, 503 for the index's, else 500."""
    if isinstance(exc, QueryError):
        return 400
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, IndexMissingError | IndexDamagedError | StorageError | Overloaded):
        return 503
    return 500


def message_of(exc: Exception) -> str:
    if isinstance(exc, SearcherError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def answered(endpoint: Endpoint) -> Endpoint:
    """``endpoint`` with its errors answered: JSON under /api/, a page elsewhere."""

    async def wrapped(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Exception as exc:  # noqa: BLE001 - every error becomes an answer
            status = status_of(exc)
            message = message_of(exc)
            if status == 500:
                print(f"search serve: {request.url.path}: {message}", file=sys.stderr)
            if request.url.path.startswith("/api/"):
                return JSONResponse({"error": message}, status_code=status)
            return pages.render(
                request,
                "error.html",
                status,
                message=message,
                status=status,
                params=pages.SearchParams(),
            )

    return wrapped


def _routes() -> list[BaseRoute]:
    routes: list[BaseRoute] = []
    for route in [*api.ROUTES, *pages.ROUTES]:
        assert isinstance(route, Route)
        routes.append(Route(route.path, answered(route.endpoint), methods=["GET", "HEAD"]))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    return routes


def templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


async def _not_found(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "no such page"}, status_code=status)
    message = "no such page" if status == 404 else "only GET is answered"
    return pages.render(
        request, "error.html", status, message=message, status=status, params=pages.SearchParams()
    )


def create_app(config: ServeConfig) -> Guard:
    """The application serving ``config.index``; wrap in uvicorn or Starlette's TestClient."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            app.state.pool.close()

    app = Starlette(
        routes=_routes(),
        lifespan=lifespan,
        exception_handlers={404: _not_found, 405: _not_found},
    )
    app.state.pool = ArchivePool(config.index, workers=config.workers, timeout=config.timeout)
    app.state.templates = templates()
    app.state.config = config
    hosts = allowed_hosts(config.host, config.allow_hosts)
    return Guard(app, hosts=hosts, token=config.token)
