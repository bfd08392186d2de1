"""A rebuild killed (SIGKILL) or interrupted (Ctrl-C) at any stage leaves the previous index.

The real command line is driven as a user runs it: ``search rebuild`` in a child process,
stopped by a signal when a stage is visible from outside (the new generation folder and the
files Whoosh writes into it), then the index is queried and rebuilt again.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from reliability_support import (
    copy_tree,
    generations,
    group_members,
    live,
    make_corpus,
    marker_page,
    new_files,
    run,
    sample_pages,
    start,
    total,
    wait_for,
)
from reliability_support import reap as reap_group

pytestmark = [
    pytest.mark.skipif(not sample_pages(), reason="no sample pages in raw_html/"),
    pytest.mark.skipif(sys.platform != "linux", reason="process groups are read from /proc"),
]

OLD, NEW = "oldmarkerzq", "newmarkerzq"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A built index of a small corpus, and a big corpus (parsed by worker processes)."""
    base = tmp_path_factory.mktemp("crash")
    old, big, index = base / "old", base / "big", base / "index"
    make_corpus(old, 1, OLD, every=8)
    make_corpus(big, 3, NEW)  # over 200 pages: parsed by worker processes
    done = run("rebuild", "--source", str(old), "--index", str(index), "-q")
    assert done.returncode in (0, 1), done.stderr
    return SimpleNamespace(old=old, big=big, index=index, docs=total(index, ""))


@pytest.fixture
def index(corpora: SimpleNamespace, tmp_path: Path) -> Path:
    """A private copy of the built index."""
    path = tmp_path / "index"
    copy_tree(corpora.index, path)
    return path


def assert_previous(index: Path, docs: int, *, cli: bool = False) -> None:
    """The index opens and answers with the content of the first build, and only that."""
    assert (total(index, OLD), total(index, NEW), total(index, "")) == (1, 0, docs)
    if cli:
        shown = run("query", OLD, "--index", str(index))
        assert shown.returncode == 0, shown.stderr
        assert f"Telegram about {OLD}" in shown.stdout


def assert_next_rebuild_recovers(index: Path, source: Path, leftovers: list[str]) -> None:
    """The following rebuild runs normally, says what it cleaned and leaves nothing behind."""
    done = run("rebuild", "--source", str(source), "--index", str(index), "-q")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    for name in leftovers:
        assert name in done.stdout + done.stderr, "the clean-up of leftovers is reported"
    names = [g.name for g in generations(index)]
    # the new live generation, and at most the one it replaced (kept for open readers)
    assert max(names) == live(index).name and len(names) <= 2, names
    assert not [p for p in index.iterdir() if p.name.endswith(".tmp")]


def reach(proc, condition, delay: float = 0.0) -> bool:
    """Wait until ``condition`` holds (then ``delay`` more); False if the rebuild ended first."""
    wait_for(lambda: proc.poll() is not None or condition(), timeout=120, step=0.002)
    if delay:
        time.sleep(delay)
    return proc.poll() is None


def kill_when(proc, condition, delay: float = 0.0) -> bool:
    """SIGKILL the rebuild's main process (as the OOM killer would) at a stage."""
    if not reach(proc, condition, delay):
        return False
    os.kill(proc.pid, signal.SIGKILL)
    return True


def stale(index: Path, before: list[Path]) -> list[str]:
    return [g.name for g in generations(index) if g not in before and g != live(index)]


#: Stages of a full rebuild, told by the files in its new generation folder.
STAGES = {
    # the writer has taken its first parsed pages while workers parse the rest
    "parsing": lambda names: "MAIN.tmp" in names,
    # the commit is writing the new segment's column files
    "writing": lambda names: any(n.endswith(".col") for n in names),
}


@pytest.mark.slow
@pytest.mark.parametrize("stage", list(STAGES))
def test_sigkill_leaves_the_previous_index(corpora, index, stage):
    before = generations(index)
    proc = start("rebuild", "--source", str(corpora.big), "--index", str(index), "--full")
    try:
        killed = kill_when(proc, lambda: STAGES[stage](new_files(index, set())))
        proc.wait(timeout=60)
        assert killed, f"the rebuild finished before reaching the {stage} stage"
        # its worker processes do not outlive it (they would hold the lock)
        assert wait_for(lambda: not group_members(proc.pid), timeout=10)
    finally:
        reap_group(proc)
    assert_previous(index, corpora.docs, cli=True)
    left = stale(index, before)
    assert left, "the killed rebuild's generation is still there to be cleaned"
    assert_next_rebuild_recovers(index, corpora.old, left)
    assert_previous(index, corpora.docs)


@pytest.mark.slow
def test_sigkill_around_the_swap_leaves_old_or_new_never_broken(corpora, tmp_path):
    """Kills at growing delays after the new segment is complete hit the publish step."""
    source = tmp_path / "source"
    copy_tree(corpora.old, source)
    marker_page(source, NEW)  # one page changed: a quick incremental rebuild
    outcomes = set()
    for n, delay in enumerate((0.0, 0.02, 0.06)):
        index = tmp_path / f"index{n}"
        copy_tree(corpora.index, index)
        before = generations(index)
        old_files = {f.name for f in before[-1].iterdir()}
        proc = start("rebuild", "--source", str(source), "--index", str(index))
        try:
            kill_when(
                proc,
                lambda i=index, o=old_files: any(n.endswith(".seg") for n in new_files(i, o)),
                delay=delay,
            )
            proc.wait(timeout=60)
        finally:
            reap_group(proc)
        published = live(index) not in before
        outcomes.add(published)
        old, new = (0, 1) if published else (1, 0)
        assert (total(index, OLD), total(index, NEW), total(index, "")) == (old, new, corpora.docs)
        assert_next_rebuild_recovers(index, source, stale(index, before))
        assert (total(index, OLD), total(index, NEW)) == (0, 1)
    assert outcomes, "every kill left a usable index"


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["parsing", "writing"])
def test_ctrl_c_stops_promptly_with_status_130(corpora, index, stage):
    """Ctrl-C reaches the whole foreground process group, workers included."""
    before = generations(index)
    proc = start("rebuild", "--source", str(corpora.big), "--index", str(index), "--full")
    try:
        reached = reach(proc, lambda: STAGES[stage](new_files(index, set())))
        assert reached, f"the rebuild finished before reaching the {stage} stage"
        os.killpg(proc.pid, signal.SIGINT)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=60)
        stopped = time.monotonic() - sent
        assert not group_members(proc.pid)
    finally:
        reap_group(proc)
    assert proc.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err
    # meant to stop within a second; the margin is for a loaded machine, and is still far
    # below the time the remaining work takes
    assert stopped < 3.0, f"took {stopped:.1f} s to stop"
    assert generations(index) == before, "the interrupted generation is removed"
    assert_previous(index, corpora.docs)
    assert_next_rebuild_recovers(index, corpora.old, [])
