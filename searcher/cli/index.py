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
    default=None,
    type=click.Path(),
    help=(
        "Folder of scraped pages (or $SEARCHER_SOURCE; default: the folder the index was "
        f"last built from, else {DEFAULT_SOURCE}/)."
    ),
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
@click.option(
    "--drop-stale",
    is_flag=True,
    help="Remove the records of pages that can no longer be read (kept, stale, otherwise).",
)
@click.option(
    "--allow-removals",
    is_flag=True,
    help="Go on even if more than half of the records (and over 10) would be removed.",
)
@click.option("--wait", is_flag=True, help="Wait for another rebuild to finish, not refuse.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-page errors.")
@format_option("text", "json")
def rebuild(
    source: str | None,
    index: str,
    full: bool,
    workers: int | None,
    follow_links: bool,
    max_bytes: int,
    drop_stale: bool,
    allow_removals: bool,
    wait: bool,
    quiet: bool,
    fmt: str,
) -> int:
    """Build or update the index from a folder of pages.

    Reads .html, .htm, .txt and .html.gz files under SOURCE (recursively).  Only new and
    changed pages are parsed again; pages that are gone are removed; copies of one
    document become one record.  A page that had a record and can no longer be read (an
    error page saved over it, an empty, cut or binary file, a folder it may not read)
    keeps that record, marked stale, until --drop-stale.  The new index is written beside
    the old one and takes its place only when complete, so an interrupted or failed
    rebuild leaves the previous index as it was.  An index from an older version of
    searcher is rebuilt in full.

    Exit status: 0 all pages indexed, 1 some pages failed or are stale (listed on stderr
    and in `search stats --failed`), 2 SOURCE missing or without pages, or the rebuild
    would remove more than half of the records (the index is kept either way), 3/4/5
    index, lock or disk problems, 130 interrupted.

    \b
    Examples:
      search rebuild
      search rebuild --source ~/scrapes/wilson --index ~/wilson-index --full
      search rebuild --drop-stale --format json
    """
    from searcher.build import rebuild as run_rebuild
    from searcher.cli.summary import summary_object, summary_text
    from searcher.sources import remembered_source

    src = Path(source or remembered_source(index) or DEFAULT_SOURCE)
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
            drop_stale=drop_stale,
            allow_removals=allow_removals,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for leftover in report.cleaned:
        warn(f"removed {leftover}, left behind by an interrupted rebuild")
    if not quiet:
        kept = dict(report.stale)
        for path, reason in report.failed:
            warn(
                f"{path}: {reason}"
                + ("; its last good record is kept (stale)" if path in kept else "")
            )
        for path, reason in report.partial:
            warn(f"{path}: partial, indexed as far as it goes ({reason})")
        for ident, paths in report.clashes:
            warn(
                f"id {ident} fits {len(paths)} documents ({', '.join(paths)}):"
                " all but one got another id"
            )
    emit(to_json(summary_object(report)) if fmt == "json" else summary_text(report))
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
    report = info.get("report") or {}
    # the folder the index was built from (and a plain `search rebuild` reads)
    info = {"source": report.get("source", ""), **info}
    if failed:
        kept = {p for p, _ in report.get("stale", ())}
        rows = [{"path": p, "reason": r, "stale": p in kept} for p, r in info.get("failed", ())]
        if fmt == "json":
            emit(to_json(rows))
        elif fmt == "jsonl":
            emit("\n".join(to_json(r, indent=None) for r in rows))
        elif fmt == "csv":
            emit(csv_text(rows, ("path", "reason", "stale")))
        else:
            lines = [
                f"{r['path']}: {r['reason']}"
                + ("; last good record kept (stale)" if r["stale"] else "")
                for r in rows
            ]
            emit("\n".join(lines) or "no failed pages")
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
