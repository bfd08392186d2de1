"""The state of a search as URL parameters: read from a request, written into links.

The names are the command line's: ``q`` (the query), ``where=FIELD=VALUE`` (repeatable),
``from``, ``to``, ``sort``, ``page``, ``limit``, ``exact=1`` and ``facet`` (repeatable).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from searcher.engine import SORTS
from searcher.errors import QueryError

#: Most hits on one page of the API (as ``search query --limit``).
MAX_LIMIT = 10_000
#: Longest a single parameter may be; the query parser has its own, lower limits.
MAX_PARAM = 20_000
MAX_WHERE = 100


@dataclass(frozen=True)
class SearchParams:
    """One search, as ``search query`` takes it."""

    q: str = ""
    where: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"
    page: int = 1
    limit: int = 10
    exact: bool = False
    facets: tuple[str, ...] = ()

    def search_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :meth:`searcher.Archive.search`."""
        return {
            "where": list(self.where),
            "date_from": self.date_from or None,
            "date_to": self.date_to or None,
            "facets": list(self.facets),
            "sort": self.sort,
            "limit": self.limit,
            "page": self.page,
            "exact": self.exact,
        }

    def filter_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :meth:`searcher.Archive.iter_records`."""
        return {
            "where": list(self.where),
            "date_from": self.date_from or None,
            "date_to": self.date_to or None,
            "exact": self.exact,
        }

    @property
    def filtered(self) -> bool:
        return bool(self.where or self.date_from or self.date_to)

    def url_items(self, *, page: bool = True) -> list[tuple[str, str]]:
        """The parameters that differ from the defaults, in a stable order."""
        items: list[tuple[str, str]] = []
        if self.q:
            items.append(("q", self.q))
        items += [("where", w) for w in self.where]
        if self.date_from:
            items.append(("from", self.date_from))
        if self.date_to:
            items.append(("to", self.date_to))
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        if self.exact:
            items.append(("exact", "1"))
        if page and self.page != 1:
            items.append(("page", str(self.page)))
        return items

    def query_string(self, *, page: bool = True, **extra: str) -> str:
        """The URL query string of this state (``extra`` appended)."""
        return urlencode([*self.url_items(page=page), *extra.items()])

    def but(self, **changes: Any) -> SearchParams:
        """This search changed; any change but the page goes back to the first page."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)


def _one(params: QueryParams, name: str, default: str = "") -> str:
    value = params.get(name, default)
    if len(value) > MAX_PARAM:
        raise QueryError(f"parameter '{name}' longer than {MAX_PARAM} characters")
    return value.strip()


def _int(params: QueryParams, name: str, default: int, low: int, high: int) -> int:
    text = _one(params, name)
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise QueryError(f"'{name}' must be a whole number, not '{text}'") from None
    if not low <= value <= high:
        raise QueryError(f"'{name}' must be between {low} and {high}, not {value}")
    return value


def _many(params: QueryParams, name: str) -> tuple[str, ...]:
    values = [v.strip() for v in params.getlist(name) if v.strip()]
    if len(values) > MAX_WHERE:
        raise QueryError(f"more than {MAX_WHERE} '{name}' parameters")
    if any(len(v) > MAX_PARAM for v in values):
        raise QueryError(f"parameter '{name}' longer than {MAX_PARAM} characters")
    return tuple(dict.fromkeys(values))


def flag(params: Mapping[str, str], name: str) -> bool:
    """``name=1``, ``true``, ``yes`` or ``on`` (any case) is set; anything else is not."""
    return params.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def read_search(
    params: QueryParams, *, limit: int = 10, facets: tuple[str, ...] = ()
) -> SearchParams:
    """The search a request asks for (QueryError for a malformed parameter)."""
    sort = _one(params, "sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise QueryError(f"unknown sort '{sort}' (known: {', '.join(SORTS)})")
    return SearchParams(
        q=_one(params, "q"),
        where=_many(params, "where"),
        date_from=_one(params, "from"),
        date_to=_one(params, "to"),
        sort=sort,
        page=_int(params, "page", 1, 1, 1_000_000),
        limit=_int(params, "limit", limit, 1, MAX_LIMIT),
        exact=flag(params, "exact"),
        facets=_many(params, "facet") or facets,
    )


def read_int(params: QueryParams, name: str, default: int, low: int, high: int) -> int:
    """A whole-number parameter within ``low``..``high`` (QueryError otherwise)."""
    return _int(params, name, default, low, high)


def read_text(params: QueryParams, name: str, default: str = "") -> str:
    """A text parameter, stripped, at most MAX_PARAM characters."""
    return _one(params, name, default)
