"""After a rebuild every page under the source is either in the index or listed as failed."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from reliability_support import RAW_HTML, copy_tree, invoke, sample_pages

from searcher import Archive
from searcher.ingest import is_page

pytestmark = pytest.mark.skipif(not sample_pages(), reason="no sample pages in raw_html/")

BAD_PAGES = Path(__file__).resolve().parents[1] / "bad_pages"
LIMIT = 400_000


def add_bad_pages(folder: Path) -> None:
    """Pages no reader could make a document of, each broken in its own way."""
    bad = folder / "bad"
    bad.mkdir(parents=True)
    (bad / "empty.html").write_bytes(b"")
    (bad / "blank.html").write_bytes(b" \n\t\n")
    (bad / "binary.html").write_bytes(bytes(range(256)) * 40)
    (bad / "not-gzip.html.gz").write_bytes(b"<html>this is not compressed</html>")
    whole = gzip.compress(b"<html><body><h1>Telegram</h1>" + b"<p>text</p>" * 5000)
    (bad / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    (bad / "huge.html").write_bytes(b"<html><body><p>" + b"armistice " * (LIMIT // 9) + b"</p>")
    (bad / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * (LIMIT * 4)))
    (bad / "dangling.html").symlink_to(bad / "nowhere.html")
    if BAD_PAGES.is_dir():
        copy_tree(BAD_PAGES, folder / "shipped-bad")


def pages_under(source: Path) -> set[str]:
    return {
        p.relative_to(source).as_posix()
        for p in source.rglob("*")
        if is_page(p) and (p.is_file() or p.is_symlink())
    }


def test_every_page_is_indexed_or_listed_as_failed(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    copy_tree(RAW_HTML, source)
    add_bad_pages(source)
    expected = pages_under(source)

    done = invoke(
        "rebuild", "--source", str(source), "--index", str(index), "--max-bytes", str(LIMIT)
    )
    assert done.returncode == 1, "some pages failed"
    summary = re.search(
        r"indexed (\d+), unchanged \d+, removed \d+, failed (\d+) of (\d+)", done.stdout
    )
    assert summary, done.stdout
    indexed, failed_count, seen = map(int, summary.groups())

    listed = json.loads(
        invoke("stats", "--failed", "--index", str(index), "--format", "json").stdout
    )
    failed = {row["path"]: row["reason"] for row in listed}
    with Archive.open(index) as archive:
        # every page of a document saved more than once is one of its record's copies
        in_index = [path for r in archive.iter_records() for path in r.copies]

    assert len(in_index) == len(set(in_index)) == indexed
    assert len(failed) == failed_count
    assert set(in_index) | set(failed) == expected, "no page is left out"
    assert not set(in_index) & set(failed)
    assert seen == len(expected)
    assert all(reason.strip() for reason in failed.values()), "each failure says why"
    for name in ("empty", "blank", "binary", "cut", "huge", "bomb", "dangling"):
        assert any(path.startswith(f"bad/{name}.") for path in failed), name
    for path in failed:
        assert path in done.stderr, "each failed page is named on stderr"

    # an incremental rebuild keeps the account: unchanged pages skipped, failures still listed
    again = invoke(
        "rebuild", "--source", str(source), "--index", str(index), "--max-bytes", str(LIMIT)
    )
    assert again.returncode == 1
    assert f"unchanged {indexed}," in again.stdout
    relisted = json.loads(
        invoke("stats", "--failed", "--index", str(index), "--format", "json").stdout
    )
    assert {row["path"] for row in relisted} == set(failed)


def test_a_page_that_turns_bad_keeps_its_record_stale_until_dropped(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    copy_tree(RAW_HTML, source)
    assert invoke("rebuild", "--source", str(source), "--index", str(index), "-q").returncode == 0
    victim = "old/900003.html"  # "Ciphered telegram, Zhou Enlai to Filippov [Stalin]"
    with Archive.open(index) as archive:
        good = archive.get("900003")
    assert good is not None and good.path == victim and not good.stale
    (source / victim).write_bytes(b"")
    done = invoke("rebuild", "--source", str(source), "--index", str(index))
    assert done.returncode == 1
    assert victim in done.stderr and "last good record is kept" in done.stderr
    listed = json.loads(
        invoke("stats", "--failed", "--index", str(index), "--format", "json").stdout
    )
    assert [(row["path"], row["stale"]) for row in listed] == [(victim, True)]
    with Archive.open(index) as archive:
        kept = archive.get("900003")
        assert kept is not None and kept.title == good.title and kept.body == good.body
        assert kept.stale and "empty" in kept.stale

    again = invoke("rebuild", "--source", str(source), "--index", str(index), "-q")
    assert again.returncode == 1 and "(1 kept stale" in again.stdout  # the page unchanged
    dropped = invoke(
        "rebuild",
        "--source",
        str(source),
        "--index",
        str(index),
        "--drop-stale",
        "--format",
        "json",
    )
    assert dropped.returncode == 1, "the page is still unreadable"
    summary = json.loads(dropped.stdout)
    assert (summary["removed"], summary["stale"]) == (1, 0)
    assert [f["stale"] for f in summary["failures"]] == [False]
    assert "kept" not in dropped.stderr
    with Archive.open(index) as archive:
        assert archive.get("900003") is None
        assert victim not in {p for r in archive.iter_records() for p in r.copies}
