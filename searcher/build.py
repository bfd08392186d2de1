"""Rebuild an index from a folder of pages: only new and changed pages are parsed.

>>> from searcher.build import rebuild
>>> report = rebuild("raw_html", "index")          # doctest: +SKIP
>>> report.indexed, report.unchanged, report.failed  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from searcher import checkpoint
from searcher.build_workers import (
    hash_file,
    interrupts,
    parse_all,
    read_record,
    stop_if_interrupted,
    write_shards,
)
from searcher.ingest import DEFAULT_MAX_BYTES
from searcher.keeping import CUT, Keeper, reader, under
from searcher.locations import shown
from searcher.report import BuildReport
from searcher.sources import check_source, count_records, find_pages, guard_removals

if TYPE_CHECKING:
    from searcher.engine.base import Build

#: Below this many pages to parse, parsing stays in this process (workers cost more).
PARALLEL_FROM = 200
#: A page file is taken as unchanged without reading it when its size, times and inode
#: are what the last build saw, and it had not changed for this long (nanoseconds) when
#: that build began: a change within a coarse file-system clock tick of the last look
#: cannot pass for no change.
SETTLED_NS = 2_000_000_000

__all__ = ["BuildReport", "find_pages", "read_record", "rebuild"]


class _Stamps:
    """Content hashes of page files, read again only when a file may have changed.

    As version control tools do, a file whose size, modification and change times and
    inode are all as the last build saw them (and which had settled before that build
    began) keeps the hash that build computed; any write, copy, move or touch changes the
    change time, so the file is read and hashed again.
    """

    def __init__(self, saved: dict[str, Any]) -> None:
        self.before: dict[str, list[Any]] = saved.get("files", {})
        self.settled = int(saved.get("scanned_at", 0)) - SETTLED_NS
        self.scanned_at = time.time_ns()
        #: What each page file looks like now: size, modification and change times, inode.
        self.now: dict[str, tuple[int, int, int, int]] = {}
        #: The content hash of each page file read (or known unchanged) now.
        self.digests: dict[str, str] = {}

    def digest(self, path: str, rel: str, max_bytes: int) -> str:
        stamp = self.stamp(path, rel)
        old = self.before.get(rel)
        if old is not None and tuple(old[:4]) == stamp and stamp[2] < self.settled:
            digest = str(old[4])
        else:
            digest = hash_file(path, max_bytes)
        self.digests[rel] = digest
        return digest

    def stamp(self, path: str, rel: str) -> tuple[int, int, int, int]:
        """Note what the file looks like now (its hash is noted apart, once read)."""
        st = os.stat(path)
        stamp = self.now[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        return stamp

    def hashed(self, rel: str, digest: str) -> None:
        """The hash of a file as the worker that read it computed it."""
        self.digests[rel] = digest

    def saved(self) -> dict[str, Any]:
        digests = self.digests
        files = {rel: [*stamp, digests[rel]] for rel, stamp in self.now.items() if rel in digests}
        return {"scanned_at": self.scanned_at, "files": files}


def rebuild(
    source: str | Path,
    index: str | Path,
    *,
    full: bool = False,
    workers: int | None = None,
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    wait: bool = False,
    drop_stale: bool = False,
    allow_removals: bool = False,
) -> BuildReport:
    """Bring the index at ``index`` up to date with the pages under ``source``.

    Pages are compared by content hash: unchanged ones are skipped, changed and new ones
    parsed (in worker processes when there are many), vanished ones deleted; copies of one
    document become one record.  A page that had a record and cannot be read now keeps it,
    marked stale (``drop_stale`` removes such records).  A missing or empty ``source`` is
    refused, and so is a rebuild that would remove more than half of the records (and
    more than ten) unless ``allow_removals`` (SourceError either way, the index untouched).
    The new state goes live only when complete; on any error or Ctrl-C the previous index
    stays.  ``progress(done, total)`` is called as pages are parsed.
    """
    options = (full, workers, follow_links, max_bytes, progress, wait, drop_stale, allow_removals)
    with interrupts():
        return _rebuild(source, index, *options)


def _rebuild(
    source: str | Path,
    index: str | Path,
    full: bool,
    workers: int | None,
    follow_links: bool,
    max_bytes: int,
    progress: Callable[[int, int], None] | None,
    wait: bool,
    drop_stale: bool,
    allow_removals: bool,
) -> BuildReport:
    from searcher.engine import open_engine

    started = time.perf_counter()
    source = Path(source)
    absolute = check_source(source, follow_links=follow_links)
    engine = open_engine(index, create=True)
    build: Build | None = None
    try:
        build = engine.begin_build(full, wait=wait)
        # what the build kept of each page goes with _update's frame: the commit holds
        # only what the engine remembers
        report = _update(
            build,
            engine,
            source,
            index,
            absolute,
            started,
            (workers, follow_links, max_bytes, progress, drop_stale, allow_removals),
        )
        stop_if_interrupted()
        checkpoint.step("committing")
        build.commit(report)
    except BaseException:
        if build is not None:
            build.abort()
        raise
    finally:
        engine.close()
    elapsed = round(time.perf_counter() - started, 3)
    return BuildReport(**{**report.__dict__, "elapsed": elapsed})


def _update(
    build: Build,
    engine: Any,
    source: Path,
    index: str | Path,
    absolute: str,
    started: float,
    options: tuple[int | None, bool, int, Callable[[int, int], None] | None, bool, bool],
) -> BuildReport:
    """Write what changed into ``build`` and return the summary to commit with it."""
    workers, follow_links, max_bytes, progress, drop_stale, allow_removals = options
    known = build.known_hashes()
    records_before = len(known) if known else count_records(engine)
    copies_before: dict[str, list[str]] = build.known_copies()
    known_all = {**known, **{rel: item[0] for rel, item in copies_before.items()}}
    known_failures = build.known_failures()
    stamps = _Stamps(build.known_stamps())
    # a full build keeps the last good records of pages that fail now as well
    keeper = Keeper(build, known_all or build.previous_hashes(), drop_stale)
    digests = stamps.digests
    failed: list[tuple[str, str]] = []
    todo: list[tuple[str, str]] = []
    where: dict[str, str] = {}
    unreadable: list[tuple[str, str]] = []
    partial: list[tuple[str, str]] = []
    unchanged = 0
    dropped_unchanged = 0  # stale records of unchanged failing pages, --drop-stale
    # with nothing to compare against, every page is parsed: the workers hash the bytes
    # they read, instead of this process reading every file once more beforehand
    later = not known_all and not known_failures
    for path, rel in find_pages(source, follow_links=follow_links, unreadable=unreadable):
        where[rel] = path
        try:
            if later:
                stamps.stamp(path, rel)
                todo.append((path, rel))
                continue
            digest = stamps.digest(path, rel, max_bytes)
        except OSError:
            todo.append((path, rel))  # the parser reports why it cannot read it
            continue
        if known_all.get(rel) == digest:
            unchanged += 1
        elif rel in known_failures and known_failures[rel][0] == digest:
            failed.append((rel, known_failures[rel][1]))  # unchanged: not parsed again
            dropped_unchanged += keeper.failed(rel, known_failures[rel][1])
        else:
            todo.append((path, rel))
    failed.extend(unreadable)
    # the pages of a folder that cannot be read are not gone: their records are kept
    hidden = [folder for folder, _ in unreadable]
    gone = [p for p in known_all if p not in where and not under(p, hidden)]
    removing = sum(1 for p in gone if p in known) if known else records_before - len(where)
    guard_removals(
        removing, records_before, index=str(index), source=absolute, allowed=allow_removals
    )
    deleted = dropped_unchanged + (build.delete([p for p in gone if p in known]) if gone else 0)
    indexed = 0
    count = workers if workers is not None else (os.cpu_count() or 1)
    big = count > 1 and len(todo) >= PARALLEL_FROM
    target = build.shard_target() if big else None
    hashed: dict[str, str | None] = {}
    if target is not None:
        indexed, bad = write_shards(
            todo, max_bytes, count, build, target, progress, hashed, keeper.fresh, partial
        )
        failed.extend(bad)
        for rel, reason in bad:
            deleted += keeper.failed(rel, reason)
    else:
        # closed on any error or Ctrl-C: stops the worker processes at once
        with closing(parse_all(todo, max_bytes, count if big else 1, build.preparer)) as parsed:
            for done, (rel, doc, reason, digest, info) in enumerate(parsed, 1):
                hashed[rel] = digest
                if doc is None or info is None:
                    failed.append((rel, reason or "unreadable"))
                    deleted += keeper.failed(rel, reason or "unreadable")
                elif keeper.parsed(rel, info[0], bool(info[1])):
                    indexed += build.add_prepared([doc])
                    if info[1]:
                        partial.append((rel, info[1]))
                else:
                    failed.append((rel, CUT))
                stop_if_interrupted()
                checkpoint.step("parsing")
                if progress is not None:
                    progress(done, len(todo))
    if later:
        for rel, digest in hashed.items():
            if digest is not None:
                stamps.hashed(rel, digest)
    failing = {rel for rel, _ in failed}
    dropped = set(gone) | set(keeper.dropped)
    if keeper.fresh or dropped:
        pages_before = build.known_pages()
        load = reader(where, lambda path, rel: read_record(path, rel, max_bytes))
        plan = keeper.merge_copies(pages_before, copies_before, dropped, failing, load, digests)
        copies, clashes = len(plan.copies), tuple(plan.clashes)
    else:
        build.remember_copies(copies_before)
        copies, clashes = len(copies_before), ()
    report = BuildReport(
        indexed=indexed,
        unchanged=unchanged,
        deleted=deleted,
        failed=tuple(sorted(failed)),
        elapsed=round(time.perf_counter() - started, 3),
        seen=len(where),
        cleaned=build.cleaned,
        full=build.full,
        stale=tuple(sorted(keeper.stale)),
        copies=copies,
        clashes=clashes,
        source=absolute,
        index=shown(index),
        upgraded=build.upgraded,
        partial=tuple(sorted(partial)),
    )
    build.remember_failures({rel: (digests[rel], why) for rel, why in failed if rel in digests})
    build.remember_stamps(stamps.saved())
    return report
