"""Phrase and proximity matching over whole posting lists at once, in numpy.

Each occurrence of a word becomes one integer key, ``document << bits | position``, with
``bits`` wide enough for the highest position plus the query's reach, so that a key less
the reach never meets another document's.  A word's keys come out ascending (documents
ascending, each document's positions ascending).  An occurrence of word ``i + 1`` at key
``k`` carries the match on when the nearest of word ``i``'s surviving keys below ``k``
(a binary search) lies within ``k - slop``.  ``slop`` 1 is a phrase.

numpy is imported by the first phrase a process searches, not with the package, so that
a command searching words never loads it.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import chain
from typing import Any

from searcher.engine.whoosh.blocks import Values
from searcher.engine.whoosh.schema import unpack_positions

#: A term's postings in one segment: document numbers and their position values.
Occurring = tuple[Sequence[int], Any]


def in_order(lists: list[Occurring], docs: set[int], slop: int) -> Any:
    """The documents of ``docs`` where each word occurs 1..``slop`` positions after the
    previous one, in order (``slop`` 1: a phrase), ascending, as a numpy array."""
    import numpy as np

    if not docs:
        return np.zeros(0, dtype=np.int64)
    words = [_occurrences(np, ids, values, docs) for ids, values in lists]
    top = max((int(positions.max()) for _, _, positions in words if len(positions)), default=0)
    bits = (top + slop).bit_length()  # a key less the reach stays past the top position
    highest = max((int(ids[-1]) for ids, _, _ in words if len(ids)), default=0)
    # keys as narrow as they fit; past 63 bits (billions of documents, or of words in
    # one) they stay Python integers
    span = (highest + 1) << bits
    kind = np.uint32 if span <= 1 << 32 else np.int64 if span <= 1 << 63 else object
    ends = _keys(np, words[0], bits, kind)
    for word in words[1:]:
        if not len(ends):
            break
        keys = _keys(np, word, bits, kind)
        # the nearest of the previous word's keys below each key (-1: none), and how far
        # below it lies (where there is none, anything: masked); in place, as a common
        # word's keys run to millions
        nearest = np.searchsorted(ends, keys)
        nearest -= 1
        gap = ends[nearest]
        np.subtract(keys, gap, out=gap)
        ends = keys[(nearest >= 0) & (gap <= slop)]
    found = (ends >> bits).astype(np.int64, copy=False)  # document numbers fit 64 bits
    if len(found):  # a document's keys lie side by side: keep the first of each
        first = np.ones(len(found), dtype=bool)
        np.not_equal(found[1:], found[:-1], out=first[1:])
        found = found[first]
    # a word whose postings were all taken may bring documents from outside ``docs``
    return found[np.fromiter(map(docs.__contains__, found.tolist()), bool, len(found))]


def _occurrences(np: Any, ids: Sequence[int], values: Any, docs: set[int]) -> tuple[Any, Any, Any]:
    """A word's documents, occurrences in each and positions end to end: of the postings
    in ``docs``, or of all of them when most are (the others then meet no other word's
    keys, or are dropped at the end, for less than picking them out)."""
    if not isinstance(values, Values):
        values = Values.of(values)
    numbers = np.asarray(ids).astype(np.int64)
    ends = np.frombuffer(values.ends, dtype=np.uint32)
    sizes = ends.copy()
    sizes[1:] -= ends[:-1]
    if (sizes & 1).any():  # some posting holds positions past 16 bits
        each = [unpack_positions(value) for value in values]
        counts = np.array(list(map(len, each)), dtype=np.int64)
        positions = np.frombuffer(array("I", chain.from_iterable(each)), dtype=np.uint32)
    else:
        counts = sizes >> 1
        positions = np.frombuffer(values.blob, dtype=np.uint16)
    if len(numbers) > 2 * len(docs):
        kept = np.isin(numbers, np.fromiter(docs, dtype=np.int64, count=len(docs)))
        return numbers[kept], counts[kept], positions[np.repeat(kept, counts)]
    return numbers, counts, positions


def _keys(np: Any, word: tuple[Any, Any, Any], bits: int, kind: Any) -> Any:
    """Each occurrence's ``document << bits | position``, ascending."""
    numbers, counts, positions = word
    keys = np.repeat(numbers.astype(kind), counts)
    keys <<= bits
    keys |= positions
    return keys
