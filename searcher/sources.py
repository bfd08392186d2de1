"""The folder a rebuild reads, checked before the index is touched, and remembered by it.

A wrong folder must not empty an index: a missing or empty one is refused, a rebuild that
would remove most of the records stops unless told to go on, and ``search rebuild``
without ``--source`` reads the folder the index was last built from.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path
from typing import Any

from searcher.errors import SearcherError, SourceError, StorageError
from searcher.identity import shown_path
from searcher.ingest import is_page

__all__ = [
    "REMOVAL_FLOOR",
    "check_source",
    "count_records",
    "find_pages",
    "guard_removals",
    "remembered_source",
]

#: A rebuild may remove up to this many records, or up to half of them, without asking.
REMOVAL_FLOOR = 10
_SUFFIXES = ".html, .htm, .txt, .html.gz"


def check_source(source: Path, *, follow_links: bool = False) -> str:
    """The absolute path of ``source`` if it is a folder holding pages; SourceError (exit
    2) when it is missing, not a folder or holds no pages, StorageError (exit 5) when it
    cannot be read.  Nothing is written either way."""
    if not source.exists():
        raise SourceError(f"no folder of pages at {source}: nothing to index, the index is kept")
    if not source.is_dir():
        raise SourceError(f"{source} is a file, not a folder of pages: the index is kept")
    unreadable: list[tuple[str, str]] = []
    first = next(find_pages(source, follow_links=follow_links, unreadable=unreadable), None)
    if first is None and unreadable and unreadable[0][0] == "./":
        raise StorageError(f"{unreadable[0][1]} {source}: the index is kept")
    if first is None:
        raise SourceError(
            f"no pages ({_SUFFIXES}) under {source}: nothing to index, the index is kept"
        )
    return os.path.abspath(source)


def guard_removals(removing: int, records: int, *, index: str, source: str, allowed: bool) -> None:
    """SourceError when a rebuild would remove more than half of the ``records`` of an
    index, and more than :data:`REMOVAL_FLOOR`, without ``allowed``."""
    if allowed or removing <= REMOVAL_FLOOR or removing * 2 <= records:
        return
    raise SourceError(
        f"rebuilding {index} from {source} would remove {removing} of its {records} records"
        " (their pages are not there): check the folder, or pass --allow-removals;"
        " the index is kept"
    )


def remembered_source(index: str) -> str | None:
    """The folder the index at ``index`` was last built from, None when unknown (no
    index, or one built before indexes remembered it)."""
    text = str(index)
    try:
        if "://" in text:
            from searcher.engine import open_engine

            with open_engine(text) as engine:
                report = engine.stats().report or {}
        else:
            from searcher.engine import store

            live = store.current(Path(text)) if Path(text).is_dir() else None
            report = store.read_meta(live).get("report") or {} if live is not None else {}
    except SearcherError:
        return None
    source = report.get("source")
    return source if isinstance(source, str) and source else None


def count_records(engine: Any) -> int:
    """How many records the engine's index holds (0 when it has none yet, or cannot say)."""
    try:
        return int(engine.stats().documents)
    except SearcherError:
        return 0


def find_pages(
    source: Path,
    *,
    follow_links: bool = False,
    unreadable: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Every page file under ``source`` as its path and its path relative to ``source``
    (``/``-separated; a name that is not UTF-8 as :func:`~searcher.identity.shown_path`
    writes it): a folder's pages by name, then its folders' by name. Symlinks leading
    outside ``source`` only when asked (each folder then read once, however many links
    lead to it).  A folder that cannot be listed is added to ``unreadable`` (its relative
    path ending in ``/``, and why), not silently left out.

    One ``scandir`` a folder: whether an entry is a folder or a link comes with its name,
    without a call per file (a rebuild that finds nothing changed spends its time here, in
    one ``stat`` a page and in reading the index's paths and hashes).
    """
    root = source.resolve()
    visited: set[str] = set()

    def walk(folder: str, rel: str) -> Iterator[tuple[str, str]]:
        if follow_links:
            real = os.path.realpath(folder)
            if real in visited:
                return
            visited.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=attrgetter("name"))
        except OSError as exc:
            if unreadable is not None:
                why = exc.strerror or type(exc).__name__
                unreadable.append((shown_path(rel) or "./", f"cannot read folder: {why}"))
            return
        folders = []
        for entry in entries:
            try:
                if entry.is_dir():
                    if follow_links or not entry.is_symlink():
                        folders.append(entry)
                    continue
            except OSError:
                pass
            if not is_page(entry.name):
                continue
            if (
                not follow_links
                and entry.is_symlink()
                and not Path(entry.path).resolve().is_relative_to(root)
            ):
                continue
            yield entry.path, shown_path(rel + entry.name)
        for entry in folders:
            yield from walk(entry.path, f"{rel}{entry.name}/")

    yield from walk(os.fspath(source), "")
