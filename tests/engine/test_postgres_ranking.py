"""How the PostgreSQL engine indexes and ranks: RUM where the server has it (ranking and
phrases in the index), GIN and ``ts_rank`` without it (said once), and a full rebuild that
fills a new table and puts it in the old one's place.  The answers of both against the
embedded engine are compared in ``test_engines_parity``."""

from __future__ import annotations

from datetime import date

import pg_support
import psycopg
import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.postgres import engine as pg_engine
from searcher.engine.postgres import schema
from searcher.query import parse
from searcher.record import Record


@pytest.fixture
def url() -> str:
    return pg_support.fresh_database(pg_support.single(), "searcher_ranking_test")


def _records() -> list[Record]:
    """Pages that say "armistice" more or less often, and one that does not."""
    bodies = [
        "armistice " * 6 + "talks in Kaesong.",
        "The armistice was signed.",
        "armistice " * 3 + "and the prisoners of war.",
        "Grain deliveries fell.",
        "On the armistice line and the armistice commission.",
    ]
    return [
        Record(
            id=f"r{i}",
            path=f"r{i}.html",
            title=f"Telegram {i}",
            body=body,
            content_hash=str(i),
            date_start=date(1951 + i, 1, 1),
            subjects=("Korean War",) if i % 2 else ("Grain",),
        )
        for i, body in enumerate(bodies)
    ]


def _built(url: str) -> pg_engine.PostgresEngine:
    engine = open_engine(url, create=True)
    build = engine.begin_build(True)
    build.add(_records())
    build.commit({})
    assert isinstance(engine, pg_engine.PostgresEngine)
    return engine


def _tsv_index(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", (f"{schema.DOCS}_tsv",)
        ).fetchone()
    assert row is not None, "the documents table keeps its index names"
    return row[0]


def _search(engine: pg_engine.PostgresEngine, text: str, **kw: object) -> list[tuple[str, float]]:
    request = SearchRequest(node=parse(text, exact=True).node, snippets=False, **kw)  # type: ignore[arg-type]
    return [(h.id, h.score) for h in engine.search(request).hits]


@pg_support.needs_server
def test_without_rum_the_index_is_gin_and_says_so_once(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(schema.RUM_ENV, "off")
    monkeypatch.setattr(pg_engine, "_SAID", set())
    engine = _built(url)
    again = open_engine(url)
    err = capsys.readouterr().err
    assert err.count("without the rum extension") == 1, err
    assert "USING gin (tsv)" in _tsv_index(url)
    assert not engine.rum and not again.rum  # type: ignore[attr-defined]
    ranked = _search(engine, "armistice")
    assert {i for i, _ in ranked} == {"r0", "r1", "r2", "r4"}
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    engine.close()
    again.close()


@pg_support.needs_server
def test_with_rum_and_without_the_same_documents_totals_and_facets(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with psycopg.connect(url) as conn:
        if not schema.has_rum(conn):
            pytest.skip("the server has no rum extension (.ci/postgres.sh installs it)")
    rum = _built(url)
    assert rum.rum and "USING rum (tsv)" in _tsv_index(url)
    monkeypatch.setenv(schema.RUM_ENV, "off")
    gin = _built(pg_support.fresh_database(pg_support.single(), "searcher_ranking_gin"))
    for text in ("armistice", '"armistice commission"', '"armistice talks"~3', "grain OR war"):
        request = SearchRequest(node=parse(text, exact=True).node, facets=("subject", "year"))
        a, b = rum.search(request), gin.search(request)
        assert a.total == b.total and a.facets == b.facets, text
        assert {h.id for h in a.hits} == {h.id for h in b.hits}, text
    rum.close()
    gin.close()


@pg_support.needs_server
def test_pages_follow_one_ranking(url: str) -> None:
    engine = _built(url)
    whole = _search(engine, "armistice", limit=10)
    assert len(whole) == 4
    assert [s for _, s in whole] == sorted((s for _, s in whole), reverse=True)
    assert whole[0][0] == "r0" and whole[0][1] > whole[-1][1] > 0  # most often ranks first
    paged = [
        hit for page in (1, 2, 3, 4) for hit in _search(engine, "armistice", limit=1, page=page)
    ]
    assert paged == whole
    dated = _search(engine, "armistice", limit=2, page=2, sort="-date")
    assert [i for i, _ in dated] == ["r1", "r0"]
    engine.close()


@pg_support.needs_server
def test_a_full_rebuild_replaces_the_table_and_keeps_its_index_names(url: str) -> None:
    engine = _built(url)
    before = _tsv_index(url)
    build = engine.begin_build(True)
    build.add(_records()[:2])
    build.commit({})
    assert _tsv_index(url) == before
    assert engine.stats().documents == 2
    with psycopg.connect(url) as conn:
        names = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables")}
    assert f"{schema.DOCS}_next" not in names
    update = engine.begin_build(False)  # an incremental build writes to the new table
    update.add(_records()[4:])
    update.delete(["r0.html"])
    update.commit({})
    assert {i for i, _ in _search(engine, "armistice")} == {"r1", "r4"}
    engine.close()


@pg_support.needs_server
def test_a_build_into_an_empty_index_is_a_full_one(url: str) -> None:
    engine = open_engine(url, create=True)
    first = engine.begin_build(False)
    assert first.full  # its indexes are built at once, not row by row
    first.add(_records())
    first.commit({})
    later = engine.begin_build(False)
    assert not later.full
    later.abort()
    engine.close()
