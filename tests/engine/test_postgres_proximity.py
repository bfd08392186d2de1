"""Proximity on PostgreSQL: a query of many words and a wide reach is compiled in size
linear in the words, takes little memory, and gives exactly the embedded index's answers;
what the server refuses is told as what it is.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pg_support
import psycopg
import pytest

from searcher import Archive
from searcher.engine.postgres.compile import compile_query
from searcher.engine.postgres.connect import translated
from searcher.errors import IndexDamagedError, IndexMissingError, QueryError
from searcher.query import parse

RAW_HTML = Path(__file__).resolve().parents[2] / "raw_html"
#: The client's address space for one query: the old compilation of the first two took
#: 3.4 and 1.5 GB, of the third (8 words, reach 25) it would take far more.
CLIENT_MEMORY = 2 << 30
WIDE = (
    '"armistice negotiations prisoners war exchange line"~24',
    '"the armistice negotiations on the prisoners of war and the demarcation line"~3',
    '"resumption negotiations cessation military operations korea losses front"~24',
)
NARROW = (
    # none: the reach is too short, the order wrong
    '"resumption negotiations cessation military operations korea losses front"~3',
    '"negotiations armistice"~5',
    # some
    '"armistice negotiations"~5',
    '"demarcation line"~2',
    'title:"telegram mao"~3',
    'sender:"mao zedong"~2',
    '"the of"~1',
    '"soviet government"~1 -korea',
    '"prisoners war"~1 OR "cease fire"~2',
)


class NoWords:
    def matching(self, pattern: str, limit: int) -> list[str]:
        return []

    def near(self, word: str, distance: int, field: str | None = None) -> list[str]:
        return []

    def has_value(self, field: str, value: str) -> bool:
        return False


def answers(archive: Archive, query: str) -> tuple[int, list[str]]:
    found = archive.search(query, limit=1000, snippets=False)
    return found.total, sorted(hit.id for hit in found.hits)


@pytest.fixture(scope="module", params=["single", "cluster"])
def server_index(request: pytest.FixtureRequest) -> Iterator[str]:
    """The sample pages in a PostgreSQL index on one server, or over shards."""
    location = pg_support.index_location(request.param, Path(), "searcher_proximity", shards=3)
    Archive.build(RAW_HTML, location, full=True, workers=1)
    yield location


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    location = tmp_path_factory.mktemp("proximity") / "index"
    Archive.build(RAW_HTML, location, full=True, workers=1)
    with Archive.open(location) as archive:
        yield archive


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CLIENT_MEMORY, CLIENT_MEMORY))


def test_the_compiled_query_grows_with_the_words_not_as_a_power_of_the_reach() -> None:
    words = ["armistice", "negotiations", "prisoners", "war", "exchange"]

    def size(n: int, slop: int) -> int:
        query = parse(f'"{" ".join(words[:n])}"~{slop}').node
        return len(repr(compile_query(query, NoWords())))

    assert size(5, 8) < 5 * size(2, 8) and size(5, 24) < 5 * size(2, 24)
    assert size(5, 24) < 4 * size(5, 8)


@pytest.mark.parametrize("query", WIDE)
def test_wide_proximity_in_little_memory_with_the_embedded_answers(
    server_index: str, embedded: Archive, query: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "searcher", "query", query, "--index", server_index]
        + ["--format", "json", "--limit", "1000"],
        capture_output=True,
        text=True,
        preexec_fn=_capped,
        timeout=300,
    )
    total, ids = answers(embedded, query)
    assert done.returncode == (0 if total else 1), done.stderr
    found = json.loads(done.stdout)
    assert (found["total"], sorted(hit["id"] for hit in found["hits"])) == (total, ids)


def test_proximity_gives_the_embedded_answers(server_index: str, embedded: Archive) -> None:
    with Archive.open(server_index) as archive:
        for query in NARROW:  # the wide ones in a process of capped memory, above
            assert answers(archive, query) == answers(embedded, query), query
    assert answers(embedded, WIDE[2])[0]
    assert [bool(answers(embedded, query)[0]) for query in NARROW] == [False] * 2 + [True] * 7


@pg_support.needs_server
def test_a_query_the_server_cannot_take_is_a_query_error() -> None:
    location = pg_support.fresh_database(pg_support.single(), "searcher_proximity_refused")
    Archive.build(RAW_HTML, location, full=True, workers=1)
    done = subprocess.run(
        [sys.executable, "-m", "searcher", "query", "armistice " + "x" * 3000]
        + ["--index", location],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("search: the server cannot take this query: word is too long")
    assert done.stderr.count("\n") == 1 and len(done.stderr) < 400
    assert "reach" not in done.stderr and "credentials" not in done.stderr


@pytest.mark.parametrize(
    ("error", "kind", "said"),
    [
        (psycopg.errors.ProgramLimitExceeded("value is too big in tsquery"), QueryError, "take"),
        (psycopg.errors.QueryCanceled("canceling statement due to timeout"), QueryError, "take"),
        (psycopg.errors.ObjectNotInPrerequisiteState("password"), IndexDamagedError, "refused"),
        (psycopg.errors.AdminShutdown("terminating connection"), IndexMissingError, "reach"),
        (psycopg.OperationalError("server closed the connection"), IndexMissingError, "reach"),
    ],
)
def test_server_errors_are_labelled_as_what_they_are(
    error: psycopg.Error, kind: type[Exception], said: str
) -> None:
    url = "postgresql://searcher:pw@127.0.0.1:5432/archive"
    with pytest.raises(kind) as info, translated(url):
        raise error
    message = str(info.value)
    assert said in message and "\n" not in message
    if said != "reach":
        assert "reach" not in message and "credentials" not in message


def test_proximity_stays_inside_one_field_as_in_the_embedded_index(tmp_path: Path) -> None:
    from searcher.engine import SearchRequest, open_engine
    from searcher.record import Record

    records = [  # the words are near only across the end of the title and the summary
        Record(id="a", path="a.html", title="Talks on peace", summary="Treaty signed", body="x"),
        Record(id="b", path="b.html", title="Peace talks", summary="A treaty", body="y"),
    ]
    found = {}
    for location in (
        str(tmp_path / "index"),
        pg_support.fresh_database(pg_support.single(), "searcher_proximity_fields"),
    ):
        engine = open_engine(location, create=True)
        build = engine.begin_build(True)
        build.add(records)
        build.commit({})
        for query in ('"peace treaty"~3', '"peace treaty signed"~3', '"talks treaty"~3'):
            hits = engine.search(SearchRequest(node=parse(query, exact=True).node)).hits
            found.setdefault(query, []).append(sorted(hit.id for hit in hits))
        engine.close()
    assert found == {
        '"peace treaty"~3': [[], []],
        '"peace treaty signed"~3': [[], []],
        '"talks treaty"~3': [[], []],
    }
