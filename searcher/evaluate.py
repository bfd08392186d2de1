"""Ranking quality on a judged query set: reciprocal rank and nDCG.

A judged set is a list of queries, each with the documents that answer it and how well
(grade 3: highly relevant, 2: relevant, 1: partially relevant).  ``evaluate`` runs every
query against an archive and scores the ranking it returns:

- reciprocal rank: 1 / the rank of the first hit holding the query's top grade (the
  documents that should rank first), 0 when none is in the first ``k`` hits; its mean
  over the queries is the MRR;
- nDCG@k: the discounted cumulative gain of the first ``k`` hits (gain ``2**grade - 1``,
  discount ``log2(rank + 1)``) over that of the best possible ranking, 1.0 at best.

The judgments file is tab-separated text (see ``load_judgments``), kept in the project at
``tests/relevance/judgments.tsv``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from searcher.errors import QueryError

if TYPE_CHECKING:
    from searcher.api import Archive

#: Highest grade a judgment may give.
MAX_GRADE = 3


@dataclass(frozen=True)
class Judgment:
    """One judged query: its text, the information need, and the graded relevant ids."""

    query: str
    grades: Mapping[str, int]
    need: str = ""
    line: int = 0

    @property
    def top(self) -> frozenset[str]:
        """The ids holding this query's highest grade: the ones that should rank first."""
        best = max(self.grades.values(), default=0)
        return frozenset(i for i, g in self.grades.items() if g == best)


@dataclass(frozen=True)
class QueryScore:
    """How one judged query fared."""

    query: str
    need: str
    ranking: tuple[str, ...]
    reciprocal_rank: float
    ndcg: float
    #: 1-based rank of the first top-grade hit, or None when it is not in the first k.
    first_rank: int | None
    #: judged ids not among the first k hits, best grade first.
    missed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "need": self.need,
            "reciprocal_rank": self.reciprocal_rank,
            "ndcg": self.ndcg,
            "first_rank": self.first_rank,
            "ranking": list(self.ranking),
            "missed": list(self.missed),
        }


@dataclass(frozen=True)
class Evaluation:
    """Per-query rows and their means."""

    k: int
    rows: tuple[QueryScore, ...]
    mrr: float
    ndcg: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "queries": len(self.rows),
            "mrr": self.mrr,
            "ndcg": self.ndcg,
            "rows": [row.to_dict() for row in self.rows],
        }


def reciprocal_rank(ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    """1 / rank of the first id in ``ranking`` with the highest grade in ``grades``; 0 if none."""
    best = max(grades.values(), default=0)
    if best <= 0:
        return 0.0
    for rank, doc in enumerate(ranking, 1):
        if grades.get(doc, 0) == best:
            return 1.0 / rank
    return 0.0


def dcg(gains: Sequence[int]) -> float:
    """Discounted cumulative gain of grades in rank order."""
    return sum((2**g - 1) / math.log2(rank + 1) for rank, g in enumerate(gains, 1))


def ndcg(k: int, ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    """nDCG of the first ``k`` ids of ``ranking``; 0 when nothing is judged relevant."""
    ideal = dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(doc, 0) for doc in ranking[:k]]) / ideal


def mrr(rankings: Sequence[Sequence[str]], judgments: Sequence[Mapping[str, int]]) -> float:
    """Mean reciprocal rank: ``rankings[i]`` is scored against the grades ``judgments[i]``."""
    return _mean([reciprocal_rank(r, j) for r, j in zip(rankings, judgments, strict=True)])


def ndcg_at(
    k: int, rankings: Sequence[Sequence[str]], judgments: Sequence[Mapping[str, int]]
) -> float:
    """Mean nDCG@k of ``rankings[i]`` against the grades ``judgments[i]``."""
    if k < 1:
        raise ValueError("k must be 1 or more")
    return _mean([ndcg(k, r, j) for r, j in zip(rankings, judgments, strict=True)])


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def parse_judgments(text: str, source: str = "judgments") -> list[Judgment]:
    """Judgments from the text of a judgments file.

    One query a line: the query, then tab-separated ``id:grade`` pairs (grade 1 to 3).
    Lines starting with ``#`` are comments; the comment lines directly above a query
    state its information need.  Blank lines are ignored.  A malformed line raises
    QueryError naming ``source`` and the line number.
    """
    out: list[Judgment] = []
    seen: dict[str, int] = {}
    need: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            need = []
            continue
        if stripped.startswith("#"):
            need.append(stripped.lstrip("#").strip())
            continue
        where = f"{source}:{number}"
        query, *pairs = (part.strip() for part in line.split("\t"))
        pairs = [p for p in pairs if p]
        if not query:
            raise QueryError(f"{where}: the line has no query before its first tab")
        if query in seen:
            raise QueryError(f"{where}: query {query!r} is judged already on line {seen[query]}")
        if not pairs:
            raise QueryError(f"{where}: query {query!r} has no judged documents (id:grade)")
        grades: dict[str, int] = {}
        for pair in pairs:
            doc, sep, grade = pair.rpartition(":")
            if not sep or not doc or not grade.isdigit() or not 1 <= int(grade) <= MAX_GRADE:
                raise QueryError(
                    f"{where}: {pair!r} is not id:grade with a grade from 1 to {MAX_GRADE}"
                )
            if doc in grades:
                raise QueryError(f"{where}: document {doc!r} is judged twice")
            grades[doc] = int(grade)
        seen[query] = number
        out.append(Judgment(query, grades, " ".join(p for p in need if p), number))
        need = []
    return out


def load_judgments(path: str | Path) -> list[Judgment]:
    """The judgments in a file (UTF-8; format as for :func:`parse_judgments`)."""
    path = Path(path)
    return parse_judgments(path.read_text(encoding="utf-8"), str(path))


def halves(judgments: Sequence[Judgment]) -> tuple[list[Judgment], list[Judgment]]:
    """The tuning half and the held-out half of a judged set, by a rule fixed before any
    measurement: counted in file order from 1, the odd-numbered queries tune the weights,
    the even-numbered ones are held out to judge them."""
    return list(judgments[0::2]), list(judgments[1::2])


def score_query(judgment: Judgment, ranking: Sequence[str], k: int) -> QueryScore:
    """The scores of one ranking (only its first ``k`` ids count)."""
    ranking = tuple(ranking[:k])
    top = judgment.top
    first = next((rank for rank, doc in enumerate(ranking, 1) if doc in top), None)
    found = set(ranking)
    missed = tuple(
        doc
        for doc, _ in sorted(judgment.grades.items(), key=lambda item: -item[1])
        if doc not in found
    )
    return QueryScore(
        query=judgment.query,
        need=judgment.need,
        ranking=ranking,
        reciprocal_rank=reciprocal_rank(ranking, judgment.grades),
        ndcg=ndcg(k, ranking, judgment.grades),
        first_rank=first,
        missed=missed,
    )


def summarise(rows: Sequence[QueryScore], k: int) -> Evaluation:
    """An Evaluation of scored rows: the rows and their means."""
    return Evaluation(
        k=k,
        rows=tuple(rows),
        mrr=_mean([r.reciprocal_rank for r in rows]),
        ndcg=_mean([r.ndcg for r in rows]),
    )


def ranked_ids(archive: Archive, judgment: Judgment, k: int) -> list[str]:
    """The ids of the first ``k`` hits of a judged query, by relevance."""
    try:
        results = archive.search(judgment.query, limit=k, snippets=False)
    except QueryError as exc:
        raise QueryError(
            f"judged query on line {judgment.line} ({judgment.query!r}): {exc}"
        ) from None
    return [hit.id for hit in results.hits]


def evaluate(archive: Archive, judgments: Sequence[Judgment], *, k: int = 10) -> Evaluation:
    """Run every judged query on ``archive`` and score the first ``k`` hits of each."""
    if k < 1:
        raise QueryError("k must be 1 or more")
    return summarise([score_query(j, ranked_ids(archive, j, k), k) for j in judgments], k)


def evaluate_similar(archive: Archive, judgments: Sequence[Judgment], *, k: int = 10) -> Evaluation:
    """More-like-this judged as :func:`evaluate` judges queries: each judgment's "query"
    is the id of a document, ranked against the first ``k`` of ``archive.similar(id)``."""
    if k < 1:
        raise QueryError("k must be 1 or more")
    rows = []
    for j in judgments:
        ranking = [hit.id for hit in archive.similar(j.query, limit=k).hits]
        rows.append(score_query(j, ranking, k))
    return summarise(rows, k)
