"""Archive calls run in worker threads, each with its own open Archive, under a time limit.

Every worker thread opens the index once and keeps it: an Archive picks up a rebuilt index
on its next call by itself, and each call finishes on the generation it started on.  A
worker whose index turned out damaged or missing drops it and opens it again next time.
A call that outlives the time limit is answered as :class:`Overloaded` (HTTP 503) while
its thread finishes in the background; the other workers keep answering meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from searcher.api import Archive
from searcher.errors import IndexDamagedError, IndexMissingError, SearcherError, StorageError

T = TypeVar("T")


class Overloaded(SearcherError):
    """A request took longer than the time limit (HTTP 503)."""

    exit_code = 3


class ArchivePool:
    """``workers`` threads, each with an Archive open at ``location``."""

    def __init__(self, location: str, *, workers: int = 4, timeout: float = 10.0) -> None:
        self.location = location
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="archive")
        self._local = threading.local()
        self._opened: list[Archive] = []
        self._lock = threading.Lock()

    def _archive(self) -> Archive:
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive.open(self.location)
            self._local.archive = archive
            with self._lock:
                self._opened.append(archive)
        return archive

    def _drop(self) -> None:
        archive = getattr(self._local, "archive", None)
        self._local.archive = None
        if archive is not None:
            with self._lock:
                if archive in self._opened:
                    self._opened.remove(archive)
            with contextlib.suppress(Exception):  # a broken index may not close cleanly
                archive.close()

    def _call(self, fn: Callable[[Archive], T]) -> T:
        try:
            return fn(self._archive())
        except (IndexDamagedError, IndexMissingError, StorageError):
            self._drop()
            raise

    async def run(self, fn: Callable[[Archive], T]) -> T:
        """``fn(archive)`` in a worker thread; Overloaded past the time limit."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, self._call, fn)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise Overloaded(
                f"the request took longer than {self.timeout:g} s and was abandoned"
            ) from None

    def close(self) -> None:
        """Stop the workers (without waiting for abandoned calls) and close the archives."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            opened, self._opened = self._opened, []
        for archive in opened:
            with contextlib.suppress(Exception):  # on the way out: nothing to report to
                archive.close()
