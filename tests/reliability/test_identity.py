"""One record per document: unique, stable ids; copies of a document merged, on every rebuild."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pg_support
import pytest
from pg_support import needs_server
from reliability_support import RAW_HTML, invoke

import searcher.build
from searcher import Archive
from searcher.identity import archive_id, base_id, distinct_id
from searcher.record import Record

SEED_TEXT = RAW_HTML / "text" / "seed-page-mao-to-filippov-1951-11-14.txt"
SEED_HTML = RAW_HTML / "old" / "1951" / "900001.html"
GUIDE = RAW_HTML / "generic" / "reading-guide-sino-soviet-alliance.html"
BIBLIOGRAPHY = RAW_HTML / "generic" / "two-plus-four-bibliography.html"

pytestmark = pytest.mark.skipif(not SEED_HTML.is_file(), reason="no sample pages in raw_html/")


def copy(page: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page, dest)
    return dest


def records(index: Path | str) -> list[Record]:
    with Archive.open(index) as archive:
        return sorted(archive.iter_records(), key=lambda r: r.id)


def test_archive_ids_come_from_the_record_id_or_a_document_address():
    assert archive_id(Record(id="", title="", record_id=" 300653 ")) == "300653"
    old = Record(id="", title="", url="https://digitalarchive.wilsoncenter.org/document/900001")
    assert archive_id(old) == "900001"
    cited = Record(
        id="",
        title="",
        citation='"Telegram," History and Public Policy Program Digital Archive, '
        "https://digitalarchive.wilsoncenter.org/document/121172.",
    )
    assert archive_id(cited) == "121172"
    # a current-site download address holds a node id, not the record id
    node = Record(
        id="", title="", url="https://digitalarchive.wilsoncenter.org/document/1234/download"
    )
    assert archive_id(node) == ""
    slug = Record(id="", title="", url="https://digitalarchive.wilsoncenter.org/document/cable-mao")
    assert base_id(slug, "x.html") == "cable-mao"
    assert base_id(Record(id="", title=""), "a/index.html") == "a-index"
    assert distinct_id("guide", "b/guide.html") == distinct_id("guide", "b/guide.html")
    assert distinct_id("guide", "b/guide.html") != distinct_id("guide", "a/guide.html")


@pytest.mark.parametrize("ending", [".html", ".txt"])
def test_index_pages_in_two_folders_are_two_documents(tmp_path: Path, ending: str):
    source, index = tmp_path / "pages", tmp_path / "index"
    page = GUIDE if ending == ".html" else SEED_TEXT
    copy(page, source / "a" / f"index{ending}")
    other = (
        BIBLIOGRAPHY
        if ending == ".html"
        else RAW_HTML / "generic/notes/korean-armistice-chronology.htm"
    )
    copy(other, source / "b" / f"index{ending}")
    report = Archive.build(source, index, workers=1)
    assert report.indexed == 2 and not report.clashes
    found = records(index)
    assert [(r.id, r.path) for r in found] == [
        ("a-index", f"a/index{ending}"),
        ("b-index", f"b/index{ending}"),
    ]
    shown = invoke("show", "b-index", "--index", str(index))
    assert shown.returncode == 0 and f"b/index{ending}" in shown.stdout


def test_one_id_for_two_documents_is_made_distinct_and_said(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    link = '<link rel="canonical" href="https://example.org/{}/guide">\n</head>'
    for folder, page in (("reading", GUIDE), ("bibliography", BIBLIOGRAPHY)):
        text = page.read_bytes().replace(b"</head>", link.format(folder).encode(), 1)
        (source / folder).mkdir(parents=True)
        (source / folder / "guide.html").write_bytes(text)
    done = invoke("rebuild", "--source", str(source), "--index", str(index), "--format", "json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["clashes"] == [
        {"id": "guide", "paths": ["bibliography/guide.html", "reading/guide.html"]}
    ]
    assert "id guide fits 2 documents" in done.stderr
    ids = {r.path: r.id for r in records(index)}
    assert ids["bibliography/guide.html"] == "guide"  # first in path order keeps it
    assert ids["reading/guide.html"] == distinct_id("guide", "reading/guide.html")
    # stable: the next rebuild, with a third page claiming the id, changes neither
    text = GUIDE.read_bytes().replace(b"</head>", link.format("again").encode(), 1)
    (source / "again").mkdir()
    (source / "again" / "guide.html").write_bytes(text.replace(b"Reading Guide", b"Study Guide"))
    Archive.build(source, index, workers=1)
    again = {r.path: r.id for r in records(index)}
    assert {p: again[p] for p in ids} == ids
    assert again["again/guide.html"] == distinct_id("guide", "again/guide.html")
    assert len(set(again.values())) == 3


def seed_twice(source: Path) -> None:
    """The seed telegram as the scraper saved it twice: a text dump and the HTML page."""
    copy(SEED_TEXT, source / "text" / SEED_TEXT.name)
    copy(SEED_HTML, source / "old" / "1951" / "900001.html")
    copy(RAW_HTML / "old" / "900003.html", source / "old" / "900003.html")


def test_a_document_saved_twice_is_one_record_with_both_copies(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    seed_twice(source)
    done = invoke("rebuild", "--source", str(source), "--index", str(index), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["copies_merged"] == 1
    text_copy = f"text/{SEED_TEXT.name}"
    found = records(index)
    assert [r.id for r in found] == ["900001", "900003"]
    seed = found[0]
    assert seed.copies == ("old/1951/900001.html", text_copy)
    assert seed.path == "old/1951/900001.html" and seed.record_id == "900001"
    assert seed.title.startswith("Ciphered Telegram No. 25902")
    hits = json.loads(invoke("query", "Kaesong", "--index", str(index), "--format", "json").stdout)
    assert hits["total"] == 1
    assert hits["hits"][0]["copies"] == ["old/1951/900001.html", text_copy]
    # the same record id in a later scrape, its title since corrected: the same document
    mirror = source / "mirror" / "900003.html"
    copy(RAW_HTML / "old" / "900003.html", mirror)
    mirror.write_bytes(mirror.read_bytes().replace(b"telegram, Zhou", b"telegram No. 31, Zhou"))
    Archive.build(source, index, workers=1)
    assert [(r.id, r.copies) for r in records(index)][1] == (
        "900003",
        ("mirror/900003.html", "old/900003.html"),
    )
    mirror.unlink()
    Archive.build(source, index, workers=1)
    facets = json.loads(invoke("facets", "year", "--index", str(index), "--format", "json").stdout)
    assert {v["value"]: v["count"] for v in facets["values"]}["1951"] == 1
    shown = invoke("show", "900001", "--index", str(index))
    assert text_copy in shown.stdout and "old/1951/900001.html" in shown.stdout
    assert "partial:" not in shown.stdout, "a whole page is not said to be partial"
    with Archive.open(index) as archive:
        assert archive.stats().documents == 2
        assert archive.search("Kaesong").hits[0].copies == seed.copies


@pytest.mark.parametrize("engine", ["whoosh", pytest.param("postgres", marks=needs_server)])
def test_copies_are_merged_again_when_one_changes_goes_or_comes_back(
    tmp_path: Path, monkeypatch, engine: str
):
    source = tmp_path / "pages"
    index: Path | str = tmp_path / "index"
    if engine == "postgres":
        index = pg_support.fresh_database(pg_support.single(), "searcher_copies")
    seed_twice(source)
    Archive.build(source, index, workers=1)
    text_copy = source / "text" / SEED_TEXT.name
    text_copy.write_bytes(text_copy.read_bytes() + b"\n[Scanned copy, second reading.]\n")
    report = Archive.build(source, index, workers=1)
    assert (report.indexed, report.copies) == (1, 1)
    assert [r.id for r in records(index)] == ["900001", "900003"]

    html = source / "old" / "1951" / "900001.html"
    saved = html.read_bytes()
    html.unlink()
    report = Archive.build(source, index, workers=1)
    assert report.copies == 0
    alone = {r.id: r for r in records(index)}
    text_id = f"text-{SEED_TEXT.stem}"
    assert sorted(alone) == ["900003", text_id]
    assert alone[text_id].copies == (f"text/{SEED_TEXT.name}",)

    html.write_bytes(saved)
    report = Archive.build(source, index, workers=1)
    assert report.copies == 1
    assert [r.id for r in records(index)] == ["900001", "900003"]
    # a full rebuild with worker processes writing their own segments agrees
    monkeypatch.setattr(searcher.build, "PARALLEL_FROM", 1)
    report = Archive.build(source, index, full=True, workers=2)
    assert report.copies == 1
    assert [(r.id, r.copies) for r in records(index)] == [
        ("900001", ("old/1951/900001.html", f"text/{SEED_TEXT.name}")),
        ("900003", ("old/900003.html",)),
    ]


def test_a_stale_page_and_a_new_copy_of_its_document_are_one_record(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    seed_twice(source)
    Archive.build(source, index, workers=1)
    (source / "old" / "900003.html").write_text("<title>404 Not Found</title>", "utf-8")
    report = Archive.build(source, index, full=True, workers=1)
    assert [path for path, _ in report.stale] == ["old/900003.html"]
    copy(RAW_HTML / "old" / "900003.html", source / "mirror" / "900003.html")
    Archive.build(source, index, workers=1)
    found = records(index)
    assert [r.id for r in found] == ["900001", "900003"], "one record for 900003"
    assert found[1].copies == ("mirror/900003.html", "old/900003.html")
    assert found[1].stale == "" and found[1].title.startswith("Ciphered telegram, Zhou Enlai")


def test_a_path_id_that_another_path_gives_too_is_made_distinct(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    copy(GUIDE, source / "a" / "index.html")
    copy(BIBLIOGRAPHY, source / "a-index.html")
    report = Archive.build(source, index, workers=1)
    assert report.clashes == (("a-index", ("a-index.html", "a/index.html")),)
    ids = {r.path: r.id for r in records(index)}
    assert ids == {
        "a-index.html": "a-index",
        "a/index.html": distinct_id("a-index", "a/index.html"),
    }
