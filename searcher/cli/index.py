"""``search rebuild`` and ``search stats``: making the index and describing it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from searcher.cli.common import DEFAULT_SOURCE, emit, format_option, index_option, warn
from searcher.cli.output import csv_text, to_json


@click.command()
@click.option(
    "--source",
    envvar="SEARCHER_SOURCE",
    default=DEFAULT_SOURCE,
    show_default=True,
    type=click.Path(),
    help="Folder of scraped pages (or $SEARCHER_SOURCE).",
)
@index_option
@click.option("--full", is_flag=True, help="Re-parse every page, not only new and changed ones.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Parser processes (default: one per core).",
)
@click.option(
    "--follow-links", is_flag=True, help="Follow symbolic links out of the source folder."
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=20 * 1024 * 1024,
    show_default=True,
    help="Refuse pages larger than this (uncompressed).",
)
@click.option("--wait", is_flag=True, help="Wait for another rebuild to finish, not refuse.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-page errors.")
def rebuild(
    source: str,
    index: str,
    full: bool,
    workers: int | None,
    follow_links: bool,
    max_bytes: int,
    wait: bool,
    quiet: bool,
) -> int:
    """Build or update the index from a folder of pages.

    Reads .html, .htm, .txt and .html.gz files under SOURCE (recursively).  Only new and
    changed pages are parsed again; pages that are gone are removed.  The new index is
    written beside the old one and takes its place only when complete, so an interrupted
    or failed rebuild leaves the previous index as it was.

    Exit status: 0 all pages indexed, 1 some pages failed (listed on stderr and in
    `search stats --failed`), 2 no pages under SOURCE (the index is kept), 3/4/5 index,
    lock or disk problems, 130 interrupted.

    \b
    Examples:
      search rebuild
      search rebuild --source ~/scrapes/wilson --index ~/wilson-index --full
    """
    from searcher.build import find_pages
    from searcher.build import rebuild as run_rebuild
    from searcher.errors import QueryError, StorageError
    from searcher.locations import shown

    src = Path(source)
    if not src.is_dir():
        raise StorageError(f"source folder not found: {src}")
    if next(find_pages(src, follow_links=follow_links), None) is None:
        # Rebuilding from a wrong or empty folder would empty the index.
        raise QueryError(
            f"no pages (.html, .htm, .txt, .html.gz) under {src}: nothing to index, "
            "the index is left as it was"
        )
    bar: Any = None
    show_bar = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if not show_bar:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="parsing", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        report = run_rebuild(
            src,
            index,
            full=full,
            workers=workers,
            follow_links=follow_links,
            max_bytes=max_bytes,
            progress=progress,
            wait=wait,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for leftover in report.cleaned:
        warn(f"removed {leftover}, left behind by an interrupted rebuild")
    if not quiet:
        for path, reason in report.failed:
            warn(f"{path}: {reason}")
    emit(
        f"indexed {report.indexed}, unchanged {report.unchanged}, removed {report.deleted}, "
        f"failed {len(report.failed)} of {report.seen} pages in {report.elapsed:.1f} s"
        f" -> {shown(index)}"
    )
    return 1 if report.failed else 0


@click.command()
@index_option
@click.option("--failed", is_flag=True, help="List the pages the last rebuild could not read.")
@format_option("text", "json", "jsonl", "csv")
def stats(index: str, failed: bool, fmt: str) -> int:
    """Describe the index: documents, facet sizes, dates covered, size, last rebuild.

    \b
    Examples:
      search stats
      search stats --failed --format csv
    """
    from dataclasses import asdict

    from searcher.cli.common import open_archive

    with open_archive(index) as archive:
        info = asdict(archive.stats())
    if failed:
        rows = [{"path": p, "reason": r} for p, r in info.get("failed", ())]
        if fmt == "json":
            emit(to_json(rows))
        elif fmt == "jsonl":
            emit("\n".join(to_json(r, indent=None) for r in rows))
        elif fmt == "csv":
            emit(csv_text(rows, ("path", "reason")))
        else:
            emit("\n".join(f"{r['path']}: {r['reason']}" for r in rows) or "no failed pages")
        return 0
    if fmt in ("json", "jsonl"):
        emit(to_json(info, indent=2 if fmt == "json" else None))
    elif fmt == "csv":
        flat = [
            {"key": k, "value": v}
            for k, v in info.items()
            if not isinstance(v, (dict, list, tuple))
        ]
        emit(csv_text(flat, ("key", "value")))
    else:
        emit(_stats_text(info))
    return 0


def _stats_text(info: dict[str, Any]) -> str:
    lines = []
    for key, value in info.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k:>16}: {v}" for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key}: {len(value)}")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


INDEX_COMMANDS = [rebuild, stats]
