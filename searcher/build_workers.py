"""Parsing the pages of a rebuild: in this process, in a pool of worker processes, or in
workers that each write a segment of their own; and Ctrl-C, which stops them at once.

The parent (:mod:`searcher.build`) decides what to parse; this module only parses it.
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
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from searcher import checkpoint
from searcher.copies import key_of
from searcher.errors import IngestError
from searcher.identity import base_id
from searcher.ingest import DEFAULT_MAX_BYTES, content_hash
from searcher.record import Record

#: Pages per task sent to a worker process.
CHUNK = 32
#: Tasks queued per worker process ahead of the writer.
IN_FLIGHT = 4


def hash_file(path: str, max_bytes: int) -> str:
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    return content_hash(data)


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
        record = replace(record, content_hash=hash_file(path, max_bytes))
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
        return hash_file(Path(path), max_bytes)
    except OSError:
        return None


def _parse_chunk(
    items: list[tuple[str, str]], max_bytes: int, prepare: Callable[[Any], Any]
) -> list[Parsed]:
    return [_parse_one(path, rel, max_bytes, prepare) for path, rel in items]


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
) -> tuple[int, Any, list[str | None], list[tuple[list[str], str] | str]]:
    """Parse, prepare and index a share of the pages as one segment (in a worker).

    Returns how many were indexed, the segment, and for each page of ``items`` in turn
    its hash and either its key with why it is cut short ("" when whole) or why it failed:
    the parent knows the paths it dealt, so they do not travel back.
    """
    hashes: list[str | None] = []
    outcomes: list[tuple[list[str], str] | str] = []

    def docs() -> Iterator[Any]:
        for path, rel in items:
            _, doc, reason, digest, info = _parse_one(path, rel, max_bytes, prepare)
            hashes.append(digest)
            with _done.get_lock():
                _done.value += 1
            if doc is None or info is None:
                outcomes.append(reason or "unreadable")
            else:
                outcomes.append(info)
                yield doc

    segment, indexed = write(target, docs())
    return indexed, segment, hashes, outcomes


def write_shards(
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
    """Each worker parses and indexes its share of the pages (``shares``: dealt by the crc32 of
    their relative paths, as many each) into a segment of its own;
    the build lists the segments at commit (no merge: the parent never touches a posting).
    The hash of each page file as read goes into ``hashed``, its key into ``keys``, the
    pages that stop mid-way into ``partial``.
    """
    done = multiprocessing.Value("q", 0)
    indexed = 0
    failed: list[tuple[str, str]] = []
    dealt = shares(todo, count)
    with _workers(count, _init_shard_worker, (os.getpid(), done)) as pool:
        task = (max_bytes, build.preparer, build.write_shard, target)
        futures = [pool.submit(_shard, share, *task) for share in dealt]
        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
            stop_if_interrupted()
            if done.value:
                checkpoint.step("parsing")
            if progress is not None:
                progress(done.value, len(todo))
            if any(f.done() and f.exception() is not None for f in futures):
                break
        for share, future in zip(dealt, futures, strict=True):
            n, segment, hashes, outcomes = future.result()
            indexed += n
            for (_, rel), digest, outcome in zip(share, hashes, outcomes, strict=True):
                hashed[rel] = digest
                if isinstance(outcome, str):
                    failed.append((rel, outcome))
                    continue
                keys[rel] = outcome[0]
                if outcome[1]:
                    partial.append((rel, outcome[1]))
            build.add_segments([segment])
    return indexed, failed


def shares(todo: list[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """``todo`` dealt to ``count`` workers: as many pages each, chosen by a hash of their
    relative paths (the same every build), each share in the order of ``todo``.

    Dealing every n-th page would hand one worker all the pages of a pattern that recurs
    every n-th file (a scrape's originals and translations in turn, say).
    """
    ranked = sorted(range(len(todo)), key=lambda i: zlib.crc32(todo[i][1].encode()))
    return [[todo[i] for i in sorted(ranked[k::count])] for k in range(count)]


def parse_all(
    todo: list[tuple[str, str]],
    max_bytes: int,
    count: int,
    prepare: Callable[[Any], Any],
) -> Iterator[Parsed]:
    """Each page of ``todo`` parsed and prepared, in order: in ``count`` worker processes
    (in this one when ``count`` is 1)."""
    if count <= 1:
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


#: Set by Ctrl-C during a rebuild in the main thread (see ``interrupts``).
_INTERRUPTED = threading.Event()


@contextmanager
def interrupts() -> Iterator[None]:
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


def stop_if_interrupted() -> None:
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
