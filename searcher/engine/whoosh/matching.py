"""Bulk evaluation of query plans (``searcher.query.plan``) and of Whoosh queries: whole
posting lists at a time, scored with BM25F.

Whoosh's matchers step through postings one method call at a time, which is where its
searches spend their time.  Here each term's posting list is read block by block into
machine arrays (packed blocks, see ``blocks``; lists for Whoosh's own), scored with
per-document length norms computed once per reader, and combined with dict and set
operations; a query costs a few list operations per posting.  Phrases are matched and
scored in numpy (see ``positions``).
The answer is every matching document with its score, so the total is exact for free.

Scores are Whoosh's BM25F (B=0.75, K1=1.2): the same posting weights, quantised field
lengths, idf and average lengths; ``And``/``Or`` add the scores of their matching parts, a
phrase scores as its words, ``AndNot`` as its positive part.  A plan is read as its Whoosh
query (``compile.compile_plan``) would be, to the same scores, without making one but for
date ranges and globs.  Query types without a bulk form here fall back to Whoosh's own
matchers (same documents and scores, slower).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate
from math import log
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher

from searcher.engine.whoosh.blocks import PackedMatcher, Values, read_term
from searcher.engine.whoosh.cache import K1, Leaf, ReaderCache
from searcher.engine.whoosh.compile import compile_plan, date_query, indexed_field, pattern_query
from searcher.engine.whoosh.positions import in_order
from searcher.query import plan

Scores = dict[int, float]
#: The integer columns that hold the date fields' values (see ``schema``): range queries
#: on them are filters over the column instead of unions of numeric terms.
RANGE_COLUMNS = {"date_start": "sort_asc", "date_end": "end_c"}
#: A leaf's postings of one term, deleted documents too: segment document numbers,
#: weights and values (when asked for).
_Postings = tuple[Sequence[int], Sequence[float], list[Any] | Values | None]
#: (field, term, with values) -> each leaf's postings of the term
_Read = dict[tuple[str, bytes, bool], list[tuple[Leaf, _Postings]]]


def evaluate(q: wq.Query, cache: ReaderCache, searcher: Any, scored: bool = True) -> Scores:
    """Global document number -> score of every live document ``q`` matches.

    Unscored (``scored=False``) evaluation skips the arithmetic; every score is 0.0.
    Postings still list deleted documents; they are dropped once, from the answer.
    """
    found = _Run(cache, searcher, scored).eval(q)
    for d in cache.deleted():
        found.pop(d, None)
    return found


def evaluate_plan(
    node: plan.Plan, cache: ReaderCache, searcher: Any, scored: bool = True
) -> Scores:
    """:func:`evaluate` of a query's plan, read without Whoosh query objects but for
    keyword and id globs and a field's every document: the same documents and scores as
    the plan's Whoosh query (``compile.compile_plan``)."""
    found = _Run(cache, searcher, scored).of_plan(node)
    for d in cache.deleted():
        found.pop(d, None)
    return found


class _Run:
    def __init__(
        self,
        cache: ReaderCache,
        searcher: Any,
        scored: bool,
        read: _Read | None = None,
        ranges: tuple[Any, ...] = (),
    ) -> None:
        self.cache = cache
        self.searcher = searcher
        self.scored = scored
        #: postings read so far in this query (name variants and fields share words)
        self.read: _Read = {} if read is None else read
        #: date ranges the caller keeps only documents within: leaves may leave the rest
        #: out before scoring them (the caller filters again, so this only saves work)
        self.ranges = ranges

    def unscored(self) -> _Run:
        return _Run(self.cache, self.searcher, False, self.read)

    def within(self, ranges: list[Any]) -> _Run:
        return _Run(self.cache, self.searcher, self.scored, self.read, (*self.ranges, *ranges))

    def eval(self, q: Any) -> Scores:
        kind = type(q)
        if kind is wq.Term:
            return self.term(q.fieldname, q.text)
        if kind is wq.Or:
            return self.union(q.subqueries)
        if kind is wq.And:
            return self.intersection(q.subqueries)
        if kind is wq.AndNot:
            return self.difference(q.a, q.b)
        if kind is wq.Phrase:
            return self.phrase(q.fieldname, q.words, q.slop)
        if kind is wq.Every and not q.fieldname:
            return dict.fromkeys(self.cache.live(), 1.0 if self.scored else 0.0)
        if kind is wq.ConstantScoreQuery:
            found = self.unscored().eval(q.child)
            return dict.fromkeys(found, q.score if self.scored else 0.0)
        if q is wq.NullQuery:
            return {}
        if kind is wq.NumericRange and self._column(q) is not None:
            return dict.fromkeys(self._in_range(q, self.cache.live()), 1.0 if self.scored else 0.0)
        return self.fallback(q)

    def of_plan(self, node: Any) -> Scores:
        """A plan's documents and scores, as its Whoosh query (``compile_plan``) has them
        (a Whoosh query, a date range with no column to read, as :meth:`eval` has it)."""
        if isinstance(node, plan.Terms):
            fields = [indexed_field(f) for f in node.fields]
            return self._sum([self.term(f, w) for f in fields for w in node.words])
        if isinstance(node, plan.Phrase):
            words, slop = list(node.words), node.slop + 1
            return self._sum([self.phrase(indexed_field(f), words, slop) for f in node.fields])
        if isinstance(node, plan.Value):
            if node.field == "id":
                return self.term("id", node.value)
            values = self.cache.values_lower(node.field).get(node.value.lower(), ())
            return self._sum([self.term(node.field, v) for v in values])
        if isinstance(node, plan.Or):
            return self._sum([self.of_plan(item) for item in node.items])
        if isinstance(node, plan.And):
            return self.conjunction(node.items)
        if isinstance(node, plan.Unscored):
            return dict.fromkeys(self.unscored().of_plan(node.item), 0.0)
        if isinstance(node, plan.Not):
            return self.conjunction((plan.MatchAll(), node))
        if isinstance(node, plan.MatchAll) and node.field is None:
            return dict.fromkeys(self.cache.live(), 1.0 if self.scored else 0.0)
        if isinstance(node, plan.DateOverlap):
            return self.eval(date_query(node))
        if isinstance(node, plan.ValuePattern):
            return self.eval(pattern_query(node.field, node.pattern, self.cache))
        if isinstance(node, plan.Plan):
            return self.eval(compile_plan(node, self.cache))
        return self.eval(node)

    def conjunction(self, items: Sequence[plan.Plan]) -> Scores:
        """An And of a plan: its positive items intersected, less the documents of any
        of its Nots."""
        positive = [item for item in items if not isinstance(item, plan.Not)]
        negative = [item.item for item in items if isinstance(item, plan.Not)]
        if not positive:
            found = self.of_plan(plan.MatchAll())
        elif len(positive) == 1:
            found = self.of_plan(positive[0])
        else:
            found = self.meet(positive)
        if not negative or not found:
            return found
        run = self.unscored()
        parts = [run.of_plan(item) for item in negative]
        excluded = parts[0] if len(parts) == 1 else run._sum(parts)
        return {d: s for d, s in found.items() if d not in excluded}

    def meet(self, items: Sequence[plan.Plan]) -> Scores:
        """:meth:`intersection` of plan items: Ands without Nots are flattened and dates
        are ranges over the columns, as in the compiled query."""
        ranges: list[Any] = []
        others: list[Any] = []
        pending = list(items)
        while pending:
            item = pending.pop()
            if isinstance(item, plan.And) and not any(isinstance(i, plan.Not) for i in item.items):
                if len(item.items) == 1:
                    pending.append(item.items[0])
                elif item.items:
                    pending.extend(item.items)
                else:
                    others.append(plan.MatchAll())
            elif isinstance(item, plan.DateOverlap):
                q = date_query(item)
                for r in q.subqueries if type(q) is wq.And else [q]:
                    (ranges if self._column(r) is not None else others).append(r)
            else:
                others.append(item)
        return self.intersect(others, ranges, "of_plan")

    # -- leaves ----------------------------------------------------------------------------

    def term(self, field: str, text: Any) -> Scores:
        btext = self._bytes(field, text)
        if btext is None:
            return {}
        found = self.postings(field, btext, False)
        out: Scores = {}
        if not self.scored:
            for leaf, (ids, _, _) in found:
                if self.ranges:
                    ids = self._allowed(ids, leaf)
                out.update(dict.fromkeys(_global(ids, leaf.offset), 0.0))
            return out
        factor, scorable = self._factor(field, found)
        for leaf, (ids, weights, _) in found:
            if self.ranges and ids:
                kept = self._kept(ids, leaf)
                ids, weights = [ids[i] for i in kept], [weights[i] for i in kept]
            if not ids:
                continue
            if scorable:
                norm = self.cache.norms(leaf, field)
                values = [factor * w / (w + norm[d]) for d, w in zip(ids, weights, strict=True)]
            else:
                values = weights
            out.update(zip(_global(ids, leaf.offset), values, strict=True))
        return out

    def phrase(self, field: str, words: list[str], slop: int) -> Scores:
        btexts = [self._bytes(field, w) for w in words]
        if any(b is None for b in btexts):
            return {}
        out: Scores = {}
        per_word = [self.postings(field, b, True) for b in btexts]  # type: ignore[arg-type]
        factors = [self._factor(field, found) for found in per_word] if self.scored else []
        for i, leaf in enumerate(self.cache.leaves()):
            lists = [found[i][1] for found in per_word]
            if any(not lst[0] for lst in lists):
                continue
            # the phrase can only be where its rarest word is (and within the date ranges)
            rarest = min((lst[0] for lst in lists), key=len)
            docs = set(self._allowed(rarest, leaf) if self.ranges else rarest)
            hits = in_order([(ids, values) for ids, _, values in lists], docs, slop)
            if not len(hits):
                continue
            found = _global(hits.tolist(), leaf.offset)
            if not self.scored:
                out.update(dict.fromkeys(found, 0.0))
                continue
            scores = _phrase_scores(hits, lists, factors, self.cache.norms(leaf, field))
            out.update(zip(found, scores.tolist(), strict=True))
        return out

    def postings(self, field: str, btext: bytes, values: bool) -> list[tuple[Leaf, _Postings]]:
        """Each leaf's postings of a term (with values when asked), read once per query."""
        found = self.read.get((field, btext, True)) or self.read.get((field, btext, values))
        if found is None:
            found = [(leaf, _postings(leaf, field, btext, values)) for leaf in self.cache.leaves()]
            self.read[field, btext, values] = found
        return found

    def _bytes(self, field: str, text: Any) -> bytes | None:
        schema = self.cache.reader.schema
        if field not in schema:
            return None
        try:
            return schema[field].to_bytes(text)
        except ValueError:
            return None

    def _factor(self, field: str, found: list[tuple[Leaf, _Postings]]) -> tuple[float, bool]:
        """``idf * (K1 + 1)`` of a term whose postings are ``found``, and whether the field
        is scored by length (else a posting scores its weight)."""
        reader = self.cache.reader
        if not reader.schema[field].scorable:
            return 1.0, False
        df = sum(len(postings[0]) for _, postings in found)
        idf = log(reader.doc_count_all() / (df + 1)) + 1
        return idf * (K1 + 1), True

    # -- combinations ----------------------------------------------------------------------

    def union(self, items: Iterable[Any]) -> Scores:
        return self._sum([self.eval(q) for q in items])

    def _sum(self, found: list[Scores]) -> Scores:
        """The union of parts, the scores of a document's parts added (largest first)."""
        parts = sorted(found, key=len, reverse=True)
        if not parts:
            return {}
        out = dict(parts[0])
        for part in parts[1:]:
            if self.scored:
                get = out.get
                for d, s in part.items():
                    out[d] = get(d, 0.0) + s
            else:
                out.update(part)
        return out

    def intersection(self, items: Iterable[Any]) -> Scores:
        ranges: list[Any] = []
        others: list[Any] = []
        pending = list(items)
        while pending:
            q = pending.pop()
            if type(q) is wq.And:
                pending.extend(q.subqueries)
            elif type(q) is wq.NumericRange and self._column(q) is not None:
                ranges.append(q)
            else:
                others.append(q)
        return self.intersect(others, ranges, "eval")

    def intersect(self, others: list[Any], ranges: list[Any], method: str) -> Scores:
        """The documents of every one of ``others`` (each read by the method named, of
        plans or of Whoosh queries) within every range, each range adding 1 to the score."""
        if not others:
            docs: Iterable[int] = self.cache.live()
            for q in ranges:
                docs = self._in_range(q, docs)
            base = 1.0 if self.scored else 0.0
            return {d: base * len(ranges) for d in docs}
        parts = []
        run = self.within(ranges) if ranges else self
        for q in others:
            part = getattr(run, method)(q)
            if not part:
                return {}
            parts.append(part)
        parts.sort(key=len)
        out = parts[0]
        for part in parts[1:]:
            if self.scored:
                out = {d: s + part[d] for d, s in out.items() if d in part}
            else:
                out = {d: s for d, s in out.items() if d in part}
            if not out:
                return out
        if ranges:
            kept: Iterable[int] = out
            for q in ranges:
                kept = self._in_range(q, kept)
            bonus = len(ranges) if self.scored else 0
            out = {d: out[d] + bonus for d in kept}
        return out

    def difference(self, a: Any, b: Any) -> Scores:
        positive = self.eval(a)
        if not positive:
            return positive
        negative = self.unscored().eval(b)
        return {d: s for d, s in positive.items() if d not in negative}

    def _column(self, q: Any) -> Any:
        name = RANGE_COLUMNS.get(q.fieldname)
        return self.cache.column(name) if name else None

    def _in_range(self, q: Any, docs: Iterable[int]) -> list[int]:
        """The documents whose column value lies in range."""
        return _within(docs, self._column(q), q)

    def _allowed(self, docs: Sequence[int], leaf: Leaf) -> list[int]:
        """The segment's documents among ``docs`` within every one of :attr:`ranges`."""
        return [docs[i] for i in self._kept(docs, leaf)]

    def _kept(self, docs: Sequence[int], leaf: Leaf) -> list[int]:
        """Where in ``docs`` (a segment's document numbers) the documents within every one
        of :attr:`ranges` stand."""
        (column, low, high), *rest = [
            (self.cache.leaf_column(leaf, RANGE_COLUMNS[q.fieldname]), *_bounds(q))
            for q in self.ranges
        ]
        kept = [i for i, d in enumerate(docs) if low <= column[d] <= high]
        for column, low, high in rest:
            kept = [i for i in kept if low <= column[docs[i]] <= high]
        return kept

    def fallback(self, q: Any) -> Scores:
        """Whoosh's own matchers, for query types without a bulk form."""
        out: Scores = {}
        for leaf_searcher, offset in self.searcher.leaf_searchers():
            context = leaf_searcher.context() if self.scored else leaf_searcher.boolean_context()
            m = q.matcher(leaf_searcher, context)
            while m.is_active():
                out[offset + m.id()] = m.score() if self.scored else 0.0
                m.next()
        return out


def _postings(leaf: Leaf, field: str, btext: bytes, values: bool) -> _Postings:
    """Segment document numbers, weights and (when asked) values of one term's postings."""
    m = leaf.matcher(field, btext)
    if m is None:
        return [], [], None
    if type(m) is PackedMatcher:
        return read_term(m, values)
    ids: list[int] = []
    weights: list[float] = []
    vals: list[Any] | None = [] if values else None
    if type(m) is W3LeafMatcher:
        while True:
            m._read_data()
            block = m._data[0]
            ids.extend(block if m._byteids else accumulate(block))  # ids are delta-coded
            given = m._data[1]  # None: all 1.0; one number: all the same
            if given is None or isinstance(given, float):
                weights.extend([1.0 if given is None else given] * len(block))
            else:
                weights.extend(given)
            if vals is not None:
                m._read_values()
                vals.extend(m._values)
            if m._lastblock:
                break
            m._goto(m._nextoffset)
    else:
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            if vals is not None:
                vals.append(m.value())
            m.next()
    return ids, weights, vals


def _phrase_scores(
    hits: Any, lists: list[_Postings], factors: list[tuple[float, bool]], norm: Any
) -> Any:
    """The BM25F scores of a phrase's documents ``hits`` (an ascending numpy array) in a
    segment: the sum of its words' scores there, as :meth:`_Run.term` scores them."""
    import numpy as np

    total = np.zeros(len(hits))
    for (factor, scorable), (ids, weights, _) in zip(factors, lists, strict=True):
        # every hit is among each word's postings: its weight sits where it is found
        weight = np.asarray(weights)[np.searchsorted(np.asarray(ids), hits)].astype(np.float64)
        total += factor * weight / (weight + np.frombuffer(norm)[hits]) if scorable else weight
    return total


def _within(docs: Iterable[int], column: Any, q: Any) -> list[int]:
    """The documents of ``docs`` whose ``column`` value a numeric range query takes in."""
    low, high = _bounds(q)
    return [d for d in docs if low <= column[d] <= high]


def _bounds(q: Any) -> tuple[int, int]:
    """The lowest and highest value a numeric range query takes in."""
    low = q.start if q.start is not None else -(2**31)
    high = q.end if q.end is not None else 2**31 - 1
    if q.startexcl:
        low += 1
    if q.endexcl:
        high -= 1
    return low, high


def _global(ids: list[int], offset: int) -> list[int]:
    return [offset + d for d in ids] if offset else ids
