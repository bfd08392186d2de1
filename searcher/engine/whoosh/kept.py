"""What a rebuild of the embedded engine reads back from the live generation: the pages it
merged into other pages' records, what it remembers of each page (see ``regroup``), and
the last good record of a page that cannot be read now (kept, stale).

A mixin of ``WhooshBuild``, which holds ``full``, ``previous`` (the live generation's
folder), ``upgraded``, ``_index`` and the attributes set here.
"""

from __future__ import annotations

from typing import Any

from whoosh.index import Index

from searcher.engine import store
from searcher.engine.whoosh.cache import ReaderCache
from searcher.engine.whoosh.schema import from_stored
from searcher.record import Record

__all__ = ["KeptFromLive"]


class KeptFromLive:
    """The Build methods a rebuild uses to keep what the live generation holds."""

    full: bool
    previous: Any
    upgraded: bool
    _index: Any
    _old: Index | None = None
    _copies: dict[str, list[str]]
    _pages: dict[str, Any] | None
    _regroup: tuple[list[str], list[dict[str, Any]]] | None

    def _known_hashes(self, index: Index | None = None) -> dict[str, str]:
        raise NotImplementedError

    def known_copies(self) -> dict[str, list[str]]:
        """Path -> [content hash, path of the record holding it] of the pages the live
        generation merged into another page's record."""
        if self.full or self.previous is None:
            return {}
        return dict(store.read_meta(self.previous).get("copies", {}))

    def remember_copies(self, copies: dict[str, list[str]]) -> None:
        self._copies = dict(copies)

    def known_pages(self) -> dict[str, Any]:
        """What the live generation remembers of each page (see ``regroup``)."""
        if self.full or self.previous is None:
            return {}
        return store.read_meta(self.previous, store.PAGES)

    def remember_pages(self, pages: dict[str, Any], copies: dict[str, list[str]]) -> None:
        self._pages, self._copies = pages, dict(copies)

    def regroup(self, drop: list[str], docs: list[dict[str, Any]]) -> None:
        """At commit, after everything added: remove the records of ``drop`` (whenever
        written) and add ``docs`` (copies merged into one record, ids made distinct)."""
        self._regroup = (list(drop), list(docs))

    def _previous_index(self) -> Index | None:
        """The live generation's index, when its records may be kept (its format is this
        version's): the clone in an incremental build, the generation itself in a full one."""
        from searcher.engine.whoosh.engine import _DAMAGE, open_index

        if self.previous is None or self.upgraded:
            return None
        if not self.full:
            return self._index
        if self._old is None:
            try:
                self._old = open_index(self.previous)
            except (*_DAMAGE, OSError):
                return None
        return self._old

    def previous_hashes(self) -> dict[str, str]:
        """Path -> content hash of the live generation's records, in a full build too (a
        page that fails keeps its last good record either way)."""
        from searcher.engine.whoosh.engine import _DAMAGE

        index = self._previous_index()
        try:
            return self._known_hashes(index) if index is not None else {}
        except (*_DAMAGE, OSError):
            return {}

    def stored_record(self, path: str) -> Record | None:
        """The record the live generation holds for the page at ``path``, if any."""
        from searcher.engine.whoosh.engine import _DAMAGE

        index = self._previous_index()
        if index is None:
            return None
        try:
            with index.searcher() as searcher:
                docnum = searcher.document_number(path=path)
                if docnum is None:
                    return None
                return from_stored(ReaderCache(searcher.reader()).stored(docnum))
        except _DAMAGE:
            return None
