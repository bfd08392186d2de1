"""Rebuild an index from a folder of pages: only new and changed pages are parsed.

>>> from searcher.build import rebuild
>>> report = rebuild("raw_html", "index")          # doctest: +SKIP
>>> report.indexed, report.unchanged, report.failed  # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from searcher import checkpoint
from searcher.copies import key_of
from searcher.errors import IngestError
from searcher.identity import base_id, shown_path
from searcher.ingest import DEFAULT_MAX_BYTES, content_hash, is_page
from searcher.keeping import CUT, Keeper, reader, under
from searcher.locations import shown
from searcher.record import Record
from searcher.sources import check_source, count_records, guard_removals

#: Below this many pages to parse, parsing stays in this process (workers cost more).
PARALLEL_FROM = 200
#: Pages per task sent to a worker process.
CHUNK = 32
#: Tasks queued per worker process ahead of the writer.
IN_FLIGHT = 4
#: A page file is taken as unchanged without reading it when its size, times and inode
#: are what the last build saw, and it had not changed for this long (nanoseconds) when
#: that build began: a change within a coarse file-system clock tick of the last look
#: cannot pass for no change.
SETTLED_NS = 2_000_000_000


@dataclass(frozen=True)
class BuildReport:
    """What a rebuild did.  ``failed`` lists every page (or folder, its path ending in
    ``/``) that could not be read, with why; ``stale`` those of them whose last good
    record was kept; ``copies`` the pages whose document another page's record holds;
    ``clashes`` the ids the rules gave to more than one document (all but one changed);
    ``partial`` the pages indexed although they stop mid-way, with where or why."""

    indexed: int
    unchanged: int
    deleted: int
    failed: tuple[tuple[str, str], ...]
    elapsed: float
    seen: int
    cleaned: tuple[str, ...] = ()
    full: bool = False
    stale: tuple[tuple[str, str], ...] = ()
    copies: int = 0
    clashes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""
    index: str = ""
    #: The index was from an older version of searcher and was rebuilt in full.
    upgraded: bool = False
    partial: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["failed"] = [list(item) for item in self.failed]
        out["stale"] = [list(item) for item in self.stale]
        out["partial"] = [list(item) for item in self.partial]
        out["clashes"] = [[ident, list(paths)] for ident, paths in self.clashes]
        out["cleaned"] = list(self.cleaned)
        return out


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


def _hash_file(path: str, max_bytes: int) -> str:
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    return content_hash(data)


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
        self.now: dict[str, list[Any]] = {}

    def digest(self, path: str, rel: str, max_bytes: int) -> str:
        stamp = self.stamp(path, rel)
        old = self.before.get(rel)
        if old is not None and old[:4] == stamp and stamp[2] < self.settled:
            digest = str(old[4])
        else:
            digest = _hash_file(path, max_bytes)
        stamp.append(digest)
        return digest

    def stamp(self, path: str, rel: str) -> list[Any]:
        """Note what the file looks like now; its hash is added to the list returned."""
        st = os.stat(path)
        stamp = self.now[rel] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        return stamp

    def hashed(self, rel: str, digest: str) -> None:
        """The hash of a file stamped earlier, as the worker that read it computed it."""
        stamp = self.now.get(rel)
        if stamp is not None and len(stamp) == 4:
            stamp.append(digest)

    def saved(self) -> dict[str, Any]:
        files = {rel: stamp for rel, stamp in self.now.items() if len(stamp) == 5}
        return {"scanned_at": self.scanned_at, "files": files}


#: What parsing one page gives: its relative path, the prepared document (None when the
#: page cannot be read), why not, the hash of the file (None if it could not be read), and
#: the page's key for finding its copies with whether the page is cut short (or None).
Parsed = tuple[str, Any, str | None, str | None, tuple[list[str], bool] | None]


def read_record(path: str, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """The record of the page file at ``path`` as the index keeps it: its path relative
    to the source, its id by the rules of :mod:`searcher.identity`, itself its one copy."""
    from searcher.ingest import parse_file

    record = parse_file(path, max_bytes=max_bytes)
    if path.endswith(".gz"):  # hashed as stored, as the next rebuild compares it
        record = replace(record, content_hash=_hash_file(path, max_bytes))
    return replace(record, path=rel, id=base_id(record, rel), copies=(rel,))


def _parse_one(path: str, rel: str, max_bytes: int, prepare: Callable[[Any], Any]) -> Parsed:
    try:
        record = read_record(path, rel, max_bytes)
        cut = (record.extra.get("cut") or "the page stops mid-way") if record.partial else ""
        info = (key_of(record, record.id), cut)
        return rel, prepare(record), None, record.content_hash, info
    except IngestError as exc:
        return rel, None, exc.reason, _hash_or_none(path, max_bytes), None
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the others
        why = f"unexpected {type(exc).__name__}: {exc}"
        return rel, None, why, _hash_or_none(path, max_bytes), None


def _hash_or_none(path: str, max_bytes: int) -> str | None:
    try:
        return _hash_file(Path(path), max_bytes)
    except OSError:
        return None


def _parse_chunk(
    items: list[tuple[str, str]], max_bytes: int, prepare: Callable[[Any], Any]
) -> list[Parsed]:
    return [_parse_one(path, rel, max_bytes, prepare) for path, rel in items]


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
    with _interrupts():
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
    build: Any = None
    parsed: Generator[Parsed] | None = None
    try:
        build = engine.begin_build(full, wait=wait)
        known = build.known_hashes()
        records_before = len(known) if known else count_records(engine)
        copies_before: dict[str, list[str]] = _offered(build, "known_copies", {})
        known_all = {**known, **{rel: item[0] for rel, item in copies_before.items()}}
        known_failures = _offered(build, "known_failures", {})
        stamps = _Stamps(_offered(build, "known_stamps", {}))
        # a full build keeps the last good records of pages that fail now as well
        keeper = Keeper(build, known_all or _offered(build, "previous_hashes", {}), drop_stale)
        digests: dict[str, str] = {}
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
            digests[rel] = digest
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
        target = _offered(build, "shard_target", None) if big else None
        hashed: dict[str, str | None] = {}
        if target is not None:
            indexed, bad = _write_shards(
                todo, max_bytes, count, build, target, progress, hashed, keeper.fresh, partial
            )
            failed.extend(bad)
            for rel, reason in bad:
                deleted += keeper.failed(rel, reason)
        else:
            parsed = _parse_all(todo, max_bytes, count, build.preparer)
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
                _stop_if_interrupted()
                checkpoint.step("parsing")
                if progress is not None:
                    progress(done, len(todo))
        if later:
            for rel, digest in hashed.items():
                if digest is not None:
                    stamps.hashed(rel, digest)
                    digests[rel] = digest
        failing = {rel for rel, _ in failed}
        dropped = set(gone) | set(keeper.dropped)
        if keeper.fresh or dropped:
            pages_before = _offered(build, "known_pages", {})
            load = reader(where, lambda path, rel: read_record(path, rel, max_bytes))
            plan = keeper.merge_copies(pages_before, copies_before, dropped, failing, load, digests)
            copies, clashes = len(plan.copies), tuple(plan.clashes)
        else:
            keep_copies = getattr(build, "remember_copies", None)
            if keep_copies is not None:
                keep_copies(copies_before)
            copies, clashes = len(copies_before), ()
        report = BuildReport(
            indexed=indexed,
            unchanged=unchanged,
            deleted=deleted,
            failed=tuple(sorted(failed)),
            elapsed=round(time.perf_counter() - started, 3),
            seen=len(where),
            cleaned=getattr(build, "cleaned", ()),
            full=getattr(build, "full", full),
            stale=tuple(sorted(keeper.stale)),
            copies=copies,
            clashes=clashes,
            source=absolute,
            index=shown(index),
            upgraded=getattr(build, "upgraded", False),
            partial=tuple(sorted(partial)),
        )
        remember = getattr(build, "remember_failures", None)
        if remember is not None:
            remember({rel: (digests[rel], why) for rel, why in failed if rel in digests})
        keep = getattr(build, "remember_stamps", None)
        if keep is not None:
            keep(stamps.saved())
        _stop_if_interrupted()
        checkpoint.step("committing")
        build.commit(report)
    except BaseException:
        if parsed is not None:
            parsed.close()  # stops worker processes at once
        if build is not None:
            build.abort()
        raise
    finally:
        engine.close()
    elapsed = round(time.perf_counter() - started, 3)
    return BuildReport(**{**report.__dict__, "elapsed": elapsed})


def _offered(build: Any, name: str, default: Any) -> Any:
    """What the build's optional method ``name`` answers (``default`` when the engine has
    none): ``known_failures`` (path -> content hash, reason of pages the last build could
    not read), ``known_stamps`` (see ``_Stamps``), ``shard_target`` (where workers may
    write segments themselves, full builds only)."""
    offer = getattr(build, name, None)
    return offer() if offer is not None else default


#: Pages parsed so far by the worker processes of a sharded build (set in each worker).
_done: Any = None


def _init_shard_worker(parent: int, done: Any) -> None:
    global _done
    _done = done
    _worker_init(parent)


def _shard(
    items: list[tuple[str, str]],
    max_bytes: int,
    prepare: Callable[[Any], Any],
    write: Callable[[str, Iterator[Any]], tuple[Any, int]],
    target: str,
) -> tuple[
    int,
    list[tuple[str, str]],
    Any,
    dict[str, str | None],
    dict[str, list[str]],
    list[tuple[str, str]],
]:
    """Parse, prepare and index a share of the pages as one segment (in a worker)."""
    failed: list[tuple[str, str]] = []
    partial: list[tuple[str, str]] = []
    hashed: dict[str, str | None] = {}
    keys: dict[str, list[str]] = {}

    def docs() -> Iterator[Any]:
        for path, rel in items:
            rel, doc, reason, hashed[rel], info = _parse_one(path, rel, max_bytes, prepare)
            with _done.get_lock():
                _done.value += 1
            if doc is None or info is None:
                failed.append((rel, reason or "unreadable"))
            else:
                keys[rel] = info[0]
                if info[1]:
                    partial.append((rel, info[1]))
                yield doc

    segment, indexed = write(target, docs())
    return indexed, failed, segment, hashed, keys, partial


def _write_shards(
    todo: list[tuple[str, str]],
    max_bytes: int,
    count: int,
    build: Any,
    target: str,
    progress: Callable[[int, int], None] | None,
    hashed: dict[str, str | None],
    keys: dict[str, list[str]],
    partial: list[tuple[str, str]],
) -> tuple[int, list[tuple[str, str]]]:
    """Each worker parses and indexes its share of the pages (``_shares``: dealt by the crc32 of
    their relative paths, as many each) into a segment of its own;
    the build lists the segments at commit (no merge: the parent never touches a posting).
    The hash of each page file as read goes into ``hashed``, its key into ``keys``, the
    pages that stop mid-way into ``partial``.
    """
    done = multiprocessing.Value("q", 0)
    indexed = 0
    failed: list[tuple[str, str]] = []
    with _workers(count, _init_shard_worker, (os.getpid(), done)) as pool:
        task = (max_bytes, build.preparer, build.write_shard, target)
        futures = [pool.submit(_shard, share, *task) for share in _shares(todo, count)]
        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
            _stop_if_interrupted()
            if done.value:
                checkpoint.step("parsing")
            if progress is not None:
                progress(done.value, len(todo))
            if any(f.done() and f.exception() is not None for f in futures):
                break
        for future in futures:
            n, bad, segment, hashes, found, cut = future.result()
            indexed += n
            failed.extend(bad)
            partial.extend(cut)
            hashed.update(hashes)
            keys.update(found)
            build.add_segments([segment])
    return indexed, failed


def _shares(todo: list[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """``todo`` dealt to ``count`` workers: as many pages each, chosen by a hash of their
    relative paths (the same every build), each share in the order of ``todo``.

    Dealing every n-th page would hand one worker all the pages of a pattern that recurs
    every n-th file (a scrape's originals and translations in turn, say).
    """
    ranked = sorted(range(len(todo)), key=lambda i: zlib.crc32(todo[i][1].encode()))
    return [[todo[i] for i in sorted(ranked[k::count])] for k in range(count)]


def _parse_all(
    todo: list[tuple[str, str]],
    max_bytes: int,
    count: int,
    prepare: Callable[[Any], Any],
) -> Iterator[Parsed]:
    if count <= 1 or len(todo) < PARALLEL_FROM:
        for path, rel in todo:
            yield _parse_one(path, rel, max_bytes, prepare)
        return
    chunks = (todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK))
    with _workers(count, _worker_init, (os.getpid(),)) as pool:
        # A bounded window of chunks in flight: parsed pages wait for the writer in memory,
        # so the workers may run only a little ahead of it, however many pages there are.
        window: deque[Future[list[Parsed]]] = deque()
        for chunk in chunks:
            window.append(pool.submit(_parse_chunk, chunk, max_bytes, prepare))
            if len(window) >= IN_FLIGHT * count:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


#: Set by Ctrl-C during a rebuild in the main thread (see ``_interrupts``).
_INTERRUPTED = threading.Event()


@contextmanager
def _interrupts() -> Iterator[None]:
    """Remember Ctrl-C as well as raising it: Python drops a KeyboardInterrupt raised while
    a finaliser runs, so the build also looks at the flag before it goes on or publishes."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield  # embedded, or the host handles Ctrl-C its own way
        return

    def handler(signum: int, frame: Any) -> None:
        _INTERRUPTED.set()
        raise KeyboardInterrupt

    _INTERRUPTED.clear()
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        _INTERRUPTED.clear()


def _stop_if_interrupted() -> None:
    if _INTERRUPTED.is_set():
        raise KeyboardInterrupt


@contextmanager
def _workers(
    count: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
) -> Iterator[ProcessPoolExecutor]:
    """A pool of worker processes, killed at once on Ctrl-C, an error or an abandoned
    build, not after their queued pages (the executor has no public way to do this before
    Python 3.14)."""
    pool = ProcessPoolExecutor(max_workers=count, initializer=initializer, initargs=initargs)
    try:
        yield pool
    except BaseException:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init(parent: int) -> None:
    """Set up a parser process: Ctrl-C is the parent's to handle, and the worker dies with
    its parent (a killed rebuild must not leave workers holding the index lock)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)
    else:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)
