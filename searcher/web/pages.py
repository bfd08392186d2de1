"""The HTML pages: the search box, the results, a document, the concordance, the help."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from searcher.api import Archive
from searcher.errors import QueryError
from searcher.kwic import KwicLine
from searcher.record import Record
from searcher.results import Results
from searcher.timeline import UNITS, Timeline
from searcher.web import answers, views
from searcher.web.params import SearchParams, read_int, read_search, read_text

KWIC_SHOWN = 500
SIMILAR = 5


def render(request: Request, name: str, code: int = 200, **context: Any) -> Response:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=code)


def _params(request: Request) -> SearchParams:
    params = read_search(request.query_params, limit=views.PER_PAGE, facets=tuple(views.FACETS))
    return replace(params, limit=views.PER_PAGE)


async def home(request: Request) -> Response:
    from searcher.query.help import SYNTAX_HELP

    return render(request, "home.html", params=SearchParams(), help=SYNTAX_HELP)


async def help_page(request: Request) -> Response:
    from searcher.query.help import SYNTAX_HELP

    return render(request, "help.html", params=SearchParams(), help=SYNTAX_HELP)


@dataclass
class _Found:
    results: Results
    line: Timeline
    #: drawn from the year counts (documents dated across years count in each)
    counted: bool = False


async def search(request: Request) -> Response:
    try:
        params = _params(request)
    except QueryError as exc:
        return render(request, "search.html", 400, params=SearchParams(), error=str(exc))
    by = read_text(request.query_params, "by")
    if by and by not in UNITS:
        by = ""

    exact_up_to = request.app.state.config.timeline_exact

    def find(archive: Archive) -> _Found:
        kwargs = params.search_kwargs()
        kwargs["facets"] = list(dict.fromkeys([*params.facets, *views.TIMELINE_FACETS]))
        results = archive.search(params.q, **kwargs)
        if results.total > exact_up_to:
            return _Found(results, views.counted_timeline(results), counted=True)
        line = answers.dated(archive, params, by or "year")
        if not by:
            unit = views.choose_unit(line)
            if unit != "year":
                line = answers.dated(archive, params, unit)
        return _Found(results, line)

    try:
        found = await request.app.state.pool.run(find)
    except QueryError as exc:
        return render(request, "search.html", 400, params=params, error=str(exc))
    results = found.results
    return render(
        request,
        "search.html",
        params=params,
        results=results,
        hits=results.hits,
        facets=views.facet_groups(results, params),
        chips=views.chips(params),
        bars=views.bars(found.line, params),
        line=found.line,
        counted=found.counted,
        pager=views.pager(results, params),
        suggestion_href=views.search_href(params.but(q=results.suggestion or "")),
        exact_href=views.search_href(params.but(exact=True)),
        state=params.query_string(),
        export_state=params.query_string(page=False),
        marked=views.marked,
    )


@dataclass
class _Document:
    record: Record
    chicago: str
    similar: Results


async def document(request: Request) -> Response:
    id = request.path_params["id"]
    try:
        params = _params(request)
    except QueryError:
        params = SearchParams()

    def find(archive: Archive) -> _Document:
        record = answers.record(archive, id)
        return _Document(
            record,
            answers.cite(archive, id, "chicago"),
            archive.similar(id, limit=SIMILAR),
        )

    found = await request.app.state.pool.run(find)
    body = views.marked(found.record.body, _body_marks(found.record.body, params))
    return render(
        request,
        "document.html",
        params=params,
        record=found.record,
        body=body,
        summary=views.marked(found.record.summary, _body_marks(found.record.summary, params)),
        chicago=found.chicago,
        similar=found.similar.hits,
        back=views.search_href(params) if params.q or params.filtered else "",
        state=params.query_string(),
        fields=_fields(found.record),
        every=_every(found.record),
    )


def _body_marks(text: str, params: SearchParams) -> list[tuple[int, int]]:
    """Where the search's words are in ``text`` (none without a search)."""
    if not params.q:
        return []
    from searcher.engine.snippets import Marker, positive_words
    from searcher.query import parse

    try:
        node = parse(params.q, exact=params.exact).node
    except QueryError:
        return []
    return Marker(positive_words(node)).marks(text)


#: The record's fields shown in the table of a document, and their labels.
LABELS: dict[str, str] = {
    "date": "Date",
    "sender": "From",
    "recipient": "To",
    "via": "Via",
    "participants": "Participants",
    "subjects": "Subjects",
    "people": "People",
    "places": "Places",
    "languages": "Languages",
    "type": "Type",
    "classification": "Classification",
    "archive": "Archive",
    "collections": "Collections",
    "source": "Source",
    "citation": "Citation in the archive",
    "record_id": "Record id",
    "rights": "Rights",
    "credits": "Credits",
    "contributors": "Contributors",
    "upload_date": "Uploaded",
    "layout": "Page layout",
    "path": "Page file",
    "stale": "No longer readable",
}


def _fields(record: Record) -> list[tuple[str, str]]:
    out = []
    for name, label in LABELS.items():
        value = getattr(record, name, "")
        if isinstance(value, tuple):
            value = "; ".join(value)
        if value:
            out.append((label, str(value)))
    if record.partial:
        out.append(("Partial", "the page stops mid-way; this is what it holds"))
    out.extend((key, value) for key, value in record.extra.items() if value)
    return out


def _every(record: Record) -> list[tuple[str, str]]:
    """Every field of the record with a value, by its name, as ``search show`` has them
    (the text and the summary, shown above, left out)."""
    out = []
    for name, value in record.to_dict().items():
        if name in ("body", "summary", "extra") or value in ("", [], None, {}, False):
            continue
        out.append((name, "; ".join(value) if isinstance(value, list) else str(value)))
    out.extend((f"extra: {key}", value) for key, value in record.extra.items() if value)
    return out


async def kwic(request: Request) -> Response:
    try:
        params = _params(request)
        phrase = read_text(request.query_params, "phrase")
        width = read_int(request.query_params, "width", 60, 10, 200)
    except QueryError as exc:
        return render(request, "kwic.html", 400, params=SearchParams(), error=str(exc))
    sort = read_text(request.query_params, "sort", "left")
    if sort not in ("left", "right", "date", "document"):
        sort = "left"

    def find(archive: Archive) -> list[KwicLine]:
        return answers.kwic_lines(archive, phrase, params, width=width, sort=sort)

    lines: list[KwicLine] = []
    error = ""
    if phrase:
        try:
            lines = await request.app.state.pool.run(find)
        except QueryError as exc:
            error = str(exc)
    return render(
        request,
        "kwic.html",
        400 if error else 200,
        params=params,
        phrase=phrase,
        sort=sort,
        lines=lines[:KWIC_SHOWN],
        total=len(lines),
        error=error,
        back=views.search_href(params),
        state=params.query_string(page=False),
    )


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/help", help_page, methods=["GET"]),
    Route("/search", search, methods=["GET"]),
    Route("/documents/{id}", document, methods=["GET"]),
    Route("/kwic", kwic, methods=["GET"]),
]
