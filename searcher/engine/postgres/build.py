"""Writing a PostgreSQL index: rows staged by this process or copied by parser workers,
published in one transaction at commit."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from searcher.engine.base import Build
from searcher.engine.postgres import schema
from searcher.engine.postgres.analyze import to_row
from searcher.engine.postgres.compile import like_prefix
from searcher.engine.postgres.connect import connect, describe, translated
from searcher.errors import IndexBusyError
from searcher.record import Record

DOCS, WORDS, META = schema.DOCS, schema.WORDS, schema.META
#: The table a full build on one server fills before it takes the documents table's place.
NEXT = DOCS + "_next"
#: Rows buffered before they are copied into the staging table.
COPY_BATCH = 500
#: Name prefix of the unlogged tables parser workers copy a full rebuild's rows into.
STAGE_PREFIX = "searcher_stage_"


def write_stage(target: str, rows: Iterable[dict[str, Any]]) -> tuple[Counter[str], int]:
    """Copy prepared rows into a full build's staging table (in a parser worker).

    Returns the lexicon counts of the rows and how many there were, for the parent's
    :meth:`PostgresBuild.add_segments` and report.
    """
    where = json.loads(target)
    url, table = where["url"], where["table"]
    counts: Counter[str] = Counter()
    n = 0
    conn = connect(url)
    statement = f"COPY {table} ({', '.join(schema.COLUMNS)}) FROM STDIN"
    try:
        with translated(url), conn.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(tuple(row[c] for c in schema.COLUMNS))
                counts.update(row["_words"])
                n += 1
    finally:
        conn.close()
    return counts, n


class PostgresBuild(Build):
    """Rows are copied into staging tables; :meth:`commit` publishes them in one
    transaction, so readers see the old index or the new one, never a mix.

    A full build holds the build lock exclusively; incremental builds share it, so several
    machines may ingest at once, and their commits take turns.  A full build's parser
    workers copy their rows themselves (:meth:`shard_target`, :func:`write_stage`) into
    one unlogged table, so the rows never pass through the parent; one left by a crashed
    build is dropped by the next full build.
    """

    preparer = staticmethod(to_row)

    def __init__(self, url: str, *, full: bool, wait: bool) -> None:
        self.url = url
        self.full = full
        self._wait = wait
        self.cleaned: tuple[str, ...] = ()
        self._buffer: list[dict[str, Any]] = []
        self._words: Counter[str] = Counter()
        self._deleted: list[str] = []
        self._stage: str | None = None
        self._done = False
        self.upgraded = False
        self._copies: dict[str, list[str]] | None = None
        self._pages: dict[str, Any] | None = None
        self._regroup: tuple[list[str], list[dict[str, Any]]] | None = None
        self._conn = connect(url)
        try:
            with translated(url):
                self._lock()
                if full:
                    self._drop_stale_stages()
                self._conn.execute(
                    f"CREATE TEMP TABLE stage (seq bigserial, {schema.docs_columns()})"
                )
                self._conn.execute("CREATE TEMP TABLE stage_deleted (path text)")
        except BaseException:
            self.abort()
            raise

    def _lock(self) -> None:
        shared = "" if self.full else "_shared"
        if self._wait:
            self._conn.execute(f"SELECT pg_advisory_lock{shared}(%s)", (schema.BUILD_LOCK,))
            return
        got = self._conn.execute(
            f"SELECT pg_try_advisory_lock{shared}(%s)", (schema.BUILD_LOCK,)
        ).fetchone()[0]
        if not got:
            raise IndexBusyError(
                f"index at {describe(self.url)} is busy: another build holds it"
                + (" (a full rebuild)" if not self.full else "")
            )

    def _drop_stale_stages(self) -> None:
        """Drop staging tables of crashed full builds (none can be running: we hold the
        build lock exclusively)."""
        stale = self._conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            " AND tablename LIKE %s",
            (like_prefix(STAGE_PREFIX),),
        ).fetchall()
        for (table,) in stale:
            self._conn.execute(f'DROP TABLE IF EXISTS "{table}"')

    def shard_target(self) -> str | None:
        """For a full build: a staging table that parser workers copy rows into."""
        if not self.full:
            return None
        if self._stage is None:
            table = f"{STAGE_PREFIX}{uuid.uuid4().hex[:16]}"
            with translated(self.url):
                self._conn.execute(f"CREATE UNLOGGED TABLE {table} ({schema.docs_columns()})")
            self._stage = table
        return json.dumps({"url": self.url, "table": self._stage})

    write_shard = staticmethod(write_stage)

    def add_segments(self, segments: Iterable[Any]) -> None:
        """Take in the lexicon counts :func:`write_stage` returned from each worker."""
        for counts in segments:
            if counts:
                self._words.update(counts)

    def known_hashes(self) -> dict[str, str]:
        if self.full:
            return {}
        with translated(self.url):
            return dict(self._conn.execute(f"SELECT path, content_hash FROM {DOCS}").fetchall())

    def _meta_json(self, key: str) -> dict[str, Any]:
        if self.full:
            return {}
        with translated(self.url):
            value = schema.meta(self._conn, key)
        return json.loads(value) if value is not None else {}

    def known_copies(self) -> dict[str, list[str]]:
        """Path -> [content hash, path of the record holding it] of merged pages."""
        return self._meta_json("copies")

    def remember_copies(self, copies: dict[str, list[str]]) -> None:
        self._copies = dict(copies)

    def known_pages(self) -> dict[str, Any]:
        """What the index remembers of each page (see ``searcher.regroup``)."""
        return self._meta_json("pages")

    def remember_pages(self, pages: dict[str, Any], copies: dict[str, list[str]]) -> None:
        self._pages, self._copies = pages, dict(copies)

    def regroup(self, drop: list[str], rows: list[dict[str, Any]]) -> None:
        """At commit, after everything added: remove the rows of ``drop`` and add ``rows``
        (copies merged into one record, ids made distinct)."""
        self._regroup = (list(drop), list(rows))
        for row in rows:
            self._words.update(row["_words"])

    def previous_hashes(self) -> dict[str, str]:
        """Path -> content hash of the records the index holds, in a full build too (a page
        that fails keeps its last good record either way)."""
        if self.upgraded:
            return {}
        with translated(self.url):
            return dict(self._conn.execute(f"SELECT path, content_hash FROM {DOCS}").fetchall())

    def stored_record(self, path: str) -> Record | None:
        """The record the index holds for the page at ``path``, if any (until commit, a
        full build's too)."""
        if self.upgraded:
            return None
        with translated(self.url):
            row = self._conn.execute(
                f"SELECT record FROM {DOCS} WHERE path = %s", (path,)
            ).fetchone()
        return Record.from_dict(row[0]) if row else None

    def add(self, records: Iterable[Record]) -> int:
        return self.add_prepared(to_row(r) for r in records)

    def add_prepared(self, rows: Iterable[dict[str, Any]]) -> int:
        """Add rows made by :attr:`preparer` (replacing any of the same path on commit)."""
        n = 0
        for row in rows:
            self._buffer.append(row)
            self._words.update(row["_words"])
            n += 1
            if len(self._buffer) >= COPY_BATCH:
                self._flush()
        return n

    def _flush(self) -> None:
        if not self._buffer:
            return
        columns = schema.COLUMNS
        statement = f"COPY stage ({', '.join(columns)}) FROM STDIN"
        with translated(self.url), self._conn.cursor() as cur, cur.copy(statement) as copy:
            for row in self._buffer:
                copy.write_row(tuple(row[c] for c in columns))
        self._buffer.clear()

    def delete(self, paths: Iterable[str]) -> int:
        paths = list(paths)
        self._deleted.extend(paths)
        if self.full or not paths:
            return 0
        with translated(self.url):
            return self._conn.execute(
                f"SELECT count(*) FROM {DOCS} WHERE path = ANY(%s)", (paths,)
            ).fetchone()[0]

    def commit(self, report: Any) -> None:
        self._flush()
        as_dict = report.to_dict() if hasattr(report, "to_dict") else dict(report or {})
        cols = ", ".join(schema.COLUMNS)
        with translated(self.url):
            with self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema.COMMIT_LOCK,))
                if self._deleted:
                    with self._conn.cursor().copy("COPY stage_deleted FROM STDIN") as copy:
                        for path in self._deleted:
                            copy.write_row((path,))
                anew = self.full and self._single()
                table = NEXT if anew else DOCS
                if anew:
                    self._conn.execute(f"DROP TABLE IF EXISTS {NEXT}")
                    for statement in schema.docs_table(NEXT):
                        self._conn.execute(statement)
                elif self.full:
                    self._conn.execute(f"DELETE FROM {DOCS}")
                else:
                    self._conn.execute(
                        f"DELETE FROM {DOCS} WHERE path IN"
                        " (SELECT path FROM stage_deleted UNION SELECT path FROM stage)"
                    )
                if self.full:
                    self._conn.execute(f"DELETE FROM {WORDS}")
                self._conn.execute(
                    f"INSERT INTO {table} ({cols}) SELECT {cols} FROM"
                    f" (SELECT DISTINCT ON (path) * FROM stage ORDER BY path, seq DESC) AS s"
                )
                if self._stage is not None:
                    self._conn.execute(
                        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {self._stage}"
                    )
                    self._conn.execute(f"DROP TABLE {self._stage}")
                if self._words:
                    self._add_words()
                if self._regroup is not None:
                    self._apply_regroup(table, *self._regroup)
                if anew:
                    self._replace_table()
                built = datetime.now(UTC).isoformat(timespec="seconds")
                self._conn.execute(
                    f"INSERT INTO {META} VALUES ('built_at', %s), ('report', %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (built, json.dumps(as_dict, default=list)),
                )
                kept = {
                    "schema_version": schema.SCHEMA_VERSION,
                    schema.GENERATION: uuid.uuid4().hex,
                }
                if self._copies is not None:
                    kept["copies"] = json.dumps(self._copies)
                if self._pages is not None:
                    kept["pages"] = json.dumps(self._pages)
                # one plain text parameter per value: a large value inside an array
                # parameter costs the client many times its size (395 MB for 23 MB)
                self._conn.cursor().executemany(
                    f"INSERT INTO {META} VALUES (%s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    list(kept.items()),
                )
            # a new table's visibility map lets counts skip its all-visible pages' rows;
            # after an incremental build autovacuum analyses the table when enough changed
            if self.full:
                self._conn.execute(f"{'VACUUM (ANALYZE)' if anew else 'ANALYZE'} {DOCS}")
        self._done = True
        self._conn.close()

    def _add_words(self) -> None:
        """Add this build's document counts per word, streamed (COPY) rather than as arrays."""
        self._conn.execute("CREATE TEMP TABLE stage_words (word text, ndoc int) ON COMMIT DROP")
        with self._conn.cursor().copy("COPY stage_words FROM STDIN") as copy:
            for item in self._words.items():
                copy.write_row(item)
        self._conn.execute(
            f"INSERT INTO {WORDS} (word, ndoc) SELECT word, ndoc FROM stage_words ORDER BY word"
            f" ON CONFLICT (word) DO UPDATE SET ndoc = {WORDS}.ndoc + excluded.ndoc"
        )

    def _single(self) -> bool:
        """Whether the index lives on one server (not laid out over shards)."""
        return schema.meta(self._conn, "layout") in (None, "single")

    def _replace_table(self) -> None:
        """Within a full build's commit, on one server: the new documents table, filled,
        gets its indexes (built at once, not row by row) and takes the old one's place,
        with this version's columns and the tsv index the server can have.  Readers wait
        only for the swap at the end of the transaction."""
        rum = schema.has_rum(self._conn)
        for statement in schema.docs_indexes(NEXT, rum):
            self._conn.execute(statement)
        self._conn.execute(f"DROP TABLE IF EXISTS {DOCS}")
        self._conn.execute(f"ALTER TABLE {NEXT} RENAME TO {DOCS}")
        indexes = self._conn.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
            " AND tablename = %s",
            (DOCS,),
        ).fetchall()
        for (name,) in indexes:
            if name.startswith(NEXT):
                self._conn.execute(f"ALTER INDEX {name} RENAME TO {DOCS}{name.removeprefix(NEXT)}")
        self._conn.execute(
            f"INSERT INTO {META} VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (schema.RANKING, schema.RUM if rum else "gin"),
        )

    def _apply_regroup(self, table: str, drop: list[str], rows: list[dict[str, Any]]) -> None:
        """Within the commit: the rows of ``drop`` removed from ``table``, ``rows`` added."""
        cols = ", ".join(schema.COLUMNS)
        self._conn.execute(f"DELETE FROM {table} WHERE path = ANY(%s)", (drop,))
        self._conn.execute("TRUNCATE stage")
        with self._conn.cursor().copy(f"COPY stage ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(row[c] for c in schema.COLUMNS))
        self._conn.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM"
            f" (SELECT DISTINCT ON (path) * FROM stage ORDER BY path, seq DESC) AS s"
        )

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        if self._stage is not None and not self._conn.closed:
            with contextlib.suppress(Exception):
                self._conn.execute(f"DROP TABLE IF EXISTS {self._stage}")
        self._conn.close()  # temporary tables and session locks go with the session


__all__: Sequence[str] = ("PostgresBuild", "write_stage")
