"""What is worth computing once per open reader: value tables, facet tables, expansions.

A reader is immutable, so everything here stays valid until the engine opens a newer
generation and makes a new cache.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq
from whoosh.reading import IndexReader

from searcher.engine.lexicon import Lexicon
from searcher.engine.schema import WORDS
from searcher.results import FacetCount

_UNREAD = object()


class FacetTable:
    """One facet field: its values and, for each document number, the values it holds."""

    __slots__ = ("values", "doc_values", "totals")

    def __init__(self, values: list[str], doc_values: list[tuple[int, ...]]) -> None:
        self.values = values
        self.doc_values = doc_values
        totals = [0] * len(values)
        for held in doc_values:
            for v in held:
                totals[v] += 1
        self.totals = totals

    def count(self, docs: Iterable[int] | None) -> tuple[FacetCount, ...]:
        """Counts among ``docs`` (None: every document), most frequent first."""
        if docs is None:
            counts = self.totals
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
        for value in self.lexicon(field):
            index = len(values)
            values.append(value)
            for d in reader.postings(field, value.encode("utf-8")).all_ids():
                held = doc_values[d]
                doc_values[d] = (*held, index) if held else (index,)
        return FacetTable(values, doc_values)

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

    def lexicon_exists(self, field: str) -> bool:
        return field in self.reader.indexed_field_names()
