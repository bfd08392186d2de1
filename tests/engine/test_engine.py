"""The Whoosh engine against a small index of hand-made records."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from searcher.analysis import TEXT_FIELDS
from searcher.engine import SearchRequest, open_engine
from searcher.engine.whoosh.schema import build_schema
from searcher.errors import IndexDamagedError, IndexMissingError, QueryError
from searcher.query import ast
from searcher.record import FIELDS, Record

RECORDS = (
    Record(
        id="119354",
        title="Telegram from Mao Zedong to Filippov [Stalin]",
        body="The treaty of friendship and alliance was discussed. The armistice "
        "negotiations are running slowly.      Kim Il Sung agrees.",
        date="November 14, 1951",
        date_start=date(1951, 11, 14),
        date_end=date(1951, 11, 14),
        date_precision="day",
        sender=("Mao Zedong",),
        recipient=("Joseph Stalin",),
        subjects=("Korean War, 1950-1953", "China--Foreign relations--Soviet Union"),
        places=("Korea", "China"),
        path="old/119354.txt",
        content_hash="a1",
    ),
    Record(
        id="2001",
        title="Memorandum on a friendship alliance",
        summary="A short note on the friendship alliance with happy results.",
        body="A friendship alliance was proposed by the delegation.",
        date="August 1949",
        date_start=date(1949, 8, 1),
        date_end=date(1949, 8, 31),
        date_precision="month",
        sender=("Zhou Enlai",),
        subjects=("China--Foreign relations--Soviet Union",),
        places=("China",),
        path="new/2001.html",
        content_hash="b2",
    ),
    Record(
        id="3003",
        title="Undated note on negotiations",
        body="Nothing here is dated; negotiations continued.",
        subjects=("Korean War, 1950-1953",),
        path="new/3003.html",
        content_hash="c3",
    ),
    Record(
        id="4004",
        title="Letter from Kim Il Sung to Stalin",
        body="Kim Il Sung asks about the armistice line and the demarcation.",
        date="1950",
        date_start=date(1950, 1, 1),
        date_end=date(1950, 12, 31),
        date_precision="year",
        sender=("Kim Il Sung",),
        recipient=("Joseph Stalin",),
        places=("Korea",),
        path="new/4004.html",
        content_hash="d4",
    ),
)


def build_index(path: Path, records=RECORDS) -> None:
    engine = open_engine(path, create=True)
    build = engine.begin_build(True)
    build.add(records)
    build.commit({"indexed": len(records)})
    engine.close()


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("engine") / "index"
    build_index(path)
    engine = open_engine(path)
    yield engine
    engine.close()


def ids(engine, node, **kw) -> list[str]:
    return [h.id for h in engine.search(SearchRequest(node=node, limit=50, **kw)).hits]


def test_schema_comes_from_fields():
    schema = build_schema()
    names = set(schema.names())
    for spec in FIELDS:
        if spec.kind == "text":
            assert spec.name in names
            assert schema[spec.name].format.field_boost == spec.weight
        elif spec.kind == "keyword":
            assert {spec.name, spec.name + "_w"} <= names
    assert {"year", "decade", "date_start", "date_end"} <= names
    assert "words" not in names  # the lexicon is a word file, not postings
    assert set(TEXT_FIELDS) == {f.name for f in FIELDS if f.kind == "text"}


def test_term_is_stemmed_and_searches_all_text_fields(engine):
    assert ids(engine, ast.Term(None, "run")) == ["119354"]
    assert set(ids(engine, ast.Term(None, "negotiation"))) == {"119354", "3003"}
    assert ids(engine, ast.Term("title", "memorandum")) == ["2001"]
    assert ids(engine, ast.Term("title", "armistice")) == []


def test_stems_join_inflections_and_keep_apart_words_of_other_meaning():
    from searcher.analysis import stems

    assert len(set(stems("negotiation negotiations negotiated negotiating"))) == 1
    assert stems("added adding adds") == stems("add add add")
    assert len(set(stems("international internal intern"))) == 3
    assert len(set(stems("organization organizations organ"))) == 2
    assert stems("1953 of un") == ["1953", "of", "un"]  # numbers and short words as written


def test_phrase_never_jumps_over_a_stopword(engine):
    assert ids(engine, ast.Phrase(None, ("friendship", "alliance"))) == ["2001"]
    hits = ids(engine, ast.Phrase(None, ("friendship", "and", "alliance")))
    assert hits == ["119354"]


def test_phrase_with_slop(engine):
    assert ids(engine, ast.Phrase(None, ("treaty", "alliance"))) == []
    assert ids(engine, ast.Phrase(None, ("treaty", "alliance"), slop=3)) == ["119354"]


def test_keyword_matches_whole_value_or_its_words(engine):
    assert ids(engine, ast.Term("sender", "mao")) == ["119354"]
    assert ids(engine, ast.Term("sender", "mao zedong")) == ["119354"]
    assert ids(engine, ast.Term("sender", "MAO ZEDONG")) == ["119354"]
    assert ids(engine, ast.Term("sender", "zedong mao")) == []
    assert set(ids(engine, ast.Phrase("subjects", ("korean", "war")))) == {"119354", "3003"}


def test_wildcard_and_fuzzy(engine):
    assert set(ids(engine, ast.Wildcard(None, "negotiat*"))) == {"119354", "3003"}
    assert ids(engine, ast.Wildcard(None, "demarc?tion")) == ["4004"]
    assert ids(engine, ast.Wildcard("sender", "zhou*")) == ["2001"]
    assert ids(engine, ast.Fuzzy(None, "armistise")) != []
    assert set(ids(engine, ast.Fuzzy(None, "armistise"))) == {"119354", "4004"}
    assert ids(engine, ast.Fuzzy(None, "armistise", distance=0)) == []


def test_boolean_nodes(engine):
    both = ast.And((ast.Term(None, "friendship"), ast.Not(ast.Term(None, "treaty"))))
    assert ids(engine, both) == ["2001"]
    either = ast.Or((ast.Term("sender", "zhou"), ast.Term("sender", "kim")))
    assert set(ids(engine, either)) == {"2001", "4004"}
    assert set(ids(engine, ast.Not(ast.Term(None, "friendship")))) == {"3003", "4004"}
    assert len(ids(engine, ast.MatchAll())) == 4


def test_date_overlap(engine):
    month_inside = ast.DateRange(date(1949, 8, 15), date(1949, 9, 30))
    assert ids(engine, month_inside) == ["2001"]
    assert ids(engine, ast.DateRange(date(1949, 9, 1), date(1949, 12, 31))) == []
    assert set(ids(engine, ast.DateRange(date(1950, 6, 1), None))) == {"119354", "4004"}
    assert set(ids(engine, ast.DateRange(None, date(1950, 6, 1)))) == {"2001", "4004"}
    every_dated = ids(engine, ast.DateRange(None, None))
    assert "3003" not in every_dated and len(every_dated) == 3


def test_words_and_phrases_within_date_ranges_keep_every_document_at_the_edges(tmp_path):
    """A word or phrase within dates is filtered segment by segment before it is scored:
    documents that start on the range's last day or end on its first stay in."""
    import random
    from datetime import timedelta

    rng = random.Random(7)
    first = date(1950, 1, 1)
    day = timedelta(days=1)
    ranges = [
        (first + 20 * day, first + 20 * day),
        (first + 10 * day, first + 30 * day),
        (None, first + 5 * day),
        (first + 55 * day, None),
    ]
    spans = []
    for low, high in ranges:  # ending on the first day or the day before, starting on the
        if low:  # last day or the day after
            spans += [(low - 3 * day, low), (low - 4 * day, low - day)]
        if high:
            spans += [(high, high + 9 * day), (high + day, high + 2 * day)]
    for _ in range(120 - len(spans)):
        start = first + rng.randrange(60) * day
        spans.append((start, start + rng.choice((0, 3, 9)) * day))
    rng.shuffle(spans)
    records = [
        Record(
            id=str(i),
            title=f"Report {i}",
            body="A report on the armistice line." if i % 3 else "A report.",
            date_start=None if i % 17 == 0 else start,
            date_end=None if i % 17 == 0 else end,
            path=f"p/{i}.html",
            content_hash=str(i),
        )
        for i, (start, end) in enumerate(spans)
    ]
    path = tmp_path / "index"
    build_index(path, records[:70])
    engine = open_engine(path)
    build = engine.begin_build(False)  # a second segment
    build.add(records[70:])
    build.commit({"indexed": 50})

    def within(r: Record, low: date | None, high: date | None) -> bool:
        return r.date_start is not None and (
            (high is None or r.date_start <= high) and (low is None or r.date_end >= low)
        )

    def found(node: ast.Node) -> set[str]:
        results = engine.search(SearchRequest(node=node, limit=len(records)))
        assert results.total == len(results.hits)
        return {h.id for h in results.hits}

    phrase = ast.Phrase(None, ("armistice", "line"), 0)
    try:
        for low, high in ranges:
            span = ast.DateRange(low, high)
            for node, kept in (
                (ast.Term(None, "report"), lambda r: True),
                (phrase, lambda r: "armistice" in r.body),
            ):
                expected = {r.id for r in records if kept(r) and within(r, low, high)}
                assert found(ast.And((node, span))) == expected, (low, high)
            other = ast.DateRange(first + timedelta(days=15), first + timedelta(days=25))
            both = ast.And((ast.Term(None, "report"), span, other))
            expected = {
                r.id for r in records if within(r, low, high) and within(r, other.start, other.end)
            }
            assert found(both) == expected, (low, high)
    finally:
        engine.close()


def test_facets_count_every_value_of_multi_valued_fields(engine):
    request = SearchRequest(node=ast.MatchAll(), facets=("subject", "place", "decade"))
    counts = engine.search(request).facets
    assert {(c.value, c.count) for c in counts["subjects"]} == {
        ("China--Foreign relations--Soviet Union", 2),
        ("Korean War, 1950-1953", 2),
    }
    assert [(c.value, c.count) for c in counts["places"]] == [("China", 2), ("Korea", 2)]
    assert {(c.value, c.count) for c in counts["decade"]} == {("1940s", 1), ("1950s", 2)}
    narrowed = engine.facet_counts("places", ast.Term("sender", "kim"))
    assert [(c.value, c.count) for c in narrowed] == [("Korea", 1)]


def test_facets_of_many_matches_count_value_by_value_as_few_count_document_by_document(
    tmp_path,
):
    from collections import Counter
    from dataclasses import replace

    from searcher.engine.whoosh.cache import BY_VALUE

    places = ("Korea", "China", "Poland", "Cuba")
    subjects = ("Korean War, 1950-1953", "Nuclear weapons", "Treaties")
    records = [
        Record(
            id=str(i),
            title=f"Report {i}",
            body="A report on the talks" + (" and the armistice." if i % 7 == 0 else "."),
            places=tuple(place for j, place in enumerate(places) if (i >> j) & 1),
            subjects=(subjects[i % 3],),
            path=f"p/{i}.html",
            content_hash=str(i),
        )
        for i in range(60)
    ]
    path = tmp_path / "index"
    build_index(path, records)
    moved = replace(records[1], places=("Cuba",), content_hash="moved")
    engine = open_engine(path)
    build = engine.begin_build(False)
    build.delete(["p/0.html"])  # deleted documents stay in each value's documents
    build.add([moved])
    build.commit({"indexed": 1})
    live = [moved, *records[2:]]
    truce = [r for r in live if "armistice" in r.body]
    assert len(truce) < BY_VALUE * len(subjects) < BY_VALUE * len(places) < len(live)
    for node, matched in ((ast.Term(None, "report"), live), (ast.Term(None, "armistice"), truce)):
        request = SearchRequest(node=node, facets=("place", "subject"), limit=0)
        counts = engine.search(request).facets
        for field in ("places", "subjects"):
            expected = Counter(v for r in matched for v in getattr(r, field))
            assert {(c.value, c.count) for c in counts[field]} == set(expected.items())
            assert engine.facet_counts(field, node) == counts[field]
    engine.close()


def test_facets_follow_the_filter(engine):
    request = SearchRequest(
        node=ast.Term(None, "armistice"), filter=ast.Term("places", "china"), facets=("year",)
    )
    results = engine.search(request)
    assert results.total == 1
    assert [(c.value, c.count) for c in results.facets["year"]] == [("1951", 1)]


def test_unknown_facet_or_sort_is_a_query_error(engine):
    with pytest.raises(QueryError, match="unknown facet"):
        engine.search(SearchRequest(facets=("colour",)))
    with pytest.raises(QueryError, match="unknown sort"):
        engine.search(SearchRequest(sort="size"))  # type: ignore[arg-type]


def test_snippet_marks_a_whole_phrase_as_one_span(engine):
    node = ast.Phrase(None, ("friendship", "and", "alliance"))
    hit = engine.search(SearchRequest(node=node)).hits[0]
    text = hit.snippet.text
    assert [text[s:e] for s, e in hit.snippet.marks] == ["friendship and alliance"]


def test_snippet_marks_stemmed_words_and_collapses_space(engine):
    hit = engine.search(SearchRequest(node=ast.Term(None, "run"))).hits[0]
    text = hit.snippet.text
    assert [text[s:e] for s, e in hit.snippet.marks] == ["running"]
    assert "  " not in text


def test_sort_by_date_puts_undated_last_both_ways(engine):
    everything = ast.MatchAll()
    assert ids(engine, everything, sort="date") == ["2001", "4004", "119354", "3003"]
    assert ids(engine, everything, sort="-date") == ["119354", "4004", "2001", "3003"]


def test_paging_reports_the_total(engine):
    pages = [
        engine.search(SearchRequest(node=ast.MatchAll(), sort="date", limit=3, page=p))
        for p in (1, 2, 3)
    ]
    assert [r.total for r in pages] == [4, 4, 4]
    assert [len(r.hits) for r in pages] == [3, 1, 0]
    assert pages[1].hits[0].id == "3003"


def test_get_similar_iter_records(engine):
    record = engine.get("2001")
    assert record is not None and record.subjects == RECORDS[1].subjects
    assert record.date_start == date(1949, 8, 1)
    assert engine.get("nope") is None
    similar = engine.similar("4004")
    assert "4004" not in [h.id for h in similar.hits]
    assert similar.hits and similar.hits[0].id == "119354"
    found = list(engine.iter_records(ast.Term("places", "korea")))
    assert sorted(r.id for r in found) == ["119354", "4004"]


def test_spelling_suggestion(engine):
    assert engine.suggest("armistise negotiatons") == "armistice negotiations"
    assert engine.suggest("armistice") is None
    assert engine.suggest("sender:mao") is None


def test_stats(engine):
    stats = engine.stats()
    assert stats.documents == 4
    assert stats.date_min == "1949-08-01" and stats.date_max == "1951-11-14"
    assert stats.facets["places"] == 2 and stats.facets["sender"] == 3
    assert stats.size_bytes > 0 and stats.built_at


def test_threads_share_an_engine(engine):
    errors: list[BaseException] = []
    totals: list[int] = []

    def work() -> None:
        try:
            for _ in range(20):
                r = engine.search(SearchRequest(node=ast.Term(None, "armistice"), facets=("year",)))
                totals.append(r.total)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and set(totals) == {2}


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissingError, match="run `search rebuild`"):
        open_engine(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexMissingError):
        open_engine(tmp_path / "empty")


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_damaged_index(tmp_path, damage):
    path = tmp_path / "index"
    build_index(path)
    generation = path / (path / "CURRENT").read_text().strip()
    for item in generation.iterdir():
        if item.suffix in (".toc", ".seg"):
            data = item.read_bytes()
            item.write_bytes(data[: len(data) // 3] if damage == "truncate" else b"\x00" * 64)
    with pytest.raises(IndexDamagedError, match="search rebuild --full"):
        open_engine(path).search(SearchRequest(node=ast.Term(None, "armistice")))


def _postings(index_dir: Path) -> tuple[dict, dict]:
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(index_dir)).open_index()
    with ix.reader() as reader:
        posts = {}
        for fieldname, btext in reader.all_terms():
            m = reader.postings(fieldname, btext)
            posts[fieldname, btext] = [(d, m.weight(), m.value()) for d in m.all_ids()]
            m = reader.postings(fieldname, btext)
            while m.is_active():
                posts[fieldname, btext, "block"] = (
                    m.block_max_weight(),
                    m.block_min_length(),
                    m.block_max_length(),
                )
                m.next()
        lengths = {
            (d, f): reader.doc_field_length(d, f)
            for d in reader.all_doc_ids()
            for f in reader.indexed_field_names()
        }
    return posts, lengths


def _columns(index_dir: Path) -> dict[str, object]:
    """Each column file's bytes (by the part of its name after the segment's), and each
    field's total length."""
    from whoosh.filedb.filestore import FileStorage

    found: dict[str, object] = {
        path.name.split(".", 1)[1]: path.read_bytes() for path in index_dir.glob("*.col")
    }
    with FileStorage(str(index_dir)).open_index().reader() as reader:
        found["totals"] = {f: reader.field_length(f) for f in reader.indexed_field_names()}
    return found


def test_lean_writer_writes_what_whoosh_writes(tmp_path):
    """Through Whoosh's codec the lean writer writes Whoosh's very bytes; through the
    engine's codec (packed blocks for positional fields) every posting, weight and block
    statistic reads back the same, in fewer bytes."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import SegmentWriter as PlainWriter

    from searcher.engine.whoosh.blocks import Codec
    from searcher.engine.whoosh.schema import to_document
    from searcher.engine.whoosh.writer import SegmentWriter

    many = [
        Record(
            id=f"{r.id}-{i}",
            title=r.title,
            body=r.body * (1 + i % 3),
            path=f"{i}/{r.path}",
            sender=r.sender,
            subjects=r.subjects,
            date_start=r.date_start,
            date_end=r.date_end,
        )
        for i in range(12)
        for r in RECORDS
    ]
    writers = {
        "plain": (PlainWriter, W3Codec(blocklimit=4)),
        "lean": (SegmentWriter, W3Codec(blocklimit=4)),
        "packed": (SegmentWriter, Codec(blocklimit=4)),
    }
    for name, (writer_class, small_blocks) in writers.items():
        folder = tmp_path / name
        folder.mkdir()
        ix = FileStorage(str(folder)).create_index(build_schema())
        for merge, batch in ((False, many[:40]), (True, many[40:])):
            writer = writer_class(ix, codec=small_blocks, limitmb=1, compound=False)
            writer.pool.limit = 20_000  # spill sorted runs to disk along the way
            for record in batch:
                writer.add_document(**to_document(record))
            writer.commit(optimize=merge)  # the second commit merges the first segment in
    plain, lean, packed = (_postings(tmp_path / name) for name in writers)
    assert len(plain[0]) > 100
    assert lean == plain
    assert packed == plain
    for ext in (".pst", ".trm"):  # the very same bytes
        (a,), (b,) = ((tmp_path / n).glob(f"*{ext}") for n in ("plain", "lean"))
        assert a.read_bytes() == b.read_bytes()
    columns = [_columns(tmp_path / name) for name in writers]
    assert len(columns[0]) > 15 and columns[1] == columns[0] and columns[2] == columns[0]
    sizes = {name: next((tmp_path / name).glob("*.pst")).stat().st_size for name in writers}
    assert sizes["packed"] < sizes["plain"]


def test_lean_writer_writes_the_length_of_a_very_long_field_as_whoosh_does(tmp_path):
    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import SegmentWriter as PlainWriter

    from searcher.engine.whoosh.schema import to_document
    from searcher.engine.whoosh.writer import SegmentWriter

    # a body past the longest length a length byte tells apart
    long = Record(id="long", title="Long", body="armistice line " * 54_000, path="long")
    for name, writer_class in (("plain", PlainWriter), ("lean", SegmentWriter)):
        (tmp_path / name).mkdir()
        ix = FileStorage(str(tmp_path / name)).create_index(build_schema())
        writer = writer_class(ix, compound=False)
        for record in (RECORDS[0], long):
            writer.add_document(**to_document(record))
        writer.commit()
    plain, lean = _columns(tmp_path / "plain"), _columns(tmp_path / "lean")
    assert plain["totals"]["body"] > 108_000
    assert lean == plain


def test_word_file_serves_wildcards_fuzzy_and_spelling(tmp_path):
    from searcher.engine.whoosh import lexicon

    lexicon.write(tmp_path, {"armistice": 3, "armies": 1, "army": 5, "arms": 2, "treaty": 4})
    words = lexicon.Lexicon.load(tmp_path)
    assert words is not None and lexicon.read_counts(tmp_path)["army"] == 5
    assert words.matching("arm*", 10) == ["armies", "armistice", "arms", "army"]
    assert words.matching("arm?", 10) == ["arms", "army"]
    assert words.matching("ar?s", 10) == ["arms"]
    assert words.matching("*ty", 10) == ["treaty"]
    assert words.matching("arm*", 2) == ["armies", "armistice"]
    assert sorted(words.within("armz", 1, prefix=1)) == ["arms", "army"]
    assert words.suggest("armz") == "army"  # the most frequent of the nearest
    assert words.suggest("qqqq") is None
    assert lexicon.Lexicon.load(tmp_path / "nowhere") is None


@pytest.mark.parametrize(
    "node",
    [
        ast.Term(None, "armistice"),
        ast.Or((ast.Term(None, "friendship"), ast.Term(None, "kim"))),
        ast.And((ast.Term(None, "friendship"), ast.Term(None, "alliance"))),
        ast.Phrase(None, ("friendship", "alliance"), 0),
        ast.Phrase(None, ("kim", "armistice"), 5),
        ast.And((ast.Term("places", "korea"), ast.DateRange(date(1950, 6, 1), date(1951, 12, 1)))),
        ast.And(
            (ast.Phrase(None, ("armistice", "line"), 0), ast.DateRange(date(1950, 1, 1), None))
        ),
        ast.And(
            (
                ast.Or((ast.Term(None, "friendship"), ast.Term(None, "kim"))),
                ast.Not(ast.Term(None, "treaty")),
                ast.DateRange(date(1949, 1, 1), date(1950, 12, 31)),
            )
        ),
        ast.And((ast.Term(None, "kim"), ast.Not(ast.Term(None, "treaty")))),
        ast.DateRange(None, date(1950, 6, 1)),
    ],
    ids=repr,
)
def test_bulk_evaluation_finds_and_scores_what_whoosh_matchers_do(engine, node):
    from whoosh import query as wq

    from searcher.engine.whoosh.compile import CacheLexicon, compile_plan
    from searcher.engine.whoosh.matching import evaluate, evaluate_plan
    from searcher.query import plan

    with engine._lock:
        gen = engine._generation()
        planned = plan.build(node, CacheLexicon(gen.cache))
        q = compile_plan(planned, gen.cache)
        found = evaluate(q, gen.cache, gen.searcher)
        reference = {
            hit.docnum: hit.score for hit in gen.searcher.search(q, limit=None, terms=False)
        }
        # the plan read directly finds and scores exactly what its Whoosh query does
        assert evaluate_plan(planned, gen.cache, gen.searcher) == found
    assert found  # every case matches something
    assert set(found) == set(reference)
    if not any(isinstance(part, wq.NumericRange) for part in q.leaves()) and not isinstance(
        q, wq.NumericRange
    ):
        assert found == pytest.approx(reference, rel=1e-5)


def test_phrase_words_must_follow_in_order_within_the_slop(engine):
    assert ids(engine, ast.Phrase(None, ("alliance", "friendship"), 0)) == []
    assert ids(engine, ast.Phrase(None, ("alliance", "friendship"), 3)) == []
    assert ids(engine, ast.Phrase(None, ("kim", "armistice"), 4)) == []
    assert ids(engine, ast.Phrase(None, ("kim", "armistice"), 5)) == ["4004"]


def test_positions_beyond_sixteen_bits_keep_phrases_exact(tmp_path):
    from whoosh import query as wq

    from searcher.engine.whoosh.compile import compile_node
    from searcher.engine.whoosh.matching import evaluate

    filler = "report " * 70_000  # the phrase sits past position 65,535
    long = Record(
        id="9009",
        title="A very long transcript",
        body=filler + "the armistice line was drawn. Line armistice.",
        path="long.html",
        content_hash="l9",
    )
    build_index(tmp_path / "index", (*RECORDS, long))
    engine = open_engine(tmp_path / "index")
    try:
        assert ids(engine, ast.Phrase(None, ("armistice", "line"), 0)) == ["4004", "9009"]
        assert ids(engine, ast.Phrase(None, ("line", "armistice"), 0)) == ["9009"]
        with engine._lock:
            gen = engine._generation()
            q = compile_node(ast.Phrase(None, ("report", "the", "armistice"), 0), gen.cache)
            found = evaluate(q, gen.cache, gen.searcher)
            whoosh = {h.docnum for h in gen.searcher.search(q, limit=None)}
        assert isinstance(q, wq.Query) and set(found) == whoosh and len(found) == 1
    finally:
        engine.close()


@pytest.mark.parametrize("positions", [[], [0], [3, 7, 7000], [5, 65_535], [1, 65_536, 900_000]])
def test_packed_positions_round_trip(positions):
    from searcher.engine.whoosh.schema import PackedPositions, unpack_positions

    packed = PackedPositions()
    value = packed.encode(positions)
    assert packed.decode_positions(value) == positions
    assert packed.decode_frequency(value) == len(positions)
    assert list(unpack_positions(value)) == positions


def test_stored_records_read_back_and_damage_is_a_value_error():
    from searcher.engine.whoosh.schema import RECORD, from_stored, to_document

    for record in RECORDS:
        stored = to_document(record)[RECORD]
        assert from_stored(stored) == record
        with pytest.raises(ValueError, match="damaged stored record"):
            from_stored(stored[: len(stored) // 2])
    with pytest.raises(ValueError, match="damaged stored record"):
        from_stored(to_document(RECORDS[0])[RECORD][:4] + b"not a frame")


def _with_old_field():
    from whoosh import fields

    schema = build_schema()
    schema.add("spelling", fields.TEXT())  # a field this version no longer writes
    return schema


def _with_old_stemmer():
    schema = build_schema()
    for name in schema.names():
        vars(schema[name]).pop("stemmer", None)  # as written before the stemmer was recorded
    return schema


def _with_keyword_words_said_stemmed():
    from searcher.analysis import STEMMER

    schema = build_schema()
    for name in schema.names():
        if name.endswith("_w"):
            schema[name].stemmer = STEMMER  # as written before they said they are not
    return schema


def _with_records_in_stored_fields():
    from whoosh import fields

    schema = build_schema()
    schema.remove("rec")
    schema.add("rec", fields.STORED())  # as written before records had a column
    return schema


def _with_other_record_layout():
    schema = build_schema()
    schema["rec"].layout = "id,title,body"  # records of another shape
    return schema


def _with_zlib_blocks():
    schema = build_schema()
    for name in schema.names():
        if schema[name].format is not None:
            vars(schema[name].format).pop("packing", None)  # as written before zstd blocks
    return schema


@pytest.mark.parametrize(
    "older",
    [
        _with_old_field,
        _with_old_stemmer,
        _with_keyword_words_said_stemmed,
        _with_records_in_stored_fields,
        _with_other_record_layout,
        _with_zlib_blocks,
    ],
)
def test_an_index_of_an_older_schema_is_refused_then_rebuilt_in_full(tmp_path, monkeypatch, older):
    import searcher.engine.whoosh.build as whoosh_build
    import searcher.engine.whoosh.engine as whoosh_engine

    path = tmp_path / "index"
    monkeypatch.setattr(whoosh_build, "build_schema", older)
    build_index(path)
    monkeypatch.undo()
    whoosh_engine._current_signature.cache_clear()
    engine = open_engine(path)
    with pytest.raises(IndexDamagedError, match="older version of searcher: run `search rebuild`"):
        engine.search(SearchRequest(node=ast.Term(None, "armistice")))
    engine.close()
    build = open_engine(path, create=True).begin_build(False)  # an incremental rebuild ...
    assert build.full  # ... starts afresh
    build.add(RECORDS)
    build.commit({"indexed": len(RECORDS)})
    with open_engine(path) as engine:
        assert sorted(ids(engine, ast.Term(None, "armistice"))) == ["119354", "4004"]


def test_bulk_evaluation_leaves_out_deleted_documents(tmp_path):
    from dataclasses import replace

    from searcher.engine.whoosh.compile import compile_node
    from searcher.engine.whoosh.matching import evaluate

    build_index(tmp_path / "index", RECORDS)
    engine = open_engine(tmp_path / "index")
    build = engine.begin_build(False)
    build.delete(["new/4004.html"])
    build.delete(["old/119354.txt"])
    changed = replace(
        RECORDS[0], body="Kim Il Sung wrote of the armistice line.", content_hash="a2"
    )
    build.add([changed])
    build.commit({"indexed": 1})
    nodes = [
        ast.Term(None, "kim"),
        ast.Phrase(None, ("kim", "il", "sung"), 0),
        ast.Phrase(None, ("armistice", "line"), 0),
        ast.Phrase(None, ("kim", "armistice"), 5),
        ast.And((ast.Term(None, "friendship"), ast.Not(ast.Term(None, "kim")))),
    ]
    try:
        with engine._lock:
            gen = engine._generation()
            assert gen.cache.deleted()  # the old copies are still in the postings
            for node in nodes:
                q = compile_node(node, gen.cache)
                for scored in (True, False):
                    found = evaluate(q, gen.cache, gen.searcher, scored=scored)
                    whoosh = {h.docnum for h in gen.searcher.search(q, limit=None)}
                    assert set(found) == whoosh, node
        assert ids(engine, ast.Phrase(None, ("armistice", "line"), 0)) == ["119354"]
        assert ids(engine, ast.Phrase(None, ("kim", "il", "sung"), 0)) == ["119354"]
    finally:
        engine.close()


def test_segment_term_lookups_are_remembered_within_bounds(engine, monkeypatch):
    import searcher.engine.whoosh.cache as cache_module

    monkeypatch.setattr(cache_module, "_MAX_INFOS", 3)
    with engine._lock:
        leaf = engine._generation().cache.leaves()[0]
        leaf.infos.clear()
        whoosh_terms = leaf.reader._terms
        present = [("body", b"kim"), ("body", b"treati")]
        present.append(("title", next(iter(leaf.reader.lexicon("title")))))
        for field, word in present:
            ours = leaf.matcher(field, word)
            theirs = whoosh_terms.matcher(field, word, leaf.reader.schema[field].format)
            found = list(ours.all_ids())
            assert found == list(theirs.all_ids()) != []
            again = leaf.matcher(field, word)  # from the memo: a fresh matcher, same postings
            assert again is not ours and list(again.all_ids()) == found
        assert leaf.matcher("body", b"nosuchword") is None
        assert leaf.matcher("no_such_field", b"kim") is None
        assert len(leaf.infos) <= 3
