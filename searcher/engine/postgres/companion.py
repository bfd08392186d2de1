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


class Companion:
    """A lazily opened second session of ``url`` with ``settings``, and its thread."""

    def __init__(self, url: str, settings: tuple[str, ...]) -> None:
        self.url = url
        self.settings = settings
        self._conn: Any = None
        self._pool: ThreadPoolExecutor | None = None

    def start(self, reader: Any, work: Callable[[Any], T]) -> Future[T]:
        """``work(session)`` in the companion thread, in the snapshot of ``reader``'s open
        repeatable-read transaction.  The caller must wait for the result before that
        transaction ends."""
        snapshot = reader.execute("SELECT pg_export_snapshot()").fetchone()[0]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="searcher-pg")
        return self._pool.submit(self._run, snapshot, work)

    def _run(self, snapshot: str, work: Callable[[Any], T]) -> T:
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.url)
            for setting in self.settings:
                self._conn.execute(setting)
        with self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            self._conn.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
            return work(self._conn)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
