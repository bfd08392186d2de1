"""The writer's posting pool: spilled runs merge back complete, in order, in little memory."""

from __future__ import annotations

import tracemalloc

from whoosh.filedb.filestore import FileStorage

from searcher.engine.postings import TermPool

VALUE = b"\x01\x00" * 20  # twenty positions


def filled(tmp_path, docs: int) -> TermPool:
    pool = TermPool(FileStorage(str(tmp_path)), 1)
    pool.limit = 100_000  # a run every few hundred documents
    for doc in range(docs):
        words = [f"w{(doc + i) % 70:02d}".encode() for i in range(20)]
        pool.add_document("body", doc, [(w, 20, 20.0, VALUE) for w in words])
        pool.add_document("title", doc, [(b"memo", 1, 1.0, b"\x00\x00")])
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
    assert peak < spilled / 4, (peak, spilled)  # a term at a time, not every run at once
