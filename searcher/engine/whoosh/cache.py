"""What is worth computing once per open reader: value tables, facet tables, expansions.

A reader is immutable, so everything here stays valid until the engine opens a newer
generation and makes a new cache.
"""

from __future__ import annotations

import sys
import threading
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from dataclasses import field as _field
from pathlib import Path
from typing import Any

from pyroaring import BitMap
from whoosh import query as wq
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

from searcher.engine.whoosh.lexicon import Lexicon
from searcher.engine.whoosh.schema import RECORD, WORDS
from searcher.results import FacetCount

_UNREAD = object()
#: Term infos remembered per segment before the memo starts afresh (~200 bytes each).
_MAX_INFOS = 50_000
#: BM25F's free parameters, as Whoosh's default ``BM25F()``.
K1 = 1.2
B = 0.75
_LENGTHS = [float(byte_to_length(i)) for i in range(256)]
#: Matches are counted value by value (each value's documents intersected with them, in C)
#: when they outnumber a facet's values this many times, else document by document: at
#: 7,000 matches of 40-80 values, 0.3 ms a facet against 2-4 ms.
BY_VALUE = 4


@dataclass(eq=False)
class Leaf:
    """One segment of the reader: its reader, first global document number, deletions."""

    reader: IndexReader
    offset: int
    deleted: frozenset[int]
    norms: dict[str, array[float]] = _field(default_factory=dict)
    #: (field, term) -> its term info, None where the segment lacks the term
    infos: dict[tuple[str, bytes], Any] = _field(default_factory=dict)
    #: integer columns by the segment's own document numbers (see ReaderCache.leaf_column)
    columns: dict[str, array[int] | None] = _field(default_factory=dict)
    #: the segment's column of stored records (see ReaderCache.stored), once opened
    records: Any = None

    def matcher(self, field: str, btext: bytes) -> Any | None:
        """Whoosh's matcher of a term's postings in this segment (None: no postings).

        Term infos are remembered: looking a term up in the segment's on-disk hash table
        costs 20-40 us, a query looks up each word in every text field and segment, and
        queries share their words.
        """
        key = (field, btext)
        info = self.infos.get(key, _UNREAD)
        if info is _UNREAD:
            try:
                info = self.reader._terms.term_info(field, btext)
            except (TermNotFound, KeyError):
                info = None
            if len(self.infos) >= _MAX_INFOS:
                self.infos.clear()
            self.infos[key] = info
        if info is None:
            return None
        terms = self.reader._terms
        return terms._codec.postings_reader(
            terms._postfile, info, self.reader.schema[field].format, term=key
        )


class FacetTable:
    """One facet field: its values, for each document number the values it holds, and for
    each value the documents that hold it."""

    __slots__ = ("values", "doc_values", "holders", "totals")

    def __init__(
        self, values: list[str], doc_values: list[tuple[int, ...]], holders: list[BitMap]
    ) -> None:
        self.values = values
        self.doc_values = doc_values
        self.holders = holders
        self.totals = list(map(len, holders))

    def count(self, docs: BitMap | None) -> tuple[FacetCount, ...]:
        """Counts among ``docs`` (None: every document), most frequent first."""
        if docs is None:
            counts = self.totals
        elif len(docs) > BY_VALUE * len(self.values):
            counts = [held.intersection_cardinality(docs) for held in self.holders]
        else:
            counts = [0] * len(self.values)
            table = self.doc_values
            for d in docs:
                for v in table[d]:
                    counts[v] += 1
        values = self.values
        ranked = sorted(
            (i for i, n in enumerate(counts) if n), key=lambda i: (-counts[i], values[i])
        )
        return tuple(FacetCount(values[i], counts[i]) for i in ranked)


class ReaderCache:
    """Lazily built lookups over one reader; safe to share between threads."""

    def __init__(self, reader: IndexReader, folder: Path | None = None) -> None:
        self.reader = reader
        self.folder = folder
        self._lock = threading.Lock()
        self._lower: dict[str, dict[str, tuple[str, ...]]] = {}
        self._facets: dict[str, FacetTable] = {}
        self._words: object = _UNREAD
        self._leaves: list[Leaf] | None = None
        self._starts: list[int] | None = None
        self._live: list[int] | None = None
        self._deleted: list[int] | None = None
        self._columns: dict[str, array[int] | None] = {}

    def words(self) -> Lexicon | None:
        """The generation's word file (None for an index written before there was one)."""
        if self._words is _UNREAD:
            with self._lock:
                if self._words is _UNREAD:
                    self._words = Lexicon.load(self.folder) if self.folder else None
        return self._words  # type: ignore[return-value]

    def lexicon(self, field: str) -> list[str]:
        if not self.lexicon_exists(field):
            return []
        return [b.decode("utf-8") for b in self.reader.lexicon(field)]

    def values_lower(self, field: str) -> dict[str, tuple[str, ...]]:
        """Lower-cased value -> the values as indexed (usually one)."""
        table = self._lower.get(field)
        if table is None:
            grouped: dict[str, list[str]] = {}
            for value in self.lexicon(field):
                grouped.setdefault(value.lower(), []).append(value)
            table = {k: tuple(v) for k, v in grouped.items()}
            with self._lock:
                self._lower[field] = table
        return table

    def facet(self, field: str) -> FacetTable:
        table = self._facets.get(field)
        if table is None:
            with self._lock:
                table = self._facets.get(field)
                if table is None:
                    table = self._build_facet(field)
                    self._facets[field] = table
        return table

    def _build_facet(self, field: str) -> FacetTable:
        reader = self.reader
        empty: tuple[int, ...] = ()
        doc_values: list[tuple[int, ...]] = [empty] * reader.doc_count_all()
        values: list[str] = []
        holders: list[BitMap] = []
        for value in self.lexicon(field):
            index = len(values)
            values.append(value)
            ids = list(reader.postings(field, value.encode("utf-8")).all_ids())
            holders.append(BitMap(ids))
            for d in ids:
                held = doc_values[d]
                doc_values[d] = (*held, index) if held else (index,)
        return FacetTable(values, doc_values, holders)

    def expand_pattern(self, field: str, pattern: str, cap: int) -> list[str]:
        """Lexicon words of ``field`` matching a glob pattern (at most ``cap``)."""
        out: list[str] = []
        lexicon = self.words() if field == WORDS else None
        if lexicon is not None:
            return lexicon.matching(pattern, cap)
        if not self.lexicon_exists(field):
            return out
        for btext in wq.Wildcard(field, pattern)._btexts(self.reader):
            out.append(btext.decode("utf-8"))
            if len(out) >= cap:
                break
        return out

    def terms_within(self, field: str, word: str, distance: int) -> list[str]:
        """Lexicon words of ``field`` within ``distance`` edits of ``word``."""
        prefix = 1 if len(word) > 3 else 0
        lexicon = self.words() if field == WORDS else None
        if lexicon is not None:
            return list(lexicon.within(word, distance, prefix))
        if not self.lexicon_exists(field) or distance <= 0:
            return []
        return list(self.reader.terms_within(field, word, distance, prefix=prefix))

    def leaves(self) -> list[Leaf]:
        """The reader's segments in document-number order."""
        if self._leaves is None:
            self._leaves = [
                Leaf(r, offset, r.deleted_docs_set if r.has_deletions() else frozenset())
                for r, offset in self.reader.leaf_readers()
            ]
        return self._leaves

    def stored(self, docnum: int) -> bytes:
        """The stored record of a global document number (``schema.from_stored`` reads it)."""
        leaves = self.leaves()
        if self._starts is None:
            self._starts = [leaf.offset for leaf in leaves]
        leaf = leaves[bisect_right(self._starts, docnum) - 1]
        column = leaf.records
        if column is None:
            column = leaf.records = leaf.reader.column_reader(RECORD, translate=False)
        return column[docnum - leaf.offset]

    def live(self) -> list[int]:
        """Every live global document number, ascending."""
        if self._live is None:
            self._live = list(self.reader.all_doc_ids())
        return self._live

    def deleted(self) -> list[int]:
        """Every deleted global document number (postings still list them)."""
        if self._deleted is None:
            self._deleted = [leaf.offset + d for leaf in self.leaves() for d in leaf.deleted]
        return self._deleted

    def norms(self, leaf: Leaf, field: str) -> array[float]:
        """``K1 * ((1 - B) + B * length / average length)`` of each document of a segment
        in a field: the length part of its BM25F score, as Whoosh quantises lengths."""
        table = leaf.norms.get(field)
        if table is None:
            reader = self.reader
            average = (reader.field_length(field) / (reader.doc_count_all() or 1)) or 1
            scale = [K1 * ((1 - B) + B * n / average) for n in _LENGTHS]
            count = leaf.reader.doc_count_all()
            raw = _length_bytes(leaf.reader, field, count)
            table = array("d", [scale[b] for b in raw] if raw is not None else [scale[1]] * count)
            leaf.norms[field] = table
        return table

    def column(self, name: str) -> array[int] | None:
        """A 32-bit integer column by global document number (None when a segment lacks it)."""
        if name not in self._columns:
            values: array[int] | None = array("i")
            for leaf in self.leaves():
                part = _int_column(leaf.reader, name)
                if part is None:
                    values = None
                    break
                values.extend(part)  # type: ignore[union-attr]
            with self._lock:
                self._columns[name] = values
        return self._columns[name]

    def leaf_column(self, leaf: Leaf, name: str) -> array[int] | None:
        """The part of :meth:`column` of one segment, by the segment's document numbers."""
        part = leaf.columns.get(name, _UNREAD)
        if part is _UNREAD:
            whole = self.column(name)
            end = leaf.offset + leaf.reader.doc_count_all()
            part = leaf.columns[name] = None if whole is None else whole[leaf.offset : end]
        return part  # type: ignore[return-value]

    def lexicon_exists(self, field: str) -> bool:
        return field in self.reader.indexed_field_names()


def _length_bytes(reader: IndexReader, field: str, count: int) -> bytes | None:
    """The stored length byte of each document of a segment in a field (None: no lengths)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    perdoc = reader._perdoc
    name = _lenfield(field)
    if not perdoc.has_column(name):
        return None
    col = perdoc.column_reader(name, LENGTHS_COLUMN)
    data = col._dbfile.get(col._basepos, col._count)
    return data + bytes(count - len(data)) if len(data) < count else data


def _int_column(reader: IndexReader, name: str) -> array[int] | None:
    """A segment's 32-bit integer column as an array (None when it has none)."""
    schema = reader.schema
    if name not in schema or not reader.has_column(name):
        return None
    col = reader._perdoc.column_reader(name, schema[name].column_type)
    if col._fixedlen != 4:
        return None
    values = array("i")
    values.frombytes(col._dbfile.get(col._basepos, col._count * 4))
    if sys.byteorder == "little":
        values.byteswap()
    missing = reader.doc_count_all() - len(values)
    if missing > 0:
        values.extend([col._default] * missing)
    return values
