"""``search cite``, ``search kwic``, ``search timeline`` and ``search similar``: what historians
do with documents once found (cite them, read every use of a phrase, see when a topic was
discussed, find more like one)."""

from __future__ import annotations

import sys
from datetime import date

import click

from searcher.cli import complete
from searcher.cli.common import emit, format_option, index_option, open_archive, use_color
from searcher.errors import QueryError, SearcherError
from searcher.locations import shown
from searcher.record import Record


@click.command()
@click.argument("ids", nargs=-1, required=True)
@index_option
@click.option(
    "--style",
    "-s",
    type=click.Choice(["chicago", "chicago-bib", "ris", "bibtex", "csl-json"]),
    default="chicago",
    show_default=True,
    help="chicago: notes; chicago-bib: bibliography entries; the rest for reference managers.",
)
@click.option("--accessed", metavar="YYYY-MM-DD", help="Access date to cite [default: today].")
@format_option("text", "json")
def cite(ids: tuple[str, ...], index: str, style: str, accessed: str | None, fmt: str) -> int:
    """Cite documents by id, for a footnote or a reference manager.

    \b
    Examples:
      search cite 900001
      search cite 900001 300653 --style chicago-bib
      search cite 900001 --style ris > mao.ris          (Zotero: File > Import)
      search cite 900001 300653 --format json           (id and citation of each)
      search query 'sender:Mao armistice' --format csl-json > all.json
    """
    from searcher.cite import accessed_date, format_citations

    day = accessed_date(accessed)
    with open_archive(index) as archive:
        records = [archive.get(i) for i in ids]
    found = [r for r in records if r is not None]
    missing = [i for i, r in zip(ids, records, strict=True) if r is None]
    if found and fmt == "json":
        emit(_citations_json(found, style, day))
    elif found:
        emit(format_citations(found, style, accessed=day))
    if missing:
        raise SearcherError(f"no document with id {', '.join(missing)} in {shown(index)}")
    return 0


def _citations_json(records: list[Record], style: str, day: date | None) -> str:
    """``[{"id", "style", "citation"}]``: the citation as text, or as its object for csl-json."""
    import json

    from searcher.cite import format_citations
    from searcher.cli.output import to_json

    rows = []
    for record in records:
        text = format_citations([record], style, accessed=day)
        citation = json.loads(text)[0] if style == "csl-json" else text
        rows.append({"id": record.id, "style": style, "citation": citation})
    return to_json(rows)


@click.command()
@click.argument("phrase")
@click.argument("query", nargs=-1, shell_complete=complete.query_words)
@index_option
@click.option(
    "--where",
    "-w",
    multiple=True,
    shell_complete=complete.where_items,
    metavar="FIELD=VALUE",
    help="Only documents whose FIELD has VALUE (as for search query).",
)
@click.option("--width", type=click.IntRange(1, 500), default=60, show_default=True,
              help="Characters of context on each side.")  # fmt: skip
@click.option(
    "--sort",
    type=click.Choice(["left", "right", "date", "document"]),
    default="left",
    show_default=True,
    help="Order by the words before the match, after it, by date, or as found.",
)
@format_option("text", "json", "jsonl", "csv")
def kwic(
    phrase: str,
    query: tuple[str, ...],
    index: str,
    where: tuple[str, ...],
    width: int,
    sort: str,
    fmt: str,
) -> int:
    """Every occurrence of PHRASE, aligned on it, with document id, date and sender.

    Matching is exact on whole words, case-insensitive, without stemming. Extra QUERY words
    narrow the documents read.

    \b
    Examples:
      search kwic "demarcation line"
      search kwic "38th parallel" sender:Mao --sort date
      search kwic armistice --width 40 --format csv > armistice.csv
    """
    from searcher.kwic import format_lines, phrase_words, write_csv
    from searcher.kwic import kwic as concordance

    words = phrase_words(phrase)
    if not words:
        raise QueryError("the concordance needs at least one word")
    text = f'"{" ".join(words)}" {" ".join(query)}'.strip()
    with open_archive(index) as archive:
        lines = concordance(
            archive.iter_records(text, where=where, exact=True), words, width=width, sort=sort
        )
        if fmt == "csv":
            count = write_csv(lines, sys.stdout)
        elif fmt == "json":
            from searcher.cli.output import to_json

            rows_json = [line.to_dict() for line in lines]
            count = len(rows_json)
            emit(to_json(rows_json))
        else:
            if fmt == "jsonl":
                from searcher.cli.output import to_json

                rows = (to_json(line.to_dict(), indent=None) for line in lines)
            else:
                mark = (lambda s: click.style(s, bold=True, fg="yellow")) if use_color() else None
                rows = format_lines(lines, width=width, mark=mark)
            count = 0
            for count, row in enumerate(rows, 1):  # noqa: B007 - the count is wanted after
                emit(row)
    if not count:
        emit(f"search: no occurrence of '{' '.join(words)}'", err=True)
    return 0 if count else 1


@click.command()
@click.argument("query", nargs=-1, shell_complete=complete.query_words)
@index_option
@click.option("--where", "-w", multiple=True, metavar="FIELD=VALUE",
              shell_complete=complete.where_items,
              help="Only documents whose FIELD has VALUE (as for search query).")  # fmt: skip
@click.option("--by", type=click.Choice(["year", "month", "decade"]), default="year",
              show_default=True, help="Width of each bar.")  # fmt: skip
@click.option("--exact", is_flag=True, help="No name-authority expansion.")
@click.option("--plot", "plot_path", metavar="FILE.png", type=click.Path(dir_okay=False),
              help="Also draw the chart into FILE (needs matplotlib).")  # fmt: skip
@format_option("text", "json", "jsonl", "csv")
def timeline(
    query: tuple[str, ...],
    index: str,
    where: tuple[str, ...],
    by: str,
    exact: bool,
    plot_path: str | None,
    fmt: str,
) -> int:
    """How many documents matching QUERY fall in each year, month or decade.

    Each document counts once, at its start date; undated ones are counted apart. A
    document dated more coarsely than the bars (only a year, by month) counts at the
    start of its span and is shown lighter ("approximate" in json and csv).

    \b
    Examples:
      search timeline armistice
      search timeline 'sender:Stalin' --by month --format csv
      search timeline Korea --by decade --plot korea.png
    """
    from searcher.timeline import check_plot_path, plot, to_csv, to_text
    from searcher.timeline import timeline as count_by

    if plot_path:
        check_plot_path(plot_path)
    text = " ".join(query)
    with open_archive(index) as archive:
        line = count_by(
            (
                (r.date_start, r.date_precision)
                for r in archive.iter_records(text, where=where, exact=exact)
            ),
            by,
        )
    if fmt == "json":
        from searcher.cli.output import to_json

        emit(to_json(line.to_dict()))
    elif fmt == "jsonl":
        from searcher.cli.output import to_json

        rows = [*line.to_dict()["buckets"], {"period": "undated", "count": line.undated}]
        emit("\n".join(to_json(row, indent=None) for row in rows))
    elif fmt == "csv":
        emit(to_csv(line))
    else:
        emit(to_text(line))
    if plot_path:
        plot(line, plot_path, title=text)
        emit(f"search: drew {plot_path}", err=True)
    return 0 if line.total else 1


@click.command()
@click.argument("id")
@index_option
@click.option("--limit", "-n", type=click.IntRange(1, 1000), default=10, show_default=True)
@format_option("text", "json", "jsonl", "csv")
def similar(id: str, index: str, limit: int, fmt: str) -> int:
    """Documents closest to the one with ID, by their most distinctive words.

    \b
    Examples:
      search similar 900001
      search similar 900001 --limit 20 --format csv
    """
    from searcher.cli.output import render_results

    with open_archive(index) as archive:
        if archive.get(id) is None:
            raise SearcherError(f"no document with id {id} in {shown(index)}")
        results = archive.similar(id, limit=limit)
    emit(render_results(results, fmt, color=use_color()))
    return 0 if results.hits else 1


COMMANDS = [cite, kwic, timeline, similar]
