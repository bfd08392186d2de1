"""The PostgreSQL engine: the query compiler (no server needed) and, with a server
(SEARCHER_TEST_PG, see .ci/postgres.sh), builds, locks, errors and snippets."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pg_support
import pytest
from cli_support import run

from searcher.engine.postgres.analyze import FIELD_GAP, to_row
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

    def near(self, word: str, distance: int, field: str | None = None) -> list[str]:
        return [
            w
            for w in self.words
            if len(w) == len(word)
            and sum(a != b for a, b in zip(w, word, strict=True)) <= distance
            and w != word
        ]

    def has_value(self, field: str, value: str) -> bool:
        return value.lower() in self.words


LEX = Words("armistice", "armies", "soviet", "soviets", "stalin")


def test_words_become_stems_in_every_text_field() -> None:
    c = compile_query(parse("Negotiations", exact=True).node, LEX)
    assert (c.where, c.params) == ("tsv @@ %s::tsquery", ("'negoti'",))


def test_field_words_use_weight_labels_or_prefixed_lexemes() -> None:
    assert compile_query(ast.Term("title", "Telegram"), LEX).params == ("'telegram':A",)
    assert compile_query(ast.Term("citation", "archive"), LEX).params == ("'citation:archiv'",)


def test_proximity_allows_each_next_word_within_slop() -> None:
    c = compile_query(ast.Phrase(None, ("peace", "treaty"), 1), LEX)
    # the gap between values keeps a near reach inside one field
    assert (c.where, c.params) == (
        "tsv @@ %s::tsquery",
        ("'peac' & 'treati' & ('peac' <1> 'treati' | 'peac' <2> 'treati')",),
    )
    # a reach wider than the gap: each weight label apart
    wide = compile_query(ast.Phrase(None, ("peace", "treaty"), FIELD_GAP), LEX)
    near = " | ".join(
        f"'peac':{w} <{d}> 'treati':{w}" for w in "ABCD" for d in range(1, FIELD_GAP + 2)
    )
    assert wide.params == (f"'peac' & 'treati' & ({near})",)
    title = compile_query(ast.Phrase("title", ("peace", "treaty"), 1), LEX)
    assert title.params == (
        "'peac':A & 'treati':A & ('peac':A <1> 'treati':A | 'peac':A <2> 'treati':A)",
    )


def test_proximity_of_more_words_walks_the_candidates_positions() -> None:
    c = compile_query(ast.Phrase("title", ("peace", "treaty", "signed"), 1), LEX)
    pairs = "'peac':A & 'treati':A & 'sign':A & "
    pairs += "('peac':A <1> 'treati':A | 'peac':A <2> 'treati':A) & "
    pairs += "('treati':A <1> 'sign':A | 'treati':A <2> 'sign':A)"
    assert c.where.startswith("(tsv @@ %s::tsquery AND EXISTS (")
    assert c.params == (pairs, ["peac", "treati", "sign"], [1, 2, 3], "A", 2, 3)


def test_keyword_matches_whole_value_or_its_words() -> None:
    c = compile_query(ast.Term("sender", "Mao Zedong"), LEX)
    assert "keys @> ARRAY[%s]" in c.where
    assert c.params == ("sender:mao zedong", "'sender:mao' <-> 'sender:zedong'")
    assert c.rank is None


def test_a_filter_value_is_whole_where_a_document_has_it() -> None:
    assert compile_query(ast.Value("places", "Soviet"), LEX).where == "keys @> ARRAY[%s]"
    c = compile_query(ast.Value("places", "North Korea"), LEX)
    assert (c.where, c.params) == ("ftsv @@ %s::tsquery", ("'places:north' <-> 'places:korea'",))


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
    assert row["tsv"] == f"'mao':1A 'to':2A 'stalin':3A 'korea':{3 + FIELD_GAP + 1}B"
    assert "'sender:mao':3 'sender:zhou':5" in row["ftsv"]
    assert row["keys"][-2:] == ["sender:mao", "sender:zhou"]


# -- with a server ---------------------------------------------------------------------

needs_server = pg_support.needs_server


@pytest.fixture
def url() -> str:
    return pg_support.fresh_database(pg_support.single(), "searcher_engine_test")


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


def test_rank_weights_follow_the_field_weights() -> None:
    from searcher.analysis import WEIGHTS
    from searcher.engine.postgres.analyze import RANK_WEIGHTS, rank_weights

    # labels D, C, B, A; D is shared by citation and source and takes the larger weight
    weights = {"title": 2.0, "summary": 1.0, "body": 0.5, "citation": 0.25, "source": 1.0}
    assert rank_weights(weights) == "{0.5, 0.25, 0.5, 1}"
    d, c, b, a = (float(w) for w in RANK_WEIGHTS.strip("{}").split(","))
    top = max(WEIGHTS.values())
    assert (a, b, c) == pytest.approx(
        (WEIGHTS["title"] / top, WEIGHTS["summary"] / top, WEIGHTS["body"] / top), abs=1e-3
    )
    assert d == pytest.approx(max(WEIGHTS["citation"], WEIGHTS["source"]) / top, abs=1e-3)


# -- through the command line ----------------------------------------------------------

CLUSTER = os.environ.get("SEARCHER_TEST_PG_CLUSTER")
SHARDS = os.environ.get("SEARCHER_TEST_PG_SHARDS", "").split()


@pg_support.needs_cluster
def test_engine_init_shards_spreads_partitions_over_the_shard_servers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import psycopg

    from searcher.engine import open_engine

    cluster, servers = pg_support.cluster()
    coordinator = pg_support.fresh_database(cluster, "searcher_cli_init")
    shards = [pg_support.fresh_database(url, "searcher_cli_init") for url in servers]
    flags = [a for url in shards for a in ("--shard-url", url)]
    status, out, err = run(
        capsys, "engine", "init", "--index", coordinator, "--shards", "3", *flags
    )
    assert (status, err) == (0, "")
    assert f"3 partitions on {len(shards)} shard servers" in out
    with psycopg.connect(coordinator) as conn:
        servers = conn.execute(
            "SELECT c.relname, s.srvname FROM pg_foreign_table f"
            " JOIN pg_class c ON c.oid = f.ftrelid"
            " JOIN pg_foreign_server s ON s.oid = f.ftserver ORDER BY c.relname"
        ).fetchall()
    assert [s for _, s in servers] == [f"searcher_shard_{i % len(shards)}" for i in range(3)]

    engine = open_engine(coordinator)
    build = engine.begin_build(True)
    records = [Record(id=str(i), path=f"{i}.html", title=f"Telegram {i}") for i in range(30)]
    build.add(records)
    build.commit({})
    held = []
    for url in shards:
        with psycopg.connect(url) as conn:
            tables = conn.execute(
                "SELECT tablename FROM pg_tables WHERE tablename LIKE 'searcher_docs_p%'"
            ).fetchall()
            held.append(
                sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in tables)
            )
    assert sum(held) == 30 and all(held)  # every row on a shard, every shard holds some
    assert engine.stats().documents == 30
    engine.close()


def test_engine_init_refuses_shards_without_servers_and_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEARCHER_SHARDS", raising=False)
    status, _, err = run(
        capsys, "engine", "init", "--index", "postgresql://me@127.0.0.1:1/x", "--shards", "2"
    )
    assert status == 2 and "--shard-url" in err and err.count("\n") == 1
    status, _, err = run(capsys, "engine", "init", "--index", str(tmp_path))
    assert status == 2 and "postgresql://" in err


def _refused(capsys: pytest.CaptureFixture[str], url: str, password: str) -> str:
    """stderr of ``search query`` against ``url``, checked for the documented shape."""
    status, out, err = run(capsys, "query", "armistice", "--index", url)
    assert status == 3 and out == ""  # exit 3: the index cannot be reached (docs/postgres.md)
    assert err.startswith("search: ") and err.count("\n") == 1
    assert password not in err
    return err


def test_cli_server_down_is_one_line_without_password(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, "postgresql://historian:pw-Xy7@127.0.0.1:1/archive", "pw-Xy7")
    assert "cannot reach" in err and "historian:***@127.0.0.1:1/archive" in err


@needs_server
def test_cli_wrong_credentials_and_missing_database(capsys: pytest.CaptureFixture[str]) -> None:
    from psycopg.conninfo import conninfo_to_dict

    info = conninfo_to_dict(pg_support.single())
    server = f"{info['host']}:{info['port']}"
    err = _refused(capsys, f"postgresql://no_such_role:pw-Xy7@{server}/searcher", "pw-Xy7")
    assert "refused these credentials" in err
    err = _refused(
        capsys, f"postgresql://{info['user']}:pw-Xy7@{server}/no_such_database", "pw-Xy7"
    )
    assert "no such database" in err and "no_such_database" in err


def _stages(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'searcher\\_stage\\_%'"
        ).fetchall()
    return [r[0] for r in rows]


@needs_server
def test_full_build_workers_copy_rows_into_a_staging_table(url: str) -> None:
    from searcher.engine import SearchRequest, open_engine
    from searcher.engine.postgres.build import write_stage

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    target = build.shard_target()
    assert target is not None and "searcher_stage_" in target
    counts, n = write_stage(target, (to_row(r) for r in _records()))
    assert n == 2 and counts["armistice"] == 1
    build.add_segments([counts])
    assert engine.search(SearchRequest()).total == 0  # nothing published before commit
    build.commit({})
    hits = engine.search(SearchRequest(node=parse("armistice", exact=True).node)).hits
    assert [h.id for h in hits] == ["a"]
    assert engine.suggest("armistise") == "armistice"  # the workers' words reached the lexicon
    assert _stages(url) == []
    incremental = engine.begin_build(False)
    assert incremental.shard_target() is None  # incremental builds stage in their session
    incremental.abort()
    engine.close()


@needs_server
def test_staging_table_of_a_crashed_build_goes_with_the_next_full_build(url: str) -> None:
    from searcher.engine import open_engine
    from searcher.engine.postgres.build import write_stage

    engine = open_engine(url, create=True)
    crashed = engine.begin_build(True)
    write_stage(crashed.shard_target() or "", (to_row(r) for r in _records()))
    crashed._conn.close()  # the session ends without a word, as when its process is killed
    assert len(_stages(url)) == 1
    engine.begin_build(True).abort()
    assert _stages(url) == []
    assert engine.stats().documents == 0
    engine.close()


def _subjects(engine: object, text: str = "") -> tuple[dict[str, int], dict[str, int]]:
    """The subjects counted by a search, and as its matching records hold them."""
    from collections import Counter

    from searcher.engine import SearchRequest

    node = parse(text, exact=True).node if text else None
    results = engine.search(SearchRequest(node=node, facets=("subjects",)))  # type: ignore[attr-defined]
    held = Counter(v for r in engine.iter_records(node) for v in r.subjects)  # type: ignore[attr-defined]
    assert results.total == sum(1 for _ in engine.iter_records(node))  # type: ignore[attr-defined]
    return {c.value: c.count for c in results.facets["subjects"]}, dict(held)


@needs_server
def test_facet_counts_follow_every_commit_of_another_process(url: str) -> None:
    from dataclasses import replace

    from searcher.engine import SearchRequest, open_engine

    writer = open_engine(url, create=True)
    build = writer.begin_build(True)
    a, b = _records()
    c = replace(b, id="c", path="c.html", content_hash="3", subjects=("Korean War", "Grain"))
    build.add([a, b, c])
    build.commit({})
    reader = open_engine(url)
    counts, held = _subjects(reader)
    assert counts == held == {"Korean War": 2, "Grain": 1}
    assert _subjects(reader, "grain") == ({"Korean War": 1, "Grain": 1},) * 2
    build = writer.begin_build(False)  # a page's subjects change
    build.add([replace(a, content_hash="1b", subjects=("Grain",))])
    build.commit({})
    assert _subjects(reader) == ({"Grain": 2, "Korean War": 1},) * 2
    build = writer.begin_build(False)  # a page goes
    build.delete(["c.html"])
    build.commit({})
    assert _subjects(reader) == ({"Grain": 1},) * 2
    build = writer.begin_build(False)  # copies merged into one record at commit
    build.regroup(["a.html", "b.html"], [to_row(replace(b, subjects=("Economy", "Grain")))])
    build.commit({})
    assert _subjects(reader) == ({"Economy": 1, "Grain": 1},) * 2
    shown = reader.search(SearchRequest(facets=("subjects",))).facets["subjects"]
    assert reader.facet_counts("subject") == shown
    build = writer.begin_build(True)  # a full rebuild
    build.add([a])
    build.commit({})
    assert _subjects(reader) == ({"Korean War": 1},) * 2
    reader.close()
    writer.close()


@needs_server
def test_rows_stay_narrow_so_counts_visit_few_pages(url: str) -> None:
    """Long values go out of line and the path stays in the row: forty documents with
    long keyword lists fill one or two heap pages, not one page for every few of them."""
    import psycopg

    from searcher.engine import open_engine

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    subjects = tuple(f"subject number {i}" for i in range(60))
    build.add(
        Record(id=str(i), path=f"{i}.html", title=f"Telegram {i}", subjects=subjects)
        for i in range(40)
    )
    build.commit({})
    engine.close()
    with psycopg.connect(url) as conn:
        pages = conn.execute(
            "SELECT count(DISTINCT (ctid::text::point)[0]) FROM searcher_docs"
        ).fetchone()[0]
        storage = conn.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'searcher_docs'::regclass AND attname = 'path'"
        ).fetchone()[0]
    assert pages <= 2 and storage == "m"


@needs_server
def test_the_total_is_counted_in_the_snapshot_of_the_page(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second session that counts while the page is ranked reads the reader's
    snapshot: a build committed in between shows in neither the total nor the page."""
    from searcher.engine import SearchRequest, open_engine
    from searcher.engine.postgres import engine as pg_engine

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    build.add(_records())
    build.commit({})
    counted = pg_engine._per_table

    def commit_first(*args: object) -> object:
        other = open_engine(url)
        late = other.begin_build(False)
        late.add([Record(id="c", path="c.html", title="Armistice talks", content_hash="3")])
        late.commit({})
        other.close()
        return counted(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pg_engine, "_per_table", commit_first)
    results = engine.search(SearchRequest(node=parse("armistice", exact=True).node))
    assert (results.total, [h.id for h in results.hits]) == (1, ["a"])
    monkeypatch.setattr(pg_engine, "_per_table", counted)
    results = engine.search(SearchRequest(node=parse("armistice", exact=True).node))
    assert (results.total, sorted(h.id for h in results.hits)) == (2, ["a", "c"])
    engine.close()


@needs_server
def test_facets_count_every_match_whatever_its_path(url: str) -> None:
    """The matches' paths come joined by newlines; a path with one in it is still counted
    once, with its values."""
    from searcher.engine import SearchRequest, open_engine

    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    build.add(
        [
            *_records(),
            Record(id="c", path="odd\nname.html", title="Armistice", subjects=("Korean War",)),
        ]
    )
    build.commit({})
    request = SearchRequest(node=parse("armistice", exact=True).node, facets=("subject",))
    results = engine.search(request)
    assert results.total == 2
    assert [(f.value, f.count) for f in results.facets["subjects"]] == [("Korean War", 2)]
    engine.close()
