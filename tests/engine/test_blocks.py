"""Packed posting blocks: their layout, and segments of both layouts in one index."""

from __future__ import annotations

import random
from array import array

import pytest

from searcher.analysis import stem
from searcher.engine.whoosh.blocks import Codec, Values, pack_block, unpack_postings, unpack_values
from searcher.engine.whoosh.schema import PackedPositions, build_schema, from_stored, to_document
from searcher.record import Record

PHRASE = [stem("armistice"), stem("line")]


@pytest.mark.parametrize("level", [0, 3])
def test_block_parts_read_back(level):
    rng = random.Random(level)
    ids = sorted(rng.sample(range(1, 200_000), 128))
    weights = [float(rng.randint(1, 40)) for _ in ids]
    fmt = PackedPositions()
    values = [fmt.encode(sorted(rng.sample(range(90_000), rng.randint(1, 9)))) for _ in ids]
    data = pack_block(array("I", ids), array("f", weights), Values.of(values), level)
    got_ids, got_weights = unpack_postings(data, len(ids), bool(level))
    assert got_ids.tolist() == ids and got_weights.tolist() == weights
    ends, blob = unpack_values(data, len(ids), bool(level))
    starts = [0, *ends[:-1]]
    assert [blob[a:b] for a, b in zip(starts, ends, strict=True)] == values


def test_damaged_compressed_parts_are_value_errors():
    ids = list(range(0, 3000, 3))
    fmt = PackedPositions()
    values = Values.of(fmt.encode([i % 50, i % 50 + 7]) for i in ids)
    data = pack_block(array("I", ids), array("f", [1.0] * len(ids)), values, 3)
    size = int.from_bytes(data[:4], "little")
    assert size < 8 * len(ids)  # compressed
    scrambled_first = data[:4] + bytes(size) + data[4 + size :]
    with pytest.raises(ValueError, match="damaged posting block"):
        unpack_postings(scrambled_first, len(ids), True)
    with pytest.raises(ValueError, match="damaged posting block"):
        unpack_values(data[: 4 + size] + b"\x28\xb5\x2f\xfd" + bytes(40), len(ids), True)


def _record(i: int, body: str) -> Record:
    return Record(id=str(i), title=f"Memorandum {i}", body=body, path=f"{i}.html")


def _search(folder, words: list[str]) -> set[str]:
    from whoosh import query as wq
    from whoosh.filedb.filestore import FileStorage

    from searcher.engine.whoosh.cache import ReaderCache
    from searcher.engine.whoosh.matching import evaluate

    ix = FileStorage(str(folder)).open_index()
    with ix.searcher() as searcher:
        q = wq.Phrase("body", words) if len(words) > 1 else wq.Term("body", words[0])
        cache = ReaderCache(searcher.reader())
        found = evaluate(q, cache, searcher)
        whoosh = {h.docnum for h in searcher.search(q, limit=None)}
        assert set(found) == whoosh
        return {from_stored(cache.stored(d)).id for d in found}


def test_whoosh_segments_and_packed_segments_read_together_and_merge(tmp_path):
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.filedb.filestore import FileStorage

    from searcher.engine.whoosh.writer import SegmentWriter

    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    batches = [
        (W3Codec(blocklimit=4), range(0, 30)),  # an index written before packed blocks
        (Codec(blocklimit=4), range(30, 60)),
    ]
    for codec, numbers in batches:
        writer = SegmentWriter(ix, codec=codec, compound=False)
        for i in numbers:
            body = "the armistice line" if i % 3 == 0 else "the line of the armistice"
            writer.add_document(**to_document(_record(i, body)))
        writer.commit(merge=False)
    assert len(ix.reader().leaf_readers()) == 2
    expected = {str(i) for i in range(0, 60, 3)}
    assert _search(tmp_path, PHRASE) == expected
    assert len(_search(tmp_path, PHRASE[:1])) == 60
    writer = SegmentWriter(ix, compound=False)
    writer.commit(optimize=True)  # both layouts merged into one packed segment
    assert len(ix.reader().leaf_readers()) == 1
    assert _search(tmp_path, PHRASE) == expected
    assert len(_search(tmp_path, PHRASE[:1])) == 60


def test_small_blocks_are_stored_uncompressed_and_read_back(tmp_path):
    from dataclasses import replace

    from whoosh.filedb.filestore import FileStorage

    from searcher.engine.whoosh.writer import SMALL, SegmentWriter

    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = SegmentWriter(ix, compound=False)
    for i in range(3 * SMALL):
        body = "the armistice line" if i % 3 == 0 else "the line"  # armistice: SMALL postings
        record = replace(_record(i, body + (" truce" if i == 5 else "")), layout="current_site")
        writer.add_document(**to_document(record))
    writer.commit()
    with ix.reader() as reader:
        levels = {}
        for word, count in (("truce", 1), ("armistice", SMALL), ("line", 3 * SMALL)):
            matcher = reader.postings("body", stem(word))
            levels[word] = matcher._compression
            assert len(list(matcher.all_ids())) == count
        # blocks of fields that are not positional (W3's own layout) likewise
        for field, value, count in (("id", "5", 1), ("layout", "current_site", 3 * SMALL)):
            matcher = reader.postings(field, value)
            levels[field] = matcher._compression
            assert list(matcher.all_ids()) == ([5] if count == 1 else list(range(count)))
    assert levels["truce"] == 0 and levels["armistice"] > 0 and levels["line"] > 0
    assert levels["id"] == 0 and levels["layout"] > 0
    assert _search(tmp_path, [stem("truce")]) == {"5"}
    assert _search(tmp_path, PHRASE) == {str(i) for i in range(0, 3 * SMALL, 3)}
