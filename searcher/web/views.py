"""What the page templates show, computed from results: marked text, facet links, filter
chips, timeline bars and pages.  Page text is escaped here or by the templates, never
trusted as markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from searcher.results import FacetCount, Results
from searcher.timeline import Bucket, Timeline
from searcher.web.params import SearchParams

#: The facets down the side of the results, and their headings.
FACETS: dict[str, str] = {
    "sender": "Sender",
    "recipient": "Recipient",
    "subject": "Subject",
    "place": "Place",
    "year": "Year",
    "decade": "Decade",
    "language": "Language",
    "type": "Type",
    "archive": "Archive",
}
#: Above this many years the side shows decades instead.
MAX_YEARS = 24
#: Values shown before "more".
SHOWN = 8
PER_PAGE = 20


def marked(text: str, marks: Sequence[Sequence[int]]) -> Markup:
    """``text`` escaped, with the spans ``marks`` in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for start, end in marks:
        if start < pos:
            continue
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


@dataclass(frozen=True)
class Link:
    label: str
    count: int
    href: str
    active: bool = False


@dataclass(frozen=True)
class FacetGroup:
    field: str
    heading: str
    links: tuple[Link, ...]

    @property
    def shown(self) -> tuple[Link, ...]:
        return self.links[:SHOWN]

    @property
    def more(self) -> tuple[Link, ...]:
        return self.links[SHOWN:]


def search_href(params: SearchParams) -> str:
    query = params.query_string()
    return "/search" + ("?" + query if query else "")


def facet_groups(results: Results, params: SearchParams) -> list[FacetGroup]:
    """Each facet's values as links that add the value as a filter (or drop it if active)."""
    facets = dict(results.facets)
    years = facets.get("year", ())
    facets.pop("decade" if len(years) <= MAX_YEARS else "year", None)
    groups = []
    for name, heading in FACETS.items():
        counts: Sequence[FacetCount] = facets.get(name, ())
        if name in ("year", "decade"):
            counts = sorted(counts, key=lambda c: c.value)
        links = []
        for c in counts:
            item = f"{name}={c.value}"
            active = item in params.where
            where = tuple(w for w in params.where if w != item) if active else (*params.where, item)
            links.append(Link(c.value, c.count, search_href(params.but(where=where)), active))
        if links:
            groups.append(FacetGroup(name, heading, tuple(links)))
    return groups


@dataclass(frozen=True)
class Chip:
    label: str
    href: str


def chips(params: SearchParams) -> list[Chip]:
    """The active filters, each with the address of the search without it."""
    out = []
    for item in params.where:
        name, _, value = item.partition("=")
        label = f"{FACETS.get(name, name.capitalize())}: {value}"
        where = tuple(w for w in params.where if w != item)
        out.append(Chip(label, search_href(params.but(where=where))))
    if params.date_from:
        out.append(Chip(f"From {params.date_from}", search_href(params.but(date_from=""))))
    if params.date_to:
        out.append(Chip(f"To {params.date_to}", search_href(params.but(date_to=""))))
    if params.exact:
        out.append(Chip("Exact names", search_href(params.but(exact=False))))
    return out


@dataclass(frozen=True)
class Bar:
    period: str
    count: int
    approximate: int
    percent: int
    href: str


def choose_unit(line: Timeline) -> str:
    """Months for a few years of matches, decades for more than a century, else years."""
    if not line.buckets:
        return "year"
    first, last = int(line.buckets[0].period[:4]), int(line.buckets[-1].period[:4])
    if last - first < 3:
        return "month"
    return "decade" if last - first > 100 else "year"


#: Facets the page asks for beyond those it shows: the timeline of a large result set is
#: drawn from the year or decade counts, its undated count from the precision counts.
TIMELINE_FACETS = ("year", "decade", "precision")


def counted_timeline(results: Results) -> Timeline:
    """A timeline from the result set's year (or decade) counts, without reading a record.

    Cheaper than reading every match, it differs from :func:`searcher.timeline.timeline`
    only for documents dated across several years, which count in each.
    """
    years = {int(c.value): c.count for c in results.facets.get("year", ()) if c.value.isdigit()}
    undated = sum(c.count for c in results.facets.get("precision", ()) if c.value == "undated")
    if not years:
        return Timeline("year", (), undated)
    if max(years) - min(years) > 100:
        decades = {int(c.value[:-1]): c.count for c in results.facets.get("decade", ())}
        buckets = [
            Bucket(f"{d}s", decades.get(d, 0)) for d in range(min(decades), max(decades) + 10, 10)
        ]
        return Timeline("decade", tuple(buckets), undated)
    buckets = [Bucket(f"{y:04d}", years.get(y, 0)) for y in range(min(years), max(years) + 1)]
    return Timeline("year", tuple(buckets), undated)


def _span(period: str) -> tuple[str, str]:
    if period.endswith("s"):
        start = int(period[:-1])
        return str(start), str(start + 9)
    return period, period


def bars(line: Timeline, params: SearchParams) -> list[Bar]:
    """The timeline's periods, each a link narrowing the search to it."""
    peak = max((b.count for b in line.buckets), default=0) or 1
    out = []
    for b in line.buckets:
        start, end = _span(b.period)
        href = search_href(params.but(date_from=start, date_to=end))
        # Heights in steps of 5% (the style sheet has a class for each: no inline style).
        percent = 5 * round(20 * b.count / peak)
        out.append(Bar(b.period, b.count, b.approximate, max(percent, 5 if b.count else 0), href))
    return out


@dataclass(frozen=True)
class Pager:
    first: int
    last: int
    previous: str | None
    next: str | None
    page: int
    pages: int


def pager(results: Results, params: SearchParams) -> Pager:
    """Which hits this page shows, and the addresses of the pages either side."""
    pages = max(1, -(-results.total // params.limit))
    first = (params.page - 1) * params.limit + 1 if results.hits else 0
    last = first + len(results.hits) - 1 if results.hits else 0
    previous = search_href(params.but(page=params.page - 1)) if params.page > 1 else None
    following = search_href(params.but(page=params.page + 1)) if params.page < pages else None
    return Pager(first, last, previous, following, params.page, pages)
