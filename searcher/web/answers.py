"""What the API and the pages compute, each a function of an open Archive.

These run in the worker threads of :class:`searcher.web.pool.ArchivePool`; the routes only
read parameters, call one of these and render what it returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from searcher.api import Archive
from searcher.errors import QueryError, SearcherError
from searcher.kwic import KwicLine, phrase_words
from searcher.kwic import kwic as concordance
from searcher.record import Record
from searcher.timeline import Timeline, timeline
from searcher.web.params import SearchParams

#: Export formats: the media type and file ending of each.
EXPORTS: dict[str, tuple[str, str]] = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
#: Citation styles: the media type and file ending of each.
CITATIONS: dict[str, tuple[str, str]] = {
    "chicago": ("text/plain; charset=utf-8", "txt"),
    "chicago-bib": ("text/plain; charset=utf-8", "txt"),
    "ris": EXPORTS["ris"],
    "bibtex": EXPORTS["bibtex"],
    "csl-json": EXPORTS["csl-json"],
}
EXPORT_BATCH = 200


class NotFound(SearcherError):
    """No document with the id asked for (HTTP 404)."""

    exit_code = 1


def record(archive: Archive, id: str) -> Record:
    """The record with ``id``; NotFound (with the command line's message) when there is none."""
    found = archive.get(id)
    if found is None:
        raise NotFound(f"no document with id {id} in {archive.location}")
    return found


def cite(archive: Archive, id: str, style: str, accessed: date | None = None) -> str:
    """The citation of one document, as ``search cite ID --style STYLE`` prints it."""
    from searcher.cite import format_citations

    if style not in CITATIONS:
        raise QueryError(f"unknown citation style '{style}' (known: {', '.join(CITATIONS)})")
    return format_citations([record(archive, id)], style, accessed=accessed)


def dated(archive: Archive, params: SearchParams, by: str) -> Timeline:
    """The timeline of every match, as ``search timeline`` counts it."""
    records = archive.iter_records(params.q, **params.filter_kwargs())
    return timeline(((r.date_start, r.date_precision) for r in records), by)


def kwic_lines(
    archive: Archive,
    phrase: str,
    params: SearchParams,
    *,
    width: int = 60,
    sort: str = "left",
) -> list[KwicLine]:
    """Every occurrence of ``phrase`` in the matches, as ``search kwic`` finds them."""
    words = phrase_words(phrase)
    if not words:
        raise QueryError("the concordance needs at least one word")
    text = f'"{" ".join(words)}" {params.q}'.strip()
    kwargs = params.filter_kwargs()
    kwargs["exact"] = True
    return list(concordance(archive.iter_records(text, **kwargs), words, width=width, sort=sort))


def export_chunks(
    location: str, params: SearchParams, fmt: str, fields: tuple[str, ...]
) -> Iterator[str]:
    """Every matching record in ``fmt``, in the search's order, a batch at a time, from an
    Archive of its own.

    The export holds its own Archive so that a long download keeps the generation it
    started on whatever the workers do meanwhile.
    """
    from searcher.cite import iter_citations
    from searcher.export import write_csv, write_jsonl

    archive = Archive.open(location)
    try:
        # In the order the search shows them, as the command line exports.
        records = archive.iter_records(params.q, **params.filter_kwargs(), sort=params.sort)
        if fmt in CITATIONS:
            yield from iter_citations(records, fmt)
            return
        first = True
        for batch in _batches(records):
            out = _Buffer()
            if fmt == "csv":
                write_csv(batch, fields, out)
                text = out.text()
                # Each batch is written with the header: keep only the first one.
                yield text if first else text.split("\n", 1)[1]
            else:
                write_jsonl(batch, fields, out)
                yield out.text()
            first = False
        if first and fmt == "csv":
            out = _Buffer()
            write_csv([], fields, out)
            yield out.text()
    finally:
        archive.close()


def _batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) == EXPORT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class _Buffer:
    """The ``write`` that the export writers need, collecting text."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def text(self) -> str:
        return "".join(self.parts)
