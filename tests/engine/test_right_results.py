"""Results that are right, on every engine: export order, suggestions that find documents,
snippets from the field that matched, names as written, accents.

Whoosh always runs; the PostgreSQL engines run when the servers of ``.ci/postgres.sh`` are
announced (SEARCHER_TEST_PG, SEARCHER_TEST_PG_CLUSTER and SEARCHER_TEST_PG_SHARDS).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pg_support
import pytest

from searcher import Archive
from searcher.export import write_csv

RAW_HTML = Path(__file__).resolve().parents[2] / "raw_html"


@pytest.fixture(scope="module", params=pg_support.ENGINES)
def archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Archive]:
    folder = tmp_path_factory.mktemp("right")
    location = pg_support.index_location(request.param, folder, "searcher_right")
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


# -- the snippet comes from the field that matched ---------------------------------------


def _marked(snippet: object) -> list[str]:
    text, marks = snippet.text, snippet.marks  # type: ignore[attr-defined]
    return [text[s:e].lower() for s, e in marks]


def test_a_proximity_snippet_comes_from_the_field_where_the_words_are_near(
    archive: Archive,
) -> None:
    hits = archive.search('"armistice negotiations"~5').hits
    record = archive.get("900001")
    assert record is not None and hits
    hit = next(h for h in hits if h.id == "900001")
    # the body says "negotiations" often, "armistice" only far from it; the summary has both
    assert hit.snippet is not None and hit.snippet.text.startswith("Mao writes to Stalin")
    assert {"armistice", "negotiations"} <= set(_marked(hit.snippet))


def test_a_snippet_marks_every_query_word_of_its_passage(archive: Archive) -> None:
    hit = archive.search("demarcation parallel", limit=1).hits[0]
    assert hit.snippet is not None
    assert {"demarcation", "parallel"} <= set(_marked(hit.snippet))


# -- names as written, and never widened to a bare surname -------------------------------


def _ids(archive: Archive, query: str, **options: object) -> set[str]:
    return {h.id for h in archive.search(query, limit=200, snippets=False, **options).hits}


def test_exact_sender_finds_what_was_signed_with_the_pseudonym(archive: Archive) -> None:
    signed = _ids(archive, "sender:Filippov", exact=True)
    stalin = _ids(archive, "sender:Stalin", exact=True)
    assert signed and signed < stalin  # the telegrams signed "Filippov", not all of Stalin's
    for doc in signed:
        record = archive.get(doc)
        assert record is not None and "Filippov" in record.title.split(" to ")[0]
    assert "900004" in stalin - signed  # "Stalin to Zhou Enlai via Roshchin"
    # without --exact the pseudonym still stands for the person
    assert _ids(archive, "sender:Filippov") == stalin
    assert _ids(archive, "recipient:Filippov", exact=True) < _ids(archive, "recipient:Stalin")


def test_a_full_name_finds_that_person_not_every_namesake(archive: Archive) -> None:
    results = archive.search('"Mao Tse-tung"', limit=200)
    assert "Mao" not in results.expanded["Mao Tse-tung"]
    assert _ids(archive, '"Mao Tse-tung"') == _ids(archive, '"Mao Zedong"')


# -- accents -------------------------------------------------------------------------------


def test_words_match_with_and_without_accents(archive: Archive) -> None:
    # the Bonn telegram writes "Schäuble"; name expansion is off, folding alone finds it
    assert "900044" in _ids(archive, "Teltschik Schauble", exact=True)
    assert "900044" in _ids(archive, '"Teltschik Schauble"', exact=True)
    # "Satō" in the reading guide, "Sato" in the Japanese documents: each finds both
    assert _ids(archive, "Sato") == _ids(archive, "Satō")
    assert len(_ids(archive, "Satō")) >= 3
    assert _ids(archive, "regime") == _ids(archive, "régime")


def test_exact_matches_an_accented_word_as_written(archive: Archive) -> None:
    written = _ids(archive, "Satō", exact=True)
    assert len(written) == 1 and written < _ids(archive, "Sato", exact=True)
    assert _ids(archive, "régime", exact=True) < _ids(archive, "regime", exact=True)
    assert _ids(archive, '"Teltschik, Schäuble"', exact=True) == {"900044"}


def test_the_written_form_is_shown_and_marked(archive: Archive) -> None:
    hit = next(h for h in archive.search("Teltschik Schauble", exact=True).hits if h.id == "900044")
    assert hit.snippet is not None
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["Teltschik, Schäuble"] or {
        hit.snippet.text[s:e] for s, e in hit.snippet.marks
    } == {"Teltschik", "Schäuble"}
