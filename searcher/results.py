"""What a search returns: typed, and the same shape as the command line's JSON output."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Snippet:
    """A passage of a document; ``marks`` are (start, end) offsets of matched text in it.

    The text is plain (never markup), so each output escapes or colours it as it needs.
    """

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    date: str
    date_start: str | None
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    score: float
    url: str = ""
    snippet: Snippet | None = None
    #: Every page path holding the document, the record's own first.
    copies: tuple[str, ...] = ()
    #: Why the document's page can no longer be read ("" while it can): the hit is its
    #: last good record.
    stale: str = ""


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class Results:
    """One page of hits, with counts over the whole result set."""

    query: str
    total: int
    page: int
    limit: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    #: for each name the user wrote, the variants of it that were searched as well
    expanded: dict[str, tuple[str, ...]] = field(default_factory=dict)
    explanation: str = ""
    #: how many documents ``suggestion`` finds (it is offered only when it finds some)
    suggestion_total: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
