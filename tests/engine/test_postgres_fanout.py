"""A sharded PostgreSQL index read on its shard servers directly: each shard ranks and
counts its own partitions, and the reader merges them into what reading through the
coordinator (postgres_fdw) gives; a shard it cannot reach is named in one line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pg_support
import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.postgres import engine as pg_engine
from searcher.engine.postgres import fanout
from searcher.errors import SearcherError
from searcher.query import parse
from searcher.record import Record

TITLES = (
    "Telegram from Mao Zedong to Stalin",  # a hundred alike: ties broken by path
    "Record of Conversation between Zhou Enlai and Molotov",
    "Letter from Kim Il Sung to Stalin on the armistice talks",
    "Cable from the Chinese Foreign Ministry on the armistice",
)


def _records() -> Iterator[Record]:
    for i in range(240):
        title = TITLES[0] if i < 100 else TITLES[i % len(TITLES)]
        day = date(1950 + i % 10, 1 + i % 9, 10 + i % 10)  # alike dates too
        yield Record(
            id=str(i),
            path=f"{i:03d}.html",
            title=title,
            date=day.isoformat(),
            date_start=None if i % 11 == 0 else day,
            date_end=None if i % 11 == 0 else day,
            date_precision="undated" if i % 11 == 0 else "day",
            body="armistice talks in Kaesong " * (i % 7) + "the Soviet delegation",
            subjects=("Korean War",) if i % 3 else ("Sino-Soviet Relations", "Korean War"),
            languages=("Russian",) if i % 2 else ("Chinese",),
        )


def _built(folder: Path, name: str, shards: int) -> str:
    """A new sharded index of ``_records`` in databases called ``name``."""
    location = pg_support.index_location("cluster", folder, name, shards=shards)
    engine = open_engine(location)
    build = engine.begin_build(True)
    build.add(_records())
    build.commit({})
    engine.close()
    return location


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A coordinator with three partitions over two shard servers, 240 documents."""
    return _built(tmp_path_factory.mktemp("fanout"), "searcher_fanout", 3)


REQUESTS = {
    "word": SearchRequest(node=parse("stalin").node),
    "ties": SearchRequest(node=parse('"mao zedong"').node, limit=20, page=2),
    "proximity": SearchRequest(node=parse('"armistice kaesong"~3').node),
    "date order": SearchRequest(node=parse("soviet").node, sort="date", limit=30, page=8),
    "latest first": SearchRequest(node=parse("soviet").node, sort="-date", limit=30, page=3),
    "facets": SearchRequest(node=parse("armistice").node, facets=("subject", "language")),
    "filtered": SearchRequest(node=parse("talks").node, filter=parse("language:russian").node),
    "count only": SearchRequest(node=parse("telegram").node, limit=0, facets=("subject",)),
    "everything": SearchRequest(limit=15, page=4),
}


def _answer(results: Any) -> tuple[Any, ...]:
    hits = [(h.id, round(h.score, 5), h.title, h.snippet) for h in results.hits]
    facets = {name: [(c.value, c.count) for c in counts] for name, counts in results.facets.items()}
    return results.total, hits, facets


@pg_support.needs_cluster
@pytest.mark.parametrize("name", REQUESTS)
def test_shards_read_directly_answer_as_the_coordinator(
    sharded: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same hits in the same order (ties by path), scores, snippets, totals and facet
    counts; the coordinator ranks and counts nothing, each shard counts its own tables."""
    request = REQUESTS[name]
    monkeypatch.setenv(fanout.FANOUT_ENV, "off")
    through = open_engine(sharded)
    assert through._fanout is None
    expected = _answer(through.search(request))
    through.close()
    monkeypatch.delenv(fanout.FANOUT_ENV)

    fanned = open_engine(sharded)
    assert fanned._fanout is not None
    counted: list[tuple[str, ...]] = []
    per_table = pg_engine._per_table

    def on_a_shard(conn: Any, aggregate: str, tables: tuple[str, ...], c: Any) -> Any:
        assert conn is not fanned._conn, "counted through the coordinator"
        counted.append(tables)
        return per_table(conn, aggregate, tables, c)

    def not_here(*_: Any) -> None:
        raise AssertionError("a page ranked through the coordinator")

    monkeypatch.setattr(pg_engine, "_per_table", on_a_shard)
    monkeypatch.setattr(pg_engine.PostgresEngine, "_page", not_here)
    assert _answer(fanned.search(request)) == expected
    assert sorted(counted) == [("searcher_docs_p0", "searcher_docs_p2"), ("searcher_docs_p1",)]
    assert expected[0] > 0
    fanned.close()


@pg_support.needs_cluster
def test_facet_counts_on_the_shards(sharded: str) -> None:
    engine = open_engine(sharded)
    counts = engine.facet_counts("subject", parse("armistice").node)
    total = engine.search(SearchRequest(node=parse("armistice").node, limit=0)).total
    assert dict((c.value, c.count) for c in counts)["Korean War"] == total
    engine.close()


@pg_support.needs_cluster
def test_an_unreachable_shard_is_named_in_one_line(tmp_path: Path) -> None:
    """A shard server the reader cannot reach: one line naming it, not a traceback."""
    import psycopg

    location = _built(tmp_path, "searcher_fanout_gone", 2)
    with psycopg.connect(location, autocommit=True) as conn:
        conn.execute("ALTER SERVER searcher_shard_1 OPTIONS (SET port '1')")
    engine = open_engine(location)
    with pytest.raises(SearcherError) as caught:
        engine.search(SearchRequest(node=parse("stalin").node))
    message = str(caught.value)
    assert "\n" not in message
    assert "127.0.0.1:1/searcher_fanout_gone: cannot reach" in message, message
    engine.close()


@pg_support.needs_cluster
def test_a_failed_search_leaves_the_shards_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search that fails on one shard ends every shard's transaction: the next search
    sees what was committed since (a session left in its transaction would answer from
    the old snapshot)."""
    location = _built(tmp_path, "searcher_fanout_fail", 2)
    engine = open_engine(location)
    ranked = pg_engine.PostgresEngine._ranked
    calls: list[tuple[str, ...]] = []

    def once(self: Any, conn: Any, tables: tuple[str, ...], c: Any, request: Any) -> Any:
        calls.append(tables)
        if len(calls) == 1:
            raise SearcherError("a shard failed")
        return ranked(self, conn, tables, c, request)

    monkeypatch.setattr(pg_engine.PostgresEngine, "_ranked", once)
    request = SearchRequest(node=parse("stalin").node)
    before = engine.search(SearchRequest(node=parse("stalin").node, limit=0)).total
    with pytest.raises(SearcherError, match="a shard failed"):
        engine.search(request)
    writer = open_engine(location)
    build = writer.begin_build(False)
    build.add(Record(id=f"new{i}", path=f"new-{i}.html", title="Stalin to Mao") for i in range(6))
    build.commit({})
    writer.close()
    assert engine.search(request).total == before + 6
    engine.close()


@pg_support.needs_cluster
def test_the_users_own_login_before_public(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a PUBLIC user mapping beside the user's own, the shard is read once, as the
    user's own mapping says (as postgres_fdw does)."""
    import psycopg

    location = _built(tmp_path, "searcher_fanout_public", 2)
    with psycopg.connect(location, autocommit=True) as conn:
        conn.execute(
            "CREATE USER MAPPING FOR PUBLIC SERVER searcher_shard_0 OPTIONS (user 'nobody')"
        )
    request = SearchRequest(node=parse("stalin").node, facets=("subject",))
    monkeypatch.setenv(fanout.FANOUT_ENV, "off")
    through = open_engine(location)
    expected = _answer(through.search(request))
    through.close()
    monkeypatch.delenv(fanout.FANOUT_ENV)
    engine = open_engine(location)
    assert engine._fanout is not None
    assert [s.tables for s in engine._fanout.shards] == [
        ("searcher_docs_p0",),
        ("searcher_docs_p1",),
    ]
    assert _answer(engine.search(request)) == expected
    engine.close()


@pytest.mark.parametrize(
    ("server", "login", "url"),
    [
        (
            {"host": "shard1", "port": "5432", "dbname": "archive"},
            {"user": "me"},
            "postgresql://me@shard1:5432/archive",
        ),
        (
            {"host": "10.0.0.2", "dbname": "my archive", "sslmode": "require"},
            {"user": "me", "password": "p@ss:word"},
            "postgresql://me:p%40ss%3Aword@10.0.0.2/my%20archive?sslmode=require",
        ),
        (
            {"host": "/var/run/postgresql", "dbname": "archive"},
            {"user": "me"},
            "postgresql://me@%2Fvar%2Frun%2Fpostgresql/archive",
        ),
        (
            {"host": "::1", "port": "6432", "dbname": "archive"},
            {"user": "me"},
            "postgresql://me@[::1]:6432/archive",
        ),
    ],
)
def test_a_shard_is_reached_as_its_foreign_server_says(
    server: dict[str, str], login: dict[str, str], url: str
) -> None:
    """A foreign server's options and a user mapping's login make the shard's URL, which
    the client library reads back to the same connection."""
    from psycopg.conninfo import conninfo_to_dict

    assert fanout._url(server, login) == url
    assert conninfo_to_dict(url) == {**server, **login}
