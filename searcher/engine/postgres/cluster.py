"""Scale out: the documents table as hash partitions on shard servers, through postgres_fdw.

The coordinator (the index URL) keeps metadata and the lexicon; ``searcher_docs`` there is
partitioned by hash of ``path`` and each partition is a foreign table on a shard server,
which holds the rows and their RUM (or GIN) and GiST indexes.  Builds write through the
coordinator.  Searches read the shards directly where the reader can log in to them
(``fanout``); otherwise through the coordinator, where conditions are constant tsqueries
and built-in operators that postgres_fdw pushes down, and ``async_capable`` scans the shards
in parallel.  (For production, Citus does the same with create_distributed_table: see
docs/postgres.md.)
"""

from __future__ import annotations

from collections.abc import Sequence

from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from searcher.engine.postgres import schema
from searcher.engine.postgres.connect import connect, describe, translated
from searcher.errors import QueryError

SERVER = "searcher_shard_{}"
PARTITION = schema.DOCS + "_p{}"
#: Settings of the coordinator's sessions on a shard, as a reader's own (see the engine):
#: without them a shard's planner filtered a common word's rows by reading each `tsv`.
SHARD_SESSION = "-c enable_seqscan=off -c work_mem=64MB"
#: Rows a shard sends at a time.  A page's best rows are asked in each partition's RUM
#: order, but where the planner expects fewer matches than the page needs it leaves the
#: ``LIMIT`` on the coordinator, and a shard would send a whole batch, ``tsv`` and all (a
#: name query: 690 rows a partition, 1.2 s); counts and facet paths come as one aggregate
#: row a partition, whatever the batch.
FETCH_SIZE = 50


def init_cluster(url: str, shard_urls: Sequence[str], shards: int | None = None) -> int:
    """Lay out an empty sharded index at ``url`` over ``shard_urls``; returns partitions.

    ``shards`` partitions (default: one per shard server) go round-robin to the servers.
    Any index already at ``url`` (and its shard tables) is replaced.
    """
    if not shard_urls:
        raise QueryError("a sharded index needs at least one shard server URL (--shard-url)")
    count = shards or len(shard_urls)
    if count < 1:
        raise QueryError("--shards must be 1 or more")
    placement = [i % len(shard_urls) for i in range(count)]
    rum = all(_has_rum(u) for u in (url, *shard_urls))
    for s, shard_url in enumerate(shard_urls):
        conn = connect(shard_url)
        with translated(shard_url), conn:
            for p in (p for p in range(count) if placement[p] == s):
                table = PARTITION.format(p)
                conn.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in (*schema.docs_table(table), *schema.docs_indexes(table, rum)):
                    conn.execute(statement)
    conn = connect(url)
    with translated(url), conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema.COMMIT_LOCK,))
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
        if rum:  # its operator ranks on the shards, and the coordinator must know it
            conn.execute(f"CREATE EXTENSION IF NOT EXISTS {schema.RUM}")
        for statement in schema.common_tables():
            conn.execute(statement)
        conn.execute(f"DROP TABLE IF EXISTS {schema.DOCS} CASCADE")
        conn.execute(f"TRUNCATE {schema.WORDS}")
        conn.execute(f"DELETE FROM {schema.META}")
        for s, shard_url in enumerate(shard_urls):
            _server(conn, SERVER.format(s), shard_url, rum)
        conn.execute(
            f"CREATE TABLE {schema.DOCS} ({schema.docs_columns()}) PARTITION BY HASH (path)"
        )
        for p in range(count):
            conn.execute(
                sql.SQL(
                    "CREATE FOREIGN TABLE {} PARTITION OF {} FOR VALUES WITH"
                    " (MODULUS {}, REMAINDER {}) SERVER {} OPTIONS (table_name {})"
                ).format(
                    sql.Identifier(PARTITION.format(p)),
                    sql.Identifier(schema.DOCS),
                    sql.Literal(count),
                    sql.Literal(p),
                    sql.Identifier(SERVER.format(placement[p])),
                    sql.Literal(PARTITION.format(p)),
                )
            )
        conn.execute(
            f"INSERT INTO {schema.META} VALUES ('schema_version', %s), ('layout', %s), (%s, %s)",
            (
                schema.SCHEMA_VERSION,
                f"sharded:{count}:" + ",".join(map(describe, shard_urls)),
                schema.RANKING,
                schema.RUM if rum else "gin",
            ),
        )
    return count


def _has_rum(url: str) -> bool:
    conn = connect(url)
    with translated(url), conn:
        return schema.has_rum(conn)


def _server(conn: object, name: str, shard_url: str, rum: bool) -> None:
    """(Re)create the foreign server and the current user's mapping for one shard."""
    info = conninfo_to_dict(shard_url)
    options = {
        "host": info.get("host", "localhost"),
        "port": str(info.get("port", "5432")),
        "dbname": info.get("dbname", ""),
        "async_capable": "true",
        "fetch_size": str(FETCH_SIZE),
        "batch_size": "500",
        "extensions": "pg_trgm" + (f",{schema.RUM}" if rum else ""),
        "options": SHARD_SESSION,
    }
    server = sql.Identifier(name)
    conn.execute(sql.SQL("DROP SERVER IF EXISTS {} CASCADE").format(server))  # type: ignore[attr-defined]
    conn.execute(  # type: ignore[attr-defined]
        sql.SQL("CREATE SERVER {} FOREIGN DATA WRAPPER postgres_fdw OPTIONS ({})").format(
            server, _options(options)
        )
    )
    mapping = {"user": info.get("user", "")}
    if info.get("password"):
        mapping["password"] = info["password"]
    conn.execute(  # type: ignore[attr-defined]
        sql.SQL("CREATE USER MAPPING FOR CURRENT_USER SERVER {} OPTIONS ({})").format(
            server, _options({k: v for k, v in mapping.items() if v})
        )
    )


def _options(options: dict[str, str]) -> sql.Composable:
    return sql.SQL(", ").join(
        sql.SQL("{} {}").format(sql.Identifier(k), sql.Literal(v)) for k, v in options.items()
    )
