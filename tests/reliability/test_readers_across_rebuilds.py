"""A reader keeps the generation it started on until it is done, across rebuilds: an
export in another process, and an iterator of an Archive that has moved on to a newer
generation.  A retired generation is removed once nobody reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_support import generations, live, reap, start

from searcher import Archive

#: More documents than one batch of stored records read at a time (256), with enough text
#: that an export's output overfills a pipe: the exporting process is still reading its
#: generation, blocked on the pipe, when the test rebuilds.  The last ``ADDED`` come in a
#: second rebuild, as a segment of their own, whose files a reader opens when it gets there.
PAGES = 300
ADDED = 40
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1 class="title">{title}</h1>
<div class="date">March 3, 1953</div>
<p>{word} {filler}</p>
</body></html>
"""
FILLER = " ".join(
    ["The delegations met again on the question of the demarcation line and the exchange"]
    + ["of prisoners of war; the armistice negotiations went on through the night."] * 6
)


def write_pages(folder: Path, word: str, numbers: range) -> None:
    """Distinct pages, each holding ``word`` and a number of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        title = f"Telegram number {i:04d} on the armistice"
        text = PAGE.format(title=title, word=f"{word} page{i:04d}", filler=FILLER)
        (folder / f"page{i:04d}.html").write_text(text, "utf-8")


def change_pages(folder: Path, word: str) -> None:
    """A rebuild's worth of change: a tenth of the pages say something else."""
    for i in range(0, PAGES, 10):
        text = PAGE.format(title=f"Telegram {word} {i:04d}", word=word, filler=FILLER)
        (folder / f"page{i:04d}.html").write_text(text, "utf-8")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    source, index = tmp_path / "pages", tmp_path / "index"
    for numbers in (range(PAGES - ADDED), range(PAGES - ADDED, PAGES)):
        write_pages(source, "firstmarkerzq", numbers)
        assert Archive.build(source, index, workers=1).indexed == len(numbers)
    return source, index


def test_an_export_in_another_process_outlives_two_rebuilds(built: tuple[Path, Path]):
    source, index = built
    first = live(index)
    export = start(
        "query", "*", "--format", "jsonl", "--fields", "id,title,body", "--index", str(index)
    )
    try:
        lines = [export.stdout.readline()]
        assert json.loads(lines[0])["id"]
        for word in ("secondmarkerzq", "thirdmarkerzq"):
            change_pages(source, word)
            assert Archive.build(source, index, workers=1).indexed == PAGES // 10
        assert export.poll() is None, "the export still has its generation to read"
        assert first.is_dir() and live(index) != first, "kept while read, though retired"
        rest = export.stdout.read()  # through the same buffer as the first line
        err = export.stderr.read()
        export.wait(timeout=120)
    finally:
        reap(export)
    assert export.returncode == 0, err
    lines += rest.splitlines()
    assert len(lines) == PAGES and len({json.loads(line)["id"] for line in lines}) == PAGES
    assert not any("secondmarkerzq" in line for line in lines), "one generation, the first"
    assert not first.exists(), "removed by its last reader"
    assert [g.name for g in generations(index)] == [live(index).name]


def test_an_iterator_keeps_its_generation_while_the_archive_moves_on(
    built: tuple[Path, Path],
):
    source, index = built
    first = live(index)
    with Archive.open(index) as archive:
        records = archive.iter_records()
        kept = [next(records)]
        change_pages(source, "secondmarkerzq")
        Archive.build(source, index, workers=1)
        assert archive.search("secondmarkerzq").total == PAGES // 10, "the archive moved on"
        change_pages(source, "thirdmarkerzq")
        Archive.build(source, index, workers=1)
        assert archive.search("thirdmarkerzq").total == PAGES // 10
        assert first.is_dir(), "kept for the iterator"
        kept += list(records)
        assert len(kept) == PAGES and len({r.id for r in kept}) == PAGES
        assert all("markerzq" not in r.title for r in kept), "one generation, the first"
        assert not first.exists(), "removed when the iterator let go of it"
        assert archive.search("thirdmarkerzq").total == PAGES // 10
    assert [g.name for g in generations(index)] == [live(index).name]


def test_an_abandoned_iterator_lets_go_of_its_generation(built: tuple[Path, Path]):
    source, index = built
    first = live(index)
    with Archive.open(index) as archive:
        records = archive.iter_records()
        next(records)
        change_pages(source, "secondmarkerzq")
        Archive.build(source, index, workers=1)
        assert archive.search("secondmarkerzq").total == PAGES // 10
        assert first.is_dir()
        records.close()  # as when it is dropped unfinished
        assert not first.exists()
