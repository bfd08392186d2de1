"""The embedded engine: a Whoosh index in generation folders (see ``store``)."""

from __future__ import annotations

import heapq
import operator
import pickle
import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pyroaring import BitMap
from whoosh import scoring
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import FileFormatError
from whoosh.index import EmptyIndexError, Index
from whoosh.index import IndexError as WhooshIndexError

from searcher.analysis import FACET_FIELDS
from searcher.engine import assemble, store
from searcher.engine.base import Build, Engine, SearchRequest, Stats
from searcher.engine.similar import key_terms
from searcher.engine.whoosh import generations, similar
from searcher.engine.whoosh.cache import ReaderCache
from searcher.engine.whoosh.compile import CacheLexicon
from searcher.engine.whoosh.matching import evaluate_plan
from searcher.engine.whoosh.schema import build_schema, from_stored
from searcher.errors import IndexDamagedError, IndexMissingError, SearcherError, StorageError
from searcher.query import plan
from searcher.query.ast import MatchAll, Node
from searcher.record import Record
from searcher.results import FacetCount, Hit, Results

_DAMAGE = (
    EmptyIndexError,
    FileFormatError,
    WhooshIndexError,
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
)
_SORT_COLUMN = {"date": "sort_asc", "-date": "sort_desc"}


@dataclass
class _Generation:
    stamp: tuple[int, int] | None
    path: Path
    index: Index
    searcher: Any
    cache: ReaderCache
    lease: generations.Lease


class WhooshEngine(Engine):
    """Search one index location; picks up a newer generation on the next call."""

    def __init__(self, root: Path, *, create: bool = False) -> None:
        self.root = root
        self.location = str(root)
        self._lock = threading.RLock()
        self._gen: _Generation | None = None
        if root.exists() and not root.is_dir():
            raise store.not_a_folder(root, create=create)
        if create:
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create index folder {root}: {exc.strerror}") from None
        elif not root.is_dir() or store.current(root) is None:
            raise self._missing()

    # -- opening -------------------------------------------------------------------------

    def _missing(self) -> IndexMissingError:
        return IndexMissingError(f"no index at {self.root}: run `search rebuild`")

    def _damaged(self) -> IndexDamagedError:
        return IndexDamagedError(f"index at {self.root} is damaged: run `search rebuild --full`")

    def _generation(self) -> _Generation:
        """The open live generation (reopened when CURRENT changed).  Caller holds the lock."""
        stamp = store.pointer_stamp(self.root)
        gen = self._gen
        if gen is not None and gen.stamp == stamp:
            return gen
        path = store.current(self.root)
        if path is None:
            raise self._missing()
        if gen is not None and gen.path == path:
            gen.stamp = stamp
            return gen
        held = generations.hold(self.root, path)
        if held is None:  # retired and removed since CURRENT was read: a newer one is live
            path, held = generations.hold_current(self.root)
            if path is None:
                raise self._missing()
        if held is None:
            raise self._damaged()
        try:
            try:
                index = open_index(path)
                if index is None:
                    raise store.older_format(self.root)
                searcher = index.searcher(weighting=scoring.BM25F())
            except FileNotFoundError:  # a file of the generation is missing
                raise self._damaged() from None
            except OSError as exc:
                raise StorageError(f"cannot read index at {self.root}: {exc.strerror}") from None
            except _DAMAGE:
                raise self._damaged() from None
        except BaseException:
            held.release()
            raise
        if gen is not None:
            gen.lease.release()  # closed once no iterator reads it any more
        cache = ReaderCache(searcher.reader(), path)
        lease = generations.Lease(self.root, path, held, searcher.close)
        self._gen = _Generation(stamp, path, index, searcher, cache, lease)
        return self._gen

    def close(self) -> None:
        with self._lock:
            if self._gen is not None:
                self._gen.lease.release()
                self._gen = None

    # -- reading -------------------------------------------------------------------------

    def _plan(self, node: Node | None, cache: ReaderCache, filter: Node | None = None) -> plan.Plan:
        """The plan of a query and a filter (which adds nothing to the score), against
        the reader's lexicons."""
        lexicon = CacheLexicon(cache)
        query = plan.MatchAll() if node is None else plan.build(node, lexicon)
        if filter is None or isinstance(filter, MatchAll):
            return query
        narrowed = plan.build(filter, lexicon)
        return narrowed if _everything(query) else plan.And((query, plan.Unscored(narrowed)))

    def _record(self, gen: _Generation, docnum: int) -> Record:
        return from_stored(gen.cache.stored(docnum))

    def search(self, request: SearchRequest) -> Results:
        facets = assemble.checked(request)
        with self._lock:
            try:
                return self._search(request, facets)
            except SearcherError:
                raise
            except FileNotFoundError:
                raise self._damaged() from None
            except OSError as exc:
                raise StorageError(f"cannot read index at {self.root}: {exc.strerror}") from None
            except _DAMAGE:
                raise self._damaged() from None

    def _search(self, request: SearchRequest, facets: tuple[str, ...]) -> Results:
        gen = self._generation()
        q = self._plan(request.node, gen.cache, request.filter)
        scored = request.sort == "relevance"
        scores = evaluate_plan(q, gen.cache, gen.searcher, scored=scored) if _any(gen) else {}
        total = len(scores)
        limit = max(request.limit, 1)
        start = (request.page - 1) * limit
        hits: list[Hit] = []
        marker = assemble.marker(request)
        if request.limit and total > start:
            for docnum, score in _top(scores, start + limit, request.sort, gen.cache)[start:]:
                hits.append(assemble.hit(self._record(gen, docnum), score, marker))
        counts: dict[str, tuple[FacetCount, ...]] = {}
        if facets:
            docs = None if _everything(q) else BitMap(scores)
            for name in facets:
                counts[name] = gen.cache.facet(name).count(docs)
        return assemble.results(request, total, hits, counts, self._closest(gen))

    def get(self, id: str) -> Record | None:
        with self._lock:
            gen = self._generation()
            try:
                docnum = gen.searcher.document_number(id=id)
                return None if docnum is None else self._record(gen, docnum)
            except _DAMAGE:
                raise self._damaged() from None

    def facet_counts(self, field: str, node: Node | None = None) -> tuple[FacetCount, ...]:
        name = assemble.facet_field(field)
        with self._lock:
            gen = self._generation()
            if node is None or isinstance(node, MatchAll) or not _any(gen):
                return gen.cache.facet(name).count(None)
            q = self._plan(node, gen.cache)
            docs = evaluate_plan(q, gen.cache, gen.searcher, scored=False)
            return gen.cache.facet(name).count(BitMap(docs))

    def iter_records(
        self, node: Node | None = None, sort: str | None = None, filter: Node | None = None
    ) -> Iterator[Record]:
        with self._lock:
            gen = self._generation()
            gen.lease.acquire()  # read to the end, whatever generation the engine moves to
        try:
            yield from self._records(gen, node, sort, filter)
        finally:
            with self._lock:
                gen.lease.release()

    def _records(
        self, gen: _Generation, node: Node | None, sort: str | None, filter: Node | None
    ) -> Iterator[Record]:
        with self._lock:
            q = self._plan(node, gen.cache, filter)
            scored = sort == "relevance"
            scores = evaluate_plan(q, gen.cache, gen.searcher, scored=scored) if _any(gen) else {}
            # ranked first (numbers and scores are small), records read in batches
            docnums = sorted(scores) if sort is None else ranked(scores, sort, gen.cache)
        batch = 256
        for i in range(0, len(docnums), batch):
            with self._lock:
                blobs = [gen.cache.stored(d) for d in docnums[i : i + batch]]
            for blob in blobs:
                yield from_stored(blob)

    def similar(self, id: str, limit: int = 10) -> Results:
        with self._lock:
            gen = self._generation()
            searcher = gen.searcher
            docnum = searcher.document_number(id=id)
            if docnum is None:
                return assemble.similar_results(id, limit)
            record = self._record(gen, docnum)
            reader = searcher.reader()
            terms = key_terms(record, similar.doc_freq(reader), reader.doc_count())
            if not terms:
                return assemble.similar_results(id, limit)
            scores = similar.scores(terms, gen.cache, searcher)
            hits = [
                assemble.hit(self._record(gen, d), score)
                for d, score in _top(scores, limit + 1, "relevance", gen.cache)
                if d != docnum
            ][:limit]
            total = max(0, len(scores) - (docnum in scores))
            return assemble.similar_results(id, limit, hits, total)

    def suggest(self, text: str) -> str | None:
        with self._lock:
            return assemble.suggest(text, self._closest(self._generation()))

    @staticmethod
    def _closest(gen: _Generation) -> assemble.Closest:
        """The most frequent word of the generation's word file near a word it lacks (the
        file is read by the first search that asks)."""

        def closest(word: str, distance: int, prefix: int) -> str | None:
            lexicon = gen.cache.words()
            if lexicon is None or word in lexicon.counts:
                return None
            return lexicon.suggest(word, maxdist=distance, prefix=prefix)

        return closest

    def stats(self) -> Stats:
        with self._lock:
            gen = self._generation()
            reader = gen.searcher.reader()
            facets = {name: len(gen.cache.facet(name).count(None)) for name in FACET_FIELDS}
            meta = store.read_meta(gen.path)
            return Stats(
                documents=reader.doc_count(),
                facets=facets,
                date_min=_date_bound(reader, "date_start", first=True) if _any(gen) else None,
                date_max=_date_bound(reader, "date_end", first=False) if _any(gen) else None,
                size_bytes=store.size_on_disk(gen.path),
                built_at=meta.get("built_at"),
                report=meta.get("report"),
                failed=tuple(tuple(item) for item in meta.get("failed", ())),
                location=self.location,
            )

    # -- writing -------------------------------------------------------------------------

    def begin_build(self, full: bool, *, wait: bool = False) -> Build:
        from searcher.engine.whoosh.build import WhooshBuild  # only builds need the writer

        return WhooshBuild(self.root, full=full, wait=wait)


def _signature(schema: Any) -> tuple[tuple[str, ...], ...]:
    """What an index's schema says about how its fields are stored: names, field types,
    posting formats and how their blocks are packed, column types, stemmer, the stored
    records' layout.  An index with another signature must be rebuilt."""
    return tuple(
        (
            name,
            type(field).__name__,
            type(field.format).__name__ if field.format is not None else "",
            vars(field.format).get("packing", "") if field.format is not None else "",
            type(field.column_type).__name__ if field.column_type is not None else "",
            vars(field).get("stemmer", ""),
            vars(field).get("layout", ""),
        )
        for name, field in schema.items()
    )


@cache
def _current_signature() -> tuple[tuple[str, ...], ...]:
    return _signature(build_schema())


def open_index(folder: Path, written: Path | None = None) -> Index | None:
    """The Whoosh index in ``folder``, or None when another version of searcher wrote it:
    the format the build of ``written`` (``folder`` itself by default) recorded, the
    classes its table of contents names or its schema's signature are not this version's.
    A damaged index raises one of ``_DAMAGE``, a missing file FileNotFoundError."""
    if store.outdated(written or folder):
        return None
    try:
        index = FileStorage(str(folder)).open_index(schema=None)
    except ImportError:  # the table of contents names a module this version does not have
        return None
    return index if _signature(index.schema) == _current_signature() else None


def _top(
    scores: dict[int, float], n: int, sort: str, cache: ReaderCache
) -> list[tuple[int, float]]:
    """The first ``n`` (document, score) pairs in the order of ``sort``: by score, best
    first, or by a date column; ties in document order."""
    if sort == "relevance":
        best = heapq.nlargest(n, zip(scores.values(), map(operator.neg, scores), strict=True))
        return [(-negated, score) for score, negated in best]
    column = cache.column(_SORT_COLUMN[sort])
    if column is None:
        return [(d, scores[d]) for d in sorted(scores)[:n]]
    first = heapq.nsmallest(n, zip(map(column.__getitem__, scores), scores, strict=True))
    return [(d, scores[d]) for _, d in first]


def ranked(scores: dict[int, float], sort: str, cache: ReaderCache) -> list[int]:
    """Every document of ``scores`` in the order of ``sort`` (as a search's pages)."""
    assemble.check_sort(sort)
    return [d for d, _ in _top(scores, len(scores), sort, cache)]


def _everything(q: plan.Plan) -> bool:
    """Whether a plan is every document (its matches need no counting to be known)."""
    return type(q) is plan.MatchAll and q.field is None


def _any(gen: _Generation) -> bool:
    """Whether the generation holds any live document (an empty one has no segment to
    search, and Whoosh's stand-in for none answers no query)."""
    return gen.searcher.reader().doc_count() > 0


def _date_bound(reader: Any, field: str, *, first: bool) -> str | None:
    if field not in reader.indexed_field_names():
        return None
    fieldobj = reader.schema[field]
    values = [fieldobj.from_bytes(b) for b in fieldobj.sortable_terms(reader, field)]
    if not values:
        return None
    return date.fromordinal(min(values) if first else max(values)).isoformat()
