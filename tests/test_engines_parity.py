"""One query language, every engine: the same sample pages give the same answers.

Whoosh always runs; the PostgreSQL engines run when the servers of ``.ci/postgres.sh``
are announced in SEARCHER_TEST_PG (one server) and SEARCHER_TEST_PG_CLUSTER with
SEARCHER_TEST_PG_SHARDS (a coordinator and its shards).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.base import Engine
from searcher.query import parse, parse_filters

RAW_HTML = Path(__file__).resolve().parent.parent / "raw_html"
SINGLE = os.environ.get("SEARCHER_TEST_PG")
CLUSTER = os.environ.get("SEARCHER_TEST_PG_CLUSTER")
SHARDS = os.environ.get("SEARCHER_TEST_PG_SHARDS", "").split()


def fresh_database(url: str, name: str) -> str:
    """The URL of a new, empty database ``name`` on the server of ``url``."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    info = conninfo_to_dict(url)
    info["dbname"] = name
    return (
        "postgresql://{user}@{host}:{port}/{dbname}".format(**info)
        if "user" in info
        else (make_conninfo(**info))
    )


def _build(kind: str, tmp: Path) -> str:
    from searcher.build import rebuild

    if kind == "whoosh":
        location = str(tmp / "index")
    elif kind == "postgres":
        if not SINGLE:
            pytest.skip("SEARCHER_TEST_PG not set (run the tests under .ci/postgres.sh)")
        location = fresh_database(SINGLE, "searcher_parity")
    else:
        if not (CLUSTER and SHARDS):
            pytest.skip("SEARCHER_TEST_PG_CLUSTER/_SHARDS not set (run under .ci/postgres.sh)")
        from searcher.engine.postgres.cluster import init_cluster

        location = fresh_database(CLUSTER, "searcher_parity")
        shards = [fresh_database(url, "searcher_parity") for url in SHARDS]
        init_cluster(location, shards, shards=4)
    report = rebuild(RAW_HTML, location, full=True, workers=1)
    assert report.indexed > 10
    return location


@pytest.fixture(scope="module")
def whoosh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_engine(_build("whoosh", tmp_path_factory.mktemp("parity")))
    yield engine
    engine.close()


@pytest.fixture(scope="module", params=["whoosh", "postgres", "postgres-cluster"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, whoosh: Engine
) -> Iterator[Engine]:
    if request.param == "whoosh":
        yield whoosh
        return
    opened = open_engine(_build(request.param, tmp_path_factory.mktemp("parity")))
    yield opened
    opened.close()


QUERIES = [
    "soviet",
    "Korea",
    "stalin",
    "Stalin",  # name-authority expansion: also Filippov
    '"foreign ministry"',
    '"peace treaty"',
    '"soviet union"~2',
    "title:telegram",
    "summary:china",
    "sender:mao",
    "recipient:stalin",
    "subject:korea",
    "korea AND NOT china",
    "telegram OR cable",
    "(mao OR zhou) -stalin",
    "sov*",
    "armist?ce",
    "stalni~1",
    "tsarist~2",
    "NOT soviet",
]


def answers(engine: Engine, text: str, where: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    parsed = parse(text)
    request = SearchRequest(
        node=parsed.node, filter=parse_filters(where), limit=500, snippets=False, parsed=parsed
    )
    results = engine.search(request)
    return results.total, sorted(h.id for h in results.hits)


@pytest.mark.parametrize("text", QUERIES)
def test_same_hits(engine: Engine, whoosh: Engine, text: str) -> None:
    assert answers(engine, text) == answers(whoosh, text)


def test_queries_are_selective(whoosh: Engine) -> None:
    """The table means something: most queries find some pages, and none finds them all."""
    everything = answers(whoosh, "")[0]
    totals = [answers(whoosh, text)[0] for text in QUERIES]
    assert sum(1 for t in totals if 0 < t < everything) >= len(QUERIES) * 2 // 3


@pytest.mark.parametrize(
    "where",
    [
        ("year=1951",),
        ("decade=1950s",),
        ("type=telegram",),
        ("language=russian",),
        ("place=korea", "precision=day"),
    ],
)
def test_same_filtered_hits(engine: Engine, whoosh: Engine, where: tuple[str, ...]) -> None:
    assert answers(engine, "", where) == answers(whoosh, "", where)


@pytest.mark.parametrize(
    "span", [("1950-06-25", "1950-07-31"), ("1951-01-01", None), (None, "1949-12-31")]
)
def test_same_date_ranges(
    engine: Engine, whoosh: Engine, span: tuple[str | None, str | None]
) -> None:
    from searcher.query import date_filter

    node = date_filter(*span)
    request = SearchRequest(filter=node, limit=500, snippets=False)
    got = sorted(h.id for h in engine.search(request).hits)
    assert got == sorted(h.id for h in whoosh.search(request).hits)


@pytest.mark.parametrize("facet", ["subject", "sender", "year", "decade", "language", "type"])
def test_same_facet_counts(engine: Engine, whoosh: Engine, facet: str) -> None:
    for text in ("", "soviet"):
        node = parse(text).node
        assert engine.facet_counts(facet, node) == whoosh.facet_counts(facet, node)


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_same_date_order(engine: Engine, whoosh: Engine, sort: str) -> None:
    def dates(e: Engine) -> list[str | None]:
        request = SearchRequest(node=parse("soviet").node, sort=sort, limit=500, snippets=False)
        return [h.date_start for h in e.search(request).hits]

    assert dates(engine) == dates(whoosh)


def test_same_paging_total(engine: Engine, whoosh: Engine) -> None:
    request = SearchRequest(node=parse("soviet").node, limit=3, page=2, snippets=False)
    mine, theirs = engine.search(request), whoosh.search(request)
    assert (mine.total, len(mine.hits)) == (theirs.total, len(theirs.hits))


def test_same_stats(engine: Engine, whoosh: Engine) -> None:
    mine, theirs = engine.stats(), whoosh.stats()
    assert (mine.documents, mine.date_min, mine.date_max) == (
        theirs.documents,
        theirs.date_min,
        theirs.date_max,
    )
    assert mine.facets == theirs.facets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("armistise negotiatons", "armistice negotiations"),
        ("title:armistise", "title:armistice"),  # a text field's words are respelt
        ("place:Pyongyangg armistise", "place:Pyongyangg armistice"),  # facet values are not
        ('sender:"Mao Zedongg" armistise', 'sender:"Mao Zedongg" armistice'),
        ("armistice", None),
        ("sender:mao", None),
    ],
)
def test_same_spelling_suggestions(engine: Engine, text: str, expected: str | None) -> None:
    assert engine.suggest(text) == expected
