"""The narrow interface every index engine offers, and the dispatch that opens one.

Nothing engine-specific crosses this boundary: requests are query trees from
``searcher.query.ast`` and answers are the types of ``searcher.results`` and
``searcher.record``.  A location that is a folder opens the embedded Whoosh engine; a
URL (``postgresql://...``) opens the PostgreSQL engine (``searcher.engine.postgres``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from searcher.errors import IndexMissingError
from searcher.query.ast import MatchAll, Node
from searcher.record import Record
from searcher.results import FacetCount, Results

if TYPE_CHECKING:
    from searcher.report import BuildReport

Sort = Literal["relevance", "date", "-date"]
SORTS: tuple[str, ...] = ("relevance", "date", "-date")


@dataclass(frozen=True)
class SearchRequest:
    """One search: what to match, how to order it and which page of it to return.

    ``node`` ranks; ``filter`` only restricts.  ``parsed`` is the ParsedQuery the node came
    from (its text, expansions and explanation are passed through to the Results).
    """

    node: Node = field(default_factory=MatchAll)
    filter: Node | None = None
    facets: tuple[str, ...] = ()
    sort: Sort = "relevance"
    limit: int = 10
    page: int = 1
    snippets: bool = True
    parsed: Any = None


@dataclass(frozen=True)
class Stats:
    """What an index holds and how it was last built."""

    documents: int
    facets: dict[str, int]
    date_min: str | None
    date_max: str | None
    size_bytes: int
    built_at: str | None
    report: dict[str, Any] | None
    failed: tuple[tuple[str, str], ...] = ()
    location: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "documents": self.documents,
            "facets": dict(self.facets),
            "date_min": self.date_min,
            "date_max": self.date_max,
            "size_bytes": self.size_bytes,
            "built_at": self.built_at,
            "report": self.report,
            "failed": [list(item) for item in self.failed],
        }


def _same(record: Record) -> Any:
    return record


class Build(ABC):
    """A rebuild in progress: nothing is visible to readers until :meth:`commit`.

    ``preparer`` turns a Record into what :meth:`add_prepared` takes; it is a picklable
    top-level function, so worker processes can do that work in parallel.
    """

    preparer: Callable[[Record], Any] = staticmethod(_same)
    cleaned: tuple[str, ...] = ()
    full: bool = False

    def add_prepared(self, docs: Iterable[Any]) -> int:
        """Add what :attr:`preparer` made of records."""
        return self.add(docs)

    @abstractmethod
    def known_hashes(self) -> dict[str, str]:
        """Path -> content hash of every page the index already holds."""

    @abstractmethod
    def add(self, records: Iterable[Record]) -> int:
        """Add (or replace, by path) records; returns how many were added."""

    @abstractmethod
    def delete(self, paths: Iterable[str]) -> int:
        """Remove the records of these page paths; returns how many were removed."""

    @abstractmethod
    def commit(self, report: BuildReport) -> None:
        """Make the new state the live index, atomically, and release the lock."""

    @abstractmethod
    def abort(self) -> None:
        """Drop everything written; the previous index stays live.  Safe to call twice."""

    def __enter__(self) -> Build:
        return self

    def __exit__(self, *exc: object) -> None:
        self.abort()


class Engine(ABC):
    """A searchable index of Records."""

    location: str

    @abstractmethod
    def search(self, request: SearchRequest) -> Results: ...

    @abstractmethod
    def get(self, id: str) -> Record | None: ...

    @abstractmethod
    def facet_counts(self, field: str, node: Node | None = None) -> tuple[FacetCount, ...]:
        """Every value of a facet field with its count among documents matching ``node``."""

    @abstractmethod
    def stats(self) -> Stats: ...

    @abstractmethod
    def iter_records(
        self, node: Node | None = None, sort: str | None = None, filter: Node | None = None
    ) -> Iterator[Record]:
        """Every record matching ``node`` (and ``filter``), streamed: in index order, or in
        the order ``sort`` (``relevance``, ``date``, ``-date``) gives a search's hits."""

    @abstractmethod
    def similar(self, id: str, limit: int = 10) -> Results:
        """Documents most like the one with this id (more-like-this)."""

    @abstractmethod
    def suggest(self, text: str) -> str | None:
        """The query text with misspelt words corrected, or None when nothing changes."""

    @abstractmethod
    def begin_build(self, full: bool, *, wait: bool = False) -> Build: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_engine(location: str | Path, *, create: bool = False) -> Engine:
    """Open the engine for an index location: a folder (Whoosh) or a URL (PostgreSQL).

    ``create`` makes an empty location usable for a first build; without it a missing
    index raises IndexMissingError.
    """
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from searcher.engine.postgres.engine import PostgresEngine

        return PostgresEngine(text, create=create)
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise IndexMissingError(f"no engine for {scheme}:// index locations")
    from searcher.engine.whoosh_engine import WhooshEngine

    return WhooshEngine(Path(text), create=create)
