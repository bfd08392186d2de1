"""Results that are right, on every engine: export order, suggestions that find documents,
snippets from the field that matched, names as written, accents.

Whoosh always runs; the PostgreSQL engines run when the servers of ``.ci/postgres.sh`` are
announced (SEARCHER_TEST_PG, SEARCHER_TEST_PG_CLUSTER and SEARCHER_TEST_PG_SHARDS).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from searcher import Archive
from searcher.export import write_csv

RAW_HTML = Path(__file__).resolve().parent.parent / "raw_html"
SINGLE = os.environ.get("SEARCHER_TEST_PG")
CLUSTER = os.environ.get("SEARCHER_TEST_PG_CLUSTER")
SHARDS = os.environ.get("SEARCHER_TEST_PG_SHARDS", "").split()


def _database(url: str, name: str) -> str:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    info = conninfo_to_dict(url)
    info["dbname"] = name
    return make_conninfo(**info)


def _location(kind: str, tmp: Path) -> str:
    if kind == "whoosh":
        return str(tmp / "index")
    if kind == "postgres":
        if not SINGLE:
            pytest.skip("SEARCHER_TEST_PG not set (run the tests under .ci/postgres.sh)")
        return _database(SINGLE, "searcher_right")
    if not (CLUSTER and SHARDS):
        pytest.skip("SEARCHER_TEST_PG_CLUSTER/_SHARDS not set (run under .ci/postgres.sh)")
    from searcher.engine.postgres.cluster import init_cluster

    location = _database(CLUSTER, "searcher_right")
    init_cluster(location, [_database(url, "searcher_right") for url in SHARDS], shards=4)
    return location


@pytest.fixture(scope="module", params=["whoosh", "postgres", "postgres-cluster"])
def archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Archive]:
    location = _location(request.param, tmp_path_factory.mktemp("right"))
    assert Archive.build(RAW_HTML, location, full=True, workers=1).indexed > 10
    with Archive.open(location) as opened:
        yield opened


# -- exports keep the order the query shows --------------------------------------------


@pytest.mark.parametrize("sort", ["relevance", "date", "-date"])
def test_export_keeps_the_order_of_the_search(archive: Archive, sort: str) -> None:
    shown = [h.id for h in archive.search("armistice", sort=sort, limit=100).hits]
    assert len(shown) >= 5
    out = io.StringIO()
    write_csv(archive.iter_records("armistice", sort=sort), "id,date", out)
    exported = [row["id"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert exported == shown


def test_export_by_date_runs_from_the_earliest(archive: Archive) -> None:
    ours = list(archive.iter_records("armistice", sort="date"))
    days = [r.date_start for r in ours if r.date_start is not None]
    assert days == sorted(days) and len(days) >= 4
    assert ours[-1].date_start is None  # undated last, as a search shows it
    latest_first = [r.id for r in archive.iter_records("armistice", sort="-date")]
    assert latest_first[0] != ours[0].id


def test_export_ranks_by_the_query_not_the_filters(archive: Archive) -> None:
    where = ["place=Korea"]
    shown = [h.id for h in archive.search("prisoners", where=where, limit=100).hits]
    exported = [r.id for r in archive.iter_records("prisoners", where=where, sort="relevance")]
    assert exported == shown


# -- did-you-mean offers only queries that find documents -------------------------------


def test_a_suggestion_says_how_many_documents_it_finds(archive: Archive) -> None:
    results = archive.search("armistise")
    assert results.total == 0
    assert results.suggestion == "armistice"
    assert results.suggestion_total == archive.search("armistice").total > 0
    filtered = archive.search("sender:Mao armistise")
    assert filtered.suggestion == "sender:Mao armistice"
    assert filtered.suggestion_total == archive.search("sender:Mao armistice").total


def test_no_suggestion_that_finds_nothing(archive: Archive) -> None:
    wildcard = archive.search("Gromyk?")
    assert wildcard.total > 0
    assert wildcard.suggestion is None  # "gromyko?" finds nothing
    # "armistice xylophone" finds nothing either: better no suggestion than a dead end
    assert archive.search("armistise xylophone").suggestion is None
    assert archive.search("armistise xylophone").suggestion_total is None
