"""The JSON API: ``/api/...``, the same objects as the command line's ``--format json``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from searcher.cite import accessed_date
from searcher.errors import QueryError
from searcher.serialize import counts_object, record_object, results_object
from searcher.timeline import UNITS
from searcher.web import answers
from searcher.web.openapi import OPENAPI
from searcher.web.params import flag, read_int, read_search, read_text
from searcher.web.pool import ArchivePool


def pool(request: Request) -> ArchivePool:
    return request.app.state.pool


async def search(request: Request) -> Response:
    params = read_search(request.query_params)
    results = await pool(request).run(lambda a: a.search(params.q, **params.search_kwargs()))
    return JSONResponse(results_object(results))


async def document(request: Request) -> Response:
    id = request.path_params["id"]
    found = await pool(request).run(lambda a: answers.record(a, id))
    return JSONResponse(record_object(found))


async def cite(request: Request) -> Response:
    id = request.path_params["id"]
    style = read_text(request.query_params, "style", "chicago") or "chicago"
    accessed = accessed_date(read_text(request.query_params, "accessed"))
    text = await pool(request).run(lambda a: answers.cite(a, id, style, accessed))
    media, ending = answers.CITATIONS[style]
    headers = {}
    if flag(request.query_params, "download"):
        headers["content-disposition"] = f'attachment; filename="{id}.{ending}"'
    return Response(text + "\n", media_type=media, headers=headers)


async def facets(request: Request) -> Response:
    from searcher.query.fields import facet_name

    field = facet_name(request.path_params["field"])
    query = read_text(request.query_params, "q") or None
    limit = read_int(request.query_params, "limit", 0, 0, 1_000_000)
    counts = await pool(request).run(lambda a: a.facets(field, query))
    return JSONResponse(counts_object(field, counts[:limit] if limit else counts, len(counts)))


async def timeline(request: Request) -> Response:
    params = read_search(request.query_params)
    by = read_text(request.query_params, "by", "year") or "year"
    if by not in UNITS:
        raise QueryError(f"unknown timeline unit '{by}' (known: {', '.join(UNITS)})")
    line = await pool(request).run(lambda a: answers.dated(a, params, by))
    return JSONResponse(line.to_dict())


async def kwic(request: Request) -> Response:
    params = read_search(request.query_params)
    phrase = read_text(request.query_params, "phrase")
    width = read_int(request.query_params, "width", 60, 1, 500)
    limit = read_int(request.query_params, "limit", 1000, 1, 100_000)
    sort = read_text(request.query_params, "sort", "left") or "left"
    from searcher.kwic import SORTS

    if sort not in SORTS:
        raise QueryError(f"unknown concordance order '{sort}' (known: {', '.join(SORTS)})")
    lines = await pool(request).run(
        lambda a: answers.kwic_lines(a, phrase, params, width=width, sort=sort)
    )
    return JSONResponse(
        {
            "phrase": phrase,
            "total": len(lines),
            "lines": [line.to_dict() for line in lines[:limit]],
        }
    )


async def similar(request: Request) -> Response:
    id = request.path_params["id"]
    limit = read_int(request.query_params, "limit", 10, 1, 1000)

    def find(archive):  # type: ignore[no-untyped-def]
        answers.record(archive, id)
        return archive.similar(id, limit=limit)

    return JSONResponse(results_object(await pool(request).run(find)))


async def export(request: Request) -> Response:
    """Every match, streamed: csv, jsonl, ris, bibtex or csl-json."""
    params = read_search(request.query_params)
    fmt = read_text(request.query_params, "format", "csv") or "csv"
    if fmt not in answers.EXPORTS:
        raise QueryError(f"unknown export format '{fmt}' (known: {', '.join(answers.EXPORTS)})")
    from searcher.export import check_fields

    fields = check_fields(read_text(request.query_params, "fields") or None)
    # Check the query before the first byte goes out: errors are answered as errors.
    await pool(request).run(lambda a: a.search(params.q, **params.search_kwargs(), snippets=False))
    media, ending = answers.EXPORTS[fmt]
    chunks = answers.export_chunks(pool(request).location, params, fmt, fields)
    return StreamingResponse(
        chunks,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="search-results.{ending}"'},
    )


async def openapi(request: Request) -> Response:
    return JSONResponse(OPENAPI)


async def not_found(request: Request) -> Response:
    return JSONResponse({"error": f"no such endpoint: {request.url.path}"}, status_code=404)


ROUTES = [
    Route("/api/search", search, methods=["GET"]),
    Route("/api/documents/{id}", document, methods=["GET"]),
    Route("/api/cite/{id}", cite, methods=["GET"]),
    Route("/api/facets/{field}", facets, methods=["GET"]),
    Route("/api/timeline", timeline, methods=["GET"]),
    Route("/api/kwic", kwic, methods=["GET"]),
    Route("/api/similar/{id}", similar, methods=["GET"]),
    Route("/api/export", export, methods=["GET"]),
    Route("/api/openapi.json", openapi, methods=["GET"]),
    Route("/api/{rest:path}", not_found, methods=["GET"]),
]
