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


def _no_shards(target: str, docs: Iterable[Any]) -> tuple[Any, int]:
    raise NotImplementedError("this engine's builds take no segments from workers")


class Build(ABC):
    """A rebuild in progress: nothing is visible to readers until :meth:`commit`.

    ``preparer`` turns a Record into what :meth:`add_prepared` takes; it is a picklable
    top-level function, so worker processes can do that work in parallel.

    Besides adding and deleting, a build answers what the index remembers of the last
    build (``known_*``, ``previous_hashes``, ``stored_record``) and takes what the next
    one should remember (``remember_*``, ``regroup``); the defaults here remember nothing,
    for an engine that keeps none of it.
    """

    preparer: Callable[[Record], Any] = staticmethod(_same)
    #: Where parser workers may write segments themselves, given to :attr:`write_shard`
    #: (see :meth:`shard_target`); the defaults take none.
    write_shard: Callable[[str, Iterable[Any]], tuple[Any, int]] = staticmethod(_no_shards)
    #: What the build removed that an interrupted one left (shown in the report).
    cleaned: tuple[str, ...] = ()
    full: bool = False
    #: The index was from an older version and is rebuilt in full.
    upgraded: bool = False

    def add_prepared(self, docs: Iterable[Any]) -> int:
        """Add what :attr:`preparer` made of records."""
        return self.add(docs)

    def known_failures(self) -> dict[str, tuple[str, str]]:
        """Path -> (content hash, reason) of the pages the last build could not read."""
        return {}

    def remember_failures(self, failures: dict[str, tuple[str, str]]) -> None:
        """Keep the hashes of unreadable pages, so an unchanged one is not parsed again."""
        return None

    def known_stamps(self) -> dict[str, Any]:
        """What the last build saw of the page files (size, times, inode and hash)."""
        return {}

    def remember_stamps(self, stamps: dict[str, Any]) -> None:
        """Keep what this build saw of the page files, for the next one."""
        return None

    def known_copies(self) -> dict[str, list[str]]:
        """Path -> [content hash, path of the record holding it] of the pages the last
        build merged into another page's record."""
        return {}

    def remember_copies(self, copies: dict[str, list[str]]) -> None:
        """Keep the merged pages as they were (nothing was regrouped)."""
        return None

    def known_pages(self) -> dict[str, Any]:
        """What the index remembers of each page (see ``searcher.regroup``)."""
        return {}

    def remember_pages(self, pages: dict[str, Any], copies: dict[str, list[str]]) -> None:
        """Keep what this build knows of each page, and the merged pages."""
        return None

    def regroup(self, drop: list[str], docs: list[Any]) -> None:
        """At commit, after everything added: remove the records of ``drop`` and add
        ``docs`` (prepared; copies merged into one record, ids made distinct)."""
        return None

    def previous_hashes(self) -> dict[str, str]:
        """Path -> content hash of the records the index holds, in a full build too (a
        page that fails keeps its last good record either way)."""
        return {}

    def stored_record(self, path: str) -> Record | None:
        """The record the index holds for the page at ``path``, if any."""
        return None

    def shard_target(self) -> str | None:
        """Where parser workers may write what they prepare themselves, through
        :attr:`write_shard` (then listed by :meth:`add_segments`); None: not here."""
        return None

    def add_segments(self, segments: Iterable[Any]) -> None:
        """Take in what :attr:`write_shard` returned in each worker."""
        raise NotImplementedError("this engine's builds take no segments from workers")

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
    from searcher.engine.whoosh.engine import WhooshEngine

    return WhooshEngine(Path(text), create=create)
