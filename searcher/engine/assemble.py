"""What every engine makes of its matches alike: a request checked and its facet names
resolved, hits with their snippets, the page of results with its "did you mean".

An engine finds and counts the documents; what it answers is assembled here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from searcher.engine.base import SORTS, SearchRequest
from searcher.engine.snippets import Marker, make_snippet, marker_for
from searcher.errors import QueryError
from searcher.query.fields import facet_name
from searcher.query.spelling import respell
from searcher.record import DERIVED_FACETS, QUERY_FIELDS, Record
from searcher.results import FacetCount, Hit, Results

#: A query with fewer hits than this gets a spelling suggestion.
SUGGEST_BELOW = 3
#: A correction is at most this many edits from the word ...
SPELLING_DISTANCE = 2
#: ... and begins with the word's first letters, this many.
SPELLING_PREFIX = 1

#: An engine's closest word to a lower-case word (within a distance, sharing a prefix),
#: None when the word is one of its own or nothing is close.
Closest = Callable[[str, int, int], str | None]


def facet_field(name: str) -> str:
    """The record field of a facet written either way (``subject`` or ``subjects``);
    QueryError, as :func:`searcher.query.fields.facet_name` says it, for anything else."""
    key = facet_name(name)
    return key if key in DERIVED_FACETS else QUERY_FIELDS[key].name


def check_sort(sort: str) -> None:
    """QueryError for a sort no engine knows."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")


def checked(request: SearchRequest) -> tuple[str, ...]:
    """The request's facet fields, each once; QueryError for a sort, page or facet no
    engine knows."""
    check_sort(request.sort)
    if request.limit < 0 or request.page < 1:
        raise QueryError("limit must be 0 or more and page 1 or more")
    return tuple(dict.fromkeys(facet_field(f) for f in request.facets))


def marker(request: SearchRequest) -> Marker | None:
    """What marks the query's words in the hits' snippets (None: no snippets)."""
    return marker_for(request.node) if request.snippets else None


def hit(record: Record, score: float, marker: Marker | None = None) -> Hit:
    """A record as a hit, with the snippet ``marker`` finds in its body, summary or title."""
    snippet = None
    if marker is not None:
        snippet = make_snippet((record.body, record.summary, record.title), marker)
    return Hit(
        id=record.id,
        title=record.title,
        date=record.date,
        date_start=record.date_start.isoformat() if record.date_start else None,
        sender=record.sender,
        recipient=record.recipient,
        score=float(score),
        url=record.url,
        snippet=snippet,
        copies=record.copies or ((record.path,) if record.path else ()),
        stale=record.stale,
    )


def suggest(text: str, closest: Closest) -> str | None:
    """``text`` with each misspelt word replaced by the engine's closest word (see
    ``searcher.query.spelling``), or None when nothing changes."""
    return respell(text, lambda word: closest(word, SPELLING_DISTANCE, SPELLING_PREFIX))


def results(
    request: SearchRequest,
    total: int,
    hits: Iterable[Hit],
    facets: Mapping[str, tuple[FacetCount, ...]],
    closest: Closest,
) -> Results:
    """The page of results of ``request``: with a "did you mean" when it has few hits,
    and what its parsed query says of itself (text, names expanded, explanation)."""
    parsed = request.parsed
    text = getattr(parsed, "text", "") or ""
    explain = getattr(parsed, "explain", None)
    return Results(
        query=text,
        total=total,
        page=request.page,
        limit=request.limit,
        hits=tuple(hits),
        facets=dict(facets),
        suggestion=suggest(text, closest) if total < SUGGEST_BELOW and text else None,
        expanded=dict(getattr(parsed, "expanded", {}) or {}),
        explanation=explain() if callable(explain) else "",
    )


def similar_results(id: str, limit: int, hits: Iterable[Hit] = (), total: int = 0) -> Results:
    """The results of more-like-this for the document ``id`` (none by default)."""
    return Results(query=f"similar:{id}", total=total, page=1, limit=limit, hits=tuple(hits))
