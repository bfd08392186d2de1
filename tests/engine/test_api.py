"""The Python API: Archive over a small index, and over the sample pages when present."""

from __future__ import annotations

import threading

import pytest
from test_engine import RECORDS, build_index

import searcher
from searcher import Archive
from searcher.errors import IndexMissingError, QueryError


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "index"
    build_index(path, RECORDS)
    with Archive.open(path) as archive:
        yield archive


def test_lazy_exports():
    assert searcher.Archive is Archive
    assert searcher.Results.__name__ == "Results"
    with pytest.raises(AttributeError):
        searcher.Nothing  # noqa: B018


def test_search_words_fields_and_phrases(archive):
    assert [h.id for h in archive.search('"friendship alliance"').hits] == ["2001"]
    results = archive.search("armistice sender:kim", exact=True)
    assert [h.id for h in results.hits] == ["4004"]
    assert results.explanation


def test_filters_dates_and_facets(archive):
    results = archive.search(
        "", where=["place=Korea"], date_from="1951", facets=["subject"], sort="date"
    )
    assert [h.id for h in results.hits] == ["119354"]
    assert {c.value for c in results.facets["subject"]} == {
        "Korean War, 1950-1953",
        "China--Foreign relations--Soviet Union",
    }
    assert archive.search(date_from="1949-08-20", date_to="1949-08-21").total == 1


def test_paging_and_sorting(archive):
    first = archive.search(sort="-date", limit=2)
    second = archive.search(sort="-date", limit=2, page=2)
    assert first.total == second.total == 4
    assert [h.id for h in first.hits + second.hits] == ["119354", "4004", "2001", "3003"]


def test_errors(archive, tmp_path):
    with pytest.raises(QueryError):
        archive.search("armistice", sort="size")
    with pytest.raises(QueryError):
        archive.search("armistice", facets=["colour"])
    with pytest.raises(QueryError):
        archive.facets("title")
    with pytest.raises(IndexMissingError):
        Archive.open(tmp_path / "none")


def test_get_facets_iter_similar_stats(archive):
    assert archive.get("4004").sender == ("Kim Il Sung",)
    assert [(c.value, c.count) for c in archive.facets("place", "armistice")] == [
        ("Korea", 2),
        ("China", 1),
    ]
    assert sorted(r.id for r in archive.iter_records(where=["place=China"])) == ["119354", "2001"]
    assert archive.similar("4004").hits[0].id == "119354"
    assert archive.stats().documents == 4


def test_suggestion_for_a_misspelt_query(archive):
    results = archive.search("armistise", exact=True)
    assert results.total == 0 and results.suggestion == "armistice"


def test_threads(archive):
    seen: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                seen.append(archive.search("armistice", facets=["place"]).total)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and set(seen) == {2}


def test_sample_pages(raw_html_index):
    with Archive.open(raw_html_index) as archive:
        stats = archive.stats()
        assert stats.documents > 0
        first = next(iter(archive.iter_records()))
        assert archive.get(first.id) == first
        word = next(w for w in first.title.split() if len(w) > 4 and w.isalpha())
        assert first.id in {h.id for h in archive.search(word, exact=True, limit=100).hits}
