"""The PostgreSQL engine: one server, or a coordinator over shard servers (see cluster)."""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from searcher.analysis import FACET_FIELDS
from searcher.engine import assemble
from searcher.engine.base import Build, Engine, SearchRequest, Stats
from searcher.engine.postgres import facets as facet_map
from searcher.engine.postgres import fanout, schema, similar
from searcher.engine.postgres.analyze import RANK_WEIGHTS
from searcher.engine.postgres.build import PostgresBuild, write_stage
from searcher.engine.postgres.companion import BEGIN, Companion, begin_shared
from searcher.engine.postgres.compile import Compiled, compile_query, like_prefix
from searcher.engine.postgres.connect import connect, describe, translated
from searcher.errors import (
    IndexFormatError,
    IndexMissingError,
)
from searcher.query.ast import MatchAll, Node
from searcher.record import Record
from searcher.results import FacetCount, Hit, Results

DOCS, WORDS, META = schema.DOCS, schema.WORDS, schema.META
_ORDER = {
    "date": "date_start ASC NULLS LAST, path",
    "-date": "date_start DESC NULLS LAST, path",
}
#: Session settings of a reader.  A filter on ``tsv`` reads each row's whole tsvector out of
#: line, which the planner does not weigh: it is told to prefer an index to a full scan.
_SESSION = (
    "SET pg_trgm.similarity_threshold = 0.3",
    "SET enable_partitionwise_aggregate = on",
    "SET enable_seqscan = off",
    "SET work_mem = '64MB'",
)
#: Rows beyond a page that RUM's ordered scan hands over, so that ties at the page's edge
#: are broken by path as without it.
_TIES = 20
#: What a search counts of its matches in each table: their number; with facet counts, their
#: paths too, joined by newlines (text is built and read faster than an array of 77,000).
_TOTAL = "count(*)"
_PATHS = "count(*), string_agg(path, E'\\n')"
#: Indexes already said to rank without RUM (said once per process and index).
_SAID: set[str] = set()
Rows = fanout.Rows


class SqlLexicon:
    """The unstemmed words table, for wildcards and fuzzy words, and the keyword values
    (``searcher.query.plan.Lexicon``)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def matching(self, pattern: str, limit: int) -> list[str]:
        like = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = like.replace("*", "%").replace("?", "_")
        rows = self.conn.execute(
            f"SELECT word FROM {WORDS} WHERE word LIKE %s ORDER BY word LIMIT %s", (like, limit)
        )
        return [r[0] for r in rows]

    def near(self, word: str, distance: int, field: str | None = None) -> list[str]:
        """Words of the text fields within ``distance`` edits (for a keyword field too:
        the words of keyword values have no table of their own)."""
        if distance <= 0:
            return []
        rows = self.conn.execute(
            f"SELECT word FROM {WORDS} WHERE (word %% %s OR word LIKE %s)"
            " AND length(word) BETWEEN %s AND %s"
            " AND levenshtein_less_equal(word, %s, %s) <= %s ORDER BY word",
            (word, like_prefix(word[:1]), len(word) - distance, len(word) + distance)
            + (word, distance, distance),
        )
        return [r[0] for r in rows if r[0] != word]

    def has_value(self, field: str, value: str) -> bool:
        row = self.conn.execute(
            f"SELECT EXISTS (SELECT 1 FROM {DOCS} WHERE keys @> ARRAY[%s])",
            (f"{field}:{value.lower()}",),
        ).fetchone()
        return bool(row and row[0])


class PostgresEngine(Engine):
    """An index in a PostgreSQL database named by a URL."""

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.url = url
        self.location = describe(url)
        self._lock = threading.RLock()
        self._conn = connect(url)
        with translated(url):
            for setting in _SESSION:
                self._conn.execute(setting)
            version = self._version()
            #: An index of another schema: a build rebuilds it in full.
            self.outdated = version is not None and version != schema.SCHEMA_VERSION
            if version is None:
                if not create:
                    self._conn.close()
                    raise IndexMissingError(f"no index at {self.location}: run `search rebuild`")
                self._create()
            elif self.outdated and not create:
                self._conn.close()
                raise IndexFormatError(
                    f"index at {self.location} has schema {version}, this version reads "
                    f"{schema.SCHEMA_VERSION}: run `search rebuild --full` (a plain"
                    " `search rebuild` also rebuilds it in full)"
                )
            #: Whether ``tsv`` has a RUM index: matches are ranked in it.
            self.rum = self._meta(schema.RANKING) == schema.RUM
            #: The tables a page is ranked in: each partition of a sharded index apart.
            self._tables: tuple[str, ...] = tuple(
                r[0]
                for r in self._conn.execute(
                    "SELECT inhrelid::regclass::text FROM pg_inherits"
                    " WHERE inhparent = to_regclass(%s) ORDER BY 1",
                    (DOCS,),
                )
            ) or (DOCS,)
        if not self.rum and not self.outdated and self.location not in _SAID:
            _SAID.add(self.location)
            print(
                f"searcher: {self.location}: ranking without the rum extension reads every"
                " match (slower); install it on the server (Debian: postgresql-<version>-rum)"
                " and run `search rebuild --full`",
                file=sys.stderr,
            )
        self.lexicon = SqlLexicon(self._conn)
        #: Every document's facet values, at the generation last searched.
        self._facets: facet_map.FacetMap | None = None
        #: Counts a search's matches while this session ranks its page (not on a standby,
        #: which cannot export a snapshot).
        self._companion: Companion | None = None
        if not self.outdated and not self._conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
            self._companion = Companion(url, _SESSION)
        #: A sharded index's shard servers, read directly (None: through the coordinator).
        self._fanout: fanout.Fanout | None = None
        if not self.outdated and self._tables != (DOCS,):
            with translated(url):
                found = fanout.shards(self._conn)
            if found:
                self._fanout = fanout.Fanout(found, _SESSION)

    # -- schema --------------------------------------------------------------------------
    def _version(self) -> str | None:
        exists = self._conn.execute("SELECT to_regclass(%s) IS NOT NULL", (META,)).fetchone()
        if not exists or not exists[0]:
            return None
        return self._meta("schema_version") or "0"

    def _meta(self, key: str) -> str | None:
        return schema.meta(self._conn, key)

    def _create(self) -> None:
        rum = schema.has_rum(self._conn)
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema.COMMIT_LOCK,))
            for statement in schema.single_schema(rum):
                self._conn.execute(statement)
            self._conn.execute(
                f"INSERT INTO {META} VALUES ('schema_version', %s), ('layout', 'single'),"
                " (%s, %s) ON CONFLICT (key) DO NOTHING",
                (schema.SCHEMA_VERSION, schema.RANKING, schema.RUM if rum else "gin"),
            )

    def close(self) -> None:
        with self._lock:
            if self._companion is not None:
                self._companion.close()
            if self._fanout is not None:
                self._fanout.close()
            self._conn.close()

    # -- reading -------------------------------------------------------------------------
    def _compile(self, node: Node | None, filt: Node | None = None) -> Compiled:
        main = compile_query(node or MatchAll(), self.lexicon)
        if filt is None or isinstance(filt, MatchAll):
            return main
        extra = compile_query(filt, self.lexicon)
        return Compiled(
            f"({main.where}) AND ({extra.where})",
            main.params + extra.params,
            main.rank,
            main.highlight,
        )

    def search(self, request: SearchRequest) -> Results:
        facets = assemble.checked(request)
        with self._lock, translated(self.url), self._transaction() as snapshot:
            return self._search(request, facets, snapshot)

    def _transaction(self) -> contextlib.AbstractContextManager[str]:
        """A search's transaction on this session, its snapshot shared with the companion
        that counts.  Read on its shards, a sharded index needs none here: this session
        only compiles the query (its words) and reads the facet values' generation."""
        if self._fanout is not None:
            return contextlib.nullcontext("")
        return _reading(self._conn, self._companion is not None)

    def _search(self, request: SearchRequest, facets: tuple[str, ...], snapshot: str) -> Results:
        c = self._compile(request.node, request.filter)
        values = self._facet_map() if facets else None
        what = _PATHS if facets else _TOTAL
        hits: list[Hit] = []
        if not request.limit:
            rows = self._rows(c, what)
        elif self._fanout is not None:
            rows, hits = self._fanned(c, request, what)
        elif self._companion is None:
            rows = _per_table(self._conn, what, self._tables, c)
            if sum(r[0] for r in rows) > (request.page - 1) * request.limit:
                hits = self._page(c, request)
        else:
            counted = self._companion.start(
                self._conn, lambda conn: _per_table(conn, what, self._tables, c), snapshot
            )
            try:
                hits = self._page(c, request)
            except BaseException:
                counted.exception()  # waited for; the page's error is the one to tell
                raise
            rows = counted.result()
        total, counts = self._counted(rows, values, facets, c)
        return assemble.results(request, total, hits, counts, self._closest)

    def _score(self, c: Compiled) -> tuple[str, str, tuple[Any, ...]]:
        """The score of a match, the direction that puts the best first, and the score's
        parameters: RUM's distance (served in its index's order), or ``ts_rank``."""
        if c.rank is None:
            return "0.0", "ASC", ()
        if self.rum:
            return "tsv <=> %s::tsquery", "ASC", (c.rank,)
        return f"ts_rank('{RANK_WEIGHTS}', tsv, %s::tsquery, 1)", "DESC", (c.rank,)

    def _ranked(
        self, conn: Any, tables: tuple[str, ...], c: Compiled, request: SearchRequest
    ) -> Rows:
        """The best matches in ``tables`` up to the page's end, as (path, date_start,
        score) in the page's order.  RUM hands matches over in its order and cannot break
        ties too, so it is asked for a few more rows, whose ties are then broken by path.
        Sharded, each partition is asked apart, so that its shard ranks and cuts its own."""
        score, direction, params = self._score(c)
        order = _ORDER.get(request.sort) or (
            f"score {direction}, path" if c.rank is not None else "path"
        )
        first, extra = order, 0
        if self.rum and c.rank is not None and request.sort not in _ORDER:
            first, extra = "score", _TIES
        end = request.page * request.limit + extra
        arms = " UNION ALL ".join(
            f"(SELECT path, date_start, {score} AS score FROM {table} WHERE {c.where}"
            f" ORDER BY {first} LIMIT %s)"
            for table in tables
        )
        return conn.execute(
            f"SELECT path, date_start, score FROM ({arms}) AS p ORDER BY {order} LIMIT %s",
            (*params, *c.params, end) * len(tables) + (end,),
        ).fetchall()

    def _page(self, c: Compiled, request: SearchRequest) -> list[Hit]:
        """A page of hits: the paths up to the page's end in order, then the page's records."""
        offset = (request.page - 1) * request.limit
        ranked = self._ranked(self._conn, self._tables, c, request)[offset : offset + request.limit]
        records = dict(_records(self._conn, (DOCS,), [row[0] for row in ranked]))
        return self._hits(request, [(row, records[row[0]]) for row in ranked])

    def _fanned(self, c: Compiled, request: SearchRequest, what: str) -> tuple[Rows, list[Hit]]:
        """The count rows and the page of a sharded index, read on every shard at once."""
        assert self._fanout is not None
        offset = (request.page - 1) * request.limit
        _, direction, _ = self._score(c)
        key = _merge_key(request.sort, c.rank is not None, direction)

        def choose(ranked: list[Rows]) -> list[tuple[int, tuple[Any, ...]]]:
            rows = [(s, row) for s, part in enumerate(ranked) for row in part]
            rows.sort(key=lambda pair: key(pair[1]))
            return rows[offset : offset + request.limit]

        rows, page = self._fanout.read(
            lambda conn, tables: _per_table(conn, what, tables, c),
            lambda conn, tables: self._ranked(conn, tables, c, request),
            _records,
            choose,
            end if (end := request.page * request.limit) <= fanout.AHEAD else 0,
        )
        return rows, self._hits(request, page)

    def _hits(self, request: SearchRequest, page: list[tuple[tuple[Any, ...], Any]]) -> list[Hit]:
        marker = assemble.marker(request)
        return [
            assemble.hit(Record.from_dict(json.loads(record)), self._shown(float(row[2])), marker)
            for row, record in page
        ]

    def _shown(self, score: float) -> float:
        """A hit's score, higher for better matches (RUM gives a distance)."""
        if not self.rum:
            return score
        return 1.0 / score if score > 0 else 0.0

    def _count(
        self, c: Compiled, facets: tuple[str, ...]
    ) -> tuple[int, dict[str, tuple[FacetCount, ...]]]:
        """The total and the facet counts of the matches (within a transaction): with
        facets, the matches' paths, whose values the facet map counts."""
        values = self._facet_map() if facets else None
        return self._counted(self._rows(c, _PATHS if facets else _TOTAL), values, facets, c)

    def _rows(self, c: Compiled, what: str) -> Rows:
        """``what`` of :func:`_per_table` over the matches: on the shards where it can."""
        if self._fanout is not None:
            return self._fanout.count(lambda conn, tables: _per_table(conn, what, tables, c))
        return _per_table(self._conn, what, self._tables, c)

    def _facet_map(self) -> facet_map.FacetMap:
        """Every document's facet values at the generation of this transaction."""
        generation = self._meta(schema.GENERATION) or ""
        if self._facets is None or self._facets.generation != generation:
            self._facets = None  # the old map goes before the new one is loaded
            self._facets = facet_map.load(self._conn, generation)
        return self._facets

    def _counted(
        self,
        rows: list[tuple[Any, ...]],
        values: facet_map.FacetMap | None,
        facets: tuple[str, ...],
        c: Compiled,
    ) -> tuple[int, dict[str, tuple[FacetCount, ...]]]:
        """The total and facet counts from :func:`_per_table`'s rows: counts, and with
        ``values`` to count facets by, the paths joined by newlines.  A path with a newline
        in it (the count of the paths tells) has them asked for again as an array."""
        total = sum(row[0] for row in rows)
        if values is None:
            return total, {}
        paths = [p for n, joined in rows if n for p in joined.split("\n")]
        if len(paths) != total:
            arrays = _per_table(self._conn, "array_agg(path)", self._tables, c)
            paths = [p for (part,) in arrays for p in part or ()]
        return total, values.counts(paths, facets)

    def get(self, id: str) -> Record | None:
        with self._lock, translated(self.url):
            row = self._conn.execute(
                f"SELECT record FROM {DOCS} WHERE id = %s ORDER BY path LIMIT 1", (id,)
            ).fetchone()
        return Record.from_dict(row[0]) if row else None

    def facet_counts(self, field: str, node: Node | None = None) -> tuple[FacetCount, ...]:
        name = assemble.facet_field(field)
        with self._lock, translated(self.url), _reading(self._conn):
            return self._count(self._compile(node), (name,))[1][name]

    def iter_records(
        self, node: Node | None = None, sort: str | None = None, filter: Node | None = None
    ) -> Iterator[Record]:
        if sort is not None:
            assemble.check_sort(sort)
        with self._lock, translated(self.url):
            c = self._compile(node, filter)
        order, params = "path", c.params
        if sort == "relevance" and c.rank is not None:  # as _page ranks a search's hits
            score, direction, extra = self._score(c)
            order, params = f"{score} {direction}, path", (*params, *extra)
        conn = connect(self.url, autocommit=False)
        try:
            with translated(self.url), conn.cursor(name=f"searcher_{uuid.uuid4().hex}") as cur:
                cur.itersize = 500
                order = _ORDER.get(sort or "", order)
                cur.execute(f"SELECT record FROM {DOCS} WHERE {c.where} ORDER BY {order}", params)
                for (data,) in cur:
                    yield Record.from_dict(data)
        finally:
            conn.close()

    def similar(self, id: str, limit: int = 10) -> Results:
        record = self.get(id)
        if record is None:
            return assemble.similar_results(id, limit)
        with self._lock, translated(self.url):
            rows, total = similar.ranked(self._conn, DOCS, WORDS, record, limit)
        hits = [assemble.hit(Record.from_dict(d), s) for d, s in rows]
        return assemble.similar_results(id, limit, hits, total)

    def suggest(self, text: str) -> str | None:
        with self._lock, translated(self.url):
            return assemble.suggest(text, self._closest)

    def _closest(self, word: str, distance: int, prefix: int) -> str | None:
        """The nearest, then most frequent, lexicon word within ``distance`` edits that
        shares the word's first ``prefix`` letters; None when the word is known."""
        row = self._conn.execute(
            f"SELECT word, levenshtein_less_equal(word, %s, %s) AS d FROM {WORDS}"
            " WHERE word LIKE %s AND length(word) BETWEEN %s AND %s"
            " AND levenshtein_less_equal(word, %s, %s) <= %s"
            " ORDER BY d, ndoc DESC, word LIMIT 1",
            (
                word,
                distance,
                like_prefix(word[:prefix]),
                len(word) - distance,
                len(word) + distance,
                word,
                distance,
                distance,
            ),
        ).fetchone()
        if row is None or row[1] == 0:
            return None
        return row[0]

    def stats(self) -> Stats:
        with self._lock, translated(self.url), _reading(self._conn):
            documents, dmin, dmax = self._conn.execute(
                f"SELECT count(*), min(date_start), max(date_end) FROM {DOCS}"
            ).fetchone()
            facets = {
                name: self._conn.execute(
                    f"SELECT count(DISTINCT v) FROM {DOCS}, unnest({name}) AS v"
                ).fetchone()[0]
                for name in FACET_FIELDS
            }
            meta = dict(self._conn.execute(f"SELECT key, value FROM {META}").fetchall())
            size = self._conn.execute(
                "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM"
                " (SELECT relid FROM pg_partition_tree(%s::regclass)"
                "  UNION SELECT %s::regclass) AS t JOIN pg_class c ON c.oid = t.relid"
                " WHERE c.relkind IN ('r', 'm')",
                (DOCS, DOCS),
            ).fetchone()[0]
            size += self._conn.execute(
                "SELECT pg_total_relation_size(%s::regclass)", (WORDS,)
            ).fetchone()[0]
        report = json.loads(meta["report"]) if "report" in meta else None
        failed = tuple(tuple(item) for item in (report or {}).get("failed", ()))
        return Stats(
            documents=documents,
            facets=facets,
            date_min=dmin.isoformat() if dmin else None,
            date_max=dmax.isoformat() if dmax else None,
            size_bytes=int(size),
            built_at=meta.get("built_at"),
            report=report,
            failed=failed,  # type: ignore[arg-type]
            location=self.location,
        )

    # -- writing -------------------------------------------------------------------------
    def begin_build(self, full: bool, *, wait: bool = False) -> Build:
        """A build; into an empty index always a full one, which builds the indexes at once
        (a RUM index filled row by row takes ten times as long)."""
        with self._lock, translated(self.url):
            empty = (
                not self.outdated
                and not self._conn.execute(f"SELECT EXISTS (SELECT 1 FROM {DOCS})").fetchone()[0]
            )
        build = PostgresBuild(self.url, full=full or self.outdated or empty, wait=wait)
        build.upgraded = self.outdated
        return build


def _per_table(
    conn: Any, aggregate: str, tables: tuple[str, ...], c: Compiled
) -> list[tuple[Any, ...]]:
    """``aggregate`` over the matches of each table a page is ranked in, one row each:
    sharded, each partition's aggregate is shipped to its shard (postgres_fdw does not
    push an aggregate over the partitioned table down) and the shards answer at once."""
    arms = " UNION ALL ".join(
        f"(SELECT {aggregate} FROM {table} WHERE {c.where})" for table in tables
    )
    return conn.execute(arms, c.params * len(tables)).fetchall()


@contextlib.contextmanager
def _reading(conn: Any, shared: bool = False) -> Iterator[str]:
    """A repeatable-read, read-only transaction of ``conn`` (autocommit); with ``shared``,
    its snapshot exported for a second session (its name is yielded), in the same round
    trip.  Ended by a rollback: nothing was written."""
    snapshot = begin_shared(conn) if shared else ""
    if not shared:
        conn.execute(BEGIN)
    try:
        yield snapshot
    finally:
        if not conn.closed:
            conn.execute("ROLLBACK")


def _records(conn: Any, tables: tuple[str, ...], paths: list[str]) -> Rows:
    """The (path, record) rows of ``paths`` in ``tables``, each record as JSON text (read
    only where it is used: a shard may send more than its share of a page)."""
    arms = " UNION ALL ".join(
        f"(SELECT path, record::text FROM {table} WHERE path = ANY(%s))" for table in tables
    )
    return conn.execute(arms, (paths,) * len(tables)).fetchall()


def _merge_key(sort: str | None, ranked: bool, direction: str) -> Callable[[tuple[Any, ...]], Any]:
    """How rows of (path, date_start, score) from several shards are put in one order:
    the order of ``_ORDER`` or of the score, ties broken by path."""
    if sort in ("date", "-date"):
        sign = 1 if sort == "date" else -1
        return lambda r: (r[1] is None, sign * r[1].toordinal() if r[1] else 0, r[0])
    if ranked:
        sign = 1 if direction == "ASC" else -1
        return lambda r: (sign * r[2], r[0])
    return lambda r: r[0]


__all__: Sequence[str] = (
    "PostgresBuild",
    "PostgresEngine",
    "write_stage",
)
