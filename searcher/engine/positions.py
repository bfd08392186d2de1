"""Phrase and proximity matching over whole posting lists at once.

Each occurrence of a word becomes one integer key, ``document << bits | position``, in a
roaring bitmap (pyroaring), ``bits`` just wide enough for the longest position plus the
query's reach, so that several documents share one bitmap container.  The keys are built
as machine words (see ``lanes``) without a Python object per occurrence: each document's
number repeated once a position by byte-string multiplication, the positions copied below
it by strided slices, the two added as one long integer; moving every key by ``n`` is one
more addition.  A phrase occurs where its words' keys meet once each is moved back by its
place; a proximity query keeps each word's keys that fall 1..slop after the previous
word's.  Intersections and unions run in C.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import mul, rshift
from typing import Any

from pyroaring import BitMap, BitMap64

from searcher.engine import lanes
from searcher.engine.blocks import Values
from searcher.engine.schema import unpack_positions

#: A term's postings in one segment: document numbers and their position values.
Occurring = tuple[list[int], Any]
_ORDER = sys.byteorder


class _Word:
    """One word's occurrences in the candidate documents (or in all of its documents, when
    most are candidates): documents, occurrences of each, positions end to end."""

    def __init__(self, ids: list[int], values: Any, docs: set[int]) -> None:
        if isinstance(values, Values) and len(ids) <= 2 * len(docs):
            # most postings are wanted: taking them all costs less than picking them out
            # (the others meet no other word's keys, or are dropped at the end)
            self.ids = ids
            taken = values
        else:
            which = list(map(docs.__contains__, ids))
            self.ids = list(compress(ids, which))
            taken = Values.of(_chosen(values, which))
        raw = taken.blob
        sizes = lanes.steps(taken.ends)
        self.width = 2
        if lanes.number(sizes) & lanes.ones("I", len(sizes)):  # positions past 16 bits
            wide = [array("I", unpack_positions(value)).tobytes() for value in taken]
            raw = b"".join(wide)
            sizes = array("I", map(len, wide))
            self.width = 4
        # every size is a multiple of the width: no bit falls into the next lane
        self.counts = lanes.values(lanes.number(sizes) >> self.width // 2, "I", len(sizes))
        self.raw = raw
        self.count = len(raw) // self.width

    def top(self) -> int:
        """A bound above every position."""
        if self.width == 4:
            return max(array("I", self.raw)) + 1
        high = self.raw[1::2] if _ORDER == "little" else self.raw[0::2]
        return next((b + 1 << 8 for b in range(255, -1, -1) if b in high), 0)

    def keys(self, layout: _Layout) -> int:
        """The word's keys as one long integer (see ``_Layout``)."""
        # each document's number once a position, moved up past the position bits (the
        # layout leaves room for the highest), then the positions added below
        base = b"".join(map(mul, map(layout.pack, self.ids), self.counts))
        low = bytearray(len(base))
        start = 0 if _ORDER == "little" else layout.size - self.width
        for j in range(self.width):
            low[start + j :: layout.size] = self.raw[j :: self.width]
        return (int.from_bytes(base, _ORDER) << layout.bits) + int.from_bytes(low, _ORDER)

    def bitmap(self, layout: _Layout, steps: Sequence[int] = (0,)) -> BitMap | BitMap64:
        """The word's keys, each moved by every one of ``steps``."""
        return layout.bitmap(self.keys(layout), self.count, steps)


class _Layout:
    """Keys ``document << bits | position`` as lanes of ``size`` bytes (see ``lanes``).

    ``bits`` leaves room above the highest position for the query's reach, and ``size``
    room above the highest document, so moving keys never carries out of a position.
    """

    def __init__(self, bits: int, size: int) -> None:
        self.bits = bits
        self.size = size
        self.code = "I" if size == 4 else "Q"
        self.pack = struct.Struct("=" + self.code).pack

    def bitmap(self, keys: int, count: int, steps: Sequence[int] = (0,)) -> BitMap | BitMap64:
        """The ``count`` keys, each moved by every one of ``steps``, as one bitmap."""
        one = lanes.ones(self.code, count) if any(steps) else 0
        if len(steps) == 1:
            words = lanes.values(keys + steps[0] * one, self.code, count)
        else:  # each key's copies side by side, so the bitmap fills in ascending order
            words = array(self.code, bytes(count * len(steps) * self.size))
            for i, step in enumerate(steps):
                words[i :: len(steps)] = lanes.values(keys + step * one, self.code, count)
        return BitMap(words) if self.size == 4 else BitMap64(words)

    def of(self, bitmap: BitMap | BitMap64) -> int:
        """A bitmap's keys as one long integer."""
        return lanes.number(bitmap.to_array())


def in_order(lists: list[Occurring], docs: set[int], slop: int) -> set[int]:
    """The documents of ``docs`` where each word occurs 1..``slop`` positions after the
    previous one, in order (``slop`` 1: a phrase)."""
    if not docs:
        return set()
    words = [_Word(ids, values, docs) for ids, values in lists]
    last = len(words) - 1
    bits = (max(w.top() for w in words) + slop * last).bit_length()
    highest = max((w.ids[-1] for w in words if w.ids), default=0)
    layout = _Layout(bits, 4 if (highest + 1) << bits <= 1 << 32 else 8)
    if slop <= 1:  # word i's positions raised by last - i: a phrase's words meet
        ends = words[0].bitmap(layout, (last,))
        for place, word in enumerate(words[1:], start=1):
            if not ends:
                break
            ends &= word.bitmap(layout, (last - place,))
    else:
        ends = words[0].bitmap(layout)
        for word in words[1:]:
            if not ends:
                break
            if word is words[-1] and word.count < len(ends):
                # only whether the last word follows matters: spread the smaller side, back
                # by 1..slop (both raised by slop, so that nothing goes below zero)
                behind = word.bitmap(layout, range(slop))
                ends = layout.bitmap(layout.of(ends), len(ends), (slop,)) & behind
            else:
                ahead = layout.bitmap(layout.of(ends), len(ends), range(1, slop + 1))
                ends = word.bitmap(layout) & ahead
    return docs.intersection(map(rshift, ends, repeat(bits)))


def _chosen(values: Any, which: list[bool]) -> list[bytes]:
    """The values of the postings where ``which`` is true."""
    return values.select(which) if isinstance(values, Values) else list(compress(values, which))
