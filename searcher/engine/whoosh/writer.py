"""A leaner Whoosh segment writer for the engine's own schema.

It writes the segments Whoosh's ``SegmentWriter`` writes, with less work per posting,
which is where a rebuild spends its time:

- postings are gathered per term (:class:`~searcher.engine.whoosh.postings.TermPool`), not as
  one tuple per posting sorted at the end; each document's field lengths are remembered;
- the flush writes each term's posting blocks itself, with list operations per block
  instead of method calls per posting, and field lengths taken from memory instead of
  being read back from the length columns;
- the length columns are written a field at a time (W3's writer takes a call per field
  and document), with the same bytes.  Blocks of positional fields are packed
  (:mod:`searcher.engine.whoosh.blocks`) when the segment's codec is the engine's, and other
  blocks are W3's; under the engine's codec, blocks of fewer than ``SMALL`` postings are
  not compressed (the header says so, and W3's reader honours it).  Under Whoosh's own
  codec every block is byte for byte what ``W3PostingsWriter`` writes (same header,
  block tuple, compression and term info).

Segments may be written by several processes at once (``_lk=False``) and listed in one
table of contents by the parent (see ``WhooshBuild``).
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import partial
from operator import sub
from pickle import dumps
from typing import Any

from whoosh import writing
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3TermInfo, _lenfield
from whoosh.filedb.filetables import _lengths as _ROW_HEAD
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache, length_to_byte

from searcher.engine.whoosh.blocks import Codec, Values, pack_block
from searcher.engine.whoosh.postings import Term, TermPool
from searcher.engine.whoosh.schema import PackedPositions, TokenField

#: Postings per block. Queries read whole posting lists, block by block, so each block
#: costs a fixed amount of Python on top of its postings: 1,024 (Whoosh's default is 128)
#: made every query class 7-11% faster at 20,000 pages and the index 6% smaller.
BLOCK = 1024
#: Blocks of fewer postings are stored uncompressed (each block's header says whether it
#: is): compressing so little data only adds bytes (packed blocks of the index of 2,000
#: pages: 30.8 MB instead of 31.0), and the rare terms that make most of the term table
#: (and every id, path and date term) are written and read as they are.  (W3's own
#: writer means to leave blocks of under 20 bytes uncompressed, but a reassignment undoes
#: that.)  Packed blocks are compressed with zstd (see ``blocks``), the others with zlib,
#: as Whoosh's own matchers read them.
SMALL = 8
#: ``length_to_byte`` of the lengths below ``_LONG``, in C (from ``_LONG`` on, every
#: length is byte 255, which ``length_to_byte`` gives and the bisection would pass).
_to_byte = partial(bisect_left, _length_byte_cache)
#: A term-table row's statistics, as ``W3TermInfo.to_bytes`` packs them.
_TERM_INFO = W3TermInfo._struct
_LONG = _length_byte_cache[-1]


def codec() -> Codec:
    """The codec every segment of the engine is written with."""
    return Codec(blocklimit=BLOCK)  # inline postings (inlinelimit > 1) are broken in Whoosh 2.7


class Lengths:
    """Field lengths of the documents of the segment being written, for the flush: per
    field, an array indexed by document number (documents merged in from another segment
    lie past its end, and their lengths are read back from disk)."""

    def __init__(self, known: dict[str, array], fallback: Any) -> None:
        self.known = known
        self.fallback = fallback

    def add(self, field: str, docnum: int, length: int) -> None:
        table = self.known.get(field)
        if table is None:
            table = self.known[field] = array("I")
        if len(table) < docnum:
            table.frombytes(bytes(4 * (docnum - len(table))))  # documents without the field
        table.append(length)

    def written(self, pdw: Any) -> None:
        """Write the length columns of the documents added since the last call to the
        per-document writer ``pdw``, and add them to its field totals: the bytes W3's
        writer would write one document and field at a time."""
        for field, table in self.known.items():
            name = _lenfield(field)
            column = pdw._colwriters.get(name)
            start = column._count if column is not None else 0
            part = table[start:]
            total = sum(part)
            if not total:
                continue
            if column is None:
                pdw._create_column(name, LENGTHS_COLUMN)
                column = pdw._colwriters[name]
            convert = _to_byte if max(part) < _LONG else length_to_byte
            column._dbfile.write(bytes(map(convert, part)))
            column._count = len(table)
            pdw._fieldlengths[field] += total

    def block(self, field: str, docnums: array) -> list[int]:
        """The non-zero lengths of some documents (ascending) in a field."""
        table = self.known.get(field)
        if table is not None and docnums[-1] < len(table):
            got = list(map(table.__getitem__, docnums))
        else:
            got = [self.doc_field_length(d, field) for d in docnums]
        return [n for n in got if n]

    def doc_field_length(self, docnum: int, fieldname: str) -> int:
        table = self.known.get(fieldname)
        if table is not None and docnum < len(table):
            return table[docnum]
        return self.fallback().doc_field_length(docnum, fieldname) if self.fallback else 0


class SegmentWriter(writing.SegmentWriter):
    """``whoosh.writing.SegmentWriter`` with a faster add and flush (see module doc)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", codec())
        super().__init__(ix, **kwargs)
        self.pool = TermPool(self._tempstorage, kwargs.get("limitmb", 128))
        self._lengths = Lengths({}, None)

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        pdw = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        pdw.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None or name[0] == "_":
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    if isinstance(field, TokenField):
                        boost = field.format.field_boost
                        length = pool.add_words(name, docnum, value, boost, bool(field.stemmer))
                    else:
                        length = pool.add_document(name, docnum, field.index(value))
                    if not field.scorable:
                        length = 0
                    self._lengths.add(name, docnum, length)
                if field.stored:
                    pdw.add_field(name, field, value, 0)  # lengths: see Lengths.written
                column = field.column_type
                if column:
                    pdw.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1
        pool.settle()

    @property
    def word_counts(self) -> Counter[str]:
        """Word of the text fields -> documents that have it (see ``lexicon``), once the
        segment is written."""
        return self.pool.word_counts

    def add_reader(self, reader: Any) -> None:
        self._lengths.written(self.perdocwriter)  # before the lengths of the documents merged in
        super().add_reader(reader)

    def _flush_segment(self) -> None:
        self._lengths.written(self.perdocwriter)
        self.perdocwriter.close()
        opened: list[Any] = []

        def fallback() -> Any:
            if not opened:
                opened.append(self.per_document_reader())
            return opened[0]

        try:
            write_terms(
                self.fieldwriter,
                self.schema,
                Lengths(self._lengths.known, fallback),
                self.pool.iter_terms(),
            )
        finally:
            for reader in opened:
                reader.close()
        self.fieldwriter.close()


def write_terms(fieldwriter: Any, schema: Any, lengths: Lengths, terms: Iterable[Term]) -> None:
    """Terms in (field, term) order, with their postings, into a W3 field writer."""
    field: _FieldTerms | None = None
    for fieldname, btext, ids, weights, values in terms:
        if field is None or fieldname != field.name:
            if field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            field = _FieldTerms(fieldwriter, fieldname, lengths)
        field.write(btext, ids, weights, values)
    if field is not None:
        fieldwriter.finish_field()


class _FieldTerms:
    """One field's terms: each term's posting blocks and term-table row, laid out as
    ``W3FieldWriter.start_term/add/finish_term`` and the term table's ``add`` write them
    (the module doc says where the engine's codec differs: packed and small blocks), with
    what every term of the field shares looked up once.  Most terms of a segment have a
    posting or two, so the fixed cost of a term is most of the cost of writing them."""

    def __init__(self, fw: Any, name: str, lengths: Lengths) -> None:
        pw = fw._postwriter
        ours = isinstance(fw._codec, Codec)
        self.name = name
        self.lengths = lengths
        self.posts = pw._postfile.file  # the file under Whoosh's StructFile
        self.limit = pw._blocklimit
        self.level = pw._compression
        self.small = SMALL if ours else 0  # blocks of fewer postings are not compressed
        self.packed = ours and isinstance(fw._format, PackedPositions)
        self.fixed = fw._format.fixed_value_size()
        self.table = fw._tindex
        self.rows = fw._tindex.dbfile.file
        self.prefix = pack_ushort(fw._fieldid)

    def write(self, btext: bytes, ids: array, weights: array, values: Values) -> None:
        """One term's posting blocks, then its row in the term table."""
        posts = self.posts
        limit = self.limit
        start = posts.tell()
        posts.write(WHOOSH3_HEADER_MAGIC)
        count = len(ids)
        # what W3TermInfo.add_block gathers, block by block
        total: float = 0
        shortest: int | None = None
        longest = 0
        heaviest: float = 0
        for first in range(0, count, limit):
            if count > limit:
                block_ids = ids[first : first + limit]
                block_weights = weights[first : first + limit]
            else:
                block_ids, block_weights = ids, weights
            n = len(block_ids)
            found = self.lengths.block(self.name, block_ids)
            low = min(found) if found else None
            high = max(found) if found else 0
            top = max(0, max(block_weights))
            total += sum(block_weights)
            if shortest is None:
                shortest = low
            elif low is not None:
                shortest = min(shortest, low)
            longest = max(longest, high)
            heaviest = max(heaviest, top)
            level = self.level if n >= self.small else 0
            block_values = values.part(first, first + n)
            if self.packed:
                data = pack_block(block_ids, block_weights, block_values, level)
            else:
                data = _w3_block(block_ids, block_weights, list(block_values), self.fixed, level)
            stats = (n, block_ids[-1], top, level, length_to_byte(low), length_to_byte(high))
            head = dumps(stats, 2)
            size = len(head) + len(data)
            posts.write(pack_int(-size if first + limit >= count else size) + head + data)
        info = _TERM_INFO.pack(
            False,
            total,
            count,
            0 if shortest is None else length_to_byte(shortest),
            length_to_byte(longest),
            heaviest,
            ids[0],
            ids[-1],
        )
        self._row(self.prefix + btext, info + pack_long(start) + pack_int(posts.tell() - start))

    def _row(self, key: bytes, value: bytes) -> None:
        """``OrderedHashWriter.add``: the row, its position in the key index and its hash
        bucket."""
        table = self.table
        if key <= table.lastkey:
            raise ValueError(f"terms must increase: {table.lastkey!r}..{key!r}")
        rows = self.rows
        position = rows.tell()
        table.index.append(position)
        rows.write(_ROW_HEAD.pack(len(key), len(value)) + key + value)
        hashed = table.hashfn(key)
        table.buckets[hashed & 255].append((hashed, position))
        table.lastkey = key


def _w3_block(ids: array, weights: array, values: list[bytes], fixed: Any, comp: int) -> bytes:
    """A block's data as ``W3PostingsWriter._write_block`` writes it."""
    n = len(ids)
    deltas = (ids[0], *map(sub, ids[1:], ids[:-1]))
    if weights.count(1.0) == n:
        mini_weights: Any = None
    elif weights.count(weights[0]) == n:
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    if fixed is None or fixed < 0:
        mini_values: Any = tuple(values)
    elif fixed == 0:
        mini_values = None
    else:
        mini_values = b"".join(values)
    data = dumps((deltas, mini_weights, mini_values), 2)
    return zlib.compress(data, comp) if comp else data
