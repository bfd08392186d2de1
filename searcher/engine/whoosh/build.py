"""Writing the embedded engine's index: a new generation folder (see ``store``), filled by
this process or by worker processes writing segments of their own, published at commit."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index

from searcher.engine import store
from searcher.engine.base import Build
from searcher.engine.whoosh import generations, lexicon
from searcher.engine.whoosh.engine import _DAMAGE, open_index
from searcher.engine.whoosh.kept import KeptFromLive
from searcher.engine.whoosh.schema import build_schema, to_document
from searcher.errors import IndexDamagedError, SearcherError, StorageError
from searcher.record import Record

#: Memory for gathered postings before the writer spills a sorted run to a temporary file
#: (see ``postings``; the process takes about twice this at its peak).
WRITER_LIMIT_MB = 256
#: The same for each worker process writing a segment of a full rebuild.
SHARD_LIMIT_MB = 96


def prepare(record: Record) -> dict[str, Any]:
    """A record as the plain data the writer takes (picklable; run it in workers)."""
    return to_document(record)


def write_shard(target: str, docs: Iterable[dict[str, Any]]) -> tuple[Any, int]:
    """Write prepared documents as one new segment of the index being built at ``target``.

    Runs in a worker process while the build in the parent holds the lock; returns the
    segment (None when ``docs`` was empty) for :meth:`WhooshBuild.add_segments`.
    """
    index = FileStorage(target).open_index()
    from searcher.engine.whoosh.writer import SegmentWriter  # only builds need the writer

    writer = SegmentWriter(index, _lk=False, limitmb=SHARD_LIMIT_MB, compound=False)
    try:
        n = 0
        for doc in docs:
            writer.add_document(**doc)
            n += 1
        if not n:
            writer._close_segment()
            return None, 0
        # finish the segment only: the parent's commit lists it and removes temp files
        return (writer._finalize_segment(), writer.word_counts), n
    except BaseException:
        with contextlib.suppress(Exception):
            writer._close_segment()
        raise


class WhooshBuild(KeptFromLive, Build):
    """A new generation being written; see :mod:`searcher.engine.store`."""

    preparer = staticmethod(prepare)
    write_shard = staticmethod(write_shard)

    def __init__(self, root: Path, *, full: bool, wait: bool) -> None:
        self.root = root
        self.full = full
        self.cleaned: tuple[str, ...] = ()
        self._done = False
        self._writer: Any = None
        self._segments: list[Any] = []
        self._failures: dict[str, tuple[str, str]] = {}
        self._stamps: dict[str, Any] = {}
        self._word_counts: Counter[str] = Counter()
        self._lockfile: IO[str] | None = None
        self.upgraded = False
        self._copies: dict[str, list[str]] = {}
        self._pages: dict[str, Any] | None = None
        self._regroup: tuple[list[str], list[dict[str, Any]]] | None = None
        self._old: Index | None = None
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._lockfile = store.acquire_lock(root, wait=wait)
            self.previous = store.current(root)
            stale = store.leftovers(root)
            # Generations older than the live one are retired ones (removed unless a reader
            # still holds one); newer ones and temporary files are what an interrupted
            # rebuild left.
            live = self.previous.name if self.previous is not None else ""
            self.cleaned = tuple(
                item.name for item in stale if item.name > live or not item.is_dir()
            )
            for item in stale:
                if item.name in self.cleaned:
                    store.remove(item)
                else:
                    generations.remove_unheld(root, item)
            self.generation = store.next_generation(root)
            storage = FileStorage(str(self.generation))
            if self.previous is not None and not full and self.previous.is_dir():
                store.clone(self.previous, self.generation)
                try:
                    opened = open_index(self.generation, written=self.previous)
                    # an index written by another version is rebuilt in full
                    self.upgraded = opened is None
                except _DAMAGE:
                    opened = None
                if opened is None:
                    opened = storage.create_index(build_schema())
                    self.full = True
                self._index = opened
            else:
                self.full = True
                self._index = storage.create_index(build_schema())
        except OSError as exc:
            self.abort()
            raise StorageError(f"cannot write index at {root}: {exc.strerror}") from None
        except BaseException:
            self.abort()
            raise

    def _w(self) -> Any:
        if self._writer is None:
            from searcher.engine.whoosh.writer import SegmentWriter

            try:
                self._writer = SegmentWriter(self._index, limitmb=WRITER_LIMIT_MB, compound=False)
            except OSError as exc:
                self.abort()
                raise StorageError(f"cannot write index at {self.root}: {exc.strerror}") from None
        return self._writer

    def shard_target(self) -> str | None:
        """Where worker processes may write segments (:func:`write_shard`): full builds."""
        if not self.full:
            return None
        self._w()  # holds the generation's temporary folder while workers write
        return str(self.generation)

    def add_segments(self, segments: Iterable[Any]) -> None:
        """List segments written by :func:`write_shard` in the next commit."""
        for item in segments:
            if item is not None:
                segment, counts = item
                self._segments.append(segment)
                self._word_counts.update(counts)

    def known_failures(self) -> dict[str, tuple[str, str]]:
        """Path -> (content hash, reason) of the pages the live generation could not read."""
        if self.full or self.previous is None:
            return {}
        saved = store.read_meta(self.previous).get("failed_hashes", {})
        return {rel: (item[0], item[1]) for rel, item in saved.items() if len(item) == 2}

    def remember_failures(self, failures: dict[str, tuple[str, str]]) -> None:
        """Keep the hashes of unreadable pages, so an unchanged one is not parsed again."""
        self._failures = dict(failures)

    def known_stamps(self) -> dict[str, Any]:
        """What the live generation's build saw of the page files (``remember_stamps``)."""
        if self.full or self.previous is None:
            return {}
        return store.read_meta(self.previous, store.STAMPS)

    def remember_stamps(self, stamps: dict[str, Any]) -> None:
        """Keep what this build saw of the page files, for the next one."""
        self._stamps = stamps

    def known_hashes(self) -> dict[str, str]:
        if self.full:
            return {}
        try:
            return self._known_hashes()
        except (*_DAMAGE, FileNotFoundError):
            raise IndexDamagedError(
                f"index at {self.root} is damaged: run `search rebuild --full`"
            ) from None

    def _known_hashes(self, index: Index | None = None) -> dict[str, str]:
        out: dict[str, str] = {}
        with (index or self._index).reader() as reader:
            for leaf, _ in reader.leaf_readers():
                if not leaf.has_column("path_c"):
                    continue
                # each column read through once (deleted documents too), not per document
                paths = list(leaf.column_reader("path_c", translate=False))
                hashes = list(leaf.column_reader("hash_c", translate=False))
                for docnum in leaf.all_doc_ids():
                    out[paths[docnum].decode("utf-8")] = hashes[docnum].decode("ascii")
        return out

    def add(self, records: Iterable[Record]) -> int:
        return self.add_prepared(prepare(r) for r in records)

    def add_prepared(self, docs: Iterable[dict[str, Any]]) -> int:
        """Add documents made by :attr:`preparer` (replacing any of the same path)."""
        writer = self._w()
        n = 0
        try:
            for doc in docs:
                if not self.full and "path" in doc:
                    writer.delete_by_term("path", doc["path"][0])
                writer.add_document(**doc)
                n += 1
        except OSError as exc:
            self.abort()
            raise StorageError(f"cannot write index at {self.root}: {exc.strerror}") from None
        return n

    def delete(self, paths: Iterable[str]) -> int:
        writer = self._w()
        return sum(writer.delete_by_term("path", p) for p in paths)

    def commit(self, report: Any) -> None:
        try:
            writer = self._w()
            if self._segments:
                shards = list(self._segments)
                writer.commit(mergetype=lambda _writer, segments: [*segments, *shards])
            else:
                writer.commit(optimize=self.full)
            self._writer = None
            added = Counter(writer.word_counts)
            if self._regroup is not None:
                drop, docs = self._regroup
                fix = self._w()
                for path in drop:
                    fix.delete_by_term("path", path)
                for doc in docs:
                    fix.add_document(**doc)
                fix.commit()
                self._writer = None
                added.update(fix.word_counts)
            self._write_words(added)
            as_dict = report.to_dict() if hasattr(report, "to_dict") else dict(report or {})
            store.write_meta(
                self.generation,
                {
                    "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "report": as_dict,
                    "failed": as_dict.get("failed", []),
                    "failed_hashes": {k: list(v) for k, v in self._failures.items()},
                    "copies": self._copies,
                    "format": store.FORMAT,
                },
            )
            if self._pages is not None:
                store.write_meta(self.generation, self._pages, store.PAGES)
            store.write_meta(self.generation, self._stamps, store.STAMPS)
            store.publish(self.root, self.generation)
        except OSError as exc:
            self.abort()
            raise StorageError(f"cannot write index at {self.root}: {exc.strerror}") from None
        except BaseException:
            self.abort()
            raise
        self._done = True
        with contextlib.suppress(OSError, SearcherError):  # the replaced one, unless read
            generations.sweep(self.root)
        self._release()

    def _write_words(self, added: Counter[str]) -> None:
        counts = (
            Counter()
            if self.full or self.previous is None
            else Counter(lexicon.read_counts(self.previous))
        )
        counts.update(self._word_counts)
        counts.update(added)
        lexicon.write(self.generation, counts)

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        if self._writer is not None:
            with contextlib.suppress(Exception):  # the generation is dropped anyway
                self._writer.cancel()
            self._writer = None
        generation = getattr(self, "generation", None)
        if generation is not None and store.current(self.root) != generation:
            store.remove(generation)
        self._release()

    def _release(self) -> None:
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None
