"""The PostgreSQL servers of ``.ci/postgres.sh``, for the tests of the server engine.

Imported as ``pg_support`` (tests/conftest.py puts this folder on the path), so that both ``pytest``
and ``python -m pytest`` collect the tests that use it.

The servers are announced in SEARCHER_TEST_PG (one server), SEARCHER_TEST_PG_CLUSTER (a
coordinator) and SEARCHER_TEST_PG_SHARDS (its shard servers, space-separated).  Without
them the server tests are skipped on a developer's machine, and fail under CI (``CI=true``),
where the servers always run: CI passing must mean the PostgreSQL engine was tested.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SINGLE = os.environ.get("SEARCHER_TEST_PG")
CLUSTER = os.environ.get("SEARCHER_TEST_PG_CLUSTER")
SHARDS = os.environ.get("SEARCHER_TEST_PG_SHARDS", "").split()
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing(what: str) -> None:
    """Skip the test (fail it under CI): the servers it needs were not announced."""
    message = f"{what} not set (run the tests under .ci/postgres.sh)"
    if IN_CI:
        pytest.fail(f"{message}; CI must test the PostgreSQL engine", pytrace=False)
    pytest.skip(message)


def single() -> str:
    """The URL of the single server."""
    if not SINGLE:
        missing("SEARCHER_TEST_PG")
    assert SINGLE
    return SINGLE


def cluster() -> tuple[str, list[str]]:
    """The URL of the coordinator and those of its shard servers."""
    if not (CLUSTER and SHARDS):
        missing("SEARCHER_TEST_PG_CLUSTER/_SHARDS")
    assert CLUSTER
    return CLUSTER, SHARDS


#: Marks a test that needs the single server: skipped without it, except under CI, where
#: the test runs and its ``single()`` fails.
needs_server = pytest.mark.skipif(not SINGLE and not IN_CI, reason="SEARCHER_TEST_PG not set")
#: The same for a test that needs the coordinator and its shards.
needs_cluster = pytest.mark.skipif(
    not (CLUSTER and SHARDS) and not IN_CI, reason="SEARCHER_TEST_PG_CLUSTER/_SHARDS not set"
)


def fresh_database(url: str, name: str) -> str:
    """The URL of a new, empty database ``name`` on the server of ``url``."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    info = conninfo_to_dict(url)
    info["dbname"] = name
    return (
        "postgresql://{user}@{host}:{port}/{dbname}".format(**info)
        if "user" in info
        else (make_conninfo(**info))
    )


#: The engines a test may run on: the embedded index, one server, a coordinator and shards.
ENGINES = ("whoosh", "postgres", "postgres-cluster")


def index_location(kind: str, folder: Path, name: str, shards: int = 4) -> str:
    """Where a fresh test index of ``kind`` (one of ENGINES, or ``single``/``cluster``)
    lives: a folder under ``folder``, or new databases called ``name``."""
    if kind == "whoosh":
        return str(folder / "index")
    if kind in ("postgres", "single"):
        return fresh_database(single(), name)
    from searcher.engine.postgres.cluster import init_cluster

    coordinator, servers = cluster()
    location = fresh_database(coordinator, name)
    init_cluster(location, [fresh_database(url, name) for url in servers], shards=shards)
    return location
