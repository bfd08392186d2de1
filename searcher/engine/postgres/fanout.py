"""A sharded index read on its shard servers directly, all shards at once.

Through postgres_fdw the coordinator cannot have a shard compute RUM's score: each shard
sends its best rows' whole ``tsv`` and the coordinator scores them.  A reader that finds
the shard servers in the coordinator's catalog (its foreign servers and the user's
mappings) asks each shard itself instead: the shard ranks its partitions in their RUM
index's order, counts its matches in a second session on the same snapshot, and sends its
page's records; the reader merges the shards' best rows (their scores are comparable: a
match's score depends on its own document only) and adds their counts.

Each shard is read in one repeatable-read transaction, so its page and its count agree.
The shards' transactions are not one snapshot (postgres_fdw's are not either): a build
committing while a search starts can be seen on one shard and not yet on another.
``SEARCHER_PG_FANOUT=off`` reads through the coordinator as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from psycopg.pq import TransactionStatus

from searcher.engine.postgres import schema
from searcher.engine.postgres.companion import BEGIN, Companion, begin_shared
from searcher.engine.postgres.connect import connect, translated

FANOUT_ENV = "SEARCHER_PG_FANOUT"
#: The server options of postgres_fdw that are connection parameters.
_CONNECTION = ("host", "hostaddr", "port", "dbname", "sslmode", "sslcert", "sslkey", "sslrootcert")
_IN_URL = ("host", "hostaddr", "port", "dbname")

Rows = list[tuple[Any, ...]]
T = TypeVar("T")
#: The furthest page end whose records the shards send with their best rows, in one step
#: (a shard sends up to this many records, of which the page keeps its share).
AHEAD = 30


@dataclass
class Shard:
    """One shard server and the partitions of the documents table it holds."""

    url: str
    tables: tuple[str, ...]
    conn: Any = None
    companion: Companion | None = None


def shards(conn: Any) -> list[Shard] | None:
    """The shard servers of the coordinator ``conn`` with their partitions, or None when
    the documents table has no foreign partitions or $SEARCHER_PG_FANOUT is ``off``.  The
    login is the user mapping's, as postgres_fdw's: the user's own, else PUBLIC's."""
    if os.environ.get(FANOUT_ENV, "").lower() in ("off", "0", "no", "false"):
        return None
    rows = conn.execute(
        "SELECT s.srvname, s.srvoptions, u.umoptions, ft.ftoptions, current_user"
        " FROM pg_inherits i JOIN pg_foreign_table ft ON ft.ftrelid = i.inhrelid"
        " JOIN pg_foreign_server s ON s.oid = ft.ftserver"
        " LEFT JOIN LATERAL (SELECT umoptions FROM pg_user_mappings WHERE srvid = s.oid"
        "  AND usename IN (current_user, 'public') ORDER BY usename = 'public' LIMIT 1) u"
        "  ON true WHERE i.inhparent = to_regclass(%s)"
        " ORDER BY s.srvname, i.inhrelid::regclass::text",
        (schema.DOCS,),
    ).fetchall()
    found: dict[str, Shard] = {}
    for server, options, mapping, table_options, user in rows:
        remote = _options(table_options)
        if "table_name" not in remote:
            return None
        table = remote["table_name"]
        if "schema_name" in remote:
            table = f'"{remote["schema_name"]}"."{table}"'
        if server not in found:
            # postgres_fdw connects as the coordinator's user where the mapping names none
            login = {"user": user, **_options(mapping)}
            found[server] = Shard(_url(_options(options), login), ())
        found[server].tables += (table,)
    return list(found.values()) or None


def _options(options: Sequence[str] | None) -> dict[str, str]:
    return dict(o.split("=", 1) for o in options or ())


def _url(server: dict[str, str], login: dict[str, str]) -> str:
    """A postgresql:// URL of a foreign server's connection options and a user mapping's
    login (a URL, so that messages name the shard as they name any server)."""
    user = quote(login.get("user", ""), safe="")
    if "password" in login:
        user += ":" + quote(login["password"], safe="")
    host = server.get("host") or server.get("hostaddr") or "localhost"
    # a socket folder is quoted whole; an IPv6 address goes in brackets
    where = quote(host, safe="") if host.startswith("/") else f"[{host}]" if ":" in host else host
    if "port" in server:
        where += f":{server['port']}"
    rest = {k: v for k, v in server.items() if k in _CONNECTION and k not in _IN_URL}
    query = f"?{urlencode(rest)}" if rest else ""
    return (
        f"postgresql://{user}{'@' if user else ''}{where}/{quote(server.get('dbname', ''))}{query}"
    )


class Fanout:
    """Reader sessions on every shard server, and the threads that work them at once."""

    def __init__(self, found: list[Shard], settings: tuple[str, ...]) -> None:
        self.shards = found
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=len(found), thread_name_prefix="searcher-shard")

    def count(self, count: Callable[[Any, tuple[str, ...]], Rows]) -> Rows:
        """Every shard's ``count`` rows."""
        return self.read(count, None, lambda *_: [], lambda _: [])[0]

    def read(
        self,
        count: Callable[[Any, tuple[str, ...]], Rows],
        rank: Callable[[Any, tuple[str, ...]], Rows] | None,
        records: Callable[[Any, tuple[str, ...], list[str]], Rows],
        choose: Callable[[list[Rows]], list[tuple[int, tuple[Any, ...]]]],
        ahead: int = 0,
    ) -> tuple[Rows, list[tuple[tuple[Any, ...], Any]]]:
        """Every shard's ``count`` rows, and the page: ``rank`` on each shard (its rows
        counted in a second session meanwhile), ``choose`` picking the page's rows from
        them as (shard number, row), and ``records`` giving those rows' (path, record).
        Each shard is read in one repeatable-read transaction.  With ``ahead`` (the page's
        end, at most ``AHEAD``), each shard sends the records of its first ``ahead`` rows
        with them, among which are all of its rows on the page, and is done at once;
        otherwise the page's records are asked for once the page is chosen."""
        begun: list[Shard] = []
        try:
            first = self._each(
                lambda s: self._first(self.shards[s], begun, count, rank, records, ahead)
            )
            counted = [row for rows, _, _ in first for row in rows]
            page = choose([rows for _, rows, _ in first]) if rank is not None else []
            found = {path: record for _, _, sent in first for path, record in sent}
            if begun:
                wanted: dict[int, list[str]] = {}
                for s, row in page:
                    wanted.setdefault(s, []).append(row[0])
                for sent in self._each(
                    lambda s: self._last(self.shards[s], wanted.get(s, []), begun, records)
                ):
                    found.update(sent)
            return counted, [(row, found[row[0]]) for _, row in page]
        finally:
            for shard in begun:  # after a failure
                _end(shard)

    def _each(self, work: Callable[[int], T]) -> list[T]:
        """``work(shard number)`` for every shard at once, in shard order; every one has
        ended before a failure is raised (a shard's session is never used by two at a time)."""
        futures = [self._pool.submit(work, s) for s in range(len(self.shards))]
        wait(futures)
        return [future.result() for future in futures]

    def _first(
        self,
        shard: Shard,
        begun: list[Shard],
        count: Callable[[Any, tuple[str, ...]], Rows],
        rank: Callable[[Any, tuple[str, ...]], Rows] | None,
        records: Callable[[Any, tuple[str, ...], list[str]], Rows],
        ahead: int,
    ) -> tuple[Rows, Rows, Rows]:
        """The shard's count rows, its best rows and, with ``ahead``, their records; its
        transaction is left open only where the page's records are still to be asked."""
        with translated(shard.url):
            conn = self._session(shard)
            if rank is None or shard.companion is None:
                conn.execute(BEGIN)
                begun.append(shard)
                counted = count(conn, shard.tables)
                rows = rank(conn, shard.tables) if rank is not None else []
            else:
                snapshot = begin_shared(conn)
                begun.append(shard)
                counting = shard.companion.start(
                    conn, lambda other: count(other, shard.tables), snapshot
                )
                try:
                    rows = rank(conn, shard.tables)
                except BaseException:
                    counting.exception()
                    raise
                counted = counting.result()
            if rank is not None and not ahead:
                return counted, rows, []
            paths = [row[0] for row in rows[:ahead]]
            sent = records(conn, shard.tables, paths) if paths else []
            conn.execute("ROLLBACK")
        begun.remove(shard)
        return counted, rows, sent

    def _last(
        self,
        shard: Shard,
        paths: list[str],
        begun: list[Shard],
        records: Callable[[Any, tuple[str, ...], list[str]], Rows],
    ) -> Rows:
        """The records of the shard's rows on the page; then its transaction ends."""
        with translated(shard.url):
            rows = records(shard.conn, shard.tables, paths) if paths else []
            shard.conn.execute("ROLLBACK")
        begun.remove(shard)
        return rows

    def _session(self, shard: Shard) -> Any:
        if shard.conn is None or shard.conn.closed:
            shard.conn = connect(shard.url)
            for setting in self.settings:
                shard.conn.execute(setting)
            if not shard.conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                shard.companion = Companion(shard.url, self.settings)
        elif shard.conn.info.transaction_status != TransactionStatus.IDLE:
            shard.conn.execute("ROLLBACK")  # left by an interrupted search
        return shard.conn

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        for shard in self.shards:
            if shard.companion is not None:
                shard.companion.close()
            if shard.conn is not None:
                shard.conn.close()
                shard.conn = None


def _end(shard: Shard) -> None:
    """End a shard's read-only transaction (a lost session is opened again next time)."""
    try:
        if shard.conn is not None and not shard.conn.closed:
            shard.conn.execute("ROLLBACK")
    except Exception:  # noqa: BLE001 - the session is dropped and opened again
        shard.conn.close()
