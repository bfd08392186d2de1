"""``search query``, ``search show`` and ``search facets``."""

from __future__ import annotations

import sys

import click

from searcher.cli import complete
from searcher.cli.common import emit, format_option, index_option, open_archive, use_color
from searcher.locations import shown

QUERY_DOC = """Search the index.  QUERY is one or more words of the query language below.

\b
Exit status: 0 documents found, 1 none found, 2 bad query, 3 no usable index.
csv and jsonl stream every matching document (not one page), with --fields;
ris, bibtex and csl-json cite every matching document.

\b
Examples:
  search query 'sender:Stalin' --facet year --facet recipient
  search query --where place=Korea --from 1950 --to 1953 armistice --explain
  search query 'negotiat* -ceasefire' --format csv > negotiations.csv
"""

EXPORT_FORMATS = ("csv", "jsonl")
CITATION_FORMATS = ("ris", "bibtex", "csl-json")


def _syntax_help() -> str:
    try:
        from searcher.query.help import SYNTAX_HELP
    except ImportError:  # pragma: no cover - the help module ships with the package
        return ""
    # \b keeps click from re-wrapping a paragraph: the examples are laid out in columns.
    paragraphs = SYNTAX_HELP.strip("\n").split("\n\n")
    return "".join("\n\n\b\n" + p for p in paragraphs)


@click.command(help=QUERY_DOC + _syntax_help())
@click.argument("query", nargs=-1, shell_complete=complete.query_words)
@index_option
@click.option(
    "--where",
    "-w",
    multiple=True,
    shell_complete=complete.where_items,
    metavar="FIELD=VALUE",
    help="Keep documents whose FIELD has VALUE (repeat: same field ORs, fields AND).",
)
@click.option(
    "--from", "date_from", metavar="DATE", help="Dated on or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--to", "date_to", metavar="DATE", help="Dated on or before DATE.")
@click.option(
    "--facet",
    "-f",
    "facets",
    multiple=True,
    shell_complete=complete.facet_names,
    metavar="FIELD",
    help="Count the matches by FIELD (repeatable).",
)
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date", "-date"]),
    default="relevance",
    show_default=True,
)
@click.option("--limit", "-n", type=click.IntRange(1, 10_000), default=10, show_default=True)
@click.option("--page", "-p", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--exact", is_flag=True, help="No name-authority expansion (Stalin finds only Stalin)."
)
@click.option("--explain", is_flag=True, help="Say how the query was read.")
@click.option(
    "--fields",
    metavar="A,B,...",
    default=None,
    help="Fields for csv/jsonl output [default: id,title,date,sender,recipient,url].",
)
@format_option("text", "json", "jsonl", "csv", *CITATION_FORMATS)
def query(
    query: tuple[str, ...],
    index: str,
    where: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    facets: tuple[str, ...],
    sort: str,
    limit: int,
    page: int,
    exact: bool,
    explain: bool,
    fields: str | None,
    fmt: str,
) -> int:
    from searcher.query.fields import facet_name

    text = " ".join(query)
    facets = tuple(dict.fromkeys(facet_name(f) for f in facets))
    with open_archive(index) as archive:
        if fmt in EXPORT_FORMATS or fmt in CITATION_FORMATS:
            return _export(archive, text, where, date_from, date_to, exact, sort, fields, fmt)
        results = archive.search(
            text,
            where=where,
            date_from=date_from,
            date_to=date_to,
            facets=facets,
            sort=sort,
            limit=limit,
            page=page,
            exact=exact,
        )
    from searcher.cli.output import render_results

    if explain and fmt == "text":
        from searcher.query import combine, date_filter, parse_filters
        from searcher.query.explain import describe_request

        filters = combine(
            parse_filters(where, exact=exact) if where else None, date_filter(date_from, date_to)
        )
        lines = describe_request(
            results.explanation, filters, sort=sort, page=page, limit=limit, facets=facets
        )
        emit("\n".join(lines))
    emit(render_results(results, fmt, color=use_color()))
    return 0 if results.total else 1


def _export(archive, text, where, date_from, date_to, exact, sort, fields, fmt) -> int:
    """Every matching document, streamed in the order the query shows: rows or citations."""
    records = archive.iter_records(
        text, where=where, date_from=date_from, date_to=date_to, exact=exact, sort=sort
    )
    if fmt in CITATION_FORMATS:
        from searcher.cite import iter_citations

        count = 0
        for count, citation in enumerate(iter_citations(records, fmt), 1):  # noqa: B007
            sys.stdout.write(citation)
        return 0 if count else 1
    from searcher.export import write_csv, write_jsonl

    writer = write_csv if fmt == "csv" else write_jsonl
    count = writer(records, fields, sys.stdout)
    return 0 if count else 1


@click.command()
@click.argument("ids", nargs=-1, required=True)
@index_option
@format_option("text", "json", "jsonl", "csv")
def show(ids: tuple[str, ...], index: str, fmt: str) -> int:
    """Print whole documents by id.

    \b
    Examples:
      search show 900001
      search show 900001 300653 --format json
    """
    from searcher.cli.output import render_records
    from searcher.errors import SearcherError

    with open_archive(index) as archive:
        records = [archive.get(i) for i in ids]
    missing = [i for i, r in zip(ids, records, strict=True) if r is None]
    found = [r for r in records if r is not None]
    if found:
        emit(render_records(found, fmt))
    if missing:
        error = SearcherError(f"no document with id {', '.join(missing)} in {shown(index)}")
        raise error
    return 0


@click.command()
@click.argument("field", shell_complete=complete.facet_names)
@click.argument("query", nargs=-1, shell_complete=complete.query_words)
@index_option
@click.option(
    "--limit", "-n", type=click.IntRange(min=1), default=None, help="Only the most frequent values."
)
@format_option("text", "json", "jsonl", "csv")
def facets(field: str, query: tuple[str, ...], index: str, limit: int | None, fmt: str) -> int:
    """Every value of FIELD with its count, over all documents or those matching QUERY.

    \b
    Examples:
      search facets sender
      search facets year 'Korea armistice'
      search facets subject --limit 20 --format csv
    """
    from searcher.cli.output import render_counts
    from searcher.query.fields import facet_name

    name = facet_name(field)
    with open_archive(index) as archive:
        counts = archive.facets(name, " ".join(query) or None)
    emit(render_counts(name, counts[:limit] if limit else counts, fmt, total=len(counts)))
    return 0


QUERY_COMMANDS = [query, show, facets]
