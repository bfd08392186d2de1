"""The Whoosh schema, generated from ``searcher.record.FIELDS``, and Record <-> document.

The words are analysed once, by ``searcher.analysis`` (the PostgreSQL engine's too): the
fields receive ready token lists, since Whoosh's token-object analyzer chain costs several
times more per word.  The same functions analyse query words, so index and query agree.

Per record field kind:
- text: ``name`` holds Porter2 stems with positions; stopwords are kept so that a phrase
  never jumps over a word.  The unstemmed words of a document's text fields are handed
  to the writer under ``_words`` (not indexed: postings for them would be ~40% of all
  postings); each generation keeps them as a word file (see ``lexicon``), the lexicon
  for wildcards, fuzzy terms and spelling.
- keyword: ``name`` holds whole values as displayed (facets, exact filters, matched
  case-insensitively through the lexicon); ``name_w`` holds their lower-cased words with
  positions, so ``sender:mao`` finds "Mao Zedong".
- date: day ordinals in NUMERIC fields, plus ``sort_asc``/``sort_desc`` columns that put
  undated documents last either way; ``sort_asc`` and ``end_c`` (0 when undated) are
  what range queries read (see ``matching``).
- ``year``/``decade``: derived from the date span, as facet values.
- ``rec``: the whole Record, pickled and zstd-compressed, in a column of its own (a hit
  reads it back in half the time Whoosh's zlib-compressed stored fields take).
"""

from __future__ import annotations

import dataclasses
import pickle
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import zstandard
from whoosh import columns, fields, formats

from searcher.analysis import (
    KEYWORD_FIELDS,
    STEMMER,
    TEXT_FIELDS,
    WRITTEN,
    keyword_forms,
    keyword_values,
    span_years,
    stem_all,
    stem_uncached,
    stems,
    words,
    words_written,
)
from searcher.record import DERIVED_FACETS, FIELDS, Record

#: The lexicon of unstemmed words of all text fields (a word file, not an indexed field).
WORDS = "words"
#: The column of whole records (see RecordColumn).
RECORD = "rec"
UNDATED_SORT = 10**8
#: zstd's default level: as small as zlib's level 3 on records, 2-3x faster both ways.
_ZSTD_LEVEL = 3
_LOCAL = threading.local()

#: How the posting blocks of positional fields are compressed (see ``blocks``), as the
#: fields of an index record it: an index whose blocks are packed otherwise is rebuilt.
PACKING = "zstd"


class PackedPositions(formats.Positions):
    """Positions as a machine array, not a pickle: a phrase decodes them in one C call.

    A posting's value is its absolute positions as unsigned 16-bit integers (an even
    number of bytes) or, when a position exceeds 65,535, a ``b"I"`` byte followed by
    32-bit integers (an odd number).  Whoosh's own matchers read it through the methods
    below, so every query type works on it.
    """

    def __init__(self, field_boost: float = 1.0, **options: Any) -> None:
        super().__init__(field_boost=field_boost, **options)
        self.packing = PACKING  # kept in the index's schema (see PACKING)

    def encode(self, poslist: list[int]) -> bytes:
        if poslist and poslist[-1] > 0xFFFF:
            return b"I" + array("I", poslist).tobytes()
        return array("H", poslist).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(unpack_positions(valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        size = len(valuestring)
        return (size - 1) // 4 if size & 1 else size // 2

    def combine(self, vs: Iterable[bytes]) -> bytes:
        return self.encode(sorted({p for v in vs for p in unpack_positions(v)}))


def unpack_positions(value: bytes) -> array[int]:
    """The positions of one ``PackedPositions`` posting value, ascending."""
    return array("I", value[1:]) if len(value) & 1 else array("H", value)


class TokenField(fields.FieldType):
    """A positional field indexed from a ready list of words, under their stems when
    ``stemmed`` (the stemmer's name is then kept in the index's schema)."""

    stemmer = ""

    def __init__(
        self, field_boost: float = 1.0, scorable: bool = True, stemmed: bool = True
    ) -> None:
        self.format = PackedPositions(field_boost=field_boost)
        self.analyzer = None
        self.scorable = scorable
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None
        self.stemmer = STEMMER if stemmed else ""  # kept in the index's schema (see STEMMER)

    def index(self, value: list[str], **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        poses: dict[str, list[int]] = defaultdict(list)
        for i, token in enumerate(stem_all(value) if self.stemmer else value):
            poses[token].append(i)
        boost = self.format.field_boost
        encode = self.format.encode
        for token, plist in poses.items():
            yield token.encode("utf-8"), len(plist), len(plist) * boost, encode(plist)

    def process_text(self, qstring: str, mode: str = "", **kwargs: Any) -> Iterator[str]:
        return iter(stems(qstring) if self.stemmer else words(qstring))


class RecordColumn(fields.COLUMN):
    """Each document's Record as :func:`to_stored` packs it.

    ``layout`` (kept in the index's schema) names the Record's fields: an index of records
    of another shape must be rebuilt.
    """

    def __init__(self) -> None:
        super().__init__(columns.VarBytesColumn())
        self.layout = ",".join(f.name for f in dataclasses.fields(Record))


class ValueField(fields.FieldType):
    """A field of whole values (no positions), indexed from a list of strings."""

    def __init__(self, unique: bool = False) -> None:
        self.format = formats.Existence()
        self.analyzer = None
        # scorable, so the segment has a length column: without one, Whoosh's writer
        # stats the disk once per posting looking for it
        self.scorable = True
        self.stored = False
        self.unique = unique
        self.vector = None
        self.column_type = None

    def index(
        self, value: Iterable[str], **kwargs: Any
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        for item in set(value):
            yield item.encode("utf-8"), 1, 1.0, b""

    def process_text(self, qstring: str, mode: str = "", **kwargs: Any) -> Iterator[str]:
        return iter((qstring,))


def build_schema() -> fields.Schema:
    """The Whoosh schema for FIELDS."""
    schema = fields.Schema()
    schema.add("id", ValueField(unique=True))
    schema.add("path", ValueField(unique=True))
    schema.add(RECORD, RecordColumn())
    schema.add(WRITTEN, TokenField(stemmed=False))
    schema.add("path_c", fields.COLUMN(columns.VarBytesColumn()))
    schema.add("hash_c", fields.COLUMN(columns.VarBytesColumn()))
    for spec in FIELDS:
        if spec.kind == "text":
            schema.add(spec.name, TokenField(field_boost=spec.weight))
        elif spec.kind == "keyword":
            schema.add(spec.name, ValueField())
            schema.add(spec.name + "_w", TokenField(stemmed=False))
    for name in ("date_start", "date_end"):
        schema.add(name, fields.NUMERIC(numtype=int, bits=32))  # signed: unsigned ranges mis-match
    schema.add("sort_asc", fields.COLUMN(columns.NumericColumn("i")))
    schema.add("sort_desc", fields.COLUMN(columns.NumericColumn("i")))
    schema.add("end_c", fields.COLUMN(columns.NumericColumn("i")))
    for name in DERIVED_FACETS:
        schema.add(name, ValueField())
    return schema


def to_document(record: Record) -> dict[str, Any]:
    """The keyword arguments of ``writer.add_document`` for one record.

    Plain data only (lists, sets, strings, ints, bytes), so worker processes can prepare it.
    """
    doc: dict[str, Any] = {
        "id": [record.id],
        RECORD: to_stored(record),
        "path_c": record.path.encode("utf-8"),
        "hash_c": record.content_hash.encode("ascii"),
    }
    if record.path:
        doc["path"] = [record.path]
    written: set[str] = set()
    for name in TEXT_FIELDS:
        text = getattr(record, name)
        if text:
            doc[name], changed = words_written(text)
            written.update(changed)
    for name in KEYWORD_FIELDS:
        values = keyword_values(record, name)
        if not values:
            continue
        doc[name] = list(values)
        doc[name + "_w"] = _gapped(keyword_forms(record, name))
    if written:
        doc[WRITTEN] = sorted({stem_uncached(w) for w in written})
    start, end = record.date_start, record.date_end or record.date_start
    if start is not None and end is not None:
        doc["date_start"] = start.toordinal()
        doc["date_end"] = end.toordinal()
        doc["sort_asc"] = start.toordinal()
        doc["sort_desc"] = -start.toordinal()
        doc["end_c"] = end.toordinal()
        years = span_years(start, end)
        doc["year"] = [str(y) for y in years]
        doc["decade"] = sorted({f"{y // 10 * 10}s" for y in years})
    else:
        doc["sort_asc"] = UNDATED_SORT
        doc["sort_desc"] = UNDATED_SORT
    return doc


def _gapped(values: Iterable[str]) -> list[str]:
    """Words of several values, separated by a filler so phrases stay inside one value."""
    out: list[str] = []
    for value in values:
        if out:
            out.append("\x00")
        out.extend(words(value))
    return out


def to_stored(record: Record) -> bytes:
    """A Record as the index keeps it: pickled, then compressed with zstd."""
    return zstandard.compress(pickle.dumps(record, pickle.HIGHEST_PROTOCOL), _ZSTD_LEVEL)


def from_stored(blob: bytes) -> Record:
    """The Record :func:`to_stored` packed (ValueError when the bytes are not one)."""
    record = pickle.loads(inflate(blob, "stored record"))
    if type(record) is not Record:
        raise ValueError("damaged stored record: not a record")
    return record


def inflate(blob: bytes, what: str) -> bytes:
    """zstd-compressed bytes inflated (ValueError "damaged ``what``" when they are not).

    Each thread keeps a decompressor (one may not serve two threads at once): a new one
    per call takes half as long again for a small blob.
    """
    inflater = getattr(_LOCAL, "inflater", None)
    if inflater is None:
        inflater = _LOCAL.inflater = zstandard.ZstdDecompressor()
    try:
        return inflater.decompress(blob)
    except zstandard.ZstdError as exc:
        raise ValueError(f"damaged {what}: {exc}") from None
