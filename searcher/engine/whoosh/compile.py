"""A query's plan (searcher.query.plan) -> Whoosh query, against one open reader.

The plan is made against the reader's lexicons (``ReaderCache``): wildcards and fuzzy words
through the unstemmed ``words`` lexicon (then searched as stems), near spellings of
keyword words through the field's ``_w`` words, a filter's value through the field's own
values.  Here its primitives become Whoosh queries, which ``matching`` evaluates: a
keyword value is looked up case-insensitively among the values as indexed, the words of
keyword values are the field's ``_w`` field.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from datetime import date

from whoosh import query as wq

from searcher.engine.whoosh.cache import ReaderCache
from searcher.engine.whoosh.schema import WORDS
from searcher.errors import QueryError
from searcher.query import ast, plan
from searcher.query.plan import KEYWORDS, MAX_EXPANSION

#: Explicit bounds: open-ended numeric ranges mis-match in Whoosh 2.7.
_MAX_DAY = date.max.toordinal()
_PATTERN_JUNK = re.compile(r"[^\w*?]+")


class CacheLexicon:
    """A reader's lexicons, as a plan asks for them (``searcher.query.plan.Lexicon``)."""

    def __init__(self, cache: ReaderCache) -> None:
        self.cache = cache

    def matching(self, pattern: str, limit: int) -> Sequence[str]:
        return self.cache.expand_pattern(WORDS, pattern, limit)

    def near(self, word: str, distance: int, field: str | None = None) -> Sequence[str]:
        return self.cache.terms_within(WORDS if field is None else field + "_w", word, distance)

    def has_value(self, field: str, value: str) -> bool:
        return value.lower() in self.cache.values_lower(field)


def compile_node(node: ast.Node, cache: ReaderCache) -> wq.Query:
    """The Whoosh query for a query tree (NullQuery when it can match nothing)."""
    return compile_plan(plan.build(node, CacheLexicon(cache)), cache)


def compile_plan(node: plan.Plan, cache: ReaderCache) -> wq.Query:
    """The Whoosh query for a plan (NullQuery when it can match nothing)."""
    if isinstance(node, plan.Terms):
        field_names = [indexed_field(f) for f in node.fields]
        return _or(wq.Term(f, w) for f in field_names for w in node.words)
    if isinstance(node, plan.Phrase):
        return _or(
            wq.Phrase(indexed_field(f), list(node.words), slop=node.slop + 1) for f in node.fields
        )
    if isinstance(node, plan.And):
        return _and(node.items, cache)
    if isinstance(node, plan.Or):
        return _or(compile_plan(item, cache) for item in node.items)
    if isinstance(node, plan.Value):
        if node.field == "id":
            return wq.Term("id", node.value)
        values = cache.values_lower(node.field).get(node.value.lower(), ())
        return _or(wq.Term(node.field, value) for value in values)
    if isinstance(node, plan.MatchAll):
        return wq.Every() if node.field is None else wq.Every(node.field)
    if isinstance(node, plan.Not):
        return wq.AndNot(wq.Every(), compile_plan(node.item, cache))
    if isinstance(node, plan.Unscored):
        inner = compile_plan(node.item, cache)
        return inner if inner is wq.NullQuery else wq.ConstantScoreQuery(inner, 0.0)
    if isinstance(node, plan.DateOverlap):
        return date_query(node)
    if isinstance(node, plan.ValuePattern):
        return pattern_query(node.field, node.pattern, cache)
    raise QueryError(f"this index cannot search {type(node).__name__} queries")


def indexed_field(field: str) -> str:
    """The indexed field of a plan's field: the words of keyword values are ``field_w``."""
    return field + "_w" if field in KEYWORDS else field


def _and(items: Iterable[plan.Plan], cache: ReaderCache) -> wq.Query:
    positive: list[wq.Query] = []
    negative: list[wq.Query] = []
    for item in items:
        if isinstance(item, plan.Not):
            negative.append(compile_plan(item.item, cache))
        else:  # a MatchAll is the anchor of Nots (Every either way) or a wildcard's
            positive.append(compile_plan(item, cache))
    if any(q is wq.NullQuery for q in positive):
        return wq.NullQuery
    base = positive[0] if len(positive) == 1 else wq.And(positive) if positive else wq.Every()
    negative = [q for q in negative if q is not wq.NullQuery]
    if not negative:
        return base
    return wq.AndNot(base, negative[0] if len(negative) == 1 else wq.Or(negative))


def _or(queries: Iterable[wq.Query]) -> wq.Query:
    items = [q for q in queries if q is not wq.NullQuery]
    if not items:
        return wq.NullQuery
    return items[0] if len(items) == 1 else wq.Or(items)


def pattern_query(field: str, pattern: str, cache: ReaderCache) -> wq.Query:
    """Ids, or a keyword field's whole values or their words, matching a glob."""
    if field == "id":
        return wq.Wildcard("id", pattern)
    matcher = re.compile(fnmatch.translate(pattern))
    whole = [
        wq.Term(field, value)
        for lower, values in cache.values_lower(field).items()
        if matcher.match(lower)
        for value in values
    ]
    word_pattern = _PATTERN_JUNK.sub("", pattern)
    parts = (
        cache.expand_pattern(field + "_w", word_pattern, MAX_EXPANSION)
        if " " not in pattern and word_pattern.strip("*?")
        else []
    )
    return _or([*whole[:MAX_EXPANSION], *(wq.Term(field + "_w", w) for w in parts)])


def date_query(node: plan.DateOverlap) -> wq.Query:
    """Overlap: the document starts before the range ends and ends after it starts."""
    parts: list[wq.Query] = []
    if node.end is not None:
        parts.append(wq.NumericRange("date_start", 1, node.end.toordinal()))
    if node.start is not None:
        parts.append(wq.NumericRange("date_end", node.start.toordinal(), _MAX_DAY))
    if not parts:
        parts.append(wq.NumericRange("date_start", 1, _MAX_DAY))
    return parts[0] if len(parts) == 1 else wq.And(parts)
