"""Connecting to PostgreSQL, and turning its failures into one-line searcher errors.

Messages name the server as ``user@host:port/db`` and never carry a password.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import errors as pgerr
from psycopg.conninfo import conninfo_to_dict

from searcher.errors import (
    IndexBusyError,
    IndexDamagedError,
    IndexMissingError,
    QueryError,
    SearcherError,
)

CONNECT_TIMEOUT = 10


def is_url(location: object) -> bool:
    """Whether an index location names a PostgreSQL server rather than a folder."""
    text = str(location)
    return text.startswith(("postgresql://", "postgres://"))


def describe(url: str) -> str:
    """``user@host:port/db`` for messages: never the password."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unreadable URL)"
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host', 'localhost')}{port}/{info.get('dbname', '')}"


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
            f"{where}: a needed extension is missing ({_first_line(exc)}); "
            "install postgresql-contrib and run `search rebuild --full`"
        ) from None
    except pgerr.UndefinedColumn:
        raise IndexDamagedError(
            f"index at {where} is from another version: run `search rebuild --full`"
        ) from None
    except pgerr.InsufficientPrivilege as exc:
        raise IndexMissingError(f"{where}: permission denied ({_first_line(exc)})") from None
    except pgerr.LockNotAvailable:
        raise IndexBusyError(f"index at {where} is busy: another build holds it") from None
    except (pgerr.DataException, pgerr.SyntaxError) as exc:
        raise QueryError(f"the server could not run this query: {_first_line(exc)}") from None
    except psycopg.OperationalError as exc:
        raise _connect_error(url, str(exc)) from None
    except psycopg.Error as exc:
        raise IndexDamagedError(f"{where}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
