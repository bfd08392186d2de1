"""Query tree (searcher.query.ast) -> Whoosh query, against one open reader.

The reader is needed because several nodes expand through the lexicon: wildcards and
fuzzy words through the unstemmed ``words`` lexicon (then searched as stems), and
keyword values case-insensitively through the field's own values.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from datetime import date

from whoosh import query as wq

from searcher.analysis import KEYWORD_FIELDS, TEXT_FIELDS, WRITTEN, stem, words
from searcher.engine.cache import ReaderCache
from searcher.engine.schema import WORDS
from searcher.errors import QueryError
from searcher.fold import accented
from searcher.query import ast
from searcher.record import FIELD_BY_NAME

#: Most lexicon words one wildcard or fuzzy term may expand to.
MAX_EXPANSION = 1024
_KEYWORDS = frozenset(KEYWORD_FIELDS)
_TEXTS = frozenset(TEXT_FIELDS)
#: Explicit bounds: open-ended numeric ranges mis-match in Whoosh 2.7.
_MAX_DAY = date.max.toordinal()
_PATTERN_JUNK = re.compile(r"[^\w*?]+")


def compile_node(node: ast.Node, cache: ReaderCache) -> wq.Query:
    """The Whoosh query for a node (NullQuery when it can match nothing)."""
    if isinstance(node, ast.MatchAll):
        return wq.Every()
    if isinstance(node, ast.And):
        return _and(node.items, cache)
    if isinstance(node, ast.Or):
        return _or(compile_node(item, cache) for item in node.items)
    if isinstance(node, ast.Not):
        return wq.AndNot(wq.Every(), compile_node(node.item, cache))
    if isinstance(node, ast.DateRange):
        return _date_range(node)
    if isinstance(node, ast.Term):
        return _term(node.field, node.text, cache)
    if isinstance(node, ast.Value):
        _check_field(node.field)
        values = cache.values_lower(node.field).get(node.value.lower(), ())
        if not values:  # no such facet value: match it as words ("Korea" in "Korea (North)")
            return _keyword(node.field, node.value, cache)
        return _or(wq.Term(node.field, value) for value in values)
    if isinstance(node, ast.Phrase):
        return _phrase(node.field, node.words, node.slop, cache)
    if isinstance(node, ast.Wildcard):
        return _wildcard(node.field, node.pattern, cache)
    if isinstance(node, ast.Fuzzy):
        return _fuzzy(node.field, node.text, node.distance, cache)
    raise QueryError(f"this index cannot search {type(node).__name__} queries")


def _and(items: Iterable[ast.Node], cache: ReaderCache) -> wq.Query:
    positive: list[wq.Query] = []
    negative: list[wq.Query] = []
    for item in items:
        if isinstance(item, ast.Not):
            negative.append(compile_node(item.item, cache))
        elif not isinstance(item, ast.MatchAll):
            positive.append(compile_node(item, cache))
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


def _check_field(field: str | None) -> None:
    if field is None or field in _TEXTS or field in _KEYWORDS or field == "id":
        return
    spec = FIELD_BY_NAME.get(field)
    if spec is not None and spec.kind == "date":
        raise QueryError(f"field {field!r} takes a date range, e.g. date:1950..1953")
    raise QueryError(f"field {field!r} cannot be searched")


def _text_fields(field: str | None) -> tuple[str, ...]:
    return TEXT_FIELDS if field is None else (field,)


def _stem_query(fields: tuple[str, ...], tokens: list[str], slop: int = 0) -> wq.Query:
    """Stems in every one of ``fields``: a term, or a phrase when there are several."""
    if not tokens:
        return wq.NullQuery
    if len(tokens) == 1:
        return _or(wq.Term(f, tokens[0]) for f in fields)
    return _or(wq.Phrase(f, tokens, slop=slop + 1) for f in fields)


def _term(field: str | None, text: str, cache: ReaderCache) -> wq.Query:
    _check_field(field)
    if field == "id":
        return wq.Term("id", text)
    if field in _KEYWORDS:
        return _keyword(field, text, cache)
    return _as_written(_stem_query(_text_fields(field), [stem(w) for w in words(text)]), text)


def _as_written(q: wq.Query, text: str) -> wq.Query:
    """``q`` kept to documents that write the accented words of ``text`` so: a query
    reaches here with accents only when exact (``searcher.query.expand.folded``)."""
    written = [wq.Term(WRITTEN, stem(w)) for w in accented(text)]
    if not written or q is wq.NullQuery:
        return q
    required = written[0] if len(written) == 1 else wq.And(written)
    return wq.And([q, wq.ConstantScoreQuery(required, 0.0)])


def _keyword(field: str, text: str, cache: ReaderCache, slop: int = 0) -> wq.Query:
    """A whole value (any case) or the value's words in order."""
    whole = [wq.Term(field, value) for value in cache.values_lower(field).get(text.lower(), ())]
    tokens = words(text)
    if len(tokens) == 1:
        parts = wq.Term(field + "_w", tokens[0])
    elif tokens:
        parts = wq.Phrase(field + "_w", tokens, slop=slop + 1)
    else:
        parts = wq.NullQuery
    return _or([*whole, parts])


def _phrase(
    field: str | None, phrase_words: tuple[str, ...], slop: int, cache: ReaderCache
) -> wq.Query:
    _check_field(field)
    text = " ".join(phrase_words)
    if field == "id":
        return wq.Term("id", text)
    if field in _KEYWORDS:
        return _keyword(field, text, cache, slop)
    query = _stem_query(_text_fields(field), [stem(w) for w in words(text)], slop)
    return _as_written(query, text)


def _expand_stems(field: str | None, lexicon_words: Iterable[str], cache: ReaderCache) -> wq.Query:
    found: set[str] = set()
    for word in lexicon_words:
        found.add(stem(word))
        if len(found) >= MAX_EXPANSION:
            break
    fields = _text_fields(field)
    return _or(wq.Term(f, s) for f in fields for s in sorted(found))


def _wildcard(field: str | None, pattern: str, cache: ReaderCache) -> wq.Query:
    _check_field(field)
    pattern = pattern.lower()
    if field == "id":
        return wq.Wildcard("id", pattern)
    if field in _KEYWORDS:
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
    word_pattern = _PATTERN_JUNK.sub("", pattern)
    if not word_pattern.strip("*?"):
        return wq.Every() if field is None else wq.Every(field)
    return _expand_stems(field, cache.expand_pattern(WORDS, word_pattern, MAX_EXPANSION), cache)


def _fuzzy(field: str | None, text: str, distance: int, cache: ReaderCache) -> wq.Query:
    _check_field(field)
    tokens = words(text)
    if not tokens:
        return wq.NullQuery
    word = tokens[0]
    distance = max(0, min(distance, 2))
    if field in _KEYWORDS:
        near = cache.terms_within(field + "_w", word, distance)
        return _or(wq.Term(field + "_w", w) for w in near)
    if field == "id":
        return wq.Term("id", text)
    return _expand_stems(field, [word, *cache.terms_within(WORDS, word, distance)], cache)


def _date_range(node: ast.DateRange) -> wq.Query:
    """Overlap: the document starts before the range ends and ends after it starts."""
    parts: list[wq.Query] = []
    if node.end is not None:
        parts.append(wq.NumericRange("date_start", 1, node.end.toordinal()))
    if node.start is not None:
        parts.append(wq.NumericRange("date_end", node.start.toordinal(), _MAX_DAY))
    if not parts:
        parts.append(wq.NumericRange("date_start", 1, _MAX_DAY))
    return parts[0] if len(parts) == 1 else wq.And(parts)


def positive_words(node: ast.Node) -> list[tuple[str, ...]]:
    """The word sequences a document may show for the non-negated parts of a query.

    Used for snippets: each item is one term's or one phrase's words, lower-cased.
    """
    out: list[tuple[str, ...]] = []

    def walk(n: ast.Node) -> None:
        if isinstance(n, ast.And | ast.Or):
            for item in n.items:
                walk(item)
        elif isinstance(n, ast.Term | ast.Fuzzy) and (n.field is None or n.field in _TEXTS):
            ws = tuple(words(n.text))
            if ws:
                out.append(ws)
        elif isinstance(n, ast.Phrase) and (n.field is None or n.field in _TEXTS):
            ws = tuple(w for p in n.words for w in words(p))
            if ws and n.slop == 0:
                out.append(ws)
            else:
                out.extend((w,) for w in ws)
        elif isinstance(n, ast.Wildcard) and (n.field is None or n.field in _TEXTS):
            out.append((n.pattern.lower(),))

    walk(node)
    return out
