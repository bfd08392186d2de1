"""What a sharded PostgreSQL index leaves to its shards (postgres_fdw, ``.ci/postgres.sh``'s
coordinator and shard servers): checked on the plans of the statements a search runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pg_support
import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.postgres import engine as pg_engine
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
    """The total and the paths facet counts need are aggregated on the shards, one
    aggregate a partition: a match's row does not cross the network to be counted."""
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
