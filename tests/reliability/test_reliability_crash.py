"""A rebuild killed (SIGKILL) or interrupted (Ctrl-C) at any stage leaves the previous index.

The real command line is driven as a user runs it: ``search rebuild`` in a child process,
told to hold at a named step (``searcher.checkpoint``), stopped by a signal there, then the
index is queried and rebuilt again.  Nothing waits on the clock: the rebuild waits at the
step until the signal comes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from reliability_support import (
    SEARCH,
    copy_tree,
    generations,
    group_members,
    live,
    make_corpus,
    marker_page,
    run,
    total,
    wait_for,
)
from reliability_support import env as child_env
from reliability_support import reap as reap_group

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="process groups are read from /proc"
)

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


def hold(proc, stage: str, flag: Path) -> bool:
    """Wait until the rebuild holds at ``stage`` (see ``searcher.checkpoint``); False if it
    ended first.  Nothing is timed: the rebuild waits there until it is killed or let go."""
    wait_for(lambda: proc.poll() is not None or flag.exists(), timeout=300, step=0.005)
    return proc.poll() is None and flag.exists() and flag.read_text() == stage


def start_held(stage: str, flag: Path, *args: str) -> subprocess.Popen[str]:
    """``search ARGS`` in a process group of its own, told to hold at ``stage``."""
    return subprocess.Popen(
        [*SEARCH, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**child_env(), "SEARCHER_PAUSE_AT": stage, "SEARCHER_PAUSE_FILE": str(flag)},
        start_new_session=True,
    )


def records(index: Path) -> list:
    """Every record of the live generation, read back whole."""
    from searcher import Archive

    with Archive.open(index) as archive:
        return list(archive.iter_records())


def stale(index: Path, before: list[Path]) -> list[str]:
    return [g.name for g in generations(index) if g not in before and g != live(index)]


#: Steps of a full rebuild where it is killed or interrupted (``searcher.checkpoint``):
#: pages being parsed by the workers, and every page written but the generation unfinished.
STAGES = ("parsing", "committing")


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_leaves_the_previous_index(corpora, index, stage, tmp_path):
    before = generations(index)
    flag = tmp_path / "held"
    args = ("rebuild", "--source", str(corpora.big), "--index", str(index), "--full")
    proc = start_held(stage, flag, *args)
    try:
        assert hold(proc, stage, flag), f"the rebuild never held at {stage}: {proc.returncode}"
        os.kill(proc.pid, signal.SIGKILL)  # as the OOM killer would
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        # its worker processes do not outlive it (they would hold the lock)
        assert wait_for(lambda: not group_members(proc.pid), timeout=60)
    finally:
        reap_group(proc)
    assert_previous(index, corpora.docs, cli=True)
    left = stale(index, before)
    assert left, "the killed rebuild's generation is still there to be cleaned"
    assert_next_rebuild_recovers(index, corpora.old, left)
    assert_previous(index, corpora.docs)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stage", "published"),
    [("committing", False), ("publishing", False), ("published", True)],
)
def test_sigkill_around_the_swap_leaves_old_or_new_whole(corpora, tmp_path, stage, published):
    """Killed with the new generation complete but CURRENT not yet renamed, the previous
    index answers; killed just after the rename, the new one answers, whole."""
    source = tmp_path / "source"
    copy_tree(corpora.old, source)
    marker_page(source, NEW)  # one page changed: a quick incremental rebuild
    index = tmp_path / "index"
    copy_tree(corpora.index, index)
    before = generations(index)
    flag = tmp_path / "held"
    proc = start_held(stage, flag, "rebuild", "--source", str(source), "--index", str(index))
    try:
        assert hold(proc, stage, flag), f"the rebuild never held at {stage}: {proc.returncode}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
    finally:
        reap_group(proc)
    assert (live(index) not in before) == published
    old, new = (0, 1) if published else (1, 0)
    assert (total(index, OLD), total(index, NEW), total(index, "")) == (old, new, corpora.docs)
    shown = run("query", NEW if published else OLD, "--index", str(index))
    assert shown.returncode == 0, shown.stderr
    # the answering generation is whole: every document of it is readable, not only counted
    assert len(records(index)) == corpora.docs
    assert_next_rebuild_recovers(index, source, stale(index, before))
    assert (total(index, OLD), total(index, NEW)) == (0, 1)


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_ctrl_c_stops_with_status_130_without_finishing(corpora, index, stage, tmp_path):
    """Ctrl-C reaches the whole foreground process group, workers included, and stops the
    rebuild where it is: held at a step, it cannot finish its work first."""
    before = generations(index)
    flag = tmp_path / "held"
    args = ("rebuild", "--source", str(corpora.big), "--index", str(index), "--full")
    proc = start_held(stage, flag, *args)
    try:
        assert hold(proc, stage, flag), f"the rebuild never held at {stage}: {proc.returncode}"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        assert flag.exists(), "it stopped while still held, not by going on"
        assert wait_for(lambda: not group_members(proc.pid), timeout=60)
    finally:
        reap_group(proc)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert generations(index) == before, "the interrupted generation is removed"
    assert_previous(index, corpora.docs)
    assert_next_rebuild_recovers(index, corpora.old, [])
