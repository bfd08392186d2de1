"""What a sharded PostgreSQL index leaves to its shards (postgres_fdw, ``.ci/postgres.sh``'s
coordinator and shard servers): checked on the plans of the statements a search runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pg_support
import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.postgres import engine as pg_engine
from searcher.engine.postgres import fanout
from searcher.query import parse
from searcher.record import Record


class _Explained:
    """A session whose statements are explained (verbose) instead of run."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, query: str, params: Any = None) -> Any:
        return self.conn.execute("EXPLAIN (VERBOSE) " + query, params)


@pg_support.needs_cluster
def test_each_shard_counts_its_own_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read through the coordinator, the total and the paths facet counts need are
    aggregated on the shards, one aggregate a partition: a match's row does not cross the
    network to be counted."""
    monkeypatch.setenv(fanout.FANOUT_ENV, "off")
    location = pg_support.index_location("cluster", tmp_path, "searcher_shipped", shards=3)
    engine = open_engine(location)
    build = engine.begin_build(True)
    build.add(
        Record(id=str(i), path=f"{i}.html", title=f"Armistice telegram {i}", subjects=("War",))
        for i in range(30)
    )
    build.commit({})
    asked: list[tuple[Any, ...]] = []
    counted = pg_engine._per_table

    def spy(conn: Any, aggregate: str, tables: tuple[str, ...], c: Any) -> Any:
        asked.append((aggregate, tables, c))
        return counted(conn, aggregate, tables, c)

    monkeypatch.setattr(pg_engine, "_per_table", spy)
    node = parse("armistice").node
    assert engine.search(SearchRequest(node=node)).total == 30
    facets = engine.search(SearchRequest(node=node, facets=("subject",)))
    assert (facets.total, facets.facets["subjects"][0].count) == (30, 30)
    assert [a for a, _, _ in asked] == [pg_engine._TOTAL, pg_engine._PATHS]
    for aggregate, tables, c in asked:
        plan = "\n".join(
            line for (line,) in counted(_Explained(engine._conn), aggregate, tables, c)
        )
        assert len(tables) == 3
        assert plan.count(f"Remote SQL: SELECT {aggregate[:12]}") == 3, plan  # count(*)...
    engine.close()


def _fetched(urls: list[str]) -> int:
    """Rows the shard servers' index scans have fetched, once their statistics settle."""
    import time

    import psycopg

    seen, last = -1, -2
    while seen != last:
        last = seen
        time.sleep(1.5)  # a server publishes a session's statistics within a second
        seen = 0
        for url in urls:
            with psycopg.connect(url) as conn:
                seen += conn.execute(
                    "SELECT coalesce(sum(idx_tup_fetch), 0) FROM pg_stat_user_tables"
                    " WHERE relname LIKE 'searcher_docs_p%'"
                ).fetchone()[0]
    return seen


@pg_support.needs_cluster
def test_a_page_reads_few_rows_from_each_shard(tmp_path: Path) -> None:
    """A page of a name found in 300 documents reads a batch of rows from each shard, not
    every match (the planner, expecting few, keeps the page's LIMIT to itself)."""
    from searcher.engine.postgres.cluster import init_cluster

    coordinator, servers = pg_support.cluster()
    location = pg_support.fresh_database(coordinator, "searcher_few_rows")
    shards = [pg_support.fresh_database(url, "searcher_few_rows") for url in servers]
    init_cluster(location, shards, shards=2)
    engine = open_engine(location)
    build = engine.begin_build(True)
    build.add(
        Record(
            id=str(i),
            path=f"{i}.html",
            title="Zhou Enlai to Stalin" if i % 5 == 0 else "Stalin to Mao Zedong",
            body="word " * (i % 50),
        )
        for i in range(1500)
    )
    build.commit({})
    before = _fetched(shards)
    found = engine.search(SearchRequest(node=parse('"Zhou Enlai"').node, limit=10))
    assert found.total == 300 and len(found.hits) == 10
    assert _fetched(shards) - before <= 2 * 60
    engine.close()
