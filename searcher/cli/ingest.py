"""``search parse``: what the ingester makes of pages, without touching any index."""

from __future__ import annotations

from pathlib import Path

import click

from searcher.cli.common import emit, format_option, warn

SIZE_HELP = "Refuse pages larger than this many bytes (uncompressed)."


def _page_files(paths: tuple[str, ...]) -> list[Path]:
    """The files named, with folders expanded to the pages inside them."""
    from searcher.ingest import is_page

    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_page(p)))
        else:
            files.append(path)
    return files


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@format_option("json", "jsonl", "text", "csv", default="json")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=20 * 1024 * 1024,
    show_default=True,
    help=SIZE_HELP,
)
def parse(files: tuple[str, ...], fmt: str, max_bytes: int) -> int:
    """Parse FILES (pages or folders of pages) and print the records.

    Nothing is indexed.  A page that cannot be read gets one line on stderr naming the file
    and the reason; the other files go on.  Exit status 0 when every page parsed, 1 when
    some failed.

    \b
    Examples:
      search parse raw_html/text/seed-page-mao-to-filippov-1951-11-14.txt
      search parse raw_html --format text | less
    """
    from searcher.cli.output import render_records
    from searcher.errors import IngestError
    from searcher.ingest import parse_file

    records = []
    failed = 0
    for path in _page_files(files):
        try:
            records.append(parse_file(path, max_bytes=max_bytes))
        except IngestError as exc:
            failed += 1
            warn(str(exc))
    if records or fmt == "json":
        emit(render_records(records, fmt))
    return 1 if failed else 0


INGEST_COMMANDS = [parse]
