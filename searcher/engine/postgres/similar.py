"""More like this in PostgreSQL: the key terms of ``searcher.engine.similar``, scored as
the embedded engine's BM25F scores them (see ``_SCORE``), each term's score times its
weight and inverse document frequency."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from searcher.engine.postgres.analyze import RANK_WEIGHTS, quote
from searcher.engine.similar import key_terms
from searcher.record import Record

#: BM25's parameters, as the embedded engine's.
B, K1 = 0.75, 1.2
#: Each label's weight (``RANK_WEIGHTS`` lists D, C, B, A).
_LABEL = dict(zip("DCBA", (float(x) for x in RANK_WEIGHTS.strip("{}").split(",")), strict=True))
#: BM25F, as the embedded engine scores a term: its positions counted by their field's
#: weight (title A, summary B, body C; citation and source D) over the field's length
#: relative to the field's average among the documents matched, then saturated.
_SCORE = f"""
SELECT record, score FROM (
  SELECT m.record, m.path, (
    SELECT sum(q.w * t.tf * {K1 + 1} / (t.tf + {K1}))
    FROM (
      SELECT u.lexeme, sum(CASE l
          WHEN 'A' THEN {_LABEL["A"]} / ({1 - B} + {B} * m.title_rel)
          WHEN 'B' THEN {_LABEL["B"]} / ({1 - B} + {B} * m.summary_rel)
          WHEN 'C' THEN {_LABEL["C"]} / ({1 - B} + {B} * m.body_rel)
          ELSE {_LABEL["D"]} END) AS tf
      FROM unnest(m.tsv) AS u, unnest(u.weights) AS l
      WHERE u.lexeme = ANY(%(terms)s::text[]) GROUP BY u.lexeme
    ) AS t JOIN unnest(%(terms)s::text[], %(weights)s::float8[]) AS q(lex, w) ON q.lex = t.lexeme
  ) AS score
  FROM (
    SELECT record, path, tsv, nt / avg(nt) OVER () AS title_rel,
      ns / avg(ns) OVER () AS summary_rel, nb / avg(nb) OVER () AS body_rel
    FROM (
      SELECT record, path, tsv, 1.0 + length(title) AS nt,
        1.0 + length(coalesce(record->>'summary', '')) AS ns,
        1.0 + length(coalesce(record->>'body', '')) AS nb
      FROM {{docs}} WHERE tsv @@ %(any)s::tsquery AND id <> %(id)s
    ) AS sized
  ) AS m
) AS scored ORDER BY score DESC, path LIMIT %(limit)s
"""


def ranked(
    conn: Any, docs: str, lexicon: str, record: Record, limit: int
) -> tuple[list[tuple[Any, float]], int]:
    """(record JSON, score) of the ``limit`` documents most like ``record``, and how many
    documents share a key term with it (the record itself left out)."""
    documents = conn.execute(f"SELECT count(*) FROM {docs}").fetchone()[0] or 1
    df: dict[str, int] = {}

    def doc_freq(stems: list[str]) -> dict[str, int]:
        df.update(_doc_freq(conn, docs, stems))
        return df

    terms = key_terms(record, doc_freq, documents)
    if not terms:
        return [], 0
    params = {
        "terms": [t for t, _ in terms],
        "weights": [w * _idf(documents, df.get(t, 1)) for t, w in terms],
        "any": " | ".join(quote(t) for t, _ in terms),
        "id": record.id,
        "limit": limit,
    }
    rows = conn.execute(_SCORE.replace("{docs}", docs), params).fetchall()
    total = conn.execute(
        f"SELECT count(*) FROM {docs} WHERE tsv @@ %(any)s::tsquery AND id <> %(id)s", params
    ).fetchone()[0]
    return [(data, float(score)) for data, score in rows], total


def _doc_freq(conn: Any, docs: str, stems: list[str]) -> dict[str, int]:
    """Documents holding each stem in their title, summary or body (one index lookup a
    stem, in one statement)."""
    rows = conn.execute(
        f"SELECT s, (SELECT count(*) FROM {docs} WHERE tsv @@ (quote_literal(s) || ':ABC')"
        "::tsquery) FROM unnest(%s::text[]) AS s",
        (stems,),
    )
    return dict(rows.fetchall())


def _idf(documents: int, n: int) -> float:
    """BM25's inverse document frequency (as the embedded engine's)."""
    return math.log(1 + (documents - n + 0.5) / (n + 0.5))


__all__: Iterable[str] = ("ranked",)
