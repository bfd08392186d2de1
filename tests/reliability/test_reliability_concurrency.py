"""Readers in other processes keep answering during rebuilds; two rebuilds never collide."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_support import (
    env,
    generations,
    make_corpus,
    reap,
    run,
    sample_pages,
    start,
    total,
    wait_for,
)

pytestmark = pytest.mark.skipif(not sample_pages(), reason="no sample pages in raw_html/")

OLD, NEW = "oldmarkerzq", "newmarkerzq"

#: A script querying one long-lived Archive, and fresh ones, until told to stop; it prints
#: the titles each search found (one search reads one generation) and exits 1 on any error.
READER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from searcher import Archive
    index, stop = sys.argv[1], Path(sys.argv[2])
    kept = Archive.open(index)
    print("ready", flush=True)
    n = 0
    while not stop.exists() or n < 3:
        archive = kept if n % 2 else Archive.open(index)
        found = archive.search(f"{sys.argv[3]} OR {sys.argv[4]}", limit=5)
        print("|".join(sorted(hit.title for hit in found.hits)), flush=True)
        if archive is not kept:
            archive.close()
        n += 1
    """
)


@pytest.mark.slow
def test_queries_from_another_process_answer_throughout_rebuilds(tmp_path: Path):
    old, new, index = tmp_path / "old", tmp_path / "new", tmp_path / "index"
    make_corpus(old, 1, OLD, every=8)
    make_corpus(new, 1, NEW, every=4)
    assert run("rebuild", "--source", str(old), "--index", str(index), "-q").returncode == 0
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(index), str(stop), OLD, NEW],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    try:
        assert reader.stdout.readline().strip() == "ready"
        for source in (new, old, new):  # the second removes the first's old generation
            done = run("rebuild", "--source", str(source), "--index", str(index), "-q")
            assert done.returncode == 0, done.stderr
        stop.touch()
        out, err = reader.communicate(timeout=120)
    finally:
        stop.touch()
        reap(reader)
    assert reader.returncode == 0, err
    seen = set(out.splitlines())
    states = {f"Telegram about {OLD}", f"Telegram about {NEW}"}
    assert seen <= states, f"only whole old or whole new content: {seen - states}"
    assert f"Telegram about {NEW}" in seen, "the readers saw the last rebuild"


@pytest.mark.slow
def test_a_second_rebuild_is_refused_clearly_and_nothing_is_corrupted(tmp_path: Path):
    old, big, index = tmp_path / "old", tmp_path / "big", tmp_path / "index"
    make_corpus(old, 1, OLD, every=8)
    make_corpus(big, 2, NEW)
    assert run("rebuild", "--source", str(old), "--index", str(index), "-q").returncode == 0
    first = start("rebuild", "--source", str(big), "--index", str(index), "--full", "-q")
    try:
        assert wait_for(lambda: len(generations(index)) > 1 or first.poll() is not None, 60)
        second = run("rebuild", "--source", str(old), "--index", str(index), "--full")
        out, err = first.communicate(timeout=180)
    finally:
        reap(first)
    assert second.returncode == 4
    assert "another rebuild is running" in second.stderr
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, err
    assert (total(index, OLD), total(index, NEW)) == (0, 1)
    # back to the small folder: most records go, which a rebuild does only when told to
    after = run("rebuild", "--source", str(old), "--index", str(index), "-q", "--allow-removals")
    assert after.returncode == 0, after.stderr
    assert (total(index, OLD), total(index, NEW)) == (1, 0)
