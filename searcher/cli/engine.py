"""``search engine init``: lay out a PostgreSQL index, on one server or sharded."""

from __future__ import annotations

import click

from searcher.cli.common import emit, index_option


@click.group("engine")
def engine_group() -> None:
    """Set up a server index (PostgreSQL) before its first `search rebuild`."""


@engine_group.command("init")
@index_option
@click.option(
    "--shards",
    type=click.IntRange(min=1),
    default=None,
    help="Hash partitions of the documents table (default: one per shard server).",
)
@click.option(
    "--shard-url",
    "shard_urls",
    multiple=True,
    envvar="SEARCHER_SHARDS",
    metavar="URL",
    help="A shard server (repeat; or $SEARCHER_SHARDS, space-separated).",
)
def init(index: str, shards: int | None, shard_urls: tuple[str, ...]) -> int:
    """Create an empty index at a postgresql:// URL, replacing any index there.

    Without shard servers the index lives on the one server.  With them, the documents
    are hash-partitioned over the shards through postgres_fdw; the index URL's server
    keeps the lexicon and metadata and answers the queries.

    \b
    Examples:
      search engine init --index postgresql://me@db1/archive
      search engine init --index postgresql://me@coord/archive --shards 4 \\
          --shard-url postgresql://me@shard1/archive --shard-url postgresql://me@shard2/archive
    """
    from searcher.engine.postgres.connect import describe, is_url
    from searcher.errors import QueryError

    if not is_url(index):
        raise QueryError("--index must be a postgresql:// URL (a folder index needs no init)")
    urls = tuple(u for value in shard_urls for u in value.split())
    if not urls:
        if shards not in (None, 1):
            raise QueryError("--shards needs the shard servers (--shard-url)")
        from searcher.engine.postgres.engine import PostgresEngine

        engine = PostgresEngine(index, create=True)
        engine.close()
        emit(f"initialised an index at {describe(index)}")
        return 0
    from searcher.engine.postgres.cluster import init_cluster

    count = init_cluster(index, urls, shards)
    emit(
        f"initialised a sharded index at {describe(index)}: {count} partitions on "
        f"{len(urls)} shard servers"
    )
    return 0


COMMANDS = [engine_group]
