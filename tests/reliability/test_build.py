"""Rebuilds: incremental work, failures, interruption, kill safety, the lock."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import searcher.ingest
from searcher.build import find_pages, rebuild
from searcher.engine import SearchRequest, open_engine
from searcher.engine.store import acquire_lock
from searcher.errors import IndexBusyError, IngestError
from searcher.query import ast
from searcher.record import Record

ROOT = Path(__file__).resolve().parents[2]


def simple_parse(path, *, max_bytes=0):
    """A stand-in page reader: first line is the title, the rest the body."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise IngestError("empty page", str(path))
    title, _, body = data.decode().partition("\n")
    return Record(
        id=Path(path).stem,
        title=title,
        body=body,
        path=str(path),
        content_hash=searcher.ingest.content_hash(data),
    )


@pytest.fixture
def pages(tmp_path, monkeypatch):
    monkeypatch.setattr(searcher.ingest, "parse_file", simple_parse)
    source = tmp_path / "pages"
    (source / "sub").mkdir(parents=True)
    (source / "a.html").write_text("Telegram on the armistice\nThe armistice talks.")
    (source / "b.txt").write_text("Memorandum\nA friendship alliance.")
    (source / "sub" / "c.htm").write_text("Letter\nNegotiations continued.")
    (source / "notes.pdf").write_text("not a page")
    return source


def titles(index: Path, word: str) -> list[str]:
    with open_engine(index) as engine:
        hits = engine.search(SearchRequest(node=ast.Term(None, word), limit=50)).hits
        return sorted(h.title for h in hits)


def test_first_build_indexes_pages_with_relative_paths(pages, tmp_path):
    index = tmp_path / "index"
    report = rebuild(pages, index, workers=1)
    assert (report.indexed, report.unchanged, report.deleted, report.seen) == (3, 0, 0, 3)
    with open_engine(index) as engine:
        # a page known by its path alone is named by it, folders included
        assert engine.get("sub-c").path == "sub/c.htm"
        assert engine.get("c") is None
        assert engine.stats().report["indexed"] == 3


def test_incremental_rebuild(pages, tmp_path):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    (pages / "b.txt").write_text("Memorandum revised\nA treaty instead.")
    (pages / "sub" / "c.htm").unlink()
    (pages / "d.html").write_text("Cable\nThe armistice again.")
    report = rebuild(pages, index, workers=1)
    assert (report.indexed, report.unchanged, report.deleted) == (2, 1, 1)
    assert titles(index, "armistice") == ["Cable", "Telegram on the armistice"]
    assert titles(index, "treaty") == ["Memorandum revised"]
    assert titles(index, "friendship") == []
    assert titles(index, "negotiations") == []
    with open_engine(index) as engine:
        assert engine.stats().documents == 3
    again = rebuild(pages, index, workers=1)
    assert (again.indexed, again.unchanged, again.deleted) == (0, 3, 0)
    full = rebuild(pages, index, workers=1, full=True)
    assert (full.indexed, full.unchanged, full.full) == (3, 0, True)


def test_a_failing_page_does_not_stop_the_others(pages, tmp_path):
    (pages / "empty.html").write_text("   ")
    index = tmp_path / "index"
    report = rebuild(pages, index, workers=1)
    assert report.indexed == 3
    assert report.failed == (("empty.html", "empty page"),)
    with open_engine(index) as engine:
        assert engine.stats().failed == (("empty.html", "empty page"),)


def test_symlinks_outside_the_source_are_not_followed(pages, tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text("Outside\nsecret")
    (pages / "link.html").symlink_to(outside)
    found = {rel for _, rel in find_pages(pages)}
    assert "link.html" not in found and "a.html" in found
    assert "link.html" in {rel for _, rel in find_pages(pages, follow_links=True)}


def _walked(source: Path, follow_links: bool) -> list[tuple[str, str]]:
    """Page files as ``os.walk`` and pathlib list them: a folder's pages by name, then its
    folders' by name."""
    out = []
    visited = set()
    for folder, dirs, files in os.walk(source, followlinks=follow_links):
        if follow_links:
            if Path(folder).resolve() in visited:
                dirs.clear()
                continue
            visited.add(Path(folder).resolve())
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if not searcher.ingest.is_page(path):
                continue
            outside = not path.resolve().is_relative_to(source.resolve())
            if path.is_symlink() and outside and not follow_links:
                continue
            out.append((str(path), path.relative_to(source).as_posix()))
    return out


@pytest.mark.parametrize("follow_links", [False, True], ids=["links kept in", "links followed"])
def test_pages_are_found_in_walk_order_with_their_relative_paths(tmp_path, follow_links):
    source = tmp_path / "scrape"
    for rel in (
        "b.html",
        "a.htm",
        "notes.md",
        "z/1.txt",
        "m/2.HTML",
        "m/deep/3.html.gz",
        "m/deep/skip.json",
        ".hidden/4.html",
    ):
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_text("Title\nbody")
    outside = tmp_path / "elsewhere"
    (outside / "far").mkdir(parents=True)
    (outside / "far" / "5.html").write_text("Far\naway")
    (outside / "6.html").write_text("Six\npage")
    (source / "m" / "linked.html").symlink_to(source / "b.html")  # inside: always listed
    (source / "m" / "out.html").symlink_to(outside / "6.html")
    (source / "far").symlink_to(outside / "far")
    (source / "m" / "deep" / "loop").symlink_to(source / "m")  # a cycle, walked once
    found = list(find_pages(source, follow_links=follow_links))
    assert found == _walked(source, follow_links)
    rels = [rel for _, rel in found]
    assert rels[:2] == ["a.htm", "b.html"] and "m/deep/3.html.gz" in rels
    assert ("far/5.html" in rels) is follow_links and ("m/out.html" in rels) is follow_links
    assert "m/linked.html" in rels and "notes.md" not in rels


def test_interrupted_build_leaves_the_previous_index(pages, tmp_path, monkeypatch):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    (pages / "e.html").write_text("Report\nThe armistice report.")
    from searcher.engine.whoosh.build import WhooshBuild

    def interrupted(self, docs):
        raise KeyboardInterrupt

    monkeypatch.setattr(WhooshBuild, "add_prepared", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rebuild(pages, index, workers=1, full=True)
    assert titles(index, "armistice") == ["Telegram on the armistice"]
    assert sorted(p.name for p in index.iterdir() if p.name.startswith("gen-")) == ["gen-000001"]


@pytest.mark.parametrize("at_page", [1, 4])
def test_ctrl_c_swallowed_by_a_finaliser_still_stops_the_build(pages, tmp_path, at_page):
    """Python drops a KeyboardInterrupt raised inside a finaliser; the build must not."""
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    (pages / "e.html").write_text("Report\nThe armistice report.")

    def progress(done: int, total: int) -> None:
        if done == at_page:  # the last page too: the check before publishing catches it
            with contextlib.suppress(KeyboardInterrupt):  # as the interpreter does in a __del__
                signal.raise_signal(signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        rebuild(pages, index, workers=1, full=True, progress=progress)
    assert titles(index, "armistice") == ["Telegram on the armistice"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_reader_picks_up_a_new_generation(pages, tmp_path):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    with open_engine(index) as engine:
        before = engine.search(SearchRequest(node=ast.Term(None, "armistice"))).total
        (pages / "f.html").write_text("Note\nOn the armistice.")
        rebuild(pages, index, workers=1)
        after = engine.search(SearchRequest(node=ast.Term(None, "armistice"))).total
    assert (before, after) == (1, 2)


def test_second_rebuild_is_refused_while_one_holds_the_lock(pages, tmp_path):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    held = acquire_lock(index, wait=False)
    try:
        with pytest.raises(IndexBusyError):
            rebuild(pages, index, workers=1)
    finally:
        held.close()
    assert rebuild(pages, index, workers=1).unchanged == 3


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from searcher.engine import open_engine
    from searcher.record import Record
    engine = open_engine(sys.argv[1])
    build = engine.begin_build(False)
    build.add(Record(id=f"k{i}", title="killed", body="armistice " * 50) for i in range(300))
    build._w().commit()  # segment files written, the new generation not yet published
    print("ready", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.slow
def test_killed_build_leaves_the_previous_index_and_is_cleaned_up(pages, tmp_path):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(index)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert titles(index, "armistice") == ["Telegram on the armistice"]
    report = rebuild(pages, index, workers=1)
    assert report.cleaned == ("gen-000002",)
    assert report.unchanged == 3
    assert titles(index, "armistice") == ["Telegram on the armistice"]


def test_workers_writing_their_own_segments_index_what_one_process_does(
    pages, tmp_path, monkeypatch
):
    import searcher.build

    for i in range(40):
        topic = ("armistice", "treaty", "alliance")[i % 3]
        (pages / f"n{i:02d}.html").write_text(f"Note {i}\nOn the {topic} question, part {i}.")
    (pages / "empty.html").write_text(" ")
    monkeypatch.setattr(searcher.build, "PARALLEL_FROM", 4)
    seen: list[tuple[int, int]] = []
    single = rebuild(pages, tmp_path / "single", workers=1)
    sharded = rebuild(
        pages, tmp_path / "sharded", workers=2, progress=lambda d, t: seen.append((d, t))
    )
    assert (
        (sharded.indexed, sharded.failed)
        == (single.indexed, single.failed)
        == (
            43,
            (("empty.html", "empty page"),),
        )
    )
    assert seen and seen[-1] == (44, 44)
    for word in ("armistice", "treaty", "friendship", "negotiations"):
        assert titles(tmp_path / "sharded", word) == titles(tmp_path / "single", word)
    with open_engine(tmp_path / "sharded") as engine:
        assert engine.stats().documents == 43
    from whoosh.filedb.filestore import FileStorage

    from searcher.engine.store import current

    live = FileStorage(str(current(tmp_path / "sharded"))).open_index()
    assert len(live._segments()) == 2  # one per worker, listed without a merge
    # an incremental rebuild on top of the workers' segments replaces by path
    (pages / "n00.html").write_text("Note zero\nNothing about it now.")
    again = rebuild(pages, tmp_path / "sharded", workers=2)
    assert (again.indexed, again.unchanged) == (1, 42)
    assert "Note 0" not in titles(tmp_path / "sharded", "armistice")
    assert titles(tmp_path / "sharded", "nothing") == ["Note zero"]


@pytest.mark.parametrize("count", [2, 3])
def test_workers_get_even_shares_that_break_up_recurring_patterns(count):
    from searcher.build_workers import shares as _shares

    # a costly page every 20th file (a legacy encoding, say): every n-th page to each
    # worker would give one worker all of them
    todo = [(f"/p/{i:05d}.html", f"{i:05d}{'-1251' * (i % 20 == 10)}.html") for i in range(6000)]
    place = {item: i for i, item in enumerate(todo)}
    shares = _shares(todo, count)
    assert sorted(item for share in shares for item in share) == todo
    assert {len(share) for share in shares} == {6000 // count}
    for share in shares:
        assert share == sorted(share, key=place.__getitem__)
        costly = sum("1251" in rel for _, rel in share)
        assert abs(costly - 300 / count) < 0.2 * 300 / count
    assert _shares(todo, count) == shares  # the same every build
    assert sorted(map(len, _shares(todo[:7], count))) == ([3, 4] if count == 2 else [2, 2, 3])


def test_incremental_rebuild_adds_new_words_to_the_lexicon(pages, tmp_path):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    (pages / "d.html").write_text("Cable\nThe plenipotentiary arrived.")
    rebuild(pages, index, workers=1)
    with open_engine(index) as engine:
        found = engine.search(SearchRequest(node=ast.Wildcard(None, "plenipot*"))).total
        fuzzy = engine.search(SearchRequest(node=ast.Fuzzy(None, "plenipotentiari", 1))).total
        kept = engine.search(SearchRequest(node=ast.Wildcard(None, "armist*"))).total
        assert (found, fuzzy, kept) == (1, 1, 1)
        assert engine.suggest("plenipotentary") == "plenipotentiary"


def test_an_unchanged_failed_page_is_reported_again_without_parsing(pages, tmp_path, monkeypatch):
    (pages / "empty.html").write_text("   ")
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)
    parsed: list[str] = []

    def counting_parse(path, *, max_bytes=0):
        parsed.append(Path(path).name)
        return simple_parse(path, max_bytes=max_bytes)

    monkeypatch.setattr(searcher.ingest, "parse_file", counting_parse)
    again = rebuild(pages, index, workers=1)
    assert again.failed == (("empty.html", "empty page"),)
    assert parsed == []
    (pages / "empty.html").write_text("Now a title\nand a body")
    fixed = rebuild(pages, index, workers=1)
    assert (fixed.failed, fixed.indexed, parsed) == ((), 1, ["empty.html"])


def _hashed_files(monkeypatch) -> list[str]:
    import searcher.build
    import searcher.build_workers

    read: list[str] = []
    real = searcher.build_workers.hash_file

    def counting(path, max_bytes):
        read.append(Path(path).name)
        return real(path, max_bytes)

    for module in (searcher.build, searcher.build_workers):
        monkeypatch.setattr(module, "hash_file", counting)
    return read


def test_settled_unchanged_files_are_not_read_again(pages, tmp_path, monkeypatch):
    import searcher.build

    index = tmp_path / "index"
    monkeypatch.setattr(searcher.build, "SETTLED_NS", 0)  # every file counts as settled
    rebuild(pages, index, workers=1)
    read = _hashed_files(monkeypatch)
    again = rebuild(pages, index, workers=1)
    assert (again.unchanged, read) == (3, [])
    # same size and modification time, other words: the change time gives it away
    page = pages / "b.txt"
    before = page.stat()
    page.write_text("Memorandum\nA treaty for alliance.")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    changed = rebuild(pages, index, workers=1)
    assert (changed.indexed, changed.unchanged, read) == (1, 2, ["b.txt"])
    assert titles(index, "treaty") == ["Memorandum"]


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "sharded"])
def test_a_first_build_hashes_pages_as_it_parses_them_and_the_next_reads_none(
    pages, tmp_path, monkeypatch, workers
):
    import searcher.build

    for i in range(6):
        (pages / f"n{i}.html").write_text(f"Note {i}\nOn the treaty, part {i}.")
    (pages / "empty.html").write_text(" ")
    monkeypatch.setattr(searcher.build, "PARALLEL_FROM", 4)
    monkeypatch.setattr(searcher.build, "SETTLED_NS", 0)  # every file counts as settled
    index = tmp_path / "index"
    read = _hashed_files(monkeypatch)
    first = rebuild(pages, index, workers=workers)
    assert (first.indexed, first.failed) == (9, (("empty.html", "empty page"),))
    if workers == 1:  # (worker processes count in their own copy of the list)
        assert read == ["empty.html"]  # a parsed page is hashed from the bytes parsed
    read.clear()
    again = rebuild(pages, index, workers=workers)
    assert (again.unchanged, again.indexed, again.failed) == (9, 0, first.failed)
    assert read == []


def test_files_written_just_before_a_build_are_read_again(pages, tmp_path, monkeypatch):
    index = tmp_path / "index"
    rebuild(pages, index, workers=1)  # the pages were written moments ago
    read = _hashed_files(monkeypatch)
    again = rebuild(pages, index, workers=1)
    assert again.unchanged == 3
    assert sorted(read) == ["a.html", "b.txt", "c.htm"]
