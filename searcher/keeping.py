"""What a rebuild keeps when pages go wrong, and how it merges copies once they are written.

A page that had a good record and now cannot be read (an error page saved over it, an
empty, cut or binary file, a file it may not read) keeps that record, marked ``stale``
with the reason, until ``search rebuild --drop-stale``.  A page that reads as a cut
version of the page it was keeps the whole record the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from searcher import regroup
from searcher.copies import Key, key_of
from searcher.identity import base_id
from searcher.record import Record

if TYPE_CHECKING:
    from searcher.engine.base import Build

__all__ = ["Keeper"]

CUT = "the page is now cut short: the whole record it had is kept"


class Keeper:
    """Stale records and copies for one rebuild (``build`` is the engine's Build)."""

    def __init__(self, build: Build, known: dict[str, str], drop_stale: bool) -> None:
        self.build = build
        self.known = known
        self.drop_stale = drop_stale
        self.stale: list[tuple[str, str]] = []
        self.dropped: list[str] = []
        self.fresh: dict[str, Key] = {}

    def _stored(self, rel: str) -> Record | None:
        return self.build.stored_record(rel)

    def failed(self, rel: str, reason: str) -> int:
        """A page that cannot be read now: its last good record kept stale, or dropped
        (``--drop-stale``); returns how many records were removed."""
        if rel not in self.known:
            return 0
        if self.drop_stale:
            self.dropped.append(rel)
            return self.build.delete([rel])
        self.stale.append((rel, reason))
        old = self._stored(rel)
        # written again when the reason is new, and always into a full build's new index
        if old is not None and (old.stale != reason or self.build.full):
            # no content hash: the page is read again whatever comes next, even its old bytes
            stale = replace(old, stale=reason, content_hash="")
            self.build.add_prepared([self.build.preparer(stale)])
            if self.build.full:  # a full build remembers only what it read
                self.fresh[rel] = key_of(old, base_id(old, rel))
        return 0

    def parsed(self, rel: str, key: Key, partial: bool) -> bool:
        """A page read now; False when it is a cut copy of what it was (the whole record
        is kept, stale), True when its new record stands."""
        if partial and rel in self.known and not self.drop_stale:
            old = self._stored(rel)
            if old is not None and not old.partial:
                self.failed(rel, CUT)
                return False
        self.fresh[rel] = key
        return True

    def merge_copies(
        self,
        pages_before: dict[str, Any],
        copies_before: dict[str, list[str]],
        gone: set[str],
        failing: set[str],
        read: Callable[[str], Record | None],
        hashes: dict[str, str],
    ) -> regroup.Plan:
        """Merge the copies of documents among the pages written, make ids distinct, and
        hand the engine what to rewrite and remember."""
        plan = regroup.plan(pages_before, self.fresh, gone, failing, read, hashes, copies_before)
        if plan.drop or plan.records:
            self.build.regroup(plan.drop, [self.build.preparer(r) for r in plan.records])
        self.build.remember_pages(plan.pages, plan.copies)
        return plan


def under(rel: str, folders: list[str]) -> bool:
    """Whether the page ``rel`` lies in one of ``folders`` (each ending in ``/``)."""
    return any(f == "./" or rel.startswith(f) for f in folders)


def reader(where: dict[str, str], read: Callable[[str, str], Record]) -> Callable[[str], Any]:
    """A function reading a page's record again by its relative path (None if it fails)."""

    def load(rel: str) -> Record | None:
        path = where.get(rel)
        if path is None or not Path(path).exists():
            return None
        try:
            return read(path, rel)
        except Exception:  # noqa: BLE001 - a page that fails now is read as missing
            return None

    return load
