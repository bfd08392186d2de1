"""The benchmark's page generator: deterministic, real-shaped, every date form, 5% legacy."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html

from benchmarks import generate
from benchmarks.queries import draw
from benchmarks.systems import searcher_text
from benchmarks.vocabulary import NAME_VARIANTS, load_vocabulary
from searcher.query import parse

PEOPLE_FIXTURE = [
    {
        "title": "Letter, Jawaharlal Nehru to All Provincial Premiers",
        "text_body": (
            "My dear premier, the situation in Eastern and South Eastern Asia is in a state of "
            "flux. The Communist armies are sitting now on the banks of the Yangtze. "
        )
        * 20,
        "associated_people_orgs": ["Bitterlich, Joachim", "Satō, Eisaku"],
        "associated_places": ["Burma"],
        "subjects_discussed": ["India--Foreign relations--Burma"],
        "original_archive_title": ["Nehru Memorial Museum and Library (NMML)"],
        "source": "Nehru Memorial Museum and Library, File No. JNSG, vol. 21-1.",
    }
]
DATE_PATTERNS = {
    "day": re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
    "month": re.compile(r"[A-Z][a-z]+ \d{4}"),
    "year": re.compile(r"\d{4}"),
}
TITLE_SHAPE = re.compile(r"( to | between |Telegram from )")


@pytest.fixture(scope="module")
def vocab(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "wilson-2025-scrape-sample.json").write_text(json.dumps(PEOPLE_FIXTURE))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BENCH_CORPUS", str(corpus))
        mp.setattr(generate, "_VOCAB", None)
        yield load_vocabulary()


@pytest.fixture(scope="module")
def docs(vocab):
    return [generate.make_document(i, vocab) for i in range(400)]


def test_same_page_every_time(vocab):
    for i in (0, 7, 10, 123):
        first = generate.page_bytes(generate.make_document(i, vocab))
        again = generate.page_bytes(generate.make_document(i, vocab))
        assert first == again
    assert generate.make_document(3, vocab) != generate.make_document(4, vocab)


def test_edited_page_differs_but_keeps_its_file(vocab):
    name, data = generate.edited_page(5, 1, vocab=vocab)
    original = generate.make_document(5, vocab)
    assert name == generate.file_name(5, original)
    assert data != generate.page_bytes(original)


def test_vocabulary_comes_from_the_corpus(vocab, docs):
    assert "Bitterlich, Joachim" in dict(vocab.people)
    assert "Burma" in vocab.places
    assert ("communist", "armies") in vocab.bigrams
    pills = {p for d in docs for p in d["associated_people_orgs"]}
    assert "Bitterlich, Joachim" in pills
    assert all(", " in p for p in pills)


def test_shapes(docs):
    lengths = [len(d["text_body"].split()) for d in docs]
    assert min(lengths) >= generate.MIN_WORDS
    assert max(lengths) <= generate.MAX_WORDS + 50
    assert max(lengths) > 3 * min(lengths)  # a real spread, not one size
    for d in docs:
        assert 1 <= len(d["subjects_discussed"]) <= 6
        assert d["associated_places"]
        assert TITLE_SHAPE.search(d["title"]), d["title"]
    assert any(" via " in d["title"] or "[via " in d["title"] for d in docs)
    assert any("Filippov" in d["title"] for d in docs)


def test_every_date_form(docs):
    seen = {d["date_precision"] for d in docs}
    assert seen == {"day", "month", "year", "undated"}
    for d in docs:
        shown = d["original_publication_date"]
        if d["date_precision"] == "undated":
            assert shown is None
        else:
            assert DATE_PATTERNS[d["date_precision"]].fullmatch(shown), shown


def test_one_page_in_twenty_is_not_utf8(vocab, docs):
    legacy = [(i, d) for i, d in enumerate(docs) if d["encoding"] != "utf-8"]
    assert len(legacy) == len(docs) // 20
    assert {d["encoding"] for _, d in legacy} == {"windows-1251", "windows-1252", "latin-1"}
    assert {d["charset"] for _, d in legacy} >= {None, "windows-1251"}
    for _, d in legacy:
        data = generate.page_bytes(d)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode(d["encoding"])
        assert html.fromstring(text).findtext(".//h1/span") == d["title"]
        declared = f'<meta charset="{d["charset"]}">' in text
        assert declared == (d["charset"] is not None)


def test_pages_render_in_the_current_layout(docs):
    d = docs[1]
    tree = html.fromstring(generate.page_bytes(d))
    assert tree.findtext(".//h1/span") == d["title"]
    subjects = tree.xpath('//a[contains(@class, "pill-subject")]//span/span/text()')
    assert subjects == d["subjects_discussed"]


def test_cached_pages_are_written_once(vocab, tmp_path, monkeypatch):
    monkeypatch.setattr(generate, "_VOCAB", vocab)
    folder = generate.ensure_pages(30, workers=1, cache=tmp_path)
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == 30
    stamp = (folder / ".stamp").stat().st_mtime_ns
    assert generate.ensure_pages(30, workers=1, cache=tmp_path) == folder
    assert (folder / ".stamp").stat().st_mtime_ns == stamp


def test_working_copy_keeps_its_links_and_restores_edited_pages(tmp_path):
    from benchmarks.__main__ import _working_copy

    cache = tmp_path / "cache"
    cache.mkdir()
    for i in range(3):
        (cache / f"{i}.html").write_text(f"page {i}")
    work = _working_copy(cache, tmp_path / "work")
    kept = (work / "0.html").stat()
    (work / "1.html").unlink()
    (work / "1.html").write_text("edited")  # as the 1% edit does
    (work / "stray.html").write_text("left from a larger run")
    _working_copy(cache, work)
    assert sorted(p.name for p in work.iterdir()) == ["0.html", "1.html", "2.html"]
    assert (work / "1.html").read_text() == "page 1"
    again = (work / "0.html").stat()
    assert (again.st_ino, again.st_ctime_ns) == (kept.st_ino, kept.st_ctime_ns)
    assert (cache / "1.html").read_text() == "page 1"


def test_name_queries_give_every_system_the_spellings_the_searcher_searches(vocab):
    queries = draw(vocab, "name", 50)
    assert {q.terms[0] for q in queries} == set(NAME_VARIANTS)
    for q in queries:
        assert q.terms[1:] == parse(searcher_text(q)).expanded[q.terms[0]]
        # each spelling the generated pages use is found by one of the forms searched
        for variant in NAME_VARIANTS[q.terms[0]]:
            assert any(f" {form} ".lower() in f" {variant} ".lower() for form in q.terms)
