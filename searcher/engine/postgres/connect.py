"""Connecting to PostgreSQL, and turning its failures into one-line searcher errors.

Messages name the server by its URL with the password hidden (``searcher.locations``).
Only a failure to reach or stay connected to the server is called one; anything else the
server refuses is said as what it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import errors as pgerr

from searcher.errors import (
    IndexBusyError,
    IndexDamagedError,
    IndexMissingError,
    QueryError,
    SearcherError,
    StorageError,
)
from searcher.locations import scrub, shown

CONNECT_TIMEOUT = 10


def is_url(location: object) -> bool:
    """Whether an index location names a PostgreSQL server rather than a folder."""
    text = str(location)
    return text.startswith(("postgresql://", "postgres://"))


def describe(url: str) -> str:
    """The URL for messages: ``postgresql://user:***@host:port/db``, never the password."""
    return shown(url)


def connect(url: str, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection, or a SearcherError saying in one line why there is none."""
    try:
        conn = psycopg.connect(
            url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT, application_name="searcher"
        )
    except psycopg.ProgrammingError:
        raise IndexMissingError(f"{describe(url)}: not a valid PostgreSQL URL") from None
    except psycopg.OperationalError as exc:
        raise _connect_error(url, str(exc)) from None
    return conn


def _connect_error(url: str, text: str) -> SearcherError:
    """A failure to connect, by what the client library said of it."""
    where = describe(url)
    if (
        "password" in text
        or "authentication failed" in text
        or ("role" in text and "does not exist" in text)
    ):
        return IndexMissingError(f"{where}: the server refused these credentials")
    if "database" in text and "does not exist" in text:
        return IndexMissingError(f"{where}: no such database on the server")
    return IndexMissingError(f"{where}: cannot reach the PostgreSQL server (is it running?)")


@contextlib.contextmanager
def translated(url: str) -> Iterator[None]:
    """Re-raise PostgreSQL errors met while working as SearcherErrors with one clear line."""
    where = describe(url)
    try:
        yield
    except SearcherError:
        raise
    except pgerr.UndefinedTable:
        raise IndexMissingError(f"no index at {where}: run `search rebuild`") from None
    except (pgerr.UndefinedFunction, pgerr.UndefinedObject, pgerr.UndefinedFile) as exc:
        raise IndexDamagedError(
            f"{where}: a needed extension is missing ({_first_line(exc, url)}); "
            "install postgresql-contrib and run `search rebuild --full`"
        ) from None
    except pgerr.UndefinedColumn:
        raise IndexDamagedError(
            f"index at {where} is from another version: run `search rebuild --full`"
        ) from None
    except pgerr.InsufficientPrivilege as exc:
        raise IndexMissingError(f"{where}: permission denied ({_first_line(exc, url)})") from None
    except pgerr.LockNotAvailable:
        raise IndexBusyError(f"index at {where} is busy: another build holds it") from None
    except (pgerr.DataException, pgerr.SyntaxError) as exc:
        raise QueryError(f"the server could not run this query: {_first_line(exc, url)}") from None
    except psycopg.OperationalError as exc:
        raise _operational_error(url, exc) from None
    except psycopg.Error as exc:
        raise IndexDamagedError(f"{where}: {_first_line(exc, url)}") from None


def is_disconnection(exc: psycopg.Error) -> bool:
    """Whether an error met while working means the server is gone or unreachable: no
    SQLSTATE (the client lost the connection), class 08, or the server shutting down."""
    state = exc.sqlstate
    return state is None or state.startswith("08") or state in _SHUTDOWN


#: SQLSTATEs of a server shutting down or starting up (class 57 less a cancelled query).
_SHUTDOWN = frozenset({"57P01", "57P02", "57P03", "57P04", "57P05"})


def _operational_error(url: str, exc: psycopg.OperationalError) -> SearcherError:
    """What an OperationalError met while working is: most are not connection failures."""
    where, state, line = describe(url), exc.sqlstate or "", _first_line(exc, url)
    if is_disconnection(exc):
        return _connect_error(url, str(exc))
    if state.startswith("54") or state in ("53200", "57014"):
        # too big or complex for the server, out of its memory, or cancelled (a timeout)
        return QueryError(f"the server cannot take this query: {line}")
    if state == "53100":
        return StorageError(f"{where}: the server's disk is full ({line})")
    if state == "53300":
        return IndexMissingError(f"{where}: the server takes no more connections ({line})")
    return IndexDamagedError(f"{where}: the server refused: {line}")


#: The most of a server's message a line quotes (it may quote the whole query).
QUOTED = 300


def _first_line(exc: BaseException, url: str = "") -> str:
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    line = scrub(line, url) if url else line
    return line if len(line) <= QUOTED else line[: QUOTED - 3] + "..."
