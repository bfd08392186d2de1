"""The Python API: open an index, search it, read records.

>>> from searcher import Archive
>>> Archive.build("raw_html", "index")                        # doctest: +SKIP
BuildReport(indexed=..., unchanged=0, deleted=0, failed=(), ...)
>>> with Archive.open("index") as archive:                    # doctest: +SKIP
...     results = archive.search('"friendship alliance" sender:mao',
...                              date_from="1950", facets=["subject"])
...     for hit in results.hits:
...         print(hit.date, hit.title)

An Archive may be shared between threads, and it keeps answering while another process
rebuilds the index: the next search after the rebuild sees the new documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from searcher.engine import SORTS, Engine, SearchRequest, Stats, open_engine
from searcher.errors import QueryError
from searcher.query import combine, date_filter, parse, parse_filters
from searcher.query.ast import MatchAll, Node
from searcher.query.expand import folded
from searcher.query.parser import ParsedQuery
from searcher.record import QUERY_FIELDS, Record
from searcher.results import FacetCount, Results

if TYPE_CHECKING:  # the build machinery is imported only by a build, not by a search
    from searcher.report import BuildReport


class Archive:
    """A searchable index of archive documents.  Use :meth:`open`, not the constructor."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, location: str | Path) -> Archive:
        """Open the index at ``location`` (IndexMissingError when there is none).

        >>> archive = Archive.open("index")                   # doctest: +SKIP
        """
        return cls(open_engine(location))

    @classmethod
    def build(cls, source: str | Path, index: str | Path, **options: Any) -> BuildReport:
        """Rebuild ``index`` from the pages under ``source``; options as for
        :func:`searcher.build.rebuild` (``full``, ``workers``, ``progress``, ``drop_stale``,
        ``allow_removals``, ...).  A missing or empty ``source``, or one that would remove
        most of the records, raises :class:`searcher.errors.SourceError` and leaves the
        index as it was.

        >>> Archive.build("raw_html", "index", full=True).indexed   # doctest: +SKIP
        12
        """
        from searcher.build import rebuild

        return rebuild(source, index, **options)

    @property
    def location(self) -> str:
        return self._engine.location

    def search(
        self,
        query: str = "",
        *,
        where: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        facets: Iterable[str] = (),
        sort: str = "relevance",
        limit: int = 10,
        page: int = 1,
        exact: bool = False,
        snippets: bool = True,
    ) -> Results:
        """One page of documents matching ``query`` (see ``search query --help``).

        ``where`` holds filters such as ``"sender=Stalin"`` (same field: any; different
        fields: all); ``date_from``/``date_to`` keep documents whose date span overlaps
        them; ``facets`` names fields to count over the whole result set; ``sort`` is
        ``relevance``, ``date`` or ``-date`` (undated documents last); ``exact`` turns
        off name expansion.  ``results.total`` counts every match, not only this page.

        >>> archive.search("armistice", where=["place=Korea"], sort="date").total  # doctest: +SKIP
        4
        """
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
        parsed = _parse(query, exact)
        filters = _filters(where, date_from, date_to)
        request = SearchRequest(
            node=parsed.node,
            filter=filters,
            facets=tuple(facets),
            sort=sort,  # type: ignore[arg-type]
            limit=limit,
            page=page,
            snippets=snippets,
            parsed=parsed,
        )
        results = self._engine.search(request)
        if results.suggestion:
            results = self._checked_suggestion(results, filters, exact)
        if not results.facets:
            return results
        # Key the counts by the names the caller used ("subject"), not the field ("subjects").
        asked = {_field_name(f): f for f in request.facets}
        counts = {asked.get(name, name): values for name, values in results.facets.items()}
        return replace(results, facets=counts)

    def _checked_suggestion(self, results: Results, filters: Node | None, exact: bool) -> Results:
        """The suggestion with how many documents it finds (as searched, with the same
        filters), or none when it finds no more than the query did."""
        assert results.suggestion is not None
        try:
            node = _parse(results.suggestion, exact).node
        except QueryError:
            return replace(results, suggestion=None)
        found = self._engine.search(SearchRequest(node=node, filter=filters, limit=0)).total
        if found <= results.total:
            return replace(results, suggestion=None)
        return replace(results, suggestion_total=found)

    def get(self, id: str) -> Record | None:
        """The record with this id, or None.

        >>> archive.get("900024").title                        # doctest: +SKIP
        'Telegram from Mao Zedong to Filippov (Stalin)'
        """
        return self._engine.get(id)

    def facets(self, field: str, query: str | None = None) -> tuple[FacetCount, ...]:
        """Every value of a facet field with its count (among matches of ``query``).

        >>> archive.facets("decade")[0]                        # doctest: +SKIP
        FacetCount(value='1950s', count=812)
        """
        node = _parse(query, False).node if query else None
        return self._engine.facet_counts(field, node)

    def stats(self) -> Stats:
        """Documents, facet sizes, dates covered, size on disk, the last rebuild."""
        return self._engine.stats()

    def iter_records(
        self,
        query: str = "",
        *,
        where: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        exact: bool = False,
        sort: str | None = None,
    ) -> Iterator[Record]:
        """Every matching record, streamed (for exports); filters as for :meth:`search`.

        ``sort`` (``relevance``, ``date``, ``-date``) gives the order :meth:`search` shows
        the same query in; without it, records come in index order (the cheapest).

        >>> sum(1 for _ in archive.iter_records("sender:mao"))  # doctest: +SKIP
        37
        """
        if sort is not None and sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
        node = _parse(query, exact).node
        filters = _filters(where, date_from, date_to)
        if sort is None:
            return self._engine.iter_records(combine(node, filters))
        # as search() ranks: by the query, the filters only restricting
        return self._engine.iter_records(node, sort, filters)

    def similar(self, id: str, limit: int = 10) -> Results:
        """Documents most like the one with this id (by its most distinctive words)."""
        return self._engine.similar(id, limit)

    def close(self) -> None:
        self._engine.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Archive({self.location!r})"


def _parse(query: str, exact: bool) -> ParsedQuery:
    """The query read; unless ``exact``, its words' accents folded, so that they match
    with and without them (an exact query matches accented words only as written)."""
    parsed = parse(query, exact=exact)
    return parsed if exact else replace(parsed, node=folded(parsed.node))


def _filters(
    where: Iterable[str] | None, date_from: str | None, date_to: str | None
) -> Node | None:
    node = combine(
        parse_filters(where) if where else None,
        date_filter(date_from, date_to),
    )
    return None if isinstance(node, MatchAll) else node


def _field_name(name: str) -> str:
    spec = QUERY_FIELDS.get(name.lower())
    return spec.name if spec else name.lower()
