"""A query's plan (searcher.query.plan) -> a SQL condition with tsquery constants.

Text is matched through lexemes made in Python (searcher.engine.postgres.analyze), so a
tsquery here is a constant: it needs no text-search configuration on the server and is
pushed down to shard servers as it is.  The plan has resolved fields, words, expansions
and the whole-value rule; here:

- stems in every text field are lexemes of ``tsv``, in one field they carry its weight
  label (``title`` A, ``summary`` B, ``body`` C) or are prefixed lexemes
  (``citation:``/``source:`` in ``ftsv``);
- a phrase is ``<->``; proximity ``"a b"~N`` lets each next word come 1 to N+1 positions
  later, in order, within one field: ``a & b & (a <1> b | ... | a <N+1> b)`` (every word
  first, so that RUM tries the distances only on rows with all of them), which the gap
  between values (``FIELD_GAP``) keeps inside one; a wider reach is asked of each weight
  label apart, ``a & b & (a:A <1> b:A | ... | a:D <N+1> b:D)``.
  Of three words or more, each two in a row so find the candidate rows, and the
  candidates' positions in the tsvector are walked in SQL (see :func:`_near`): the query
  grows with the words, not as (N+1)^(words-1) as nesting ``<1> | <2> ...`` does;
- a keyword field's whole values in any case are ``keys``, the words of its values
  ``field:word`` lexemes of ``ftsv``, its globs regular expressions over ``keys``; dates
  overlap the document's span (``daterange &&``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from searcher.analysis import TEXT_FIELDS, WRITTEN
from searcher.engine.postgres.analyze import FIELD_GAP, LABELS, PREFIXED_TEXT, quote
from searcher.errors import QueryError
from searcher.query import ast, plan
from searcher.query.plan import KEYWORDS, Lexicon

__all__ = ["Compiled", "Lexicon", "compile_plan", "compile_query", "like_prefix"]

#: The weight labels of ``tsv``: a proximity in any text field stays inside one of them.
_ALL_LABELS = ("A", "B", "C", "D")
_PATTERN_JUNK = re.compile(r"[^\w*?]+")


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
    rank: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)

    def node(self, node: plan.Plan, unranked: bool = False) -> _Part:
        """``node`` as SQL; text under a Not or an Unscored (``unranked``) does not rank."""
        if isinstance(node, plan.MatchAll):
            return TRUE
        if isinstance(node, plan.And):
            return self.combine([self.node(i, unranked) for i in node.items], "&", "AND")
        if isinstance(node, plan.Or):
            return self.combine([self.node(i, unranked) for i in node.items], "|", "OR")
        if isinstance(node, plan.Not):
            return self.negate(self.node(node.item, not unranked))
        if isinstance(node, plan.Unscored):
            return self.node(node.item, True)
        if isinstance(node, plan.DateOverlap):
            return _date_range(node)
        if isinstance(node, plan.Value):
            if node.field == "id":
                return _Part(sql="id = %s", params=(node.value,))
            return _Part(sql="keys @> ARRAY[%s]", params=(f"{node.field}:{node.value.lower()}",))
        if isinstance(node, plan.ValuePattern):
            return self.pattern(node.field, node.pattern)
        if isinstance(node, plan.Terms):
            return self.sequence(node.fields, [list(node.words)], 0, unranked)
        if isinstance(node, plan.Phrase):
            return self.sequence(node.fields, [[w] for w in node.words], node.slop, unranked)
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
    def sequence(
        self, fields: tuple[str, ...], alternatives: list[list[str]], slop: int, unranked: bool
    ) -> _Part:
        """Index forms in sequence (each position one of several) in ``fields``."""
        if not alternatives or not all(alternatives):
            return FALSE
        name = None if fields == TEXT_FIELDS else _one(fields)
        if name == WRITTEN or name in KEYWORDS:
            return _sequence("ftsv", [[f"{name}:{w}" for w in alts] for alts in alternatives], slop)
        return self.text(name, alternatives, slop, unranked)

    def text(
        self, name: str | None, alternatives: list[list[str]], slop: int, unranked: bool
    ) -> _Part:
        """Stems in sequence (each position one of several stems) in one or all text fields."""
        if name in PREFIXED_TEXT:
            column, label = "ftsv", ""
            alternatives = [[f"{name}:{s}" for s in alts] for alts in alternatives]
        else:
            column, label = "tsv", LABELS.get(name or "", "")
        part = _sequence(column, alternatives, slop, label)
        if not unranked and column == "tsv":
            self.rank.append(_ranked(alternatives, slop, label))
            self.highlight.append(_steps(alternatives, slop, ("",)))
        return part

    def pattern(self, name: str, pattern: str) -> _Part:
        """Ids, or a keyword field's whole values or their words, matching a glob."""
        if name == "id":
            return _Part(sql="id LIKE %s", params=(_like(pattern),))
        word_pattern = _PATTERN_JUNK.sub("", pattern)
        whole = _glob_regex(pattern, "[^\n]")
        regex = f"(^|\n){re.escape(name)}:{whole}($|\n)"
        parts = [_Part(sql="array_to_string(keys, E'\\n') ~ %s", params=(regex,))]
        if " " not in pattern and word_pattern.strip("*?"):
            inner = _glob_regex(word_pattern, r"\w")
            regex = f"(^|\n){re.escape(name)}:([^\n]*[^\n\\w])?{inner}([^\n\\w]|$|\n)"
            parts.append(_Part(sql="array_to_string(keys, E'\\n') ~ %s", params=(regex,)))
        return self.combine(parts, "|", "OR")


def _one(fields: Sequence[str]) -> str:
    if len(fields) != 1:
        raise QueryError(f"this index searches one field or every text field, not {fields}")
    return fields[0]


def _any(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "(" + " | ".join(items) + ")"


def _labels(column: str, label: str, slop: int) -> tuple[str, ...]:
    """The weights a sequence may lie in, one at a time ("": any).  A reach within the gap
    between values stays inside one field without them."""
    if label:
        return (label,)
    return _ALL_LABELS if column == "tsv" and slop >= FIELD_GAP else ("",)


def _steps(alternatives: list[list[str]], slop: int, labels: tuple[str, ...]) -> str:
    """A tsquery of lexemes in sequence (each step one of several).  For ``slop`` 0 a
    phrase (``<->``; a gap between fields keeps it inside one).  Else each two steps in a
    row 1 to slop+1 positions apart, both of one of ``labels`` (a field): exact for two
    steps, a condition each match of more meets (of size linear in the steps)."""
    one = f":{labels[0]}" if len(labels) == 1 and labels[0] else ""
    if slop == 0 or len(alternatives) == 1:
        return " <-> ".join(_any([quote(s) + one for s in alts]) for alts in alternatives)
    # every step's words first: RUM then walks only the rows that have them all before
    # it tries the distances (a third less work than the alternatives alone)
    pairs = [_any([quote(s) + one for s in alts]) for alts in alternatives]
    for left, right in zip(alternatives, alternatives[1:], strict=False):
        options = []
        for label in labels:
            mark = f":{label}" if label else ""
            a, b = (_any([quote(s) + mark for s in alts]) for alts in (left, right))
            options += [f"{a} <{d}> {b}" for d in range(1, slop + 2)]
        pairs.append("(" + " | ".join(options) + ")")
    return " & ".join(pairs)


def _ranked(alternatives: list[list[str]], slop: int, label: str) -> str:
    """The tsquery that ranks a sequence: a phrase itself; of a proximity every step (its
    words nearer together rank higher, and RUM scores this far faster than the steps'
    alternatives of distance)."""
    if slop == 0 or len(alternatives) == 1:
        return _steps(alternatives, slop, (label,))
    mark = f":{label}" if label else ""
    return " & ".join(_any([quote(s) + mark for s in alts]) for alts in alternatives)


def _sequence(column: str, alternatives: list[list[str]], slop: int, label: str = "") -> _Part:
    """Lexemes of ``column`` in sequence, each next step 1 (phrase) or 1..slop+1 positions
    after the previous one, with ``label`` (a weight) or in any one field."""
    tsquery = _steps(alternatives, slop, _labels(column, label, slop))
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


def _date_range(node: plan.DateOverlap) -> _Part:
    """Overlap of the document's span with [start, end]; undated documents never match."""
    if node.start is None and node.end is None:
        return _Part(sql="span IS NOT NULL")
    return _Part(sql="span && daterange(%s::date, %s::date, '[]')", params=(node.start, node.end))


def compile_plan(planned: plan.Plan) -> Compiled:
    """The SQL condition (and ranking tsquery) for a plan."""
    compiler = _Compiler()
    where, params = compiler.node(planned).as_sql()
    rank = " | ".join(f"({q})" for q in compiler.rank) or None
    highlight = " | ".join(f"({q})" for q in compiler.highlight) or None
    return Compiled(where, params, rank, highlight)


def compile_query(node: ast.Node, lexicon: Lexicon) -> Compiled:
    """The SQL condition (and ranking tsquery) for a query tree, planned against
    ``lexicon``."""
    return compile_plan(plan.build(node, lexicon))
