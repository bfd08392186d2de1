"""``search serve``: the search in a browser, and a JSON API, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Iterator

import click

from searcher.cli.common import emit, index_option
from searcher.errors import QueryError, SearcherError
from searcher.locations import shown


class ListenError(SearcherError):
    """The address cannot be listened on (taken, or not this machine's)."""

    exit_code = 6


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, so that asyncio turns Nagle's algorithm off on each connection
    # (it does so only for sockets that say they are TCP): otherwise every answer after the
    # first on a kept-alive connection waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ListenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


class OneLine(logging.Formatter):
    """The server's log records as one line each, an exception as its type and message
    (never a traceback): ``search serve: Exception in ASGI application: OSError: ...``."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            message += f": {type(exc).__name__}: {exc}"
        return "search serve: " + " ".join(message.split())


LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": OneLine}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "uvicorn.error": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}


def _address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "::1" if host == "::" else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


@click.command()
@index_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; other than loopback needs --token.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free one).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@click.option(
    "--token",
    envvar="SEARCHER_TOKEN",
    metavar="TOKEN",
    help="Secret every request must carry (or $SEARCHER_TOKEN).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name to answer to (behind a proxy).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=4,
    show_default=True,
    help="Searches answered at once (each worker keeps the index open).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 3600),
    default=10.0,
    show_default=True,
    help="Seconds a request may take before it is answered 503.",
)
def serve(
    index: str,
    host: str,
    port: int,
    open_browser: bool,
    token: str | None,
    allow_hosts: tuple[str, ...],
    workers: int,
    timeout: float,
) -> int:
    """Serve the index as web pages and a JSON API (http://127.0.0.1:8000/).

    The pages search, narrow by facets, read and cite documents, export results and show
    concordances; /api/search and the other endpoints under /api/ answer with the JSON of
    the commands of the same names (/api/openapi.json describes them).  A rebuild made
    meanwhile is served as soon as it is complete.  Nothing served changes the index.

    \b
    Exit status: 0 stopped by Ctrl-C or SIGTERM, 2 another host without a token,
    3 no usable index, 6 the address cannot be listened on.

    \b
    Examples:
      search serve --open
      search serve --index postgresql://localhost/wilson --port 8080
      SEARCHER_TOKEN=s3cret search serve --host 0.0.0.0
    """
    from searcher.web.security import is_loopback

    if not is_loopback(host) and not token:
        raise QueryError(f"serving on {host} needs a token: --token or $SEARCHER_TOKEN")
    if token is not None and not token.strip():
        raise QueryError("the token is empty")
    from searcher.api import Archive

    Archive.open(index).close()  # a missing or unreadable index is said now, not per request
    import uvicorn

    from searcher.web import ServeConfig, create_app

    sock = _listen(host, port)
    address = _address(host, sock.getsockname()[1])
    config = ServeConfig(index, host, token, allow_hosts, workers, timeout)
    # From the moment the address is printed, a stop signal stops the server cleanly.
    stopped: list[int] = []
    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, lambda sig, frame: stopped.append(sig))
    server = _server(
        uvicorn.Config(
            create_app(config),
            log_config=LOG_CONFIG,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=5,
            server_header=False,
        ),
        stopped,
    )
    emit(f"serving {shown(index)} at {address} (Ctrl-C to stop)")
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(address + (f"?token={token}" if token else ""))
    try:
        server.run(sockets=[sock])  # type: ignore[attr-defined]
    finally:
        sock.close()
    return 0


def _server(config: object, stopped: list[int]) -> object:
    """uvicorn's server, stopping on SIGINT or SIGTERM without re-raising the signal (and at
    once if one came in before it started: ``stopped``)."""
    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            def stop(sig: int, frame: object) -> None:
                if self.should_exit and sig == signal.SIGINT:
                    self.force_exit = True
                self.should_exit = True

            previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
            if stopped:
                self.should_exit = True
            try:
                yield
            finally:
                for s, handler in previous.items():
                    signal.signal(s, handler)

    return Server(config)  # type: ignore[arg-type]


COMMANDS = [serve]
