"""Query tree (searcher.query.ast) -> a SQL condition with tsquery constants.

Text is matched through lexemes made in Python (searcher.engine.postgres.analyze), so a
tsquery here is a constant: it needs no text-search configuration on the server and is
pushed down to shard servers as it is.  Semantics follow the embedded engine:

- a word is its Porter2 stem in every text field (``tsv``), or in one field through its
  weight label (``title`` A, ``summary`` B, ``body`` C) or its prefixed lexemes
  (``citation:``/``source:`` in ``ftsv``);
- a phrase is ``<->``; proximity ``"a b"~N`` lets each next word come 1 to N+1 positions
  later, in order, within one field (weight label): ``a:A <1> b:A | ... | a:D <N+1> b:D``.
  Of three words or more, each two in a row so find the candidate rows, and the
  candidates' positions in the tsvector are walked in SQL (see :func:`_near`): the query
  grows with the words, not as (N+1)^(words-1) as nesting ``<1> | <2> ...`` does;
- wildcards and fuzzy words expand through the unstemmed lexicon, then search the stems;
- a keyword field matches a whole value in any case (``keys``) or the value's words in
  order (``ftsv``); a filter's value (``ast.Value``) matches the whole value only, its
  words only where no document has it; dates overlap the document's span (``daterange &&``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from searcher.analysis import KEYWORD_FIELDS, TEXT_FIELDS, WRITTEN, stem, words
from searcher.engine.postgres.analyze import LABELS, PREFIXED_TEXT, quote
from searcher.errors import QueryError
from searcher.fold import accented
from searcher.query import ast
from searcher.record import FIELD_BY_NAME

#: Most lexicon words one wildcard or fuzzy word may expand to.
MAX_EXPANSION = 1024
#: The weight labels of ``tsv``: a proximity in any text field stays inside one of them.
_ALL_LABELS = ("A", "B", "C", "D")
_KEYWORDS = frozenset(KEYWORD_FIELDS)
_TEXTS = frozenset(TEXT_FIELDS)
_PATTERN_JUNK = re.compile(r"[^\w*?]+")


class Lexicon(Protocol):
    """The unstemmed words of the index."""

    def matching(self, pattern: str, limit: int) -> Sequence[str]:
        """Words matching a lower-case glob (``*`` any run, ``?`` one character)."""

    def near(self, word: str, distance: int) -> Sequence[str]:
        """Words within ``distance`` edits of ``word``."""

    def has_value(self, key: str) -> bool:
        """Whether a document has the keyword value ``key`` (``field:value``, lower-case)."""


@dataclass(frozen=True)
class Compiled:
    """A WHERE condition with its parameters, and the tsquery that ranks and highlights.

    ``rank`` keeps the weight labels (a ``title:`` word ranks by its title only);
    ``highlight`` drops them.  Both are None when no text is searched.
    """

    where: str
    params: tuple[Any, ...]
    rank: str | None = None
    highlight: str | None = None


@dataclass(frozen=True)
class _Part:
    """A compiled node: a tsquery over ``column``, or SQL, or a constant (``sql`` TRUE/FALSE)."""

    column: str | None = None
    tsquery: str = ""
    sql: str = ""
    params: tuple[Any, ...] = ()

    def as_sql(self) -> tuple[str, tuple[Any, ...]]:
        if self.column is not None:
            return f"{self.column} @@ %s::tsquery", (self.tsquery,)
        return self.sql, self.params


TRUE = _Part(sql="TRUE")
FALSE = _Part(sql="FALSE")


@dataclass
class _Compiler:
    lexicon: Lexicon
    rank: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)

    def node(self, node: ast.Node, negated: bool = False) -> _Part:
        if isinstance(node, ast.MatchAll):
            return TRUE
        if isinstance(node, ast.And):
            return self.combine([self.node(i, negated) for i in node.items], "&", "AND")
        if isinstance(node, ast.Or):
            return self.combine([self.node(i, negated) for i in node.items], "|", "OR")
        if isinstance(node, ast.Not):
            return self.negate(self.node(node.item, not negated))
        if isinstance(node, ast.DateRange):
            return _date_range(node)
        if isinstance(node, ast.Value):
            return self.value(node.field, node.value, negated)
        if isinstance(node, ast.Term):
            return self.words(node.field, words(node.text), 0, negated, whole=node.text)
        if isinstance(node, ast.Phrase):
            text = " ".join(node.words)
            return self.words(node.field, words(text), node.slop, negated, whole=text)
        if isinstance(node, ast.Wildcard):
            return self.wildcard(node.field, node.pattern, negated)
        if isinstance(node, ast.Fuzzy):
            return self.fuzzy(node.field, node.text, node.distance, negated)
        raise QueryError(f"this index cannot search {type(node).__name__} queries")

    # -- boolean structure ---------------------------------------------------------------
    def combine(self, parts: list[_Part], op: str, sql_op: str) -> _Part:
        absorbing, neutral = (FALSE, TRUE) if op == "&" else (TRUE, FALSE)
        if absorbing in parts:
            return absorbing
        parts = [p for p in parts if p != neutral]
        if not parts:
            return neutral
        if len(parts) == 1:
            return parts[0]
        columns = {p.column for p in parts}
        if len(columns) == 1 and None not in columns:
            return _Part(parts[0].column, f" {op} ".join(f"({p.tsquery})" for p in parts))
        sqls, params = [], []
        for p in parts:
            s, ps = p.as_sql()
            sqls.append(f"({s})")
            params.extend(ps)
        return _Part(sql=f" {sql_op} ".join(sqls), params=tuple(params))

    def negate(self, part: _Part) -> _Part:
        if part == TRUE:
            return FALSE
        if part == FALSE:
            return TRUE
        if part.column is not None:
            return _Part(part.column, f"!({part.tsquery})")
        return _Part(sql=f"NOT ({part.sql})", params=part.params)

    # -- leaves --------------------------------------------------------------------------
    def words(
        self, name: str | None, tokens: list[str], slop: int, negated: bool, whole: str
    ) -> _Part:
        _check_field(name)
        if name == "id":
            return _Part(sql="id = %s", params=(whole,))
        if name in _KEYWORDS:
            lexemes = [f"{name}:{w}" for w in tokens]
            parts = [_Part(sql="keys @> ARRAY[%s]", params=(f"{name}:{whole.lower()}",))]
            if lexemes:
                parts.append(_sequence("ftsv", [[x] for x in lexemes], slop))
            return self.combine(parts, "|", "OR")
        if not tokens:
            return FALSE
        part = self.text(name, [[stem(t)] for t in tokens], slop, negated)
        written = [quote(f"{WRITTEN}:{stem(w)}") for w in accented(whole)]
        if not written:  # accents reach here only in exact queries (expand.folded)
            return part
        return self.combine([part, _Part("ftsv", " & ".join(written))], "&", "AND")

    def value(self, name: str, value: str, negated: bool) -> _Part:
        """The documents whose facet counts the whole value (in any case); where no
        document has it, those with its words in order, as a ``name:`` phrase."""
        _check_field(name)
        key = f"{name}:{value.lower()}"
        if name in _KEYWORDS and self.lexicon.has_value(key):
            return _Part(sql="keys @> ARRAY[%s]", params=(key,))
        return self.words(name, words(value), 0, negated, whole=value)

    def text(
        self, name: str | None, alternatives: list[list[str]], slop: int, negated: bool
    ) -> _Part:
        """Stems in sequence (each position one of several stems) in one or all text fields."""
        if name in PREFIXED_TEXT:
            column, label = "ftsv", ""
            alternatives = [[f"{name}:{s}" for s in alts] for alts in alternatives]
        else:
            column, label = "tsv", LABELS.get(name or "", "")
        part = _sequence(column, alternatives, slop, label)
        if not negated and column == "tsv":
            self.rank.append(_steps(alternatives, slop, _labels(column, label)))
            self.highlight.append(_steps(alternatives, slop, ("",)))
        return part

    def wildcard(self, name: str | None, pattern: str, negated: bool) -> _Part:
        _check_field(name)
        pattern = pattern.lower()
        if name == "id":
            return _Part(sql="id LIKE %s", params=(_like(pattern),))
        word_pattern = _PATTERN_JUNK.sub("", pattern)
        if name in _KEYWORDS:
            whole = _glob_regex(pattern, "[^\n]")
            regex = f"(^|\n){re.escape(name)}:{whole}($|\n)"
            parts = [_Part(sql="array_to_string(keys, E'\\n') ~ %s", params=(regex,))]
            if " " not in pattern and word_pattern.strip("*?"):
                inner = _glob_regex(word_pattern, r"\w")
                regex = f"(^|\n){re.escape(name)}:([^\n]*[^\n\\w])?{inner}([^\n\\w]|$|\n)"
                parts.append(_Part(sql="array_to_string(keys, E'\\n') ~ %s", params=(regex,)))
            return self.combine(parts, "|", "OR")
        if not word_pattern.strip("*?"):
            return TRUE
        return self.stems(name, self.lexicon.matching(word_pattern, MAX_EXPANSION), negated)

    def fuzzy(self, name: str | None, text: str, distance: int, negated: bool) -> _Part:
        _check_field(name)
        tokens = words(text)
        if not tokens:
            return FALSE
        if name == "id":
            return _Part(sql="id = %s", params=(text,))
        word = tokens[0]
        distance = max(0, min(distance, 2))
        near = [word, *self.lexicon.near(word, distance)]
        if name in _KEYWORDS:
            lexemes = sorted({quote(f"{name}:{w}") for w in near})
            return _Part("ftsv", _any(lexemes))
        return self.stems(name, near, negated)

    def stems(self, name: str | None, found: Sequence[str], negated: bool) -> _Part:
        stems = sorted({stem(w) for w in list(found)[:MAX_EXPANSION]})
        if not stems:
            return FALSE
        return self.text(name, [stems], 0, negated)


def _check_field(name: str | None) -> None:
    if name is None or name in _TEXTS or name in _KEYWORDS or name == "id":
        return
    spec = FIELD_BY_NAME.get(name)
    if spec is not None and spec.kind == "date":
        raise QueryError(f"field {name!r} takes a date range, e.g. date:1950..1953")
    raise QueryError(f"field {name!r} cannot be searched")


def _any(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "(" + " | ".join(items) + ")"


def _labels(column: str, label: str) -> tuple[str, ...]:
    """The weights a sequence may lie in, one at a time ("": any)."""
    return (label,) if label else _ALL_LABELS if column == "tsv" else ("",)


def _steps(alternatives: list[list[str]], slop: int, labels: tuple[str, ...]) -> str:
    """A tsquery of lexemes in sequence (each step one of several).  For ``slop`` 0 a
    phrase (``<->``; a gap between fields keeps it inside one).  Else each two steps in a
    row 1 to slop+1 positions apart, both of one of ``labels`` (a field): exact for two
    steps, a condition each match of more meets (of size linear in the steps)."""
    if slop == 0 or len(alternatives) == 1:
        mark = f":{labels[0]}" if len(labels) == 1 and labels[0] else ""
        return " <-> ".join(_any([quote(s) + mark for s in alts]) for alts in alternatives)
    pairs = []
    for left, right in zip(alternatives, alternatives[1:], strict=False):
        options = []
        for label in labels:
            mark = f":{label}" if label else ""
            a, b = (_any([quote(s) + mark for s in alts]) for alts in (left, right))
            options += [f"{a} <{d}> {b}" for d in range(1, slop + 2)]
        pairs.append("(" + " | ".join(options) + ")")
    return " & ".join(pairs)


def _sequence(column: str, alternatives: list[list[str]], slop: int, label: str = "") -> _Part:
    """Lexemes of ``column`` in sequence, each next step 1 (phrase) or 1..slop+1 positions
    after the previous one, with ``label`` (a weight) or in any one field."""
    tsquery = _steps(alternatives, slop, _labels(column, label))
    if slop == 0 or len(alternatives) <= 2:
        return _Part(column, tsquery)
    return _near(column, tsquery, alternatives, slop, label)


#: Proximity checked on a candidate row's positions: ``o`` lists the occurrences of each
#: step's lexemes (step, position, weight), ``c`` the steps reached, each from a position
#: of the step before 1..reach positions back, in the same field (weight; a gap between
#: fields keeps a phrase inside one, and ``UNION`` keeps each (step, position) once, so the
#: walk is linear in the occurrences).
_NEAR = """({column} @@ %s::tsquery AND EXISTS (
 WITH RECURSIVE o AS MATERIALIZED (
  SELECT m.i, x.p, x.w
  FROM (SELECT s.i, u.positions, u.weights FROM unnest({column}) AS u
        JOIN unnest(%s::text[], %s::int[]) AS s(lexeme, i) ON s.lexeme = u.lexeme) AS m
  CROSS JOIN LATERAL unnest(m.positions, m.weights) AS x(p, w){weight}
 ), c(i, p, w) AS (
  SELECT i, p, w FROM o WHERE i = 1
  UNION
  SELECT o.i, o.p, o.w FROM c JOIN o
   ON o.i = c.i + 1 AND o.w = c.w AND o.p > c.p AND o.p <= c.p + %s
 )
 SELECT 1 FROM c WHERE c.i = %s))"""


def _near(column: str, tsquery: str, alternatives: list[list[str]], slop: int, label: str) -> _Part:
    """Proximity of three steps or more: the rows where each two in a row are near enough
    (``tsquery``, through the GIN index) whose positions hold the whole sequence."""
    lexemes = [s for alts in alternatives for s in alts]
    steps = [i for i, alts in enumerate(alternatives, 1) for _ in alts]
    weight = " WHERE x.w = %s" if label else ""
    params: tuple[Any, ...] = (tsquery, lexemes, steps, *((label,) if label else ()))
    sql = _NEAR.format(column=column, weight=weight)
    return _Part(sql=sql, params=(*params, slop + 1, len(alternatives)))


def _glob_regex(pattern: str, char: str) -> str:
    return "".join(f"{char}*" if c == "*" else char if c == "?" else re.escape(c) for c in pattern)


def like_prefix(prefix: str) -> str:
    """A LIKE pattern for the values that begin with ``prefix``."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%").replace("?", "_")


def _date_range(node: ast.DateRange) -> _Part:
    """Overlap of the document's span with [start, end]; undated documents never match."""
    if node.start is None and node.end is None:
        return _Part(sql="span IS NOT NULL")
    return _Part(sql="span && daterange(%s::date, %s::date, '[]')", params=(node.start, node.end))


def compile_query(node: ast.Node, lexicon: Lexicon) -> Compiled:
    """The SQL condition (and ranking tsquery) for a query tree."""
    compiler = _Compiler(lexicon)
    where, params = compiler.node(node).as_sql()
    rank = " | ".join(f"({q})" for q in compiler.rank) or None
    highlight = " | ".join(f"({q})" for q in compiler.highlight) or None
    return Compiled(where, params, rank, highlight)
