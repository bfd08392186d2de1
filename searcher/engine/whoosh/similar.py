"""More like this in the embedded engine: key terms (``searcher.engine.similar``) counted
and scored over the index."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh import query as wq

from searcher.engine.similar import FIELDS
from searcher.engine.whoosh.cache import ReaderCache
from searcher.engine.whoosh.matching import evaluate


def scores(terms: list[tuple[str, float]], cache: ReaderCache, searcher: Any) -> dict[int, float]:
    """Document number -> the sum over the key terms of weight times the term's BM25F
    score (which normalises by document length)."""
    total: dict[int, float] = {}
    for term, weight in terms:
        found = evaluate(wq.Or([wq.Term(f, term) for f in FIELDS]), cache, searcher)
        for doc, score in found.items():
            total[doc] = total.get(doc, 0.0) + weight * score
    return total


def doc_freq(reader: Any) -> Callable[[list[str]], dict[str, int]]:
    """How many documents hold each stem (the most of any one field's count)."""

    def count(terms: list[str]) -> dict[str, int]:
        return {t: max(reader.doc_frequency(f, t) for f in FIELDS) for t in terms}

    return count
