"""The writer's posting pool: spilled runs merge back complete, in order, in little memory."""

from __future__ import annotations

import tracemalloc
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage

from searcher.engine.whoosh.postings import TermPool
from searcher.engine.whoosh.schema import PackedPositions, TokenField

VALUE = b"\x01\x00" * 20  # twenty positions


def filled(tmp_path, docs: int) -> TermPool:
    pool = TermPool(FileStorage(str(tmp_path)), 1)
    pool.limit = 100_000  # a run every few hundred documents
    pool.chunk = 2_000  # two or three terms a pickle
    for doc in range(docs):
        words = [f"w{(doc + i) % 70:02d}".encode() for i in range(20)]
        pool.add_document("body", doc, [(w, 20, 20.0, VALUE) for w in words])
        pool.add_document("title", doc, [(b"memo", 1, 1.0, b"\x00\x00")])
        pool.settle()
    return pool


def test_runs_merge_back_every_posting_in_term_and_document_order(tmp_path):
    pool = filled(tmp_path, 3000)
    assert len(pool.runs) >= 10
    terms = list(pool.iter_terms())
    keys = [(field, term) for field, term, *_ in terms]
    assert keys == sorted(set(keys)) and len(keys) == 71
    for _, _, ids, weights, values in terms:
        assert list(ids) == sorted(set(ids))
        assert len(ids) == len(weights) == len(values)
    assert sum(len(ids) for _, _, ids, _, _ in terms) == 3000 * 21
    assert dict(((f, t), len(ids)) for f, t, ids, _, _ in terms)["title", b"memo"] == 3000
    pool.cleanup()
    assert not list(tmp_path.glob("*.run"))


def test_merging_runs_does_not_hold_them_all_in_memory(tmp_path):
    pool = filled(tmp_path, 3000)
    spilled = sum(f.stat().st_size for f in tmp_path.glob("*.run"))
    tracemalloc.start()
    try:
        for _ in pool.iter_terms():
            pass
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < spilled / 4, (peak, spilled)  # a chunk of each run at a time, not every run


WORDS = ["armistice", "line", "the", "of", "korea", "\x00", "été", "zhou", "armies", "army"]


def _expected(docs: list[list[str]], boost: float, stemmed: bool) -> dict[bytes, list[tuple]]:
    """Each term's postings as the field's own ``index`` gives them, document by document."""
    field = TokenField(field_boost=boost, stemmed=stemmed)
    out: dict[bytes, list[tuple]] = {}
    for docnum, words in enumerate(docs):
        for tbytes, _, weight, value in field.index(words):
            out.setdefault(tbytes, []).append((docnum, weight, value))
    return out


def _inverted(pool: TermPool) -> dict[bytes, list[tuple]]:
    out: dict[bytes, list[tuple]] = {}
    for _, tbytes, ids, weights, values in pool.iter_terms():
        assert tbytes not in out
        out[tbytes] = list(zip(ids, weights, values.select([True] * len(ids)), strict=True))
    return out


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from(WORDS), max_size=40), min_size=1, max_size=30),
    spill=st.booleans(),
    stemmed=st.booleans(),
)
def test_words_invert_to_the_postings_the_field_indexes(tmp_path_factory, docs, spill, stemmed):
    pool = TermPool(FileStorage(str(tmp_path_factory.mktemp("runs"))), 1)
    if spill:
        pool.limit = 600  # a run every few documents
    for docnum, words in enumerate(docs):
        assert pool.add_words("body", docnum, words, 1.5, stemmed) == len(words)
        pool.settle()
    got = _inverted(pool)
    assert list(got) == sorted(got)
    assert got == _expected(docs, 1.5, stemmed)


@settings(max_examples=40, deadline=None)
@given(
    docs=st.lists(
        st.tuples(*[st.lists(st.sampled_from(WORDS), max_size=12)] * 3), min_size=1, max_size=30
    )
)
def test_documents_of_each_word_of_the_stemmed_fields_are_counted_once(tmp_path_factory, docs):
    pool = TermPool(FileStorage(str(tmp_path_factory.mktemp("runs"))), 1)
    pool.limit = 300  # a run every few documents
    for docnum, (title, body, place) in enumerate(docs):
        pool.add_words("title", docnum, title, 1.0, True)
        pool.add_words("body", docnum, body, 1.0, True)
        pool.add_words("places_w", docnum, place, 1.0, False)  # not a text field's words
        pool.settle()
    list(pool.iter_terms())
    expected = Counter(w for title, body, _ in docs for w in set(title) | set(body))
    assert pool.word_counts == expected
    pool.cleanup()


def test_positions_past_16_bits_keep_their_own_values(tmp_path):
    long = ["the"] * 70_000
    long[3] = long[65_538] = "armistice"
    long[9] = "line"
    docs = [["armistice", "line"], long, ["line", "the"]]
    pool = TermPool(FileStorage(str(tmp_path)), 64)
    for docnum, words in enumerate(docs):
        pool.add_words("body", docnum, words, 1.0, False)
    got = _inverted(pool)
    assert got == _expected(docs, 1.0, False)
    assert len(got[b"armistice"][1][2]) == 1 + 4 * 2  # the wide form, for that posting only
    assert len(got[b"armistice"][0][2]) == 2


def test_documents_added_and_a_segment_merged_in_join_in_document_order(tmp_path):
    pool = TermPool(FileStorage(str(tmp_path)), 64)
    pool.add_words("body", 0, ["korea", "line"], 1.0, True)
    pool.add_words("body", 1, ["line"], 1.0, True)
    for docnum in (2, 3):  # as merging another segment adds its postings
        pool.add(("body", b"line", docnum, 1.0, PackedPositions().encode([5])))
    (_, term, ids, _, values), *_ = (t for t in pool.iter_terms() if t[1] == b"line")
    assert list(ids) == [0, 1, 2, 3]
    assert values.select([True] * 4) == [b"\x01\x00", b"\x00\x00", b"\x05\x00", b"\x05\x00"]
