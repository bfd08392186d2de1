"""The API's OpenAPI 3.1 description, served at ``/api/openapi.json``."""

from __future__ import annotations

from typing import Any


def _param(
    name: str,
    description: str,
    *,
    kind: str = "string",
    many: bool = False,
    where: str = "query",
    required: bool = False,
) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if many:
        schema = {"type": "array", "items": schema}
    out: dict[str, Any] = {"name": name, "in": where, "description": description}
    out["schema"] = schema
    if many:
        out["explode"] = True
    if required or where == "path":
        out["required"] = True
    return out


_SEARCH = [
    _param("q", "The query, in the query language of `search query --help`."),
    _param("where", "FIELD=VALUE filter (same field: any; different fields: all).", many=True),
    _param("from", "Dated on or after (YYYY[-MM[-DD]])."),
    _param("to", "Dated on or before (YYYY[-MM[-DD]])."),
    _param("exact", "1: no name-authority expansion."),
]
_ERROR = {
    "description": 'An error: `{"error": message}`',
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"error": {"type": "string"}},
                "required": ["error"],
            }
        }
    },
}
_ERRORS = {
    "400": {**_ERROR, "description": "Malformed query, unknown field or bad date."},
    "503": {**_ERROR, "description": "Index missing, damaged or busy past the time limit."},
}
_NOT_FOUND = {"404": {**_ERROR, "description": "No document with this id."}}
_ID = _param("id", "Document id.", where="path")


def _ok(description: str, media: str = "application/json") -> dict[str, Any]:
    return {"200": {"description": description, "content": {media: {}}}}


def _get(summary: str, params: list[dict[str, Any]], responses: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "searcher",
        "version": "1",
        "description": "Full-text, faceted search over archives of declassified documents. "
        "Every answer is the JSON that the command of the same name prints with "
        "--format json. With a token, send `Authorization: Bearer TOKEN`.",
    },
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
    },
    "paths": {
        "/api/search": _get(
            "One page of matches with facet counts (`search query --format json`).",
            [
                *_SEARCH,
                _param("facet", "Count the matches by this field.", many=True),
                _param("sort", "relevance, date or -date."),
                _param("page", "Page, from 1.", kind="integer"),
                _param("limit", "Hits per page (1-10000, default 10).", kind="integer"),
            ],
            {
                **_ok("query, total, page, limit, hits, facets, suggestion, expanded, explanation"),
                **_ERRORS,
            },
        ),
        "/api/documents/{id}": _get(
            "One whole record (an element of `search show ID --format json`).",
            [_ID],
            {**_ok("The record"), **_NOT_FOUND, **_ERRORS},
        ),
        "/api/cite/{id}": _get(
            "The citation of one document (`search cite ID --style STYLE`).",
            [
                _ID,
                _param("style", "chicago, chicago-bib, ris, bibtex or csl-json."),
                _param("accessed", "Access date cited (YYYY-MM-DD, default today)."),
                _param("download", "1: as an attachment."),
            ],
            {**_ok("The citation", "text/plain"), **_NOT_FOUND, **_ERRORS},
        ),
        "/api/facets/{field}": _get(
            "Every value of a facet with its count (`search facets FIELD --format json`).",
            [
                _param(
                    "field", "sender, recipient, subject, place, year, decade, ...", where="path"
                ),
                _param("q", "Count among the matches of this query."),
                _param("limit", "Only the most frequent values.", kind="integer"),
            ],
            {**_ok("facet, values [{value, count}]"), **_ERRORS},
        ),
        "/api/timeline": _get(
            "Matches by year, month or decade (`search timeline --format json`).",
            [*_SEARCH, _param("by", "year, month or decade.")],
            {**_ok("by, buckets [{period, count, approximate}], undated, total"), **_ERRORS},
        ),
        "/api/kwic": _get(
            "Every occurrence of a phrase in the matches, aligned (`search kwic`).",
            [
                _param("phrase", "Words to find, exactly, in order.", required=True),
                *_SEARCH,
                _param("width", "Characters of context each side (1-500).", kind="integer"),
                _param("sort", "left, right, date or document."),
                _param("limit", "Most lines returned (default 1000).", kind="integer"),
            ],
            {
                **_ok(
                    "phrase, total, lines [{id, date, sender, field, offset, left, match, right}]"
                ),
                **_ERRORS,
            },
        ),
        "/api/similar/{id}": _get(
            "Documents most like one (`search similar ID --format json`).",
            [_ID, _param("limit", "How many (1-1000).", kind="integer")],
            {**_ok("As /api/search"), **_NOT_FOUND, **_ERRORS},
        ),
        "/api/export": _get(
            "Every match, streamed (`search query --format FORMAT`).",
            [
                *_SEARCH,
                _param("format", "csv, jsonl, ris, bibtex or csl-json."),
                _param(
                    "fields",
                    "For csv and jsonl: id,title,date,... (default "
                    "id,title,date,sender,recipient,url).",
                ),
            ],
            {**_ok("The export", "text/csv"), **_ERRORS},
        ),
    },
    "security": [{"token": []}, {}],
}
