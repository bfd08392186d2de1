"""A leaner Whoosh segment writer for the engine's own schema.

It writes exactly the segments Whoosh's ``SegmentWriter`` writes (same codec, same files,
same postings), with less work per posting, which is where a rebuild spends its time:

- ``add_document`` appends postings straight to the sorting pool (no per-posting asserts
  or size sums) and remembers each document's field lengths;
- the flush feeds each term's postings to the codec in bulk, taking field lengths from
  that memory instead of reading them back from the length columns once per posting.

Segments may be written by several processes at once (``_lk=False``) and listed in one
table of contents by the parent (see ``WhooshBuild``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh import writing
from whoosh.codec.whoosh3 import W3Codec

from searcher.engine.schema import WORDS_KEY

_FIELD_TERM = itemgetter(0, 1)
#: Pool bytes accounted per posting besides its term and value bytes.
_POSTING_OVERHEAD = 200


def codec() -> W3Codec:
    """The codec every segment of the engine is written with."""
    return W3Codec()  # inline postings (inlinelimit > 1) are broken in Whoosh 2.7


class Lengths:
    """Field lengths of the documents of the segment being written, for the flush."""

    def __init__(self, known: dict[str, dict[int, int]], fallback: Any) -> None:
        self.known = known
        self.fallback = fallback

    def doc_field_length(self, docnum: int, fieldname: str) -> int:
        table = self.known.get(fieldname)
        if table is not None:
            length = table.get(docnum)
            if length is not None:
                return length
        return self.fallback().doc_field_length(docnum, fieldname) if self.fallback else 0


class SegmentWriter(writing.SegmentWriter):
    """``whoosh.writing.SegmentWriter`` with a faster add and flush (see module doc)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", codec())
        super().__init__(ix, **kwargs)
        self._lengths: dict[str, dict[int, int]] = {}
        #: word -> documents, from the ``_words`` of added documents (see ``lexicon``)
        self.word_counts: Counter[str] = Counter()

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        pdw = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        current = pool.current
        names = pool.fieldnames
        size = 0
        pdw.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                if name[0] == "_":
                    if name == WORDS_KEY:
                        self.word_counts.update(value)
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    names.add(name)
                    for tbytes, freq, weight, vbytes in field.index(value):
                        length += freq
                        current.append((name, tbytes, docnum, weight, vbytes))
                        size += _POSTING_OVERHEAD + len(tbytes) + len(vbytes or b"")
                    if not field.scorable:
                        length = 0
                    self._lengths.setdefault(name, {})[docnum] = length
                pdw.add_field(name, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    pdw.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1
        pool.currentsize += size
        if pool.currentsize > pool.limit:
            pool.save()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        opened: list[Any] = []

        def fallback() -> Any:
            if not opened:
                opened.append(self.per_document_reader())
            return opened[0]

        try:
            write_postings(
                self.fieldwriter,
                self.schema,
                Lengths(self._lengths, fallback),
                self.pool.iter_postings(),
            )
        finally:
            for reader in opened:
                reader.close()
        self.fieldwriter.close()


def write_postings(
    fieldwriter: Any, schema: Any, lengths: Lengths, items: Iterable[tuple[Any, ...]]
) -> None:
    """Sorted (field, term, docnum, weight, value) postings into a W3 field writer.

    Equivalent to ``FieldWriter.add_postings``, one term at a time: each posting block is
    filled with array extends instead of a method call per posting.
    """
    lastfield = None
    for (fieldname, btext), group in groupby(items, _FIELD_TERM):
        if fieldname != lastfield:
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfield = fieldname
        fieldwriter.start_term(btext)
        _add_term(fieldwriter._postwriter, fieldname, group, lengths)
        fieldwriter.finish_term()
    if lastfield is not None:
        fieldwriter.finish_field()


def _add_term(pw: Any, fieldname: str, group: Iterator[tuple[Any, ...]], lengths: Lengths) -> None:
    """What ``W3PostingsWriter.add_posting`` does for each posting, a block at a time."""
    limit = pw._blocklimit
    known = lengths.known.get(fieldname, {})
    postings = list(group)
    for start in range(0, len(postings), limit):
        if len(pw._ids) >= limit:
            pw._write_block()
        block = postings[start : start + limit]
        docnums = [p[2] for p in block]
        weights = [p[3] for p in block]
        pw._ids.extend(docnums)
        pw._weights.extend(weights)
        values = [p[4] for p in block if p[4]]
        if values:
            pw._values.extend(values)
        top = max(weights)
        if top > pw._maxweight:
            pw._maxweight = top
        got = list(map(known.get, docnums))
        if None in got:  # documents merged in from another segment: lengths on disk
            got = [lengths.doc_field_length(d, fieldname) for d in docnums]
        found = [n for n in got if n]
        if found:
            low, high = min(found), max(found)
            if pw._minlength is None or low < pw._minlength:
                pw._minlength = low
            if high > pw._maxlength:
                pw._maxlength = high
