"""A second session that reads in the snapshot of a reader's transaction, in a thread.

A search counts its matches and ranks a page of them: two statements that each scan the
index for the same matches.  Run one after the other they cost the sum; run at once on
two sessions (the server has a process for each) they cost about the longer one.  The
companion session imports the reader's snapshot (``pg_export_snapshot`` /
``SET TRANSACTION SNAPSHOT``), so both see the same rows: the total and the page agree as
they do in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from psycopg import sql

from searcher.engine.postgres.connect import connect

T = TypeVar("T")
#: How a reader's transaction begins: one snapshot for all its statements.
BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


def begin_shared(conn: Any) -> str:
    """Begin a reader's transaction on ``conn`` (autocommit) and export its snapshot, in
    one round trip."""
    cur = conn.execute(f"{BEGIN}; SELECT pg_export_snapshot()")
    cur.nextset()
    return str(cur.fetchone()[0])


class Companion:
    """A lazily opened second session of ``url`` with ``settings``, and its thread."""

    def __init__(self, url: str, settings: tuple[str, ...]) -> None:
        self.url = url
        self.settings = settings
        self._conn: Any = None
        self._pool: ThreadPoolExecutor | None = None

    def start(self, reader: Any, work: Callable[[Any], T], snapshot: str = "") -> Future[T]:
        """``work(session)`` in the companion thread, in the snapshot of ``reader``'s open
        repeatable-read transaction (``snapshot``, when the caller has exported it).  The
        caller must wait for the result before that transaction ends."""
        if not snapshot:
            snapshot = reader.execute("SELECT pg_export_snapshot()").fetchone()[0]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="searcher-pg")
        return self._pool.submit(self._run, snapshot, work)

    def _run(self, snapshot: str, work: Callable[[Any], T]) -> T:
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.url)
            for setting in self.settings:
                self._conn.execute(setting)
        self._conn.execute(
            sql.SQL("{}; SET TRANSACTION SNAPSHOT {}").format(sql.SQL(BEGIN), sql.Literal(snapshot))
        )
        try:
            return work(self._conn)
        finally:
            if not self._conn.closed:
                self._conn.execute("ROLLBACK")  # read only: nothing to commit

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
