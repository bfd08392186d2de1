"""Postings of the segment being written, gathered per term instead of per posting.

Whoosh's writer keeps one tuple per posting and sorts them all at the flush (spilling
sorted runs to disk and merging them posting by posting).  Here:

- a positional field's words are kept as they come, each replaced by a number (one
  machine word per occurrence, one dictionary lookup in C), and inverted at the flush by
  sorting the numbers with numpy: postings, frequencies and positions of every term come
  out of a few whole-array operations, not out of Python per word.  Text fields are
  indexed under stems: each distinct word is stemmed once, at the flush, and the
  documents of each word are counted there too (for the lexicon), instead of stemming
  and counting every document's words as it comes;
- any other posting (whole values, or postings of a segment merged in) goes to its term's
  document numbers, weights and value ends, kept in machine arrays, and its value bytes,
  end to end in one buffer;
- only the terms get sorted, and a run spilled to disk is merged back a chunk of terms at
  a time, each term's pieces joined once.

The pool answers the part of ``whoosh.writing.PostingPool`` that Whoosh's own writer
uses (``add``, ``limit``, ``cleanup``), so merging another segment in
(``add_reader``) still works.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import count, groupby
from typing import Any

from whoosh.util import random_name

from searcher.analysis import stem
from searcher.engine.whoosh.blocks import Values
from searcher.engine.whoosh.schema import PackedPositions

Key = tuple[str, bytes]
Term = tuple[str, bytes, array, array, Values]
#: Bytes accounted per posting besides its value's bytes (a document number, a weight and
#: the end of its value, 4 bytes each, with the arrays' spare room), and per new term (the
#: key, four containers, the dictionary slot).
_PER_POSTING = 16
_PER_TERM = 480
#: Bytes accounted per word of a positional field: its number (4), and what inverting it
#: takes at its peak (sort keys, order, documents, positions, postings; 30 bytes a word
#: measured with tracemalloc on 2 million words).
_PER_WORD = 32
#: A term's postings while gathered: document numbers, weights, the values one after the
#: other, and where each value ends.
Entry = tuple[array, array, bytearray, array]
_WIDE = 0xFFFF
#: Bytes of postings pickled together in a spilled run: one pickle per term costs a call
#: each way for every term of every run, and the merge holds a chunk of every run at once
#: (a worker's share of 100,000 pages spills 25 runs: chunks of 1 MB raised its peak
#: memory from 227 MB to 261).
RUN_CHUNK = 1 << 17


class Vocabulary:
    """Numbers for words, given in the order they are first seen, and the terms the words
    are indexed under: the words themselves, or their stems (words sharing a stem share
    its term)."""

    __slots__ = ("numbers", "stemmed", "_terms")

    def __init__(self, stemmed: bool) -> None:
        #: word -> its number
        self.numbers: defaultdict[str, int] = defaultdict(count().__next__)
        self.stemmed = stemmed
        self._terms: tuple[Any, list[bytes]] | None = None

    def terms(self) -> tuple[Any, list[bytes]]:
        """Each word number's term rank (uint64), and the terms in order."""
        if self._terms is None or len(self._terms[0]) != len(self.numbers):
            import numpy as np

            words = list(self.numbers)
            keys = [(stem(w) if self.stemmed else w).encode("utf-8") for w in words]
            names = sorted(set(keys))
            rank = dict(zip(names, count()))
            ranks = np.fromiter(map(rank.__getitem__, keys), np.uint64, len(keys))
            self._terms = ranks, names
        return self._terms


class Words:
    """One positional field's words of the documents added so far, as numbers."""

    __slots__ = ("vocabulary", "words", "docs", "lengths", "boost")

    def __init__(self, boost: float, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.words = array("I")
        self.docs = array("I")
        self.lengths = array("I")
        self.boost = boost

    def add(self, docnum: int, words: list[str]) -> None:
        self.words.extend(map(self.vocabulary.numbers.__getitem__, words))
        self.docs.append(docnum)
        self.lengths.append(len(words))

    def terms(self, field: str) -> Iterator[Term]:
        """Every term of the field in term order, with its postings in document order."""
        if not self.words:
            return
        import numpy as np

        ranks, names = self.vocabulary.terms()
        keys, docs, positions = self._sorted(ranks)
        # postings: runs of one key and one document; terms: runs of one key
        cut = np.empty(len(keys), bool)
        cut[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=cut[1:])
        term_cut = cut.copy()
        cut[1:] |= docs[1:] != docs[:-1]
        starts = np.flatnonzero(cut).astype(np.uint32)
        del cut
        ends = np.append(starts[1:], np.uint32(len(keys)))
        term_starts = np.flatnonzero(term_cut[starts])  # posting number where a term begins
        del term_cut
        term_ends = np.append(term_starts[1:], len(starts))
        present = keys[starts[term_starts]].tolist()  # the rank of each term
        wide = set(keys[starts[positions[ends - 1] > _WIDE]].tolist())
        del keys
        ids = docs[starts].tobytes()
        del docs
        weights = ((ends - starts) * self.boost).astype(np.float32).tobytes()
        # where each posting's positions end, in bytes from the start of its term's
        value_ends = ends - np.repeat(starts[term_starts], term_ends - term_starts)
        value_ends <<= np.uint32(1)
        value_ends = value_ends.tobytes()
        blob = positions.astype(np.uint16).tobytes()
        encode = PackedPositions().encode
        spans = zip(present, term_starts.tolist(), term_ends.tolist(), strict=True)
        for key, a, b in spans:
            term_ids = array("I", ids[4 * a : 4 * b])
            term_weights = array("f", weights[4 * a : 4 * b])
            if key in wide:  # a position past 16 bits: those postings take 32-bit values
                cuts = zip(starts[a:b].tolist(), ends[a:b].tolist(), strict=True)
                values = Values.of(encode(positions[i:j].tolist()) for i, j in cuts)
            else:
                first = 2 * int(starts[a])
                value_ends_term = array("I", value_ends[4 * a : 4 * b])
                values = Values(value_ends_term, blob[first : first + value_ends_term[-1]])
            yield field, names[key], term_ids, term_weights, values

    def pairs(self, out: Any) -> None:
        """Each word's number and document into ``out`` (uint64, as long as the words), as
        ``number << 32 | document``."""
        import numpy as np

        out[:] = np.frombuffer(self.words, np.uint32)
        out <<= np.uint64(32)
        out |= np.repeat(
            np.frombuffer(self.docs, np.uint32), np.frombuffer(self.lengths, np.uint32)
        )

    def _sorted(self, ranks: Any) -> tuple[Any, Any, Any]:
        """Every word's term rank (``ranks`` by word number), document and position,
        sorted by rank, then document, then position (uint32 arrays)."""
        import numpy as np

        count = len(self.words)
        # rank and place of each word in one 64-bit number: one unstable sort orders
        # words by rank, then by place (document, then position)
        both = ranks[np.frombuffer(self.words, np.uint32)]
        both <<= np.uint64(32)
        both |= np.arange(count, dtype=np.uint64)
        both.sort()
        order = (both & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        both >>= np.uint64(32)
        keys = both.astype(np.uint32)
        del both
        lengths = np.frombuffer(self.lengths, np.uint32)
        docs = np.repeat(np.frombuffer(self.docs, np.uint32), lengths)[order]
        firsts = (np.cumsum(lengths, dtype=np.uint64) - lengths).astype(np.uint32)
        places = np.arange(count, dtype=np.uint32)
        places -= np.repeat(firsts, lengths)
        return keys, docs, places[order]


class TermPool:
    """In-memory inverted postings with sorted runs spilled past ``limit`` bytes."""

    def __init__(self, tempstore: Any, limitmb: int) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.runs: list[str] = []
        #: bytes of postings per pickle of a spilled run (see ``RUN_CHUNK``)
        self.chunk = RUN_CHUNK
        #: word of a stemmed field -> documents that have it (complete once the terms are
        #: read, see ``iter_terms``)
        self.word_counts: Counter[str] = Counter()
        self._start_run()

    def _start_run(self) -> None:
        """Begin gathering a run: nothing held in memory."""
        self.currentsize = 0
        #: field -> term bytes -> its postings so far
        self.by_field: dict[str, dict[bytes, Entry]] = {}
        #: positional field -> its words so far
        self.words: dict[str, Words] = {}
        #: the words of the stemmed fields, numbered together
        self.stemmed = Vocabulary(stemmed=True)

    def add_words(
        self, field: str, docnum: int, words: list[str], boost: float, stemmed: bool
    ) -> int:
        """Add one document's words in a positional field (indexed under their stems when
        ``stemmed``; weights: frequency times ``boost``); returns the field's length."""
        gathered = self.words.get(field)
        if gathered is None:
            vocabulary = self.stemmed if stemmed else Vocabulary(stemmed=False)
            gathered = self.words[field] = Words(boost, vocabulary)
        gathered.add(docnum, words)
        self.currentsize += _PER_WORD * len(words)
        return len(words)

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
        self.currentsize += size
        return length

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting ``(field, term bytes, docnum, weight, value)`` (Whoosh's pool API)."""
        field, tbytes, docnum, weight, vbytes = item
        self.add_document(field, docnum, ((tbytes, 1, weight, vbytes or b""),))
        self.settle()

    def settle(self) -> None:
        """Spill a run to disk if the pool holds more than its limit (between documents:
        a document's words are counted within one run)."""
        if self.currentsize > self.limit:
            self.save()

    def save(self) -> None:
        """Write the terms so far, sorted, as a run on disk and start afresh."""
        if not self.by_field and not self.words:
            return
        self._count_words()
        name = f"{random_name()}.run"
        with self.tempstore.create_file(name).raw_file() as out:
            chunk: list[tuple[Any, ...]] = []
            size = 0
            for field, tbytes, ids, weights, values in self._current():
                chunk.append(
                    (
                        field,
                        tbytes,
                        ids.tobytes(),
                        weights.tobytes(),
                        values.ends.tobytes(),
                        values.blob,
                    )
                )
                size += 8 * len(ids) + len(values.blob)
                if size >= self.chunk:
                    pickle.dump(chunk, out, pickle.HIGHEST_PROTOCOL)
                    chunk, size = [], 0
            if chunk:
                pickle.dump(chunk, out, pickle.HIGHEST_PROTOCOL)
        self.runs.append(name)
        self._start_run()

    def iter_terms(self) -> Iterator[Term]:
        """Every term in (field, term) order, its postings in document order (the words
        gathered since the last run are counted first, see ``word_counts``)."""
        self._count_words()
        return _merged([*(self._read_run(name) for name in self.runs), self._current()])

    def _count_words(self) -> None:
        """Add the documents of each word of the stemmed fields gathered so far to
        ``word_counts`` (a document counts once, whichever fields have the word)."""
        found = [w for w in self.words.values() if w.vocabulary is self.stemmed and w.words]
        if not found:
            return
        import numpy as np

        # one array, sorted in place: counting takes less memory than inverting does
        pairs = np.empty(sum(len(w.words) for w in found), np.uint64)
        at = 0
        for w in found:
            w.pairs(pairs[at : at + len(w.words)])
            at += len(w.words)
        pairs.sort()
        first = np.empty(len(pairs), bool)
        first[:1] = True
        np.not_equal(pairs[1:], pairs[:-1], out=first[1:])
        numbers = pairs[first]
        del pairs, first
        numbers >>= np.uint64(32)
        counts = np.bincount(numbers.astype(np.intp), minlength=len(self.stemmed.numbers))
        self.word_counts.update(
            {word: n for word, n in zip(self.stemmed.numbers, counts.tolist(), strict=True) if n}
        )

    def cleanup(self) -> None:
        for name in self.runs:
            self.tempstore.delete_file(name)
        self.runs = []
        self._start_run()

    def _current(self) -> Iterator[Term]:
        for field in sorted(self.by_field.keys() | self.words.keys()):
            terms = self.by_field.get(field, {})
            listed = ((field, tbytes, *_gathered(terms[tbytes])) for tbytes in sorted(terms))
            if field not in self.words:
                yield from listed
            elif not terms:
                yield from self.words[field].terms(field)
            else:  # documents added, and a segment merged in
                yield from _merged([listed, self.words[field].terms(field)])

    def _read_run(self, name: str) -> Iterator[Term]:
        with self.tempstore.open_file(name).raw_file() as f:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                for field, tbytes, ids, weights, ends, blob in chunk:
                    yield (
                        field,
                        tbytes,
                        array("I", ids),
                        array("f", weights),
                        Values(array("I", ends), blob),
                    )


def _gathered(entry: Entry) -> tuple[array, array, Values]:
    ids, weights, data, ends = entry
    return ids, weights, Values(ends, bytes(data))


def _merged(sources: list[Iterator[Term]]) -> Iterator[Term]:
    """Terms of several sources, each in (field, term) order, as one such stream: a term
    found in more than one has its postings joined."""
    if len(sources) == 1:
        yield from sources[0]
        return
    for _, group in groupby(heapq.merge(*sources, key=_key), key=_key):
        pieces = list(group)
        yield _joined(pieces) if len(pieces) > 1 else pieces[0]


def _key(term: Term) -> Key:
    return term[0], term[1]


def _joined(pieces: list[Term]) -> Term:
    """One term's postings from several sources, in document order.  A writer numbers the
    documents it adds (or merges in) in turn, so the documents of two runs, or of the
    words added and a segment merged in, never interleave: the source that begins first
    comes first."""
    pieces.sort(key=lambda piece: piece[2][0] if piece[2] else -1)
    field, tbytes = pieces[0][:2]
    ids, weights = array("I"), array("f")
    for piece in pieces:
        ids += piece[2]
        weights += piece[3]
    return field, tbytes, ids, weights, Values.chained([piece[4] for piece in pieces])
