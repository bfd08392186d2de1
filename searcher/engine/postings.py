"""Postings of the segment being written, gathered per term instead of per posting.

Whoosh's writer keeps one tuple per posting and sorts them all at the flush (spilling
sorted runs to disk and merging them posting by posting).  Documents arrive in document
order, so the postings of a term are already sorted: here each term keeps its document
numbers, weights and value ends in machine arrays and its values end to end in one
buffer (a few bytes per posting instead of a tuple and its objects), only the terms get
sorted, and a run spilled to disk is merged back a term at a time.

The pool answers the part of ``whoosh.writing.PostingPool`` that Whoosh's own writer
uses (``add``, ``limit``, ``cleanup``), so merging another segment in
(``add_reader``) still works.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from whoosh.util import random_name

Key = tuple[str, bytes]
Term = tuple[str, bytes, array, array, list]
#: Bytes accounted per posting besides its value's bytes (a document number, a weight and
#: the end of its value, 4 bytes each, with the arrays' spare room), and per new term (the
#: key, four containers, the dictionary slot).
_PER_POSTING = 16
_PER_TERM = 480
#: A term's postings while gathered: document numbers, weights, the values one after the
#: other, and where each value ends.
Entry = tuple[array, array, bytearray, array]


class TermPool:
    """In-memory inverted postings with sorted runs spilled past ``limit`` bytes."""

    def __init__(self, tempstore: Any, limitmb: int) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.currentsize = 0
        #: field -> term bytes -> its postings so far
        self.by_field: dict[str, dict[bytes, Entry]] = {}
        self.runs: list[str] = []

    def add_document(
        self, field: str, docnum: int, postings: Iterable[tuple[bytes, int, float, bytes]]
    ) -> int:
        """Add one document's postings in one field; returns the field's length (sum of
        frequencies)."""
        terms = self.by_field.get(field)
        if terms is None:
            terms = self.by_field[field] = {}
        length = 0
        size = 0
        for tbytes, freq, weight, vbytes in postings:
            length += freq
            entry = terms.get(tbytes)
            if entry is None:
                entry = terms[tbytes] = (array("I"), array("f"), bytearray(), array("I"))
                size += _PER_TERM
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                data = entry[2]
                data += vbytes
                entry[3].append(len(data))
            size += _PER_POSTING + len(vbytes or b"")
        self.add_size(size)
        return length

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting ``(field, term bytes, docnum, weight, value)`` (Whoosh's pool API)."""
        field, tbytes, docnum, weight, vbytes = item
        self.add_document(field, docnum, ((tbytes, 1, weight, vbytes or b""),))

    def add_size(self, size: int) -> None:
        self.currentsize += size
        if self.currentsize > self.limit:
            self.save()

    def save(self) -> None:
        """Write the terms so far, sorted, as a run on disk and start afresh."""
        if not self.by_field:
            return
        name = f"{random_name()}.run"
        with self.tempstore.create_file(name).raw_file() as out:
            # one pickle per term: a shared Pickler (or Unpickler) would keep every term
            # of the run alive in its memo
            dump = partial(pickle.dump, file=out, protocol=pickle.HIGHEST_PROTOCOL)
            for field in sorted(self.by_field):
                terms = self.by_field[field]
                for tbytes in sorted(terms):
                    ids, weights, data, ends = terms[tbytes]
                    dump((field, tbytes, ids.tobytes(), weights.tobytes(), bytes(data), ends))
        self.runs.append(name)
        self.by_field = {}
        self.currentsize = 0

    def iter_terms(self) -> Iterator[Term]:
        """Every term in (field, term) order, its postings in document order."""
        sources = [self._read_run(name) for name in self.runs]
        sources.append(self._current())
        merged = heapq.merge(*sources, key=_key) if len(sources) > 1 else sources[0]
        pending: Term | None = None
        for item in merged:
            if pending is not None and _key(item) == _key(pending):
                pending = _joined(pending, item)
                continue
            if pending is not None:
                yield pending
            pending = item
        if pending is not None:
            yield pending

    def cleanup(self) -> None:
        for name in self.runs:
            self.tempstore.delete_file(name)
        self.runs = []
        self.by_field = {}

    def _current(self) -> Iterator[Term]:
        for field in sorted(self.by_field):
            terms = self.by_field[field]
            for tbytes in sorted(terms):
                ids, weights, data, ends = terms[tbytes]
                yield field, tbytes, ids, weights, _split(bytes(data), ends)

    def _read_run(self, name: str) -> Iterator[Term]:
        with self.tempstore.open_file(name).raw_file() as f:
            while True:
                try:
                    field, tbytes, ids_bytes, weights_bytes, data, ends = pickle.load(f)
                except EOFError:
                    return
                ids, weights = array("I"), array("f")
                ids.frombytes(ids_bytes)
                weights.frombytes(weights_bytes)
                yield field, tbytes, ids, weights, _split(data, ends)


def _split(data: bytes, ends: array) -> list[bytes]:
    """The values laid one after the other in ``data``, each ending where ``ends`` says."""
    return [data[start:end] for start, end in zip((0, *ends), ends, strict=False)]


def _key(term: Term) -> Key:
    return term[0], term[1]


def _joined(first: Term, second: Term) -> Term:
    """One term's postings from two runs, earlier run first.  Document numbers only grow
    as a writer adds (or merges in) documents, so the result is in document order."""
    field, tbytes, ids, weights, values = first
    return field, tbytes, ids + second[2], weights + second[3], values + second[4]
