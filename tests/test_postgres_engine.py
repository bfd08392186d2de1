"""The PostgreSQL engine: the query compiler (no server needed) and, with a server
(SEARCHER_TEST_PG, see .ci/postgres.sh), builds, locks, errors and snippets."""

from __future__ import annotations

import os
from datetime import date

import pytest

from searcher.engine.postgres.analyze import to_row
from searcher.engine.postgres.compile import compile_query
from searcher.errors import IndexBusyError, IndexMissingError, QueryError
from searcher.query import ast, parse
from searcher.record import Record

SINGLE = os.environ.get("SEARCHER_TEST_PG")


class Words:
    """A lexicon over a fixed list of words."""

    def __init__(self, *words: str) -> None:
        self.words = words

    def matching(self, pattern: str, limit: int) -> list[str]:
        import fnmatch

        return [w for w in self.words if fnmatch.fnmatchcase(w, pattern)][:limit]

    def near(self, word: str, distance: int) -> list[str]:
        return [
            w
            for w in self.words
            if len(w) == len(word)
            and sum(a != b for a, b in zip(w, word, strict=True)) <= distance
            and w != word
        ]


LEX = Words("armistice", "armies", "soviet", "soviets", "stalin")


def test_words_become_stems_in_every_text_field() -> None:
    c = compile_query(parse("Negotiations", exact=True).node, LEX)
    assert (c.where, c.params) == ("tsv @@ %s::tsquery", ("'negoti'",))


def test_field_words_use_weight_labels_or_prefixed_lexemes() -> None:
    assert compile_query(ast.Term("title", "Telegram"), LEX).params == ("'telegram':A",)
    assert compile_query(ast.Term("citation", "archive"), LEX).params == ("'citation:archiv'",)


def test_proximity_allows_each_next_word_within_slop() -> None:
    c = compile_query(ast.Phrase(None, ("peace", "treaty"), 1), LEX)
    assert c.params == ("('peac' <1> 'treati' | 'peac' <2> 'treati')",)


def test_keyword_matches_whole_value_or_its_words() -> None:
    c = compile_query(ast.Term("sender", "Mao Zedong"), LEX)
    assert "keys @> ARRAY[%s]" in c.where
    assert c.params == ("sender:mao zedong", "'sender:mao' <-> 'sender:zedong'")
    assert c.rank is None


def test_wildcards_and_fuzzy_expand_through_the_lexicon() -> None:
    assert compile_query(ast.Wildcard(None, "sov*"), LEX).params == ("'soviet'",)
    assert compile_query(ast.Fuzzy(None, "stalni", 2), LEX).params == ("('stalin' | 'stalni')",)
    assert compile_query(ast.Wildcard(None, "zzz*"), LEX).where == "FALSE"


def test_negation_is_left_out_of_ranking() -> None:
    c = compile_query(parse("korea -china", exact=True).node, LEX)
    assert c.params == ("('korea') & (!('china'))",)
    assert c.rank == "('korea')"


def test_dates_overlap_the_span_and_bad_fields_are_refused() -> None:
    c = compile_query(ast.DateRange(date(1950, 6, 25), None), LEX)
    assert "span && daterange" in c.where and c.params == (date(1950, 6, 25), None)
    with pytest.raises(QueryError):
        compile_query(ast.Term("date_start", "1950"), LEX)


def test_rows_keep_phrases_inside_one_field_value() -> None:
    row = to_row(Record(id="1", title="Mao to Stalin", summary="Korea", sender=("Mao", "Zhou")))
    assert row["tsv"] == "'mao':1A 'to':2A 'stalin':3A 'korea':5B"
    assert "'sender:mao':3 'sender:zhou':5" in row["ftsv"]
    assert row["keys"][-2:] == ["sender:mao", "sender:zhou"]


# -- with a server ---------------------------------------------------------------------

needs_server = pytest.mark.skipif(not SINGLE, reason="SEARCHER_TEST_PG not set")


@pytest.fixture
def url() -> str:
    from tests.test_engines_parity import fresh_database

    assert SINGLE
    return fresh_database(SINGLE, "searcher_engine_test")


def _records() -> list[Record]:
    return [
        Record(
            id="a",
            path="a.html",
            title="Telegram from Filippov to Mao Zedong",
            body="On the armistice negotiations in Korea.",
            content_hash="1",
            date_start=date(1951, 11, 14),
            sender=("Stalin",),
            subjects=("Korean War",),
        ),
        Record(
            id="b",
            path="b.html",
            title="Memorandum on the Soviet economy",
            body="Grain deliveries fell.",
            content_hash="2",
            date_start=date(1953, 3, 1),
            date_end=date(1953, 3, 31),
            date_precision="month",
        ),
    ]


@needs_server
def test_build_search_snippet_and_incremental_update(url: str) -> None:
    from searcher.engine import SearchRequest, open_engine

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    build.add(_records())
    build.commit({})
    results = engine.search(SearchRequest(node=parse("armistice korea", exact=True).node))
    assert [h.id for h in results.hits] == ["a"]
    snippet = results.hits[0].snippet
    assert snippet is not None
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["armistice", "Korea"]
    build = engine.begin_build(False)
    assert build.known_hashes() == {"a.html": "1", "b.html": "2"}
    build.delete(["a.html"])
    build.commit({})
    assert engine.get("a") is None and engine.stats().documents == 1
    engine.close()


@needs_server
def test_readers_see_nothing_until_commit_and_builds_lock(url: str) -> None:
    from searcher.engine import SearchRequest, open_engine

    engine = open_engine(url, create=True)
    full = engine.begin_build(True)
    full.add(_records())
    assert engine.search(SearchRequest()).total == 0
    with pytest.raises(IndexBusyError):
        engine.begin_build(False)
    full.commit({})
    assert engine.search(SearchRequest()).total == 2
    first, second = engine.begin_build(False), engine.begin_build(False)
    first.add([_records()[0]])
    second.delete(["b.html"])
    first.commit({})
    second.commit({})
    assert [r.id for r in engine.iter_records()] == ["a"]
    engine.close()


@needs_server
def test_suggestion_comes_from_the_lexicon(url: str) -> None:
    from searcher.engine import open_engine

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    build.add(_records())
    build.commit({})
    assert engine.suggest("armistise") == "armistice"
    assert engine.suggest("armistice") is None
    engine.close()


def test_unreachable_server_is_one_line_without_password() -> None:
    from searcher.engine import open_engine

    with pytest.raises(IndexMissingError) as info:
        open_engine("postgresql://someone:s3cret@127.0.0.1:1/archive")
    message = str(info.value)
    assert "s3cret" not in message and "\n" not in message
    assert "cannot reach" in message


@needs_server
def test_missing_index_and_wrong_database(url: str) -> None:
    from searcher.engine import open_engine

    with pytest.raises(IndexMissingError, match="no index"):
        open_engine(url)
    with pytest.raises(IndexMissingError, match="no such database"):
        open_engine(url.rsplit("/", 1)[0] + "/no_such_db")
